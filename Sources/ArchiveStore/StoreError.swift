internal import SQLite

/// A write that failed, in the archive's words: whose fault it is decides what the caller does
/// (reject the file, stop the batch, wait for the other writer).
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A value broke one of the schema's rules (UNIQUE, CHECK, FOREIGN KEY, NOT NULL): the data's fault.
    case ruleBroken(String)
    /// The disk, or the archive's page cap (`--max-pages`), is full.
    case full(String)
    /// Another connection holds the database, even after the busy timeout.
    case busy(String)
    /// An `INSERT ... RETURNING` gave no row: the store's own fault, never the data's.
    case rowNotReturned(table: String)
    /// Any other failure of the database.
    case database(String)

    /// The archive's reading of an SQLite failure.
    init(_ error: SQLiteError) {
        switch error.code {
        case .constraint: self = .ruleBroken(error.message)
        case .full: self = .full(error.message)
        case .busy, .locked: self = .busy(error.message)
        default: self = .database(error.description)
        }
    }

    public var description: String {
        switch self {
        case .ruleBroken(let detail): return "a value breaks the archive's rules: \(detail)"
        case .full(let detail): return "the database is full: \(detail)"
        case .busy(let detail): return "another program holds the database: \(detail)"
        case .rowNotReturned(let table): return "the archive stored a row in \(table) but SQLite returned no id for it"
        case .database(let detail): return detail
        }
    }
}
