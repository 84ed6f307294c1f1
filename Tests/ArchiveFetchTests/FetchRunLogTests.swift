import ArchiveStore
import Foundation
import SQLite
import Testing
@testable import ArchiveFetch

/// A migrated archive in a temporary file.
func temporaryArchive() throws -> Database {
    let db = try Database(path: try temporaryDirectory("db").appendingPathComponent("archive.db").path)
    try Migrator().migrate(db)
    return db
}

@Suite(.serialized, .timeLimit(.minutes(1)), .tags(.slow)) struct FetchRunLogTests {
    @Test func sinceLastWithNoSuccessfulRunAsksForADay() throws {
        let log = FetchRunLog(database: try temporaryArchive())
        let error = #expect(throws: FetchError.self) { try FetchWindow.resolveSince("last", log: log) }
        #expect("\(error!)".contains("--since last") && "\(error!)".contains("give a first day"))
        #expect(try FetchWindow.resolveSince("2024-05-01", log: log) == "2024-05-01")
    }

    @Test func sinceLastResumesFromTheEndOfTheLatestOkWindowIgnoringFailedAndKilledRuns() throws {
        let db = try temporaryArchive()
        let log = FetchRunLog(database: db)
        let ok = try log.begin(windowFrom: "2024-01-01", windowTo: "2024-01-31", baseURL: "http://x", searchTerms: ["a \"b\""])
        try log.finish(ok, outcome: .ok, counts: .init(pagesFetched: 3, itemsFetched: 2, itemsFailed: 0))
        let backfill = try log.begin(windowFrom: "2020-01-01", windowTo: "2020-12-31", baseURL: "http://x", searchTerms: ["a"])
        try log.finish(backfill, outcome: .ok, counts: .init())
        let failed = try log.begin(windowFrom: "2024-01-31", windowTo: "2024-02-10", baseURL: "http://x", searchTerms: ["a"])
        try log.finish(failed, outcome: .failed, counts: .init(itemsFailed: 1))
        _ = try log.begin(windowFrom: "2024-01-31", windowTo: "2024-02-11", baseURL: "http://x", searchTerms: ["a"])  // killed
        #expect(try log.lastSuccessfulWindowEnd() == "2024-01-31")
        #expect(try FetchWindow.resolveSince("last", log: log) == "2024-01-31")
        #expect(try db.scalar("SELECT search_terms FROM fetch_runs WHERE id = ?", [.integer(ok)]) == .text(#"["a \"b\""]"#))
        #expect(try db.scalar("SELECT json_extract(search_terms, '$[0]') FROM fetch_runs WHERE id = ?", [.integer(ok)]) == .text("a \"b\""))
    }

    @Test func theTableRefusesBadDaysMomentsAndOutcomes() throws {
        let db = try temporaryArchive()
        let insert = "INSERT INTO fetch_runs (started_at, window_from, window_to, base_url, search_terms, outcome) VALUES (?, ?, ?, ?, ?, ?)"
        let good: [SQLiteValue] = ["2024-01-01T00:00:00Z", "2024-01-01", "2024-01-02", "http://x", "[]", "ok"]
        try db.run(insert, good)
        for (index, bad) in [(0, "2024-01-01 00:00:00"), (1, "2024-02-30"), (2, "2023-12-31"), (4, "not json"), (5, "done")] {
            var values = good
            values[index] = .text(bad)
            #expect(throws: SQLiteError.self, "column \(index) = \(bad)") { try db.run(insert, values) }
        }
    }

    @Test func aRecordedFetchIsOkWhenEverythingLandedAndMovesSinceLast() throws {
        let server = try StubServer()
        let log = FetchRunLog(database: try temporaryArchive())
        let out = try temporaryDirectory("recorded")
        let first = try Fetcher(options: stubOptions(server, out: out, since: "2018-01-01", until: "2020-12-31")).runRecorded(in: log)
        #expect(try log.outcome(of: first.runID) == "ok")
        #expect(first.summary.itemsFetched == 7)
        #expect(try log.lastSuccessfulWindowEnd() == "2020-12-31")

        // The next night: --since last starts on the last window's end day, and picks up what came since.
        let since = try FetchWindow.resolveSince("last", log: log)
        var calls = 0
        let second = try Fetcher(options: stubOptions(server, out: out, since: since, until: "2026-12-31"))
            .runRecorded(in: log) { summary in
                calls += 1
                #expect(summary.itemsFetched == 3)
            }
        #expect(calls == 1)
        #expect(second.summary.window == .init(from: "2020-12-31", to: "2026-12-31"))
        #expect(try log.lastSuccessfulWindowEnd() == "2026-12-31")
        #expect(try log.database.scalar("SELECT items_fetched || '/' || pages_fetched FROM fetch_runs WHERE id = ?",
                                        [.integer(second.runID)]) == .text("3/\(second.summary.pagesFetched)"))
    }

    @Test func aFetchWithAFailedItemIsRecordedFailedSoSinceLastDoesNotMovePastIt() throws {
        let server = try StubServer()
        try server.setFaults([["path": itemPath + "2000052", "kind": "status", "status": 404, "times": -1]])
        let log = FetchRunLog(database: try temporaryArchive())
        let out = try temporaryDirectory("recorded-fail")
        let run = try Fetcher(options: stubOptions(server, out: out)).runRecorded(in: log)
        #expect(run.summary.failures.count == 1)
        #expect(try log.outcome(of: run.runID) == "failed")
        #expect(try log.database.scalar("SELECT items_failed FROM fetch_runs WHERE id = ?", [.integer(run.runID)]) == .integer(1))
        #expect(try log.lastSuccessfulWindowEnd() == nil)
    }

    @Test func aFetchThatStopsOrWhoseIngestFailsIsRecordedFailedAndRethrown() throws {
        let server = try StubServer()
        let log = FetchRunLog(database: try temporaryArchive())
        let out = try temporaryDirectory("recorded-throw")
        #expect(throws: HarnessError.self) {
            try Fetcher(options: stubOptions(server, out: out)).runRecorded(in: log) { _ in throw HarnessError("ingest failed") }
        }
        try server.setFaults([["path": listPath, "kind": "not_json", "times": -1]])
        #expect(throws: FetchError.self) { try Fetcher(options: stubOptions(server, out: out)).runRecorded(in: log) }
        #expect(try log.database.rows("SELECT outcome, ended_at IS NOT NULL FROM fetch_runs ORDER BY id")
                == [["failed", 1], ["failed", 1]])
        #expect(try log.lastSuccessfulWindowEnd() == nil)
    }
}
