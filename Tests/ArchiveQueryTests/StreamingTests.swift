@testable import ArchiveQuery
import Testing

/// The writers print rows as they come: what reaches the output before `end` is every row so far
/// (for the page-sized formats, once a page is full), so memory does not grow with the report.
@Suite struct StreamingTests {
    final class Sink: @unchecked Sendable {
        var text = ""
    }

    static let columns = [ReportColumn("name", .text), ReportColumn("total_gbp", .money)]

    static func row(_ n: Int) -> [ReportValue] { [.text("Recipient \(n)"), .integer(Int64(n * 1000))] }

    @Test(arguments: [OutputFormat.csv, .json, .ndjson])
    func machineFormatsHandOnEachRowBeforeTheEnd(format: OutputFormat) throws {
        let sink = Sink()
        let output = ByteOutput(flushAt: 1) { sink.text += String(decoding: $0, as: UTF8.self) }
        let writer = Renderer.writer(for: format, options: RenderOptions(), output: output)
        try writer.begin(title: "t", columns: Self.columns)
        for n in 1...3 {
            try writer.write(Self.row(n))
            #expect(sink.text.contains("Recipient \(n)"), "row \(n) not written yet in \(format)")
        }
        #expect(!sink.text.contains("Recipient 4"))
        try writer.end()
    }

    @Test(arguments: [OutputFormat.table, .markdown])
    func humanFormatsHoldOnePageThenPrintRowsAsTheyCome(format: OutputFormat) throws {
        let sink = Sink()
        let output = ByteOutput(flushAt: 1) { sink.text += String(decoding: $0, as: UTF8.self) }
        let writer = Renderer.writer(for: format, options: RenderOptions(), output: output)
        try writer.begin(title: "t", columns: Self.columns)
        for n in 1..<TableFormat.page { try writer.write(Self.row(n)) }
        #expect(sink.text.isEmpty, "the widths come from a whole page")
        try writer.write(Self.row(TableFormat.page))
        #expect(sink.text.contains("Recipient \(TableFormat.page)"))
        // A later, wider row keeps the page's widths: text is cut, the number is whole.
        try writer.write([.text("A recipient with a much longer name than any on the first page"), .integer(123_456_789_000)])
        let last = sink.text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains("£123,456,789,000"))
        if format == .table {
            #expect(last.contains("…"))
            let widths = Set(sink.text.split(separator: "\n").dropLast().map { DisplayWidth.of(String($0)) })
            #expect(widths.count == 1)
        }
        try writer.end()
    }

    @Test func aShortReportIsTheSameWhetherStreamedOrRenderedWhole() throws {
        let table = ReportTable(title: "t", columns: Self.columns, rows: (1...5).map(Self.row))
        for format in [OutputFormat.csv, .json, .ndjson, .markdown, .table] {
            let (output, text) = ByteOutput.collecting()
            let writer = Renderer.writer(for: format, options: RenderOptions(), output: output)
            try writer.begin(title: table.title, columns: table.columns)
            for row in table.rows { try writer.write(row) }
            try writer.end()
            #expect(text() == (try Renderer.render(table, as: format)))
            #expect(!text().isEmpty)
        }
    }

    @Test func plainWordsAreEachQuotedSoPunctuationIsText() {
        #expect(SearchText.plainWords("Net-Reach") == "\"Net-Reach\"")
        #expect(SearchText.plainWords("  Barnardo's   charity ") == "\"Barnardo's\" \"charity\"")
        #expect(SearchText.plainWords("say \"hello\"") == "\"say\" \"\"\"hello\"\"\"")
        #expect(SearchText.plainWords("section 1: AND") == "\"section\" \"1:\" \"AND\"")
        #expect(SearchText.plainWords("   ") == nil)
    }
}
