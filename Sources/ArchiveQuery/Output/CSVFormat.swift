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
        for (index, column) in columns.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            var name = column.name
            name.withUTF8 { field($0) }
        }
        output.append("\r\n")
    }

    func write<Cells: RowCells>(_ row: Cells) throws {
        guard !kinds.isEmpty else { return }
        for index in 0..<kinds.count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            row.withCell(index) { cell in
                switch cell {
                case .null: break
                case .integer(let i): output.append(i)
                case .real(let d): output.append(CellText.rawNumber(d, kind: kinds[index]) ?? "")
                case .text(let bytes): field(bytes)
                }
            }
        }
        output.append("\r\n")
        try output.flushIfFull()
    }

    func end() throws { try output.flush() }

    /// One field, quoted when it must be.
    private func field(_ bytes: UnsafeBufferPointer<UInt8>) {
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }
        guard needsQuotes else { output.append(bytes); return }
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
    }
}
