/// A value as SQLite stores it: one case per storage class (https://sqlite.org/datatype3.html).
public enum SQLiteValue: Equatable, Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value as an integer, when it is one.
    public var integerValue: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The value as a number, when it is an integer or a real.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        default: return nil
        }
    }

    /// The value as text, when it is text.
    public var textValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// True for NULL.
    public var isNull: Bool { self == .null }
}

// MARK: - Building values from Swift types

extension SQLiteValue {
    /// Text, or NULL for nil.
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    /// An integer, or NULL for nil.
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    /// An integer, or NULL for nil.
    public init(_ value: Int64?) { self = value.map { .integer($0) } ?? .null }
    /// A real, or NULL for nil.
    public init(_ value: Double?) { self = value.map { .real($0) } ?? .null }
    /// 1 or 0, or NULL for nil: SQLite has no boolean storage class.
    public init(_ value: Bool?) { self = value.map { .integer($0 ? 1 : 0) } ?? .null }
}

extension SQLiteValue: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByBooleanLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .integer(value ? 1 : 0) }
}
