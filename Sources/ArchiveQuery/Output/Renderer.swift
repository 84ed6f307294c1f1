/// Where a report's rows go as they are stepped: `begin` once with the columns, `write` for each
/// row, `end` once. csv, json, ndjson and markdown print each row as it comes (memory stays flat
/// whatever the row count); table and markdown hold one page of rows to size their columns; svg
/// holds every row, since a chart is drawn whole.
public protocol RowWriter: AnyObject {
    func begin(title: String, columns: [ReportColumn]) throws(RenderError)
    func write<Cells: RowCells>(_ row: Cells) throws
    func end() throws
}

/// Turns a report's rows into text in one of the output formats.
public enum Renderer {
    /// The writer for `format`, writing to `output`.
    public static func writer(for format: OutputFormat, options: RenderOptions, output: ByteOutput) -> RowWriter {
        switch format {
        case .table: TableWriter(output: output, options: options)
        case .csv: CSVWriter(output: output, options: options)
        case .json: JSONWriter(output: output, lines: false)
        case .ndjson: JSONWriter(output: output, lines: true)
        case .markdown: MarkdownWriter(output: output)
        case .svg: ChartWriter(output: output, chart: options.chart)
        }
    }

    /// `table` written `as` the given format. Every format's text ends with a newline (or is
    /// empty), so print it with `print(text, terminator: "")`. Throws when a row's length does not
    /// match the columns, when json/ndjson column names repeat, or when an SVG chart cannot be drawn.
    public static func render(_ table: ReportTable, as format: OutputFormat,
                              options: RenderOptions = RenderOptions()) throws(RenderError) -> String {
        try table.validateShape()
        let (output, text) = ByteOutput.collecting()
        let writer = writer(for: format, options: options, output: output)
        do {
            try writer.begin(title: table.title, columns: table.columns)
            for row in table.rows { try writer.write(row) }
            try writer.end()
        } catch let error as RenderError {
            throw error
        } catch {
            // Writing to memory does not fail; anything else is a chart that cannot be drawn.
            preconditionFailure("\(error)")
        }
        return text()
    }

    /// `table` drawn as an SVG chart described by `chart`.
    public static func svg(_ table: ReportTable, chart: ChartSpec) throws(RenderError) -> String {
        try table.validateShape()
        return try SVGChart(table, spec: chart).svg()
    }
}

/// Gathers rows in memory.
final class TableCollector: RowWriter {
    var table = ReportTable(title: "", columns: [], rows: [])

    func begin(title: String, columns: [ReportColumn]) throws(RenderError) {
        table = ReportTable(title: title, columns: columns, rows: [])
    }

    func write<Cells: RowCells>(_ row: Cells) throws { table.rows.append(row.values) }

    func end() throws {}
}

/// The `svg` format: every row gathered, then drawn as one chart.
final class ChartWriter: RowWriter {
    private let output: ByteOutput
    private let chart: ChartSpec?
    private let rows = TableCollector()

    init(output: ByteOutput, chart: ChartSpec?) {
        self.output = output
        self.chart = chart
    }

    func begin(title: String, columns: [ReportColumn]) throws(RenderError) { try rows.begin(title: title, columns: columns) }

    func write<Cells: RowCells>(_ row: Cells) throws { try rows.write(row) }

    func end() throws {
        output.append(try SVGChart(rows.table, spec: chart ?? ChartSpec.default(for: rows.table)).svg())
        try output.flush()
    }
}

/// The formats for people (table, markdown): each cell as display text, the first page of rows
/// held to size the columns (`TableFormat.page`), every later row printed as it comes.
class PagedTextWriter: RowWriter {
    let output: ByteOutput
    private(set) var columns: [ReportColumn] = []
    private var waiting: [[String]] = []
    private var pagePrinted = false

    init(output: ByteOutput) { self.output = output }

    func begin(title: String, columns: [ReportColumn]) throws(RenderError) { self.columns = columns }

    func write<Cells: RowCells>(_ row: Cells) throws {
        guard !columns.isEmpty else { return }
        let cells = columns.indices.map { index in row.withCell(index) { text($0.value, kind: columns[index].kind) } }
        if pagePrinted {
            printRow(cells)
        } else {
            waiting.append(cells)
            if waiting.count >= TableFormat.page { printWaitingPage() }
        }
        try output.flushIfFull()
    }

    func end() throws {
        if !pagePrinted, !columns.isEmpty { printWaitingPage() }
        try output.flush()
    }

    private func printWaitingPage() {
        printPage(waiting)
        pagePrinted = true
        waiting = []
    }

    /// A cell as the format shows it. Overridden.
    func text(_ value: ReportValue, kind: ColumnKind) -> String { CellText.display(value, kind: kind) }

    /// Fixes the column widths from the first page, prints the header and the page. Overridden.
    func printPage(_ rows: [[String]]) {}

    /// Prints a row after the first page, in the page's widths. Overridden.
    func printRow(_ cells: [String]) {}
}
