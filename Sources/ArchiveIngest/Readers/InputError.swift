import Foundation

/// An input file that cannot be read as what it claims to be: names the file, the record inside it
/// (when there is one) and the field, with a reason a person can act on. Its description is one line:
///
///     list.json: results[3] (uin 7814): field 'dateTabled': expected a date, found "yesterday"
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file, as the caller named it.
    public var file: String
    /// The record inside the file, e.g. `results[3] (uin 7814)` or `uin 7814`; nil for the file as a whole.
    public var record: String?
    /// The field, as a path inside the record, e.g. `dateTabled` or `attachments[0].url`; nil when no one field is at fault.
    public var field: String?
    /// What is wrong, e.g. `expected a date, found "yesterday"`.
    public var reason: String

    public init(file: String, record: String? = nil, field: String? = nil, reason: String) {
        self.file = file
        self.record = record
        self.field = field
        self.reason = reason
    }

    public var description: String {
        var parts: [String] = [file]
        if let record { parts.append(record) }
        if let field { parts.append("field '\(field)'") }
        parts.append(reason)
        // One line, whatever the input held.
        return parts.joined(separator: ": ")
            .replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }
}

extension InputError {
    /// A short, one-line rendering of an input value for a reason: strings quoted and cut at
    /// 40 characters, numbers and booleans as written, containers by kind.
    static func quoted(_ text: String, limit: Int = 40) -> String {
        var shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        shown = shown.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
            .replacingOccurrences(of: "\t", with: "\\t")
        return "\"\(shown)\""
    }
}
