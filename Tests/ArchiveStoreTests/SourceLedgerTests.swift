@testable import ArchiveStore
import Foundation
import Testing

@Suite struct SourceLedgerTests {
    /// The ingest's workers close their ledgers before the writer closes: only the last connection
    /// to close checkpoints the WAL into the file, which a copy of the .db alone (or datasette -i) reads.
    @Test func aClosedLedgerLeavesTheWriterToCheckpointTheWAL() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("archive.db").path
        let archive = try Archive.openForWriting(path: path)
        do {
            let writer = ArchiveWriter(archive: archive)
            let run = try writer.beginRun()
            _ = try writer.transaction {
                try writer.recordSource(path: "x.json", sizeBytes: 1, sha256: String(repeating: "a", count: 64),
                                        format: "api-item", error: nil, runID: run)
            }
        }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        let ledger = try #require(SourceLedger(archivePath: path))
        #expect(ledger.status(sha256: String(repeating: "a", count: 64)) == .ingested)
        #expect(ledger.status(sha256: String(repeating: "b", count: 64)) == nil)
        ledger.close()
        archive.close()
        // The ledger object is still alive here, as a worker's is until its thread ends.
        withExtendedLifetime(ledger) {
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "the writer's close was not the last")
        }
    }

    /// The writer keeps its temporary data (statement journals) in memory: on disk, a file's search
    /// rows wrote several times the archive's own size to temporary files.
    @Test func theWriterKeepsTemporaryDataInMemoryAndCheckpointsInBulk() throws {
        let path = try temporaryDatabasePath()
        let archive = try Archive.openForWriting(path: path)
        defer { archive.close() }
        #expect(try archive.database.scalar("PRAGMA temp_store") == .integer(2))
        // And keeps 16 MB of pages (a negative size is in KiB), so the indexes' leaves stay cached.
        #expect(try archive.database.scalar("PRAGMA cache_size") == .integer(-16384))
        // And copies the WAL into the file on a thread of its own, not in the writer's commits.
        #expect(archive.checkpointer != nil)
    }
}
