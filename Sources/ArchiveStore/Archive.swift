import Foundation
import SQLite

/// Opening the archive database the way each kind of user needs it.
public enum Archive {
    /// Opens (creating if needed) the archive for writing and applies pending migrations.
    public static func openForWriting(path: String, busyTimeoutMilliseconds: Int32 = 5_000) throws -> Database {
        let database = try Database(path: path, mode: .readWriteCreate, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        try Migrator().migrate(database)
        return database
    }

    /// Opens an existing archive read-only (`query_only` too), refusing one this binary cannot read.
    public static func openForReading(path: String) throws -> Database {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ArchiveError.missingDatabase(path)
        }
        let database = try Database(path: path, mode: .readOnly)
        let migrator = Migrator()
        try migrator.validate(database)
        if try migrator.status(of: database).contains(where: { $0.state == .pending }) {
            throw ArchiveError.notMigrated(path)
        }
        return database
    }
}

/// Problems with the archive file itself.
public enum ArchiveError: Error, Equatable, CustomStringConvertible {
    /// No database at the path.
    case missingDatabase(String)
    /// The database needs `archive migrate` (or an ingest) before it can be read.
    case notMigrated(String)

    public var description: String {
        switch self {
        case .missingDatabase(let path):
            return "no archive at \(path): run `archive ingest --db \(path) FILES...` first, or pass --db"
        case .notMigrated(let path):
            return "the archive at \(path) has pending migrations: run `archive migrate --db \(path)`"
        }
    }
}
