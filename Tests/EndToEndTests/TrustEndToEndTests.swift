import Foundation
import SQLite
import Testing

// What users and cron jobs rely on: output errors are errors, a closed pipe is not a crash, and a
// database that is not an archive is refused and left as it was.

@Suite struct OutputAndForeignDatabaseTests {
    @Test func aFullDiskOnStdoutIsAOneLineErrorNotACrash() throws {
        let work = try Workspace()
        #expect(try work.archive(["ingest", "--quiet", Fixtures.seed.path]).status == 0)
        let result = try ArchiveBinary.run(["-c", "exec \"$0\" sql 'select 1' --db \"$1\" > /dev/full", ArchiveBinary.url.path, work.database],
                                           executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot write output: No space left on device\n")
    }

    @Test func aClosedPipeEndsTheProcessQuietlyWhateverSIGPIPEsDisposition() throws {
        let work = try Workspace()
        _ = try writeCorpus(into: work.path("corpus"), count: 600)
        #expect(try work.archive(["ingest", "--quiet", work.path("corpus").path]).status == 0)
        // Larger than a pipe's buffer, so the reader goes away while the report is still writing.
        #expect(try work.archive(["query", "figures", "--format", "csv"]).stdout.utf8.count > 1 << 16)
        for trap in ["trap '' PIPE;", ""] {
            // `head -c 1` reads one byte and exits; the report is larger than a pipe's buffer.
            let script = "\(trap) \"$0\" query figures --db \"$1\" --format csv 2>err | head -c 1 >/dev/null; echo ${PIPESTATUS[0]:-$?}; cat err"
            let result = try ArchiveBinary.run(["-c", script, ArchiveBinary.url.path, work.database], in: work.url,
                                               executable: URL(fileURLWithPath: "/bin/bash"))
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(["0", "141"].contains(String(lines.first ?? "")), "exit status \(lines.first ?? "") with `\(trap)`")
            #expect(!result.stdout.contains("Fatal error") && !result.stdout.contains("Error"), "\(result.stdout)")
        }
    }

    @Test func aForeignSQLiteFileIsRefusedAndLeftByteForByteUnchanged() throws {
        let work = try Workspace()
        let notes = work.path("notes.db").path
        let db = try Database(path: notes, mode: .readWriteCreate)
        try db.execute("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')")
        db.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: notes))
        for command in [["ingest", Fixtures.seed.path], ["query", "funding"], ["sql", "select 1"], ["migrate"], ["reextract"],
                        ["export", "360giving"]] {
            let result = try ArchiveBinary.run(command + ["--db", notes], in: work.url)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("is not a trafficking-archive database"), "\(command): \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: notes)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.url.path).sorted() == ["notes.db"])
    }
}
