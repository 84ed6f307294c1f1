import ArchiveStore
import SQLite

/// The canned reports: each is a `ReportDefinition` (reports/NAME.sql), run here with its named
/// parameters bound and its rows handed to a writer as they are stepped.
public enum Reports {
    /// The report called `name`; a missing one is a programming error (the CLI names only real ones).
    public static func definition(_ name: String) -> ReportDefinition {
        guard let definition = ReportDefinition.named(name) else { preconditionFailure("no report reports/\(name).sql") }
        return definition
    }

    /// Runs `report` on `archive` with `arguments` (by parameter name; one not given is NULL),
    /// writing each row to `writer` as it is stepped, so memory does not grow with the rows.
    /// A full-text query SQLite refuses is a `QueryError.badSearch` naming it.
    public static func run(_ report: ReportDefinition, on archive: ReadableArchive, arguments: [String: ReportArgument],
                           into writer: RowWriter) throws {
        let statement = try archive.database.prepare(report.sql)
        let columns = self.columns(of: statement, report: report)
        try statement.bind(named: arguments.mapValues(\.value))
        try writer.begin(title: report.title, columns: columns)
        do {
            while let row = try statement.step() { try writer.write(row) }
        } catch let error as SQLiteError where ResultCode.error ~= error.code {
            // The report's SQL is fixed and tested, so an SQL error at run time comes from a full-text query.
            let query = ["q", "topic"].lazy.compactMap { arguments[$0]?.value.textValue }.first
            guard let query else { throw error }
            throw QueryError.badSearch(query: query, detail: error.message)
        }
        try writer.end()
    }

    /// The rows of `report` as a table in memory (charts, tests, small results).
    public static func table(_ report: ReportDefinition, on archive: ReadableArchive,
                             arguments: [String: ReportArgument] = [:]) throws -> ReportTable {
        let collector = TableCollector()
        try run(report, on: archive, arguments: arguments, into: collector)
        return collector.table
    }

    /// The statement's own columns, each shown as the report's header says.
    static func columns(of statement: Statement, report: ReportDefinition) -> [ReportColumn] {
        statement.columnNames.map { name in
            let kind = report.columns.first { $0.name == name }.flatMap { ColumnKind(rawValue: $0.kind) } ?? .text
            return ReportColumn(name, kind)
        }
    }
}

/// A value for one of a report's named parameters (`:since`, `:by`, `:limit`, ...).
public enum ReportArgument: Sendable, Equatable {
    case text(String)
    case integer(Int64)

    var value: SQLiteValue {
        switch self {
        case .text(let text): return .text(text)
        case .integer(let number): return .integer(number)
        }
    }
}

/// What `archive query search` makes of what a person types: each word quoted, so a hyphen, an
/// apostrophe or a colon is just text (`Net-Reach`, `Barnardo's`, `s.1:`), and the words must all
/// appear. `--raw` passes FTS5 syntax through instead.
public enum SearchText {
    /// Plain words as an FTS5 query: `Net-Reach  Barnardo's` is `"Net-Reach" "Barnardo's"`.
    /// Nil when there is no word at all.
    public static func plainWords(_ text: String) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" }.joined(separator: " ")
    }
}

/// Problems with a query a person asked for.
public enum QueryError: Error, Equatable, CustomStringConvertible {
    /// The full-text query is not valid FTS5 syntax.
    case badSearch(query: String, detail: String)
    /// `archive sql` was given a statement that would change the database.
    case notReadOnly(String)

    public var description: String {
        switch self {
        case .badSearch(let query, let detail):
            return "not a valid FTS5 query: \(query) (\(detail)); FTS5 takes words, \"exact phrases\", AND, OR, NOT, NEAR() and prefix*, or leave out --raw to search for the words as typed"
        case .notReadOnly:
            return "archive sql runs read-only queries; this statement would change the database and was not run"
        }
    }
}

extension ReportValue {
    /// A report value from an SQLite value; blobs are shown as their size.
    init(_ value: SQLiteValue) {
        switch value {
        case .null: self = .null
        case .integer(let integer): self = .integer(integer)
        case .real(let real): self = .real(real)
        case .text(let text): self = .text(text)
        case .blob(let bytes): self = .text("<\(bytes.count) bytes>")
        }
    }
}
