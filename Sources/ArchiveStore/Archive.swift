import Foundation
package import SQLite

/// Opening the archive database the way each kind of user needs it. The layers above the store
/// get archive-level types, never a connection: they cannot run SQL of their own.
public enum Archive {
    /// Opens (creating if needed) the archive for writing and applies pending migrations. With
    /// `maxPages`, a write that would grow the file past that many pages fails as `StoreError.full`.
    public static func openForWriting(path: String, busyTimeoutMilliseconds: Int32 = 5_000, maxPages: Int? = nil) throws -> WritableArchive {
        try refuseForeign(path: path)
        let database = try Database(path: path, mode: .readWriteCreate, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        do {
            try Migrator().migrate(database)
            // A statement that writes many pages (a file's search rows) keeps the pages it changes
            // in a statement journal; on disk that was more bytes written than the archive itself.
            try database.run("PRAGMA temp_store = MEMORY")
            // The WAL is copied into the database (and both synced) when it passes this many pages.
            // At SQLite's 1,000 a file of 100 answers passed it, so every file paid a checkpoint
            // and two fsyncs; at 16,000 (64 MB) one in about ten does. A process killed mid-run
            // loses nothing committed; a power cut can lose the commits since the last checkpoint,
            // as it always could in WAL mode with synchronous = NORMAL.
            try database.run("PRAGMA wal_autocheckpoint = 16000")
            // A 16 MB page cache, not SQLite's 2 MB: each insert touches a leaf of the randomly
            // keyed indexes, and at 100,000 answers those pages were read back from the kernel
            // 1.6 million times (6.9 GB for a 681 MB archive). farm-bench, 4 pairs at N=100,000:
            // wall 0.924x, peak memory 56 to 73 MB.
            try database.run("PRAGMA cache_size = -16384")
            if let maxPages {
                // https://sqlite.org/pragma.html#pragma_max_page_count: a write past it fails with SQLITE_FULL.
                try database.run("PRAGMA max_page_count = \(maxPages)")
            }
        } catch {
            database.close()
            throw error
        }
        // Better still, the copy and its fsyncs run on a thread of their own, beside the writer,
        // which then never waits on them (the setting above stays in force should it not start).
        return WritableArchive(database: database, checkpointer: BackgroundCheckpointer(writer: database))
    }

    /// Opens (creating if needed) the archive at `path`, applies pending migrations and brings the
    /// report views up to date; returns the migrations applied.
    @discardableResult
    public static func migrate(path: String) throws -> [String] {
        try refuseForeign(path: path)
        let database = try Database(path: path, mode: .readWriteCreate)
        defer { database.close() }
        return try Migrator().migrate(database)
    }

    /// Where each migration stands in the archive at `path`, read without creating or changing
    /// any file; every migration is pending where there is no archive yet.
    public static func migrationStatus(path: String) throws -> [MigrationStatus] {
        guard FileManager.default.fileExists(atPath: path) else { return Migrator().statusOfNewDatabase() }
        let database = try Database(path: path, mode: readOnlyMode(path))
        defer { database.close() }
        return try Migrator().status(of: database)
    }

    /// Opens an existing archive read-only (`query_only` too), refusing one this binary cannot read.
    public static func openForReading(path: String) throws -> ReadableArchive {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ArchiveError.missingDatabase(path)
        }
        try refuseForeign(path: path)
        let database = try Database(path: path, mode: .readOnly)
        do {
            let migrator = Migrator()
            try migrator.validate(database)
            if try migrator.status(of: database).contains(where: { $0.state == .pending }) {
                throw ArchiveError.notMigrated(path)
            }
        } catch {
            database.close()
            throw error
        }
        return ReadableArchive(database: database)
    }

    /// Refuses an existing SQLite file that holds tables but not this archive's migration record:
    /// somebody else's database, which an archive command must not change. Looked at without
    /// writing anything (no journal mode set, no -wal file made), so the file is left as it was.
    public static func refuseForeign(path: String) throws {
        guard path != ":memory:", let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 else { return }
        let tables: [String]
        do {
            let db = try Database(path: path, mode: readOnlyMode(path))
            defer { db.close() }
            tables = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0[0].textValue }
        } catch {
            throw ArchiveError.foreignDatabase(path, "it is not an SQLite database (\(error))")
        }
        if !tables.isEmpty && !tables.contains("schema_migrations") {
            throw ArchiveError.foreignDatabase(path, "it holds \(tables.count) table\(tables.count == 1 ? "" : "s") (\(tables.prefix(3).joined(separator: ", "))\(tables.count > 3 ? ", ..." : "")) and no archive migrations")
        }
    }

    // With no -wal file beside it the database is all in one file: read it without creating any.
    private static func readOnlyMode(_ path: String) -> Database.Mode {
        FileManager.default.fileExists(atPath: path + "-wal") ? .readOnly : .readOnlyImmutable
    }
}

/// An archive open read-only: what reports, exports and `archive sql` read.
public final class ReadableArchive {
    /// The connection; the reports (ArchiveQuery) run their SQL on it.
    package let database: Database

    /// The file the archive is in.
    public var path: String { database.path }

    /// Wraps an open, migrated connection (tests build archives in memory this way).
    package init(database: Database) {
        self.database = database
    }

    /// How many answer versions were read by another extractor than `current` (or by none recorded).
    public func staleVersionCount(current: Int) throws -> Int {
        try Archive.staleVersionCount(in: database, current: current)
    }

    /// Closes the connection; the archive is not to be used afterwards.
    public func close() { database.close() }
}

/// An archive open for writing: migrated, one connection, written through `ArchiveWriter` and
/// `FetchRunLog`, each change in a `transaction`.
public final class WritableArchive {
    /// The connection; only the store's writers use it.
    package let database: Database

    /// The file the archive is in.
    public var path: String { database.path }

    /// Copies the write-ahead log into the file beside the writer; stopped before it closes.
    package let checkpointer: BackgroundCheckpointer?

    /// Wraps an open, migrated connection (tests build archives in memory this way).
    package init(database: Database, checkpointer: BackgroundCheckpointer? = nil) {
        self.database = database
        self.checkpointer = checkpointer
    }

    deinit { checkpointer?.stop() }

    /// Runs `body` in one IMMEDIATE transaction: it commits whole or not at all. SQLite's failures
    /// come out as `StoreError`; any other error rolls back and is rethrown as it is.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        do {
            return try database.transaction(.immediate, body)
        } catch let error as SQLiteError {
            throw StoreError(error)
        }
    }

    /// Closes the connection, the last one open on the file (so the log is copied in and
    /// removed); the archive is not to be used afterwards.
    public func close() {
        checkpointer?.stop()
        database.close()
    }
}

/// Problems with the archive file itself.
public enum ArchiveError: Error, Equatable, CustomStringConvertible {
    /// No database at the path.
    case missingDatabase(String)
    /// The database needs `archive migrate` (or an ingest) before it can be read.
    case notMigrated(String)
    /// The file is not an archive: another program's database, or not SQLite at all.
    case foreignDatabase(String, String)

    public var description: String {
        switch self {
        case .missingDatabase(let path):
            return "no archive at \(path): run `archive ingest --db \(path) FILES...` first, or pass --db"
        case .foreignDatabase(let path, let why):
            return "\(path) is not a trafficking-archive database: \(why); it was left unchanged (use another --db path)"
        case .notMigrated(let path):
            return "the archive at \(path) has pending migrations: run `archive migrate --db \(path)`"
        }
    }
}
