// The `csv` format, RFC 4180: comma-separated fields, CRLF after every record (the last too),
// fields quoted when they hold a comma, double quote, CR or LF, with quotes doubled. Numbers are
// raw (1360000, 0.5, never 1.36e+06); null is an empty field. NaN and infinities, which have no
// CSV spelling, are empty fields too.

enum CSVFormat {
    static func render(_ table: ReportTable, options: RenderOptions) -> String {
        guard !table.columns.isEmpty else { return "" }
        var out = ""
        if options.headers { out += record(table.columns.map(\.name)) }
        for row in table.rows {
            out += record(zip(row, table.columns).map { value, column in
                if case .real(let d) = value, !d.isFinite { return "" }
                return CellText.raw(value, kind: column.kind)
            })
        }
        return out
    }

    /// One record: the fields, escaped, joined by commas, ended by CRLF.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when it must be.
    static func field(_ text: String) -> String {
        // Compare scalars: in Swift "\r\n" is one Character, so Character checks would miss it.
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }
}
