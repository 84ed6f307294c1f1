import Foundation
import Testing
@testable import SQLite
import TestScratch

/// Where a storage test runs: in memory and in a temporary file, since WAL and locking only
/// exist for files.
enum StorageKind: String, CaseIterable, CustomTestStringConvertible {
    case memory, file
    var testDescription: String { rawValue }

    func open() throws -> Database {
        switch self {
        case .memory: return try Database.inMemory()
        case .file: return try Database(path: TemporaryDirectory.make().appendingPathComponent("test.db").path)
        }
    }
}

/// A fresh directory under the system temporary directory.
enum TemporaryDirectory {
    static func make() throws -> URL {
        try ScratchDirectory.make("sqlite-tests")
    }
}

@Suite struct DatabaseTests {
    /// SQLite's memory statistics are off from the first connection on: keeping them locks a
    /// global mutex on every allocation.
    @Test func sqliteKeepsNoMemoryStatistics() throws {
        let db = try Database.inMemory()
        try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (randomblob(100000));")
        #expect(Database.memoryCountedInUse == 0)
    }

    @Test(arguments: StorageKind.allCases)
    func valuesRoundTripInEveryStorageClass(kind: StorageKind) throws {
        let db = try kind.open()
        try db.execute("CREATE TABLE t (v)")
        let values: [SQLiteValue] = [.null, .integer(Int64.max), .real(0.25), .text("£1.36m ‘Changing Lives’"),
                                     .text("nul\u{0}inside"), .blob([0, 1, 255])]
        let insert = try db.prepare("INSERT INTO t (v) VALUES (?)")
        for value in values { try insert.run([value]) }
        let read = try db.rows("SELECT v FROM t ORDER BY rowid").map { $0[0] }
        #expect(read == values)
    }

    @Test func bindingTheWrongNumberOfParametersIsRefused() throws {
        let db = try Database.inMemory()
        let statement = try db.prepare("SELECT ?, ?")
        #expect(throws: SQLiteError.self) { try statement.bind([1]) }
        #expect(throws: SQLiteError.self) { try statement.bind([1, 2, 3]) }
        try statement.bind([1, 2])
        #expect(try statement.step()?.values == [1, 2])
    }

    @Test func namedParametersBindByNameAndAnAbsentOneIsNull() throws {
        let db = try Database.inMemory()
        let statement = try db.prepare("SELECT :since, @house, $limit, :since IS NULL")
        #expect(statement.parameterNames == ["since", "house", "limit"])
        try statement.bind(named: ["house": "Lords", "since": "2024-01-01"])
        #expect(try statement.step()?.values == ["2024-01-01", "Lords", .null, 0])
        try statement.bind(named: [:])
        #expect(try statement.step()?.values == [.null, .null, .null, 1])
    }

    @Test func aNamedParameterTheStatementLacksIsRefused() throws {
        let db = try Database.inMemory()
        let statement = try db.prepare("SELECT :since")
        let error = #expect(throws: SQLiteError.self) { try statement.bind(named: ["sinse": "2024-01-01"]) }
        #expect(error?.message == "statement has no parameter :sinse")
        let positional = try db.prepare("SELECT ?, :since")
        #expect(throws: SQLiteError.self) { try positional.bind(named: ["since": "x"]) }
    }

