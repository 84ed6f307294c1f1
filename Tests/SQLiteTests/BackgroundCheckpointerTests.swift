import Foundation
import Testing
@testable import SQLite

/// The writer's log is copied into the database file by a thread of its own.
@Suite struct BackgroundCheckpointerTests {
    private func openWriter() throws -> (Database, String) {
        let path = try TemporaryDirectory.make().appendingPathComponent("test.db").path
        let db = try Database(path: path)
        try db.execute("CREATE TABLE t (v BLOB)")
        return (db, path)
    }

    // Each commit adds about two pages to the log.
    private func write(_ db: Database, commits: Int) throws {
        for _ in 0..<commits {
            try db.transaction { try db.execute("INSERT INTO t VALUES (randomblob(6000))") }
        }
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test func theLogIsCopiedInWhileTheWriterGoesOn() throws {
        let (db, path) = try openWriter()
        defer { db.close() }
        let checkpointer = try #require(BackgroundCheckpointer(writer: db, step: 20, limit: 1_000_000))
        defer { checkpointer.stop() }
        // About 400 pages: under SQLite's own threshold of 1,000, so the writer alone would
        // leave them all in the log.
        try write(db, commits: 200)
        // The writer alone would leave the file at its first two pages (the schema).
        let deadline = Date().addingTimeInterval(20)
        while fileSize(path) < 100 * 4096 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(checkpointer.checkpointsCompleted > 0)
        #expect(fileSize(path) >= 100 * 4096, "the pages are still only in the log")
        #expect(try db.scalar("SELECT count(*) FROM t") == .integer(200))
    }

    @Test func theWriterCopiesTheLogItselfWhenTheThreadFallsBehind() throws {
        let (db, path) = try openWriter()
        defer { db.close() }
        // A step never reached: only the writer's own checkpoints at the limit keep the log short.
        let checkpointer = try #require(BackgroundCheckpointer(writer: db, step: 1_000_000, limit: 50))
        defer { checkpointer.stop() }
        try write(db, commits: 300)
        #expect(checkpointer.checkpointsCompleted == 0)
        // The log starts again from its beginning after each copy, so its file stays near the limit.
        #expect(fileSize(path + "-wal") < 80 * (4096 + 24))
        #expect(fileSize(path) >= 300 * 4096, "the writer did not copy the log")
    }

    @Test func afterStoppingTheWriterIsTheLastToCloseAndRemovesTheLog() throws {
        let (db, path) = try openWriter()
        let checkpointer = try #require(BackgroundCheckpointer(writer: db, step: 10, limit: 1_000_000))
        try write(db, commits: 50)
        checkpointer.stop()
        checkpointer.stop()  // a second stop changes nothing
        try write(db, commits: 5)  // the writer goes on, checkpointing itself again
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        db.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "another connection was still open")
        let reopened = try Database(path: path, mode: .readOnly)
        defer { reopened.close() }
        #expect(try reopened.scalar("SELECT count(*) FROM t") == .integer(55))
    }

    @Test func aDatabaseInMemoryHasNoLogToCopy() throws {
        let db = try Database.inMemory()
        #expect(BackgroundCheckpointer(writer: db) == nil)
    }
}
