// The `markdown` format: a GitHub-flavoured Markdown table. Values are formatted as in `table`
// (money £1,360,000); numeric columns are right-aligned (`---:`). In cells, backslashes and pipes
// are escaped (`\\`, `\|`) and line breaks become `<br>`. Cells are padded so the raw text lines
// up too. A Markdown table cannot lack a header, so `headers: false` is ignored here.

enum MarkdownFormat {
    static func render(_ table: ReportTable) -> String {
        let columns = table.columns
        guard !columns.isEmpty else { return "" }
        let headers = columns.map { cell($0.name) }
        let cells = table.rows.map { row in
            zip(row, columns).map { cell(CellText.display($0, kind: $1.kind)) }
        }
        var widths = headers.map { max(3, DisplayWidth.of($0)) }
        for row in cells {
            for (i, text) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(text)) }
        }
        func line(_ texts: [String]) -> String {
            "| " + texts.enumerated().map { i, text in
                DisplayWidth.pad(text, to: widths[i], rightAligned: columns[i].kind.isNumeric)
            }.joined(separator: " | ") + " |\n"
        }
        let rule = "| " + columns.enumerated().map { i, column in
            column.kind.isNumeric
                ? String(repeating: "-", count: widths[i] - 1) + ":"
                : String(repeating: "-", count: widths[i])
        }.joined(separator: " | ") + " |\n"
        return line(headers) + rule + cells.map(line).joined()
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