    @Test func aStatementIsPreparedOnceAndReused() throws {
        let db = try Database.inMemory()
        let square = try db.prepare("SELECT ? * ?")
        for n in 1...5 {
            try square.bind([.integer(Int64(n)), .integer(Int64(n))])
            #expect(try square.step()?.int(0) == Int64(n * n))
        }
        // sqlite_stmt lists the connection's live statements (https://sqlite.org/stmt.html): one
        // compiled statement for this SQL, run five times, never compiled again. A statement made
        // anew for each use would show as run once, or as several statements.
        try #require(try db.scalar("SELECT count(*) FROM pragma_compile_options WHERE compile_options = 'ENABLE_STMTVTAB'") == .integer(1),
                     "this SQLite was built without SQLITE_ENABLE_STMTVTAB, so sqlite_stmt cannot be read")
        #expect(try db.rows("SELECT run, reprep FROM sqlite_stmt WHERE sql = ?", [.text(square.sql)]) == [[.integer(5), .integer(0)]])
    }

    @Test func stepReturnsNilWhenDone() throws {
        let db = try Database.inMemory()
        let statement = try db.prepare("SELECT 1 WHERE 0")
        #expect(try statement.step() == nil)
    }

    @Test func errorsCarryExtendedCodeMessageAndSQL() throws {
        let db = try Database.inMemory()
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
        try db.run("INSERT INTO t (name) VALUES ('a')")
        do {
            try db.run("INSERT INTO t (name) VALUES ('a')")
            Issue.record("a duplicate was accepted")
        } catch let error as SQLiteError {
            #expect(error.code == .constraintUnique)
            #expect(error.code.rawValue == 2067)
            #expect(ResultCode.constraint ~= error.code)
            #expect(!(ResultCode.constraintForeignKey ~= error.code))
            #expect(error.message.contains("UNIQUE constraint failed: t.name"))
            #expect(error.sql == "INSERT INTO t (name) VALUES ('a')")
            #expect(error.description.hasPrefix("SQLite error 2067 (constraint failed): UNIQUE constraint failed: t.name - while executing INSERT"))
        }
    }

    @Test func prepareRefusesASecondStatement() throws {
        let db = try Database.inMemory()
        #expect(throws: SQLiteError.self) { try db.prepare("SELECT 1; SELECT 2") }
        _ = try db.prepare("SELECT 1;  ")
    }

    @Test(arguments: StorageKind.allCases)
    func aThrowingTransactionRollsBack(kind: StorageKind) throws {
        let db = try kind.open()
        try db.execute("CREATE TABLE t (v)")
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                throw Stop()
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM t") == .integer(0))
        #expect(db.isAutocommit)
        try db.transaction { try db.run("INSERT INTO t VALUES (1)") }
        #expect(try db.scalar("SELECT count(*) FROM t") == .integer(1))
    }

    @Test func foreignKeysAreEnforced() throws {
        let db = try Database.inMemory()
        try db.execute("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id))")
        #expect(throws: SQLiteError.self) { try db.run("INSERT INTO c VALUES (42)") }
    }

    @Test func filesAreOpenedInWriteAheadLogMode() throws {
        let db = try StorageKind.file.open()
        #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
        #expect(try db.scalar("PRAGMA foreign_keys") == .integer(1))
    }

    @Test func aReadOnlyConnectionRefusesWrites() throws {
        let path = try TemporaryDirectory.make().appendingPathComponent("ro.db").path
        let writer = try Database(path: path)
        try writer.execute("CREATE TABLE t (v); INSERT INTO t VALUES (1)")
        writer.close()
        for mode in [Database.Mode.readOnly, .readOnlyImmutable] {
            let reader = try Database(path: path, mode: mode)
            #expect(try reader.scalar("SELECT count(*) FROM t") == .integer(1))
            #expect { try reader.run("DELETE FROM t") } throws: { ResultCode.readOnly ~= $0 }
            reader.close()
        }
        #expect(try Database(path: path).scalar("SELECT count(*) FROM t") == .integer(1))
    }

    @Test func openingAMissingFileReadOnlyFailsWithThePath() throws {
        let path = try TemporaryDirectory.make().appendingPathComponent("missing.db").path
        #expect { try Database(path: path, mode: .readOnly) } throws: { "\($0)".contains(path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func closeIsIdempotentAndLaterUseThrows() throws {
        let db = try Database.inMemory()
        db.close()
        db.close()
        #expect(!db.isOpen)
        #expect(throws: SQLiteError.self) { try db.execute("SELECT 1") }
    }

    @Test func aSecondWriterWaitsForTheBusyTimeoutThenFails() throws {
        let path = try TemporaryDirectory.make().appendingPathComponent("busy.db").path
        let first = try Database(path: path)
        try first.execute("CREATE TABLE t (v)")
        let second = try Database(path: path, busyTimeoutMilliseconds: 100)
        try first.execute("BEGIN IMMEDIATE")
        let started = Date()
        #expect { try second.execute("BEGIN IMMEDIATE") } throws: { ResultCode.busy ~= $0 }
        #expect(Date().timeIntervalSince(started) >= 0.09, "gave up without waiting for the 100 ms timeout")
        // Readers keep working during the write (WAL).
        #expect(try second.scalar("SELECT count(*) FROM t") == .integer(0))
        try first.execute("COMMIT")
    }
}
