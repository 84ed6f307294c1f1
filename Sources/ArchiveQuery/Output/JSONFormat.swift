// The `json` and `ndjson` formats: objects keyed by column name, in column order. Numbers are raw
// (money as pounds, rounded to pence), text is a string (dates stay "YYYY-MM-DD"), null is null,
// and NaN or infinity, which JSON cannot spell, is null too. Non-ASCII text is written as UTF-8,
// not \u escapes; only quotes, backslashes, control characters and U+2028/U+2029 (which break
// JavaScript string literals) are escaped. Rows are written as they come.
//
// json is a pretty array, two-space indented ("[]" when there are no rows); ndjson is one
// compact object per line (nothing when there are no rows).

final class JSONWriter: RowWriter {
    private let output: ByteOutput
    private let lines: Bool
    private var kinds: [ColumnKind] = []
    /// Each column's key as it is written before its value: `    "name": ` (or `"name":`).
    private var keys: [[UInt8]] = []
    private var rows = 0

    init(output: ByteOutput, lines: Bool) {
        self.output = output
        self.lines = lines
    }

    func begin(title: String, columns: [ReportColumn]) throws(RenderError) {
        var seen = Set<String>()
        for column in columns where !seen.insert(column.name).inserted { throw .duplicateColumnName(column.name) }
        kinds = columns.map(\.kind)
        keys = columns.map { Array(((lines ? "" : "    ") + JSONWriter.string($0.name) + (lines ? ":" : ": ")).utf8) }
    }

    func write<Cells: RowCells>(_ row: Cells) throws {
        if lines {
            output.append(UInt8(ascii: "{"))
        } else {
            output.append(rows == 0 ? "[\n" : ",\n")
            output.append(kinds.isEmpty ? "  {}" : "  {\n")
        }
        for index in 0..<kinds.count {
            if index > 0 { output.append(lines ? "," : ",\n") }
            keys[index].withUnsafeBufferPointer { output.append($0) }
            row.withCell(index) { literal($0, kind: kinds[index]) }
        }
        output.append(lines ? "}\n" : kinds.isEmpty ? "" : "\n  }")
        rows += 1
        try output.flushIfFull()
    }

    func end() throws {
        if !lines { output.append(rows == 0 ? "[]\n" : "\n]\n") }
        try output.flush()
    }

    private func literal(_ cell: Cell, kind: ColumnKind) {
        switch cell {
        case .null: output.append("null")
        case .integer(let i): output.append(i)
        case .real(let d): output.append(CellText.rawNumber(d, kind: kind) ?? "null")
        case .text(let bytes): string(bytes)
        }
    }

    /// A JSON string literal, escaped byte by byte (UTF-8 lead and continuation bytes pass through).
    private func string(_ bytes: UnsafeBufferPointer<UInt8>) {
        output.append(UInt8(ascii: "\""))
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""): output.append("\\\"")
            case UInt8(ascii: "\\"): output.append("\\\\")
            case 10: output.append("\\n")
            case 13: output.append("\\r")
            case 9: output.append("\\t")
            case 8: output.append("\\b")
            case 12: output.append("\\f")
            case 0..<0x20:
                output.append("\\u00")
                output.append(JSONWriter.hex[Int(byte >> 4)])
                output.append(JSONWriter.hex[Int(byte & 0xF)])
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                output.append(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 2
            default: output.append(byte)
            }
            index += 1
        }
        output.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string literal of `text`.
    static func string(_ text: String) -> String {
        let (output, result) = ByteOutput.collecting()
        var text = text
        text.withUTF8 { JSONWriter(output: output, lines: true).string($0) }
        return result()
    }
}
