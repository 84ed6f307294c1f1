// The `table` format: aligned columns for a person at a terminal.
//
//   recipient        amount_gbp  share
//   ───────────────  ──────────  ─────
//   Salvation Army   £1,360,000    10%
//
// Columns are separated by two spaces; every line (header, rule, rows) is padded to the same
// display width. Numeric columns, and their headers, are right-aligned.

enum TableFormat {
    /// The gap between columns.
    static let gap = "  "
    /// The smallest width a text column is cut down to when fitting a terminal.
    static let minimumCutWidth = 4

    static func render(_ table: ReportTable, options: RenderOptions) -> String {
        let columns = table.columns
        guard !columns.isEmpty else { return "" }
        let headers = columns.map { DisplayWidth.singleLine($0.name) }
        let cells = table.rows.map { row in
            zip(row, columns).map { DisplayWidth.singleLine(CellText.display($0, kind: $1.kind)) }
        }

        var widths = headers.map { options.headers ? DisplayWidth.of($0) : 0 }
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        if let limit = options.terminalWidth {
            widths = fit(widths, columns: columns, headers: headers, options: options, into: limit)
        }

        func line(_ texts: [String]) -> String {
            zip(texts, columns).enumerated().map { i, pair in
                DisplayWidth.pad(DisplayWidth.truncate(pair.0, to: widths[i]), to: widths[i],
                                 rightAligned: pair.1.kind.isNumeric)
            }.joined(separator: gap)
        }

        var out = ""
        if options.headers {
            let header = line(headers)
            out += options.colour ? "\u{1B}[1m" + header + "\u{1B}[0m\n" : header + "\n"
            out += widths.map { String(repeating: "─", count: $0) }.joined(separator: gap) + "\n"
        }
        for row in cells { out += line(row) + "\n" }
        return out
    }

    /// Column widths cut down so a row fits in `limit` columns: the widest text columns are
    /// narrowed first, evenly, never below `minimumCutWidth` (nor the header, when shown).
    /// Numbers and dates are never cut. If even that does not fit, rows stay wider than `limit`.
    private static func fit(_ natural: [Int], columns: [ReportColumn], headers: [String],
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
