/// Output on its way out: UTF-8 bytes gathered in one buffer and handed to `sink` in large
/// pieces, so a report of a million cells makes a few hundred writes and no String per cell.
public final class ByteOutput {
    private var buffer: [UInt8] = []
    private let flushAt: Int
    private let sink: ([UInt8]) throws -> Void

    /// Output that hands its bytes to `sink` whenever `flushAt` bytes are waiting (and at `flush`).
    public init(flushAt: Int = 1 << 16, sink: @escaping ([UInt8]) throws -> Void) {
        self.flushAt = flushAt
        self.sink = sink
        buffer.reserveCapacity(flushAt + 4096)
    }

    /// Output gathered in memory, and a function that returns everything written so far as text.
    public static func collecting() -> (output: ByteOutput, text: () -> String) {
        final class Box: @unchecked Sendable { var bytes: [UInt8] = [] }
        let box = Box()
        let output = ByteOutput(flushAt: 1 << 16) { box.bytes += $0 }
        return (output, { try? output.flush(); return String(decoding: box.bytes, as: UTF8.self) })
    }

    func append(_ byte: UInt8) { buffer.append(byte) }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) { buffer.append(contentsOf: bytes) }

    func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    /// A whole number in decimal, without making a String.
    func append(_ number: Int64) {
        if number == 0 { buffer.append(UInt8(ascii: "0")); return }
        if number < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            while magnitude > 0 {
                raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[index]) }
        }
    }

    /// Hands the waiting bytes on when there are enough of them; call once a row.
    func flushIfFull() throws {
        if buffer.count >= flushAt { try flush() }
    }

    /// Hands every waiting byte on.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
