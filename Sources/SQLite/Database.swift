import Foundation
internal import CSQLite

/// One connection to an SQLite database file, its only owner.
///
/// Opened with `SQLITE_OPEN_EXRESCODE` so every error carries its extended code, a busy timeout so
/// a second process waits for a lock instead of failing at once, foreign keys enforced, and, for
/// writers, write-ahead logging so readers keep working during a write.
/// Not thread-safe: use one `Database` from one thread at a time.
public final class Database {
    /// How a connection is opened.
    public enum Mode: Sendable {
        /// Read and write, creating the file if it does not exist.
        case readWriteCreate
        /// Read and write an existing file.
        case readWrite
        /// Read only: the file must exist, and `PRAGMA query_only` refuses any write.
        case readOnly
        /// Read only, creating no `-wal` or `-shm` file beside the database: for a quick look at
        /// a database that no other process is writing (https://sqlite.org/uri.html#uriimmutable).
        case readOnlyImmutable
    }

    /// Where the database lives: a file path, or ":memory:".
    public let path: String
    /// How it was opened.
    public let mode: Mode

    // The raw handle; nil once closed.
    private var handle: OpaquePointer?

    /// Opens (and for `.readWriteCreate`, creates) the database at `path`.
    /// - Parameter busyTimeoutMilliseconds: how long to wait for another connection's lock.
    public init(path: String, mode: Mode = .readWriteCreate, busyTimeoutMilliseconds: Int32 = 5_000) throws {
        self.path = path
        self.mode = mode
        var flags = SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX
        switch mode {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readOnlyImmutable: flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
        }
        let target = mode == .readOnlyImmutable ? Database.immutableURI(path) : path
        _ = Database.configureOnce
        var opened: OpaquePointer?
        // https://sqlite.org/c3ref/open.html: a handle is returned even on failure and must be closed.
        let code = sqlite3_open_v2(target, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            sqlite3_close_v2(opened)
            throw SQLiteError(code: ResultCode(rawValue: code), message: "\(message): \(path)")
        }
        handle = opened
        do {
            sqlite3_busy_timeout(opened, busyTimeoutMilliseconds)
            try execute("PRAGMA foreign_keys = ON")
            switch mode {
            case .readOnly, .readOnlyImmutable:
                try execute("PRAGMA query_only = ON")
            case .readWrite, .readWriteCreate:
                if path != ":memory:" && !path.isEmpty {
                    try execute("PRAGMA journal_mode = WAL")
                    // In WAL mode NORMAL keeps every commit atomic and survives a killed process;
                    // only a power cut can lose the last commits.
                    try execute("PRAGMA synchronous = NORMAL")
                }
            }
        } catch {
            close()
            throw error
        }
    }

    // Process-wide settings, made once before the first connection opens SQLite.
    private static let configureOnce: Void = { _ = csqlite_disable_memory_statistics() }()

    /// The memory SQLite counts as in use: always 0, as it keeps no statistics (`configureOnce`).
    static var memoryCountedInUse: Int64 { sqlite3_memory_used() }

    // A file: URI for `path` with the immutable flag; URI-reserved characters are percent-encoded.
    private static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"): encoded += String(format: "%%%02X", byte)
            default: encoded += String(decoding: [byte], as: UTF8.self)
            }
        }
        return "file:\(encoded)?mode=ro&immutable=1"
    }

    /// An in-memory database, for tests and scratch work.
    public static func inMemory() throws -> Database {
        try Database(path: ":memory:")
    }

    deinit { close() }

    /// Closes the connection. Safe to call more than once; statements still alive keep the
    /// connection open until they are released (`sqlite3_close_v2`).
    public func close() {
        guard let handle else { return }
        sqlite3_close_v2(handle)
        self.handle = nil
    }

    /// True until `close()`.
    public var isOpen: Bool { handle != nil }

    // MARK: - Running SQL

    /// Runs one or more statements that take no parameters and return no rows needed (a script).
    public func execute(_ sql: String) throws {
        let db = try connection()
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(db, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
            sqlite3_free(errorMessage)
            throw SQLiteError(code: ResultCode(rawValue: sqlite3_extended_errcode(db)), message: message, sql: sql)
        }
    }

    /// Compiles one statement for repeated use.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs one statement with `parameters` to completion, discarding any rows.
    public func run(_ sql: String, _ parameters: [SQLiteValue] = []) throws {
        let statement = try prepare(sql)
        try statement.run(parameters)
    }

    /// Runs one query and returns every row's values.
    public func rows(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        try prepare(sql).rows(parameters)
    }

    /// The first column of the first row of a query, or nil when it returns no row.
    public func scalar(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> SQLiteValue? {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        return try statement.step()?[0]
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int {
        handle.map { Int(sqlite3_changes64($0)) } ?? 0
    }

    /// True when no transaction is open.
    public var isAutocommit: Bool {
        handle.map { sqlite3_get_autocommit($0) != 0 } ?? true
    }

    // MARK: - Transactions

    /// How a transaction takes its locks (https://sqlite.org/lang_transaction.html).
    public enum TransactionKind: String, Sendable {
        /// Takes locks as statements need them: for readers.
        case deferred = "DEFERRED"
        /// Takes the write lock at once, so a writer never fails half-way on a lock: for writers.
        case immediate = "IMMEDIATE"
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue)")
        let result: T
        do {
            result = try body()
        } catch {
            rollbackIfOpen()
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            rollbackIfOpen()
            throw error
        }
        return result
    }

    // A failed statement may already have rolled the transaction back (SQLITE_FULL can).
    private func rollbackIfOpen() {
        if !isAutocommit { try? execute("ROLLBACK") }
    }

    // MARK: - Internals for Statement

    func connection() throws -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(code: .misuse, message: "the database is closed: \(path)")
        }
        return handle
    }

    func lastError(sql: String?) -> SQLiteError {
        guard let handle else {
            return SQLiteError(code: .misuse, message: "the database is closed", sql: sql)
        }
        return SQLiteError(code: ResultCode(rawValue: sqlite3_extended_errcode(handle)),
                           message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
