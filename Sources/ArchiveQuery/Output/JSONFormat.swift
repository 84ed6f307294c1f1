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
        output.withBuffer { out in
            if lines {
                out.append(UInt8(ascii: "{"))
            } else {
                out.append(contentsOf: (rows == 0 ? "[\n" : ",\n").utf8)
                out.append(contentsOf: (kinds.isEmpty ? "  {}" : "  {\n").utf8)
            }
            for index in 0..<kinds.count {
                if index > 0 { out.append(contentsOf: (lines ? "," : ",\n").utf8) }
                out.append(contentsOf: keys[index])
                row.withCell(index) { JSONWriter.literal($0, kind: kinds[index], into: &out) }
            }
            out.append(contentsOf: (lines ? "}\n" : kinds.isEmpty ? "" : "\n  }").utf8)
        }
        rows += 1
        try output.flushIfFull()
    }

    func end() throws {
        if !lines { output.append(rows == 0 ? "[]\n" : "\n]\n") }
        try output.flush()
    }

    private static func literal(_ cell: Cell, kind: ColumnKind, into out: inout [UInt8]) {
        switch cell {
        case .null: out.append(contentsOf: "null".utf8)
        case .integer(let i): out.appendDecimal(i)
        case .real(let d): out.append(contentsOf: (CellText.rawNumber(d, kind: kind) ?? "null").utf8)
        case .text(let bytes): string(bytes, into: &out)
        }
    }

    /// A JSON string literal: runs that need no escape are copied whole (UTF-8 lead and
    /// continuation bytes pass through), each byte that does is replaced by its escape.
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var start = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let isLineSeparator = byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || isLineSeparator else {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            let escape: String
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 10: escape = "\\n"
            case 13: escape = "\\r"
            case 9: escape = "\\t"
            case 8: escape = "\\b"
            case 12: escape = "\\f"
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
            case 0xE2:
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                index += 2
            default:
                escape = "\\u00" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            }
            out.append(contentsOf: escape.utf8)
            index += 1
            start = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        out.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string literal of `text`.
    static func string(_ text: String) -> String {
        let (output, result) = ByteOutput.collecting()
        var text = text
        text.withUTF8 { bytes in output.withBuffer { JSONWriter.string(bytes, into: &$0) } }
        return result()
    }
}
