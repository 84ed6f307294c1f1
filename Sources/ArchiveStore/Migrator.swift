internal import Checksum
package import SQLite

/// One schema change: `migrations/NNNN_name.sql`, applied once and never edited after it ships.
public struct Migration: Sendable, Equatable {
    /// The number from the file name (`0001` is 1); migrations apply in this order.
    public let version: Int
    /// The file name, e.g. `0001_archive_schema.sql`.
    public let fileName: String
    /// The SQL script.
    public let sql: String
    /// SHA-256 of the script, recorded when applied, so a later edit is noticed.
    public let checksum: String

    /// A migration from its file name and script; the name must start with its number.
    public init(fileName: String, sql: String) throws {
        let digits = fileName.prefix(while: \.isNumber)
        guard !digits.isEmpty, let version = Int(digits), fileName.hasSuffix(".sql") else {
            throw MigrationError.badFileName(fileName)
        }
        self.version = version
        self.fileName = fileName
        self.sql = sql
        self.checksum = SHA256.hex(of: Array(sql.utf8))
    }

    /// The migrations compiled into this binary from `migrations/`, in order.
    public static func embedded() -> [Migration] {
        // The plugin generates file names of the right form, so this cannot fail.
        embeddedMigrations.map { try! Migration(fileName: $0.fileName, sql: $0.sql) }
            .sorted { $0.version < $1.version }
    }
}

/// Why the migrator refuses a database.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    /// A migration file is not named `NNNN_name.sql`.
    case badFileName(String)
    /// An applied migration's script differs from the one this binary carries.
    case changed(fileName: String, recorded: String, carried: String)
    /// The database has a migration this binary does not know: it was made by a newer version.
    case unknown(version: Int, fileName: String)

    public var description: String {
        switch self {
        case .badFileName(let name):
            return "migration file '\(name)' is not named NNNN_name.sql"
        case .changed(let name, let recorded, let carried):
            return "migration \(name) was changed after it was applied (recorded checksum \(recorded.prefix(12))…, this binary carries \(carried.prefix(12))…); the database was left untouched"
        case .unknown(let version, let name):
            return "the database has migration \(version) (\(name)) that this binary does not know; it was made by a newer archive, so it was left untouched"
        }
    }
}

/// Where one migration stands in a database.
public struct MigrationStatus: Sendable, Equatable {
    /// The migration (for an unknown one, only version and file name are meaningful).
    public let version: Int
    /// Its file name.
    public let fileName: String
    /// When it was applied (UTC), or nil while pending.
    public let appliedAt: String?
    /// Applied, pending, changed since applied, or unknown to this binary.
    public let state: State

    /// The four states.
    public enum State: String, Sendable { case applied, pending, changed, unknown }
}

/// Applies migrations in order, each with its bookkeeping row in one transaction.
public struct Migrator: Sendable {
    /// The migrations this migrator knows, in order.
    public let migrations: [Migration]

