// The `markdown` format: a GitHub-flavoured Markdown table. Values are formatted as in `table`
// (money £1,360,000); numeric columns are right-aligned (`---:`). In cells, backslashes and pipes
// are escaped (`\\`, `\|`) and line breaks become `<br>`. Cells are padded so the raw text lines
// up, to widths taken from the first page of rows (later rows are never cut, only padded). A
// Markdown table cannot lack a header, so `headers: false` is ignored here.

final class MarkdownWriter: PagedTextWriter {
    private var widths: [Int] = []

    override func text(_ value: ReportValue, kind: ColumnKind) -> String {
        MarkdownWriter.cell(CellText.display(value, kind: kind))
    }

    override func printPage(_ rows: [[String]]) {
        let headers = columns.map { MarkdownWriter.cell($0.name) }
        widths = headers.map { max(3, DisplayWidth.of($0)) }
        for row in rows {
            for (i, text) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(text)) }
        }
        printRow(headers)
        output.append("| " + columns.enumerated().map { i, column in
            column.kind.isNumeric
                ? String(repeating: "-", count: widths[i] - 1) + ":"
                : String(repeating: "-", count: widths[i])
        }.joined(separator: " | ") + " |\n")
        for row in rows { printRow(row) }
    }

    override func printRow(_ texts: [String]) {
        output.append("| " + texts.enumerated().map { i, text in
            DisplayWidth.pad(text, to: widths[i], rightAligned: columns[i].kind.isNumeric)
        }.joined(separator: " | ") + " |\n")
    }

    /// A cell's text escaped for a GitHub table cell, on one line.
    static func cell(_ text: String) -> String {
        var out = ""
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "\r":
                out += "<br>"
                if pending == "\n" { pending = scalars.next() }
            case "\n", "\u{2028}", "\u{2029}", "\u{85}": out += "<br>"
            case "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
