/// A column of a report: its name (snake_case, used as CSV header and JSON key), and how to show it.
public struct ReportColumn: Sendable, Equatable {
    /// The column's snake_case name, e.g. "amount_gbp"; the CSV header and JSON key.
    public var name: String
    /// How the column's values are shown in the human formats (table, markdown, svg).
    public var kind: ColumnKind

    /// A column named `name` shown as `kind`.
    public init(_ name: String, _ kind: ColumnKind) {
        self.name = name
        self.kind = kind
    }
}

/// How a column's values are shown to people; the machine formats (csv, json) print raw values.
public enum ColumnKind: String, Sendable, Equatable {
    /// Free text, left-aligned; numbers in a text column print plainly (2023, not 2,023).
    case text
    /// A count, shown with thousands separators (17,004) and right-aligned.
    case integer
    /// A fractional number, shown with thousands separators and up to two decimals.
    case decimal
    /// An amount in pounds: £1,360,000, with pence only when not whole (£1,360,000.50).
    case money
    /// Percentage points: the value 10 is shown as 10%, 12.34 as 12.3%.
    case percent
    /// A `YYYY-MM-DD` date held as text, shown as is.
    case date

    /// Whether values of this kind are numbers, right-aligned in tables.
    public var isNumeric: Bool {
        switch self {
        case .integer, .decimal, .money, .percent: true
        case .text, .date: false
        }
    }
}

/// A value in a cell.
public enum ReportValue: Sendable, Equatable {
    /// No value (SQL NULL): empty in table/csv/markdown, `null` in json.
    case null
    /// A whole number.
    case integer(Int64)
    /// A floating-point number.
    case real(Double)
    /// A string.
    case text(String)

    /// The value as a Double when it is a number, else nil.
    public var number: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .real(let d): d
        case .null, .text: nil
        }
    }
}

/// A report's result: a title, columns and rows (each row has one value per column).
public struct ReportTable: Sendable, Equatable {
    /// A human title, e.g. "Funding by recipient"; used as the chart title.
    public var title: String
    /// The columns, in output order.
    public var columns: [ReportColumn]
    /// The rows; each must have exactly `columns.count` values.
    public var rows: [[ReportValue]]

    /// A table titled `title` with the given columns and rows.
    public init(title: String, columns: [ReportColumn], rows: [[ReportValue]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// The index of the column named `name`, if there is one.
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// Throws unless every row has exactly one value per column.
    func validateShape() throws(RenderError) {
        for (index, row) in rows.enumerated() where row.count != columns.count {
            throw .rowLengthMismatch(row: index, expected: columns.count, actual: row.count)
        }
    }
}

/// The formats a report can be printed in.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a person at a terminal.
    case table
    /// RFC 4180 comma-separated values with CRLF line endings.
    case csv
    /// A pretty-printed JSON array of objects keyed by column name.
    case json
    /// Newline-delimited JSON: one compact object per line.
    case ndjson
    /// A GitHub-flavoured Markdown table.
    case markdown
    /// An SVG chart (see `ChartSpec`).
    case svg
}

/// Choices that change how a report is rendered.
public struct RenderOptions: Sendable {
    /// Whether to print the header row (table, csv); json and markdown always need their keys/header.
    public var headers: Bool
    /// Whether to colour the table header with ANSI escapes; turn on only when stdout is a terminal.
    public var colour: Bool
    /// The terminal's width in columns; when set, long text cells in `table` are cut with "…" to fit.
    public var terminalWidth: Int?
    /// The chart to draw for `.svg`; nil means `ChartSpec.default(for:)`.
    public var chart: ChartSpec?

    /// Options with the given values; the defaults suit a pipe (headers, no colour, no width limit).
    public init(headers: Bool = true, colour: Bool = false, terminalWidth: Int? = nil, chart: ChartSpec? = nil) {
        self.headers = headers
        self.colour = colour
        self.terminalWidth = terminalWidth
        self.chart = chart
    }
}

/// Why a report could not be rendered.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// A row does not have one value per column.
    case rowLengthMismatch(row: Int, expected: Int, actual: Int)
    /// Two columns share a name, so JSON keys would collide.
    case duplicateColumnName(String)
    /// A chart names a column the table does not have.
    case unknownColumn(String, available: [String])
    /// No chart spec was given and the table has no numeric column to chart.
    case noNumericColumn
    /// A chart's value column holds text that is not a number.
    case nonNumericValue(column: String, row: Int)
    /// Two rows give a value for the same category (and series) of a chart.
    case duplicateDataPoint(category: String, series: String?)

    /// A sentence saying what went wrong and what to do about it.
    public var description: String {
        switch self {
        case let .rowLengthMismatch(row, expected, actual):
            "row \(row) has \(actual) values but the report has \(expected) columns"
        case let .duplicateColumnName(name):
            "two columns are named \"\(name)\"; JSON output needs distinct column names"
        case let .unknownColumn(name, available):
            "no column named \"\(name)\" to chart; columns are: \(available.joined(separator: ", "))"
        case .noNumericColumn:
            "an SVG chart needs a numeric column to plot; give a chart spec naming the category and value columns"
        case let .nonNumericValue(column, row):
            "column \"\(column)\" row \(row) is text, not a number, so it cannot be charted"
        case let .duplicateDataPoint(category, series):
            if let series {
                "more than one row for category \"\(category)\" in series \"\(series)\"; aggregate the rows first"
            } else {
                "more than one row for category \"\(category)\"; aggregate the rows or name a series column"
            }
        }
    }
}
