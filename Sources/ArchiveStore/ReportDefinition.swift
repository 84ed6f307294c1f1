/// A canned report, defined once in `reports/NAME.sql`: a header of `--` lines (title,
/// description, an optional view name, its own parameters, and a description of each column),
/// then one SQL statement with named parameters. The CLI runs it, the archive keeps it as a view
/// for people typing SQL, and the Datasette export makes it a canned query: all from this text.
///
///     -- title: Funding by recipient
///     -- description: Money by recipient over the distinct grants ...
///     --   (a line starting with more spaces continues the one before)
///     -- view: funding_by_recipient
///     -- param by: what a row totals: recipient (the default), funder, year or project
///     -- column name text: the recipient, funder, financial year or project the row totals
///     --
///     -- (after a bare `--`, comments are the statement's own)
///     SELECT ...
public struct ReportDefinition: Sendable, Equatable {
    /// The file name without `.sql`: the report's command and canned-query name, e.g. "funding".
    public let name: String
    /// A short title, e.g. "Funding by recipient".
    public let title: String
    /// What the report shows and how it counts, in sentences.
    public let description: String
    /// The view the archive keeps of it (every parameter NULL), if it has one.
    public let viewName: String?
    /// The statement, without its header.
    public let sql: String
    /// Its named parameters, in order of first use, each with what it does.
    public let parameters: [Parameter]
    /// Its columns as the header describes them, in order; a test holds them to the statement's.
    public let columns: [Column]

    /// A named parameter (`:since`). Every one may be NULL or '' (Datasette's blank field): no filter.
    public struct Parameter: Sendable, Equatable {
        public let name: String
        public let description: String
    }

    /// A column: its name, how to show it (text, integer, decimal, money, percent, date) and what it holds.
    public struct Column: Sendable, Equatable {
        public let name: String
        public let kind: String
        public let description: String
    }

    /// What the filters every report shares do, so each report file describes only its own.
    public static let sharedParameters: [String: String] = [
        "since": "only answers given on or after this day (YYYY-MM-DD)",
        "until": "only answers given on or before this day (YYYY-MM-DD)",
        "house": "only questions tabled in this House: Commons or Lords",
        "body": "only answers from this answering body, by name or Parliament id (Home Office = 1)",
        "topic": "only answers whose question or text match this full-text query",
        "recipient": "only recipients whose name contains this text (any case)",
        "limit": "at most this many rows",
    ]

    /// Reads a report from its file name and text.
    public init(fileName: String, text: String) throws(ReportDefinitionError) {
        guard fileName.hasSuffix(".sql") else { throw .init(fileName, "is not a .sql file") }
        name = String(fileName.dropLast(4))
        let header = try ReportHeader(text: text, fileName: fileName)
        guard let title = header.fields["title"] else { throw .init(fileName, "has no '-- title:' line") }
        guard let description = header.fields["description"] else { throw .init(fileName, "has no '-- description:' line") }
        self.title = title
        self.description = description
        viewName = header.fields["view"]
        sql = header.body
        columns = header.columns
        var parameters: [Parameter] = []
        for name in SQLText.parameterNames(in: header.body) {
            guard let about = header.parameters[name] ?? Self.sharedParameters[name] else {
                throw .init(fileName, "uses :\(name) but no '-- param \(name):' line says what it does")
            }
            parameters.append(Parameter(name: name, description: about))
        }
        self.parameters = parameters
    }

    /// `CREATE VIEW` for the report with every parameter NULL, its title and description kept as
    /// a comment so `.schema` in sqlite3 says what the view is. Nil when the report has no view.
    public var createViewSQL: String? {
        guard let viewName else { return nil }
        return "CREATE VIEW \(viewName) AS\n-- \(title): \(description)\n" + SQLText.replacingParameters(in: sql, with: "NULL")
    }

    /// The reports this binary carries, from `reports/*.sql`, in name order.
    public static let all: [ReportDefinition] = embeddedReports.map { file in
        do {
            return try ReportDefinition(fileName: file.fileName, text: file.sql)
        } catch {
            // The files are compiled in and a test reads every one, so this is a build mistake.
            preconditionFailure("\(error)")
        }
    }

    /// The report called `name`, if there is one.
    public static func named(_ name: String) -> ReportDefinition? {
        all.first { $0.name == name }
    }
}

