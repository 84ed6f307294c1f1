import Foundation
import Testing
@testable import ArchiveStore
import SQLite

/// The repository's migrations/ directory, found from this file.
let migrationsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("migrations")

func temporaryDatabasePath() throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent("archive.db").path
}

@Suite struct MigratorTests {
    @Test func theBinaryCarriesExactlyTheMigrationsDirectory() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: migrationsDirectory.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        try #require(!files.isEmpty, "no migrations in \(migrationsDirectory.path)")
        let carried = Migration.embedded()
        #expect(carried.map(\.fileName) == files)
        for (migration, file) in zip(carried, files) {
            let onDisk = try String(contentsOf: migrationsDirectory.appendingPathComponent(file), encoding: .utf8)
            #expect(migration.sql == onDisk, "\(file) differs from what the binary carries")
        }
        #expect(carried.map(\.version) == Array(1...carried.count), "migrations are numbered 1, 2, 3... without gaps")
    }

    @Test func migratingAppliesEveryMigrationAndReapplyingIsANoOp() throws {
        let db = try Database(path: try temporaryDatabasePath())
        let migrator = Migrator()
        #expect(try migrator.migrate(db) == migrator.migrations.map(\.fileName))
        let schema = try db.rows("SELECT sql FROM sqlite_master ORDER BY name")
        #expect(try migrator.migrate(db).isEmpty)
        #expect(try db.rows("SELECT sql FROM sqlite_master ORDER BY name") == schema)
        #expect(!migrator.migrations.isEmpty)
        #expect(try migrator.status(of: db).map(\.state) == Array(repeating: .applied, count: migrator.migrations.count))
        #expect(try db.scalar("PRAGMA integrity_check") == .text("ok"))
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func aChangedMigrationIsRefusedAndTheDatabaseLeftUntouched() throws {
        let db = try Database.inMemory()
        let first = try Migration(fileName: "0001_a.sql", sql: "CREATE TABLE a (x);")
        try Migrator(migrations: [first]).migrate(db)
        let edited = try Migration(fileName: "0001_a.sql", sql: "CREATE TABLE a (x, y);")
        let second = try Migration(fileName: "0002_b.sql", sql: "CREATE TABLE b (x);")
        #expect { try Migrator(migrations: [edited, second]).migrate(db) } throws: {
            guard case MigrationError.changed(let name, _, _)? = $0 as? MigrationError else { return false }
            return name == "0001_a.sql" && "\($0)".contains("left untouched")
        }
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'b'") == .integer(0))
    }

    @Test func aDatabaseWithAnUnknownMigrationIsRefused() throws {
        let db = try Database.inMemory()
        let first = try Migration(fileName: "0001_a.sql", sql: "CREATE TABLE a (x);")
        let newer = try Migration(fileName: "0002_b.sql", sql: "CREATE TABLE b (x);")
        try Migrator(migrations: [first, newer]).migrate(db)
        #expect { try Migrator(migrations: [first]).migrate(db) } throws: {
            guard case MigrationError.unknown(let version, _)? = $0 as? MigrationError else { return false }
            return version == 2
        }
        #expect(try Migrator(migrations: [first]).status(of: db).map(\.state) == [.applied, .unknown])
    }

    @Test func aFailingMigrationLeavesNoBookkeepingRow() throws {
        let db = try Database.inMemory()
        let good = try Migration(fileName: "0001_a.sql", sql: "CREATE TABLE a (x);")
        let bad = try Migration(fileName: "0002_b.sql", sql: "CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);")
        #expect(throws: SQLiteError.self) { try Migrator(migrations: [good, bad]).migrate(db) }
        #expect(try db.scalar("SELECT count(*) FROM schema_migrations") == .integer(1))
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'b'") == .integer(0))
    }

    @Test func migrationFileNamesMustStartWithTheirNumber() {
        #expect(throws: MigrationError.self) { try Migration(fileName: "schema.sql", sql: "") }
    }
}
