// The `table` format: aligned columns for a person at a terminal.
//
//   recipient        amount_gbp  share
//   ───────────────  ──────────  ─────
//   Salvation Army   £1,360,000    10%
//
// Columns are separated by two spaces; every line (header, rule, rows) is padded to the same
// display width. Numeric columns, and their headers, are right-aligned. The widths come from the
// first page of rows (`TableFormat.page`); later rows are printed as they come, in those widths,
// text cut with "…" where it is wider, so a long report starts at once and memory stays flat.

enum TableFormat {
    /// The gap between columns.
    static let gap = "  "
    /// The smallest width a text column is cut down to when fitting a terminal.
    static let minimumCutWidth = 4
    /// How many rows are read before the column widths are fixed: a few screens.
    static let page = 200

    /// Column widths cut down so a row fits in `limit` columns: the widest text columns are
    /// narrowed first, evenly, never below `minimumCutWidth` (nor the header, when shown).
    /// Numbers and dates are never cut. If even that does not fit, rows stay wider than `limit`.
    static func fit(_ natural: [Int], columns: [ReportColumn], headers: [String],
                            options: RenderOptions, into limit: Int) -> [Int] {
        var widths = natural
        let floors = natural.indices.map { i in
            min(natural[i], max(minimumCutWidth, options.headers ? DisplayWidth.of(headers[i]) : 0))
        }
        let cuttable = columns.indices.filter { columns[$0].kind == .text }
        var excess = widths.reduce(0, +) + gap.count * (widths.count - 1) - limit
        while excess > 0 {
            // Take one column from the widest text column still above its floor (first on ties).
            guard let widest = cuttable.filter({ widths[$0] > floors[$0] })
                .max(by: { widths[$0] < widths[$1] || (widths[$0] == widths[$1] && $0 > $1) })
            else { break }
            widths[widest] -= 1
            excess -= 1
        }
        return widths
    }
}

final class TableWriter: PagedTextWriter {
    private let options: RenderOptions
    private var widths: [Int] = []

    init(output: ByteOutput, options: RenderOptions) {
        self.options = options
        super.init(output: output)
    }

    override func text(_ value: ReportValue, kind: ColumnKind) -> String {
        DisplayWidth.singleLine(CellText.display(value, kind: kind))
    }

    override func printPage(_ rows: [[String]]) {
        let headers = columns.map { DisplayWidth.singleLine($0.name) }
        var natural = headers.map { options.headers ? DisplayWidth.of($0) : 0 }
        for row in rows {
            for (i, cell) in row.enumerated() { natural[i] = max(natural[i], DisplayWidth.of(cell)) }
        }
        widths = options.terminalWidth.map {
            TableFormat.fit(natural, columns: columns, headers: headers, options: options, into: $0)
        } ?? natural
        if options.headers {
            output.append(options.colour ? "\u{1B}[1m" : "")
            line(headers, ending: options.colour ? "\u{1B}[0m\n" : "\n")
            output.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: TableFormat.gap) + "\n")
        }
        for row in rows { line(row) }
    }

    override func printRow(_ cells: [String]) { line(cells) }

    private func line(_ texts: [String], ending: String = "\n") {
        let text = zip(texts, columns).enumerated().map { i, pair in
            // A number wider than the page's is printed whole: a figure is never cut.
            let width = pair.1.kind.isNumeric ? max(widths[i], DisplayWidth.of(pair.0)) : widths[i]
            return DisplayWidth.pad(DisplayWidth.truncate(pair.0, to: width), to: width, rightAligned: pair.1.kind.isNumeric)
        }.joined(separator: TableFormat.gap)
        output.append(text + ending)
    }
}