/// A report file that cannot be read.
public struct ReportDefinitionError: Error, Equatable, CustomStringConvertible {
    public let fileName: String
    public let problem: String

    init(_ fileName: String, _ problem: String) {
        self.fileName = fileName
        self.problem = problem
    }

    public var description: String { "reports/\(fileName) \(problem)" }
}

/// The `--` lines at the top of a report file, and the statement after them.
struct ReportHeader {
    var fields: [String: String] = [:]
    var parameters: [String: String] = [:]
    var columns: [ReportDefinition.Column] = []
    var body = ""

    init(text: String, fileName: String) throws(ReportDefinitionError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var entries: [String] = []
        // The header ends at the first line that is not a comment, or is a bare `--`: comments
        // after that belong to the statement.
        while let line = lines.first, line.hasPrefix("--"), line.trimmingSpaces != "--" {
            lines = lines.dropFirst()
            let content = line.dropFirst(2)
            if content.hasPrefix("   "), !entries.isEmpty {
                entries[entries.count - 1] += " " + content.trimmingSpaces
            } else {
                entries.append(String(content.trimmingSpaces))
            }
        }
        body = String(lines.joined(separator: "\n").trimmingSpaces)
        for entry in entries { try read(entry, fileName: fileName) }
    }

    private mutating func read(_ entry: String, fileName: String) throws(ReportDefinitionError) {
        guard let colon = entry.firstIndex(of: ":") else { throw .init(fileName, "has a header line without 'key:': \(entry)") }
        let key = entry[..<colon].split(separator: " ").map(String.init)
        let value = String(entry[entry.index(after: colon)...].trimmingSpaces)
        switch (key.first, key.count) {
        case ("param", 2): parameters[key[1]] = value
        case ("column", 3): columns.append(.init(name: key[1], kind: key[2], description: value))
        case ("title", 1), ("description", 1), ("view", 1): fields[key[0]] = value
        default: throw .init(fileName, "has a header line this reader does not know: \(entry)")
        }
    }
}

/// Reading SQL text without running it: where its named parameters are, outside strings,
/// quoted names and comments.
enum SQLText {
    /// The names of the named parameters (`:name`, `@name`, `$name`), without the prefix, in order of first use.
    static func parameterNames(in sql: String) -> [String] {
        var names: [String] = []
        scan(sql) { name in if !names.contains(name) { names.append(name) } ; return nil }
        return names
    }

    /// `sql` with every named parameter replaced by `replacement`.
    static func replacingParameters(in sql: String, with replacement: String) -> String {
        scan(sql) { _ in replacement }
    }

    /// Walks `sql`'s UTF-8 bytes, calling `visit` with each parameter's name; returns the text with
    /// each parameter replaced by what `visit` returns (kept when it returns nil).
    @discardableResult
    private static func scan(_ sql: String, _ visit: (String) -> String?) -> String {
        let bytes = Array(sql.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        /// Copies up to `end` (or the text's end), then goes on from there.
        func copy(through end: Int) {
            let end = min(end, bytes.count)
            out.append(contentsOf: bytes[i..<end])
            i = end
        }
        /// Where `closing` ends, searching from `start`: the text's end when it never does.
        func end(of closing: [UInt8], from start: Int) -> Int {
            var j = start
            while j + closing.count <= bytes.count {
                if bytes[j..<(j + closing.count)].elementsEqual(closing) { return j + closing.count }
                j += 1
            }
            return bytes.count
        }
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
        }
        while i < bytes.count {
            let c = bytes[i]
            let next: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
            switch c {
            // A quote doubled inside a string is two strings back to back, which this reads the same way.
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"): copy(through: end(of: [c], from: i + 1))
            case UInt8(ascii: "["): copy(through: end(of: [UInt8(ascii: "]")], from: i + 1))
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"): copy(through: end(of: [10], from: i + 2))
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"): copy(through: end(of: Array("*/".utf8), from: i + 2))
            case UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "$"):
                var j = i + 1
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                guard j > i + 1 else { copy(through: i + 1); continue }
                if let replacement = visit(String(decoding: bytes[(i + 1)..<j], as: UTF8.self)) {
                    out.append(contentsOf: replacement.utf8)
                    i = j
                } else {
                    copy(through: j)
                }
            default: copy(through: i + 1)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

private extension StringProtocol {
    var trimmingSpaces: Substring {
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = text.lastIndex(where: { !$0.isWhitespace })!
        return text[first...last]
    }
}