    /// A migrator for the given migrations (by default, those compiled into the binary).
    public init(migrations: [Migration] = Migration.embedded()) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    // The bookkeeping table lives outside the migration files: it must exist before the first one.
    static let bookkeepingSQL = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER PRIMARY KEY,  -- the number of the migration file
            file_name   TEXT NOT NULL,        -- e.g. '0001_archive_schema.sql'
            checksum    TEXT NOT NULL,        -- SHA-256 of the script as applied
            applied_at  TEXT NOT NULL         -- when (UTC)
        )
        """

    /// Every known and recorded migration with its state. Reads only; changes nothing.
    package func status(of database: Database) throws -> [MigrationStatus] {
        let hasTable = try database.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")?.integerValue ?? 0
        var recorded: [Int: (fileName: String, checksum: String, appliedAt: String)] = [:]
        if hasTable > 0 {
            for row in try database.rows("SELECT version, file_name, checksum, applied_at FROM schema_migrations") {
                if let version = row[0].integerValue, let name = row[1].textValue, let sum = row[2].textValue,
                   let at = row[3].textValue {
                    recorded[Int(version)] = (name, sum, at)
                }
            }
        }
        var statuses = migrations.map { migration -> MigrationStatus in
            guard let applied = recorded[migration.version] else {
                return MigrationStatus(version: migration.version, fileName: migration.fileName, appliedAt: nil, state: .pending)
            }
            let state: MigrationStatus.State = applied.checksum == migration.checksum ? .applied : .changed
            return MigrationStatus(version: migration.version, fileName: migration.fileName, appliedAt: applied.appliedAt, state: state)
        }
        let known = Set(migrations.map(\.version))
        for (version, applied) in recorded where !known.contains(version) {
            statuses.append(MigrationStatus(version: version, fileName: applied.fileName, appliedAt: applied.appliedAt, state: .unknown))
        }
        return statuses.sorted { $0.version < $1.version }
    }

    /// The status of every migration for a database that does not exist yet: all pending.
    public func statusOfNewDatabase() -> [MigrationStatus] {
        migrations.map { MigrationStatus(version: $0.version, fileName: $0.fileName, appliedAt: nil, state: .pending) }
    }

    /// Refuses a database whose applied migrations were changed or are unknown to this binary.
    package func validate(_ database: Database) throws {
        for status in try status(of: database) {
            switch status.state {
            case .changed:
                let carried = migrations.first { $0.version == status.version }?.checksum ?? ""
                let recorded = try database.scalar("SELECT checksum FROM schema_migrations WHERE version = ?",
                                                   [.integer(Int64(status.version))])?.textValue ?? ""
                throw MigrationError.changed(fileName: status.fileName, recorded: recorded, carried: carried)
            case .unknown:
                throw MigrationError.unknown(version: status.version, fileName: status.fileName)
            case .applied, .pending:
                continue
            }
        }
    }

    /// Applies every pending migration, in order, then brings the report views up to date;
    /// returns the file names applied. Checks the whole history first, so a refused database is
    /// not touched at all.
    @discardableResult
    package func migrate(_ database: Database, now: () -> String = Timestamp.now) throws -> [String] {
        try validate(database)
        var applied: [String] = []
        for migration in migrations {
            let done: Bool = try database.transaction(.immediate) {
                try database.execute(Migrator.bookkeepingSQL)
                // Checked again under the write lock: another process may have just applied it.
                let already = try database.scalar("SELECT count(*) FROM schema_migrations WHERE version = ?",
                                                  [.integer(Int64(migration.version))])?.integerValue ?? 0
                if already > 0 { return false }
                try database.execute(migration.sql)
                try database.run("INSERT INTO schema_migrations (version, file_name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                                 [.integer(Int64(migration.version)), .text(migration.fileName), .text(migration.checksum), .text(now())])
                return true
            }
            if done { applied.append(migration.fileName) }
        }
        try installReportViews(database)
        return applied
    }

    /// Makes each report's view (`funding_by_recipient`, ...) from the report's own SQL, replacing
    /// one whose text differs, so the views follow the reports this binary carries. One
    /// transaction: a reader sees the old views or the new ones.
    func installReportViews(_ database: Database, reports: [ReportDefinition] = ReportDefinition.all) throws {
        let wanted = reports.compactMap { report in report.createViewSQL.map { (report.viewName!, $0) } }
        let current = Dictionary(uniqueKeysWithValues: try database.rows("SELECT name, sql FROM sqlite_schema WHERE type = 'view'")
            .compactMap { row in row[0].textValue.map { ($0, row[1].textValue ?? "") } })
        let stale = wanted.filter { current[$0.0] != $0.1 }
        guard !stale.isEmpty else { return }
        try database.transaction(.immediate) {
            for (name, sql) in stale {
                try database.execute("DROP VIEW IF EXISTS \(name)")
                try database.execute(sql)
            }
        }
    }
}
