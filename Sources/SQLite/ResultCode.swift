internal import CSQLite

/// An SQLite result code (https://sqlite.org/rescode.html), primary or extended, by name.
///
/// A primary code matches every extended code under it, so `case .constraint` catches a UNIQUE
/// and a FOREIGN KEY failure alike, while `case .constraintUnique` catches only the first:
///
///     switch error.code {
///     case .constraintForeignKey: ...
///     case .constraint: ...
///     default: ...
///     }
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The number SQLite returns.
    public let rawValue: Int32

    /// A code from SQLite's number.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code: the low byte of an extended code.
    public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xff) }

    /// SQLite's English for the code (`sqlite3_errstr`), e.g. "constraint failed".
    public var description: String { String(cString: sqlite3_errstr(rawValue)) }

    /// A primary pattern matches its extended codes; an extended pattern matches only itself.
    public static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {
        pattern == pattern.primary ? pattern == code.primary : pattern == code
    }

    /// Matches an `SQLiteError` with the code, so `catch ResultCode.busy` reads as it should.
    public static func ~= (pattern: ResultCode, error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return pattern ~= error.code
    }

    // MARK: - The codes the archive handles by name

    /// A generic error: bad SQL, a missing table, a full-text query SQLite cannot parse.
    public static let error = ResultCode(rawValue: SQLITE_ERROR)
    /// Another connection holds a lock this one needed, even after the busy timeout.
    public static let busy = ResultCode(rawValue: SQLITE_BUSY)
    /// A lock within this process conflicts (a shared-cache or same-connection conflict).
    public static let locked = ResultCode(rawValue: SQLITE_LOCKED)
    /// A write on a read-only connection or file.
    public static let readOnly = ResultCode(rawValue: SQLITE_READONLY)
    /// The disk, or the database's `max_page_count`, is full.
    public static let full = ResultCode(rawValue: SQLITE_FULL)
    /// A file that is not a database, or is damaged.
    public static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)
    /// A constraint (UNIQUE, CHECK, FOREIGN KEY, NOT NULL) failed.
    public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    // sqlite3.h defines the extended codes as macros Swift does not import, e.g.
    // `#define SQLITE_CONSTRAINT_UNIQUE (SQLITE_CONSTRAINT | (8<<8))`: written out the same way.
    /// A UNIQUE constraint failed.
    public static let constraintUnique = ResultCode(rawValue: SQLITE_CONSTRAINT | (8 << 8))
    /// A FOREIGN KEY constraint failed.
    public static let constraintForeignKey = ResultCode(rawValue: SQLITE_CONSTRAINT | (3 << 8))
    /// A CHECK constraint failed.
    public static let constraintCheck = ResultCode(rawValue: SQLITE_CONSTRAINT | (1 << 8))
    /// The library was used against its contract; the wrapper uses it for misuse it detects itself.
    public static let misuse = ResultCode(rawValue: SQLITE_MISUSE)
}
