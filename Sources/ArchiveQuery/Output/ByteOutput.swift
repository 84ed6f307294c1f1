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

    func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    /// Gives `body` the buffer itself: one access for a whole row, where an append a cell would
    /// pay the class's exclusivity check on every call.
    func withBuffer<R>(_ body: (inout [UInt8]) throws -> R) rethrows -> R { try body(&buffer) }

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

extension Array where Element == UInt8 {
    /// A whole number in decimal, without making a String: digits made on the stack, appended once.
    mutating func appendDecimal(_ number: Int64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var magnitude = number.magnitude
            var start = 21
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if number < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
