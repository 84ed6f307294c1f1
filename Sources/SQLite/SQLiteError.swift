import Foundation

/// An error reported by SQLite, with everything needed to understand it: the extended result
/// code, SQLite's own message, and the SQL that was running.
///
/// Printed with the extended code and what it means, e.g.
/// `SQLite error 2067 (constraint failed): UNIQUE constraint failed: answers.id - while executing INSERT ...`.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The extended result code, e.g. `.constraintUnique`; match it against a primary code
    /// (`case .constraint`) to take every constraint failure.
    public let code: ResultCode
    /// `sqlite3_errmsg` at the time of the failure, or a message of the wrapper's own.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    /// Creates an error from its parts.
    public init(code: ResultCode, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// Another connection holds a lock this one needed, even after the busy timeout.
    public var isBusy: Bool { ResultCode.busy ~= code || ResultCode.locked ~= code }

    public var description: String {
        var text = "SQLite error \(code.rawValue) (\(code)): \(message)"
        if let sql {
            let oneLine = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            text += " - while executing \(oneLine.count > 200 ? String(oneLine.prefix(200)) + "..." : oneLine)"
        }
        return text
    }
}
