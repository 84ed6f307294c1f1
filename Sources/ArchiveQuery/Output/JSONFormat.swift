// The `json` and `ndjson` formats: objects keyed by column name, in column order. Numbers are raw
// (money as pounds, rounded to pence), text is a string (dates stay "YYYY-MM-DD"), null is null,
// and NaN or infinity, which JSON cannot spell, is null too. Non-ASCII text is written as UTF-8,
// not \u escapes; only quotes, backslashes, control characters and U+2028/U+2029 (which break
// JavaScript string literals) are escaped.

enum JSONFormat {
    /// A pretty array, two-space indented, one object per element; "[]" when there are no rows.
    static func render(_ table: ReportTable) throws(RenderError) -> String {
        try checkNames(table)
        guard !table.rows.isEmpty else { return "[]\n" }
        let objects = table.rows.map { row in
            guard !row.isEmpty else { return "  {}" }
            let members = zip(table.columns, row).map { column, value in
                "    " + string(column.name) + ": " + literal(value, kind: column.kind)
            }
            return "  {\n" + members.joined(separator: ",\n") + "\n  }"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// One compact object per row, each on its own line; empty when there are no rows.
    static func renderLines(_ table: ReportTable) throws(RenderError) -> String {
        try checkNames(table)
        return table.rows.map { row in
            "{" + zip(table.columns, row).map { column, value in
                string(column.name) + ":" + literal(value, kind: column.kind)
            }.joined(separator: ",") + "}\n"
        }.joined()
    }

    private static func checkNames(_ table: ReportTable) throws(RenderError) {
        var seen = Set<String>()
        for column in table.columns where !seen.insert(column.name).inserted {
            throw .duplicateColumnName(column.name)
        }
    }

    /// A value as a JSON literal.
    static func literal(_ value: ReportValue, kind: ColumnKind) -> String {
        switch value {
        case .null: "null"
        case .integer(let i): String(i)
        case .real(let d): CellText.rawNumber(d, kind: kind) ?? "null"
        case .text(let s): string(s)
        }
    }

    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
