// The `csv` format, RFC 4180: comma-separated fields, CRLF after every record (the last too),
// fields quoted when they hold a comma, double quote, CR or LF, with quotes doubled. Numbers are
// raw (1360000, 0.5, never 1.36e+06); null is an empty field. NaN and infinities, which have no
// CSV spelling, are empty fields too. Rows are written as they come, straight from the bytes.

final class CSVWriter: RowWriter {
    private let output: ByteOutput
    private let headers: Bool
    private var kinds: [ColumnKind] = []

    init(output: ByteOutput, options: RenderOptions) {
        self.output = output
        self.headers = options.headers
    }

    func begin(title: String, columns: [ReportColumn]) throws(RenderError) {
        kinds = columns.map(\.kind)
        guard headers, !columns.isEmpty else { return }
        output.withBuffer { out in
            for (index, column) in columns.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                var name = column.name
                name.withUTF8 { CSVWriter.field($0, into: &out) }
            }
            out.append(contentsOf: "\r\n".utf8)
        }
    }

    func write<Cells: RowCells>(_ row: Cells) throws {
        guard !kinds.isEmpty else { return }
        output.withBuffer { out in
            for index in 0..<kinds.count {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                row.withCell(index) { cell in
                    switch cell {
                    case .null: break
                    case .integer(let i): out.appendDecimal(i)
                    case .real(let d): out.append(contentsOf: (CellText.rawNumber(d, kind: kinds[index]) ?? "").utf8)
                    case .text(let bytes): CSVWriter.field(bytes, into: &out)
                    }
                }
            }
            out.append(13)
            out.append(10)
        }
        try output.flushIfFull()
    }

    func end() throws { try output.flush() }

    /// One field, quoted when it must be, quotes inside doubled; runs between quotes copied whole.
    static func field(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let needsQuotes = bytes.contains { $0 <= UInt8(ascii: ",") && ($0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10) }
        guard needsQuotes else { out.append(contentsOf: bytes); return }
        out.append(UInt8(ascii: "\""))
        var start = 0
        while let quote = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...quote]))
            out.append(UInt8(ascii: "\""))
            start = quote + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        out.append(UInt8(ascii: "\""))
    }
}
