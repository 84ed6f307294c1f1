import Foundation
import Testing
@testable import ArchiveStore
import SQLite
import TestScratch

/// The repository's migrations/ directory, found from this file.
let migrationsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("migrations")

func temporaryDatabasePath() throws -> String {
    try ScratchDirectory.make("store-tests").appendingPathComponent("archive.db").path
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

    /// 0011 makes `figures` again with cheaper checks: an archive with figures comes through it
    /// with every row, id and link as it was, the views over figures working, and the file sound.
    @Test func upgradingThroughTheFiguresRebuildKeepsEveryFigure() throws {
        let path = try temporaryDatabasePath()
        let db = try Database(path: path)
        let all = Migration.embedded()
        let rebuild = try #require(all.firstIndex { $0.fileName.hasPrefix("0011_") })
        try Migrator(migrations: Array(all[..<rebuild])).migrate(db)
        try db.execute("""
            INSERT INTO ingest_runs (id, started_at) VALUES (1, '2024-10-18T00:00:00Z');
            INSERT INTO sources (id, path, size_bytes, sha256, format, status, ingest_run_id, recorded_at)
                VALUES (1, 'a.json', 10, '\(String(repeating: "b", count: 64))', 'api-item', 'ingested', 1, '2024-10-18T00:00:00Z');
            INSERT INTO answers (id) VALUES (1);
            INSERT INTO questions (id, uin, house, date_tabled, heading, question_text, answer_id)
                VALUES (1, '1', 'Commons', '2024-10-08', 'Modern Slavery', 'how many referrals', 1);
            INSERT INTO answer_versions (id, answer_id, kind, date_answered, text, is_truncated, is_current, source_id)
                VALUES (1, 1, 'substantive', '2024-10-17', 'There were 17,004 referrals in 2023, over 40% more.', 0, 1, 1);
            INSERT INTO figures (id, answer_version_id, value, unit, qualifier, kind, period, measure, is_nrm_referrals,
                                 evidence, evidence_start, evidence_end, direction, context)
                VALUES (7, 1, 17004, 'count', NULL, 'level', '2023', 'referrals', 1, '17,004', 10, 16, NULL, 'There were 17,004 referrals in 2023'),
                       (9, 1, 40, 'percent', 'over', 'change', NULL, NULL, 0, 'over 40% more', 35, 48, 'increase', NULL);
            """)
        let before = try db.rows("SELECT * FROM figures ORDER BY id")
        let viewBefore = try db.rows("SELECT * FROM current_figures ORDER BY figure_id")
        #expect(try Migrator().migrate(db).map { String($0.prefix(5)) } == ["0011_"])
        #expect(try db.rows("SELECT * FROM figures ORDER BY id") == before)
        #expect(try db.rows("SELECT * FROM current_figures ORDER BY figure_id") == viewBefore)
        #expect(viewBefore.count == 2)
        #expect(try db.scalar("SELECT count(*) FROM referral_trends WHERE period = '2023'") == .integer(1))
        #expect(try db.scalar("PRAGMA integrity_check") == .text("ok"))
        #expect(try db.rows("PRAGMA foreign_key_check").isEmpty)
        #expect(try db.scalar("PRAGMA legacy_alter_table") == .integer(0))
        let indexes = Set(try db.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figures'").compactMap { $0[0].textValue })
        #expect(indexes == ["figures_in_order", "figures_nrm_values"])
        // Deleting the version still takes its figures with it.
        try db.run("DELETE FROM answer_versions WHERE id = 1")
        #expect(try db.scalar("SELECT count(*) FROM figures") == .integer(0))
    }

    @Test func migrationFileNamesMustStartWithTheirNumber() {
        #expect(throws: MigrationError.self) { try Migration(fileName: "schema.sql", sql: "") }
    }
}
