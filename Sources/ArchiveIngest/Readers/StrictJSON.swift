import ArchiveStore
import Foundation

/// A JSON value as `JSONParser` read it, each of its own kind (a `true` is never a `1`).
indirect enum JSONKind: Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONKind])
    case object([String: JSONKind])

    /// How a reason shows the value: `"text"`, `12`, `true`, `null`, `an object`, `an array`.
    var shown: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .string(let s): return InputError.quoted(s)
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Where a value sits, for errors: the file, the record inside it, and the field path so far.
struct JSONContext {
    var file: String
    var record: String?

    func error(_ field: String?, _ reason: String) -> InputError {
        InputError(file: file, record: record, field: field, reason: reason)
    }
}

/// One JSON object read field by field with strict types. Every accessor returns nil for a field
/// that is absent or null and throws an InputError naming file, record and field for a value of
/// the wrong type.
struct JSONFields {
    let object: [String: JSONKind]
    /// The path of this object inside the record, "" for the record itself, else e.g. "askingMember".
    let path: String
    let context: JSONContext

    init(_ object: [String: JSONKind], path: String = "", context: JSONContext) {
        self.object = object
        self.path = path
        self.context = context
    }

    func fieldName(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String, _ reason: String) -> InputError { context.error(fieldName(key), reason) }

    func has(_ key: String) -> Bool { object[key] != nil }

    /// The field's kind; nil when absent or null.
    func kind(_ key: String) -> JSONKind? {
        guard let value = object[key] else { return nil }
        if case .null = value { return nil }
        return value
    }

    func string(_ key: String) throws -> String? {
        guard let kind = kind(key) else { return nil }
        guard case .string(let s) = kind else { throw error(key, "expected a string, found \(kind.shown)") }
        return s
    }

    /// A string, with "" (and white space only) read as absent.
    func text(_ key: String) throws -> String? {
        guard let s = try string(key), !s.trimmingSpaces.isEmpty else { return nil }
        return s
    }

    func requiredString(_ key: String) throws -> String {
        guard object[key] != nil else { throw error(key, "is missing") }
        guard let s = try string(key) else { throw error(key, "is null") }
        guard !s.trimmingSpaces.isEmpty else { throw error(key, "is empty") }
        return s
    }

    func int(_ key: String) throws -> Int? {
        guard let kind = kind(key) else { return nil }
        guard case .integer(let i) = kind else { throw error(key, "expected a whole number, found \(kind.shown)") }
        return i
    }

    func bool(_ key: String) throws -> Bool? {
        guard let kind = kind(key) else { return nil }
        guard case .bool(let b) = kind else { throw error(key, "expected true or false, found \(kind.shown)") }
        return b
    }

    /// An API date-time, as its day `YYYY-MM-DD`.
    func date(_ key: String) throws -> String? {
        guard let kind = kind(key) else { return nil }
        guard case .string(let s) = kind, let day = Day(isoDateTime: s.trimmingSpaces)?.description else {
            throw error(key, "expected a date, found \(kind.shown)")
        }
        return day
    }

    func requiredDate(_ key: String) throws -> String {
        guard object[key] != nil else { throw error(key, "is missing") }
        guard let day = try date(key) else { throw error(key, "is null") }
        return day
    }

    func object(_ key: String) throws -> JSONFields? {
        guard let kind = kind(key) else { return nil }
        guard case .object(let o) = kind else { throw error(key, "expected an object, found \(kind.shown)") }
        return JSONFields(o, path: fieldName(key), context: context)
    }

    func array(_ key: String) throws -> [JSONKind]? {
        guard let kind = kind(key) else { return nil }
        guard case .array(let a) = kind else { throw error(key, "expected an array, found \(kind.shown)") }
        return a
    }

    /// The elements of an array of objects, each read with its index in the path.
    func objects(_ key: String) throws -> [JSONFields] {
        guard let items = try array(key) else { return [] }
        return try items.enumerated().map { index, item in
            let name = "\(fieldName(key))[\(index)]"
            guard case .object(let o) = item else {
                throw context.error(name, "expected an object, found \(item.shown)")
            }
            return JSONFields(o, path: name, context: context)
        }
    }

    /// The elements of an array of strings.
    func strings(_ key: String) throws -> [String] {
        guard let items = try array(key) else { return [] }
        return try items.enumerated().map { index, item in
            guard case .string(let s) = item else {
                throw context.error("\(fieldName(key))[\(index)]", "expected a string, found \(item.shown)")
            }
            return s
        }
    }
}

enum InputBytes {
    /// The largest input file the readers take; anything larger is refused before parsing.
    static let maximumSize = 32 << 20

    /// Checks the size and the UTF-8 of a file's bytes and gives its text.
    static func text(_ data: Data, file: String) throws -> String {
        try checkSize(data, file: file)
        guard var text = String(validating: data, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(data) ?? 0
            throw InputError(file: file, reason: "not valid UTF-8 (bad byte at offset \(offset))")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    static func checkSize(_ data: Data, file: String) throws {
        if data.isEmpty { throw InputError(file: file, reason: "empty file") }
        if data.count > maximumSize {
            throw InputError(file: file, reason: "file is \(data.count) bytes, over the \(maximumSize)-byte limit")
        }
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Parses JSON after the size and UTF-8 checks; a syntax error or absurd nesting (more than
    /// 512 levels) throws an InputError, never a crash.
    static func json(_ data: Data, file: String, alreadyChecked: Bool = false) throws -> JSONKind {
        if !alreadyChecked { _ = try text(data, file: file) }
        var body = data
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        do {
            return try body.withUnsafeBytes { raw throws(JSONParser.SyntaxError) in
                try JSONParser.parse(raw.bindMemory(to: UInt8.self))
            }
        } catch {
            throw InputError(file: file, reason: "not valid JSON: \(error)")
        }
    }
}
