import ArchiveStore
import Foundation

/// The kinds of input file the archive reads, told apart by content, never by file name.
public enum InputFormat: String, Sendable, Equatable, CaseIterable {
    /// A single-question API response: a JSON object with a "value" object.
    case apiItem
    /// A page of an API search: a JSON object with a "results" array and "totalResults".
    case apiList
    /// A written-question page saved as text: a "UIN N, tabled on D Month YYYY" line with
    /// "Question for ..." (or the page's other markers).
    case pageText

    /// The format of `data`, or nil when it is none of them.
    public static func detect(_ data: Data) -> InputFormat? {
        guard !data.isEmpty, data.count <= InputBytes.maximumSize else { return nil }
        if startsLikeJSON(data), let json = try? InputBytes.json(data, file: ""), let format = format(ofJSON: json) {
            return format
        }
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        return PageTextReader.looksLikePage(text) ? .pageText : nil
    }

    static func format(ofJSON json: JSONKind) -> InputFormat? {
        guard case .object(let object) = json else { return nil }
        if let value = object["value"], case .object = value { return .apiItem }
        if let results = object["results"], case .array = results, object["totalResults"] != nil { return .apiList }
        return nil
    }

    /// True when the first byte after a BOM and white space opens a JSON object or array.
    static func startsLikeJSON(_ data: Data) -> Bool {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }
}

/// One entry point for any input file: detects the format by content and reads it.
public enum InputReader {
    /// The records in a file of any supported format, in file order. Throws an ``InputError``
    /// naming the file (and the record and field, where one is at fault) when it cannot be read.
    public static func records(from data: Data, file: String) throws -> [QuestionRecord] {
        try formatAndRecords(from: data, file: file).records
    }

    /// The file's format and its records, parsing it once.
    public static func formatAndRecords(from data: Data, file: String) throws -> (format: InputFormat, records: [QuestionRecord]) {
        let text = try InputBytes.text(data, file: file)
        if InputFormat.startsLikeJSON(data) {
            // Shape errors (an array, an object of the wrong kind) come from the API reader, which
            // names what it expected.
            let json = try InputBytes.json(data, file: file, alreadyChecked: true)
            let records = try APIReader.records(fromJSON: json, file: file)
            return (InputFormat.format(ofJSON: json) ?? .apiItem, records)
        }
        return (.pageText, [try PageTextReader.record(from: text, file: file)])
    }
}
