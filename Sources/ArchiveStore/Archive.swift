import Foundation
import SQLite

/// Opening the archive database the way each kind of user needs it.
public enum Archive {
    /// Opens (creating if needed) the archive for writing and applies pending migrations.
    public static func openForWriting(path: String, busyTimeoutMilliseconds: Int32 = 5_000) throws -> Database {
        try refuseForeign(path: path)
        let database = try Database(path: path, mode: .readWriteCreate, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        try Migrator().migrate(database)
        return database
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

    /// Opens an existing archive read-only (`query_only` too), refusing one this binary cannot read.
    public static func openForReading(path: String) throws -> Database {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ArchiveError.missingDatabase(path)
        }
        try refuseForeign(path: path)
        let database = try Database(path: path, mode: .readOnly)
        let migrator = Migrator()
        try migrator.validate(database)
        if try migrator.status(of: database).contains(where: { $0.state == .pending }) {
            throw ArchiveError.notMigrated(path)
        }
        return database
    }
}

extension Archive {
    /// Refuses an existing SQLite file that holds tables but not this archive's migration record:
    /// somebody else's database, which an archive command must not change. Looked at without
    /// writing anything (no journal mode set, no -wal file made), so the file is left as it was.
    public static func refuseForeign(path: String) throws {
        guard path != ":memory:", let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 else { return }
        let mode: Database.Mode = FileManager.default.fileExists(atPath: path + "-wal") ? .readOnly : .readOnlyImmutable
        let tables: [String]
        do {
            let db = try Database(path: path, mode: mode)
            defer { db.close() }
            tables = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0[0].textValue }
        } catch {
            throw ArchiveError.foreignDatabase(path, "it is not an SQLite database (\(error))")
        }
        if !tables.isEmpty && !tables.contains("schema_migrations") {
            throw ArchiveError.foreignDatabase(path, "it holds \(tables.count) table\(tables.count == 1 ? "" : "s") (\(tables.prefix(3).joined(separator: ", "))\(tables.count > 3 ? ", ..." : "")) and no archive migrations")
        }
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
