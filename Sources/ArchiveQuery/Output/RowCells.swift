import SQLite

/// One cell as a writer sees it. Text is borrowed UTF-8, valid only inside the call that gives it.
public enum Cell {
    case null
    case integer(Int64)
    case real(Double)
    case text(UnsafeBufferPointer<UInt8>)

    /// The cell as a value that owns its text.
    var value: ReportValue {
        switch self {
        case .null: .null
        case .integer(let i): .integer(i)
        case .real(let d): .real(d)
        case .text(let bytes): .text(String(decoding: bytes, as: UTF8.self))
        }
    }
}

/// A row the writers can read cell by cell: a statement's current row (no copy) or values in memory.
public protocol RowCells {
    /// How many cells the row has.
    var count: Int { get }
    /// Calls `body` with cell `index`.
    func withCell<R>(_ index: Int, _ body: (Cell) throws -> R) rethrows -> R
}

extension Row: RowCells {
    public func withCell<R>(_ index: Int, _ body: (Cell) throws -> R) rethrows -> R {
        switch type(index) {
        case .null: return try body(.null)
        case .integer: return try body(.integer(integerValue(index)))
        case .real: return try body(.real(realValue(index)))
        // A blob is read as its bytes; no report selects one.
        case .text, .blob: return try withUTF8(index) { try body(.text($0)) }
        }
    }
}

extension Array: RowCells where Element == ReportValue {
    public func withCell<R>(_ index: Int, _ body: (Cell) throws -> R) rethrows -> R {
        switch self[index] {
        case .null: return try body(.null)
        case .integer(let i): return try body(.integer(i))
        case .real(let d): return try body(.real(d))
        case .text(var text): return try text.withUTF8 { try body(.text($0)) }
        }
    }
}

extension RowCells {
    /// Every cell as a value that owns its text.
    var values: [ReportValue] { (0..<count).map { withCell($0) { $0.value } } }
}
