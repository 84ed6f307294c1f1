import ArchiveStore
import Foundation
import SQLite
import Testing
@testable import ArchiveFetch

/// The ten fixture questions the default search terms find, with the day each was answered.
let expectedQuestions: [Int: String] = [
    2000004: "2018-05-02", 2000006: "2020-01-13", 2000009: "2026-02-10", 2000011: "2020-01-13",
    2000024: "2019-03-21", 2000026: "2020-07-22", 2000038: "2020-01-13", 2000042: "2020-01-13",
    2000052: "2025-05-07", 2000055: "2025-06-30",
]

let itemPath = "/api/writtenquestions/questions/"
let listPath = "/api/writtenquestions/questions"

/// Options for a fetch from the stub: every fixture in the window, fast rate, short timeout and backoff.
func stubOptions(_ server: StubServer, out: URL, since: String = "2010-01-01", until: String = "2030-12-31",
                 pageSize: Int = 3, maxRetries: Int = 3) -> FetchOptions {
    FetchOptions(since: since, until: until, baseURL: server.baseURL, outputDirectory: out,
                 requestsPerSecond: 200, timeout: 1, maxRetries: maxRetries, retryBaseDelay: 0.05,
                 maxBackoff: 0.2, pageSize: pageSize)
}

/// The item paths the server saw, with how often each was asked for.
func itemCounts(_ server: StubServer) throws -> [Int: Int] {
    var counts: [Int: Int] = [:]
    for (path, count) in try server.requestCounts() where path.hasPrefix(itemPath) {
        if let id = Int(path.dropFirst(itemPath.count)) { counts[id] = count }
    }
    return counts
}

/// The expected files: `<day>/<id>.json` for each question, sorted.
func expectedFiles(_ questions: [Int: String] = expectedQuestions) -> [String] {
    questions.map { "\($0.value)/\($0.key).json" }.sorted()
}

@Suite(.serialized, .timeLimit(.minutes(1)), .tags(.slow)) struct FetcherTests {
    @Test func everyListedQuestionIsFetchedExactlyOnceAcrossTermsWindowsAndPages() throws {
        let server = try StubServer()
        let out = try temporaryDirectory("once")
        let summary = try Fetcher(options: stubOptions(server, out: out)).run()

        #expect(try itemCounts(server) == Dictionary(uniqueKeysWithValues: expectedQuestions.keys.map { ($0, 1) }))
        #expect(summary.questionsListed == 10 && summary.itemsFetched == 10 && summary.itemsSkipped == 0)
        #expect(summary.failures.isEmpty)
        #expect(filesUnder(out) == expectedFiles())
        #expect(Set(summary.filesWritten) == Set(expectedFiles().map { out.appendingPathComponent($0).path }))
        for file in summary.filesWritten {
            let value = try storedValue(URL(fileURLWithPath: file))
            #expect((value["answerText"] as? String)?.contains("<p>") == true, "\(file) holds the full HTML answer")
        }
        // 11 answered-window pages (3 a page) and 6 corrected-window pages, each asked once.
        #expect(summary.pagesFetched == 17)
        #expect(try server.requestCounts()[listPath] == 17)
        let lists = try server.requestLog().filter { $0["path"] == listPath }.compactMap { $0["query"] }
        #expect(lists.filter { $0.contains("answeredWhenFrom=2010-01-01") && $0.contains("answeredWhenTo=2030-12-31") }.count == 11)
        #expect(lists.filter { $0.contains("correctedWhenFrom=2010-01-01") && $0.contains("correctedWhenTo=2030-12-31") }.count == 6)
        #expect(lists.contains { $0.contains("searchTerm=modern%20slavery") && $0.contains("skip=6") && $0.contains("take=3") })
        #expect(!lists.contains { $0.contains("searchTerm=modern%20slavery") && $0.contains("skip=9") }, "paging stops at totalResults")
        #expect(try server.requestLog().allSatisfy { $0["user_agent"] == FetchOptions.defaultUserAgent })
    }

    @Test func aServerErrorOnceIsRetriedAndEverythingLands() throws {
        let server = try StubServer()
        try server.setFaults([
            ["path": itemPath + "2000009", "kind": "status", "status": 500],
            ["path": listPath, "query_contains": "searchTerm=trafficking&answered", "kind": "status", "status": 503],
        ])
        let out = try temporaryDirectory("500")
        let summary = try Fetcher(options: stubOptions(server, out: out)).run()
        #expect(try itemCounts(server)[2000009] == 2)
        #expect(try server.requestCounts()[listPath] == 18, "the failed list page was asked for twice")
        #expect(summary.retries == 2 && summary.failures.isEmpty)
        #expect(filesUnder(out) == expectedFiles())
    }

    @Test func a429IsRetriedAfterTheSecondsItsRetryAfterAsks() throws {
        let server = try StubServer()
        try server.setFaults([["path": itemPath + "2000024", "kind": "status", "status": 429, "retry_after": 1]])
        let out = try temporaryDirectory("429")
        let events = EventLog()
        let started = Date()
        let summary = try Fetcher(options: stubOptions(server, out: out), progress: events.record).run()
        #expect(Date().timeIntervalSince(started) >= 1)
        #expect(events.retryDelays == [1.0])
        #expect(try itemCounts(server)[2000024] == 2)
        #expect(summary.failures.isEmpty && filesUnder(out) == expectedFiles())
    }

    @Test func aResponseSlowerThanTheTimeoutIsAbandonedAndRetried() throws {
        let server = try StubServer()
        try server.setFaults([["path": itemPath + "2000038", "kind": "slow", "delay": 3]])
        let out = try temporaryDirectory("slow")
        let events = EventLog()
        let started = Date()
        let summary = try Fetcher(options: stubOptions(server, out: out), progress: events.record).run()
        #expect(Date().timeIntervalSince(started) < 2.8, "the client gave up after its 1 s timeout")
        #expect(events.retryReasons.count == 1 && events.retryReasons[0].contains("no response within 1 s"))
        #expect(try itemCounts(server)[2000038] == 2)
        #expect(summary.failures.isEmpty && filesUnder(out) == expectedFiles())
    }

    @Test func aTruncatedBodyOrADroppedConnectionIsRetriedAndNoPartialFileIsLeft() throws {
        let server = try StubServer()
        try server.setFaults([
            ["path": itemPath + "2000052", "kind": "truncate"],
            ["path": itemPath + "2000055", "kind": "drop"],
            ["path": listPath, "query_contains": "skip=3", "kind": "truncate"],
        ])
        let out = try temporaryDirectory("truncate")
        let summary = try Fetcher(options: stubOptions(server, out: out)).run()
        #expect(try itemCounts(server)[2000052] == 2)
        #expect(try itemCounts(server)[2000055] == 2)
        #expect(summary.retries == 3 && summary.failures.isEmpty)
        #expect(filesUnder(out) == expectedFiles(), "only whole .json files, no .partial")
        let stored = try storedValue(out.appendingPathComponent("2025-05-07/2000052.json"))
        #expect(stored["id"] as? Int == 2000052)
    }

    @Test func anItemThat404sIsRecordedAsAFailureAndTheOthersLand() throws {
        let server = try StubServer()
        try server.setFaults([["path": itemPath + "2000042", "kind": "status", "status": 404, "times": -1]])
        let out = try temporaryDirectory("404")
        let summary = try Fetcher(options: stubOptions(server, out: out)).run()
        #expect(summary.failures.count == 1)
        #expect(summary.failures.first?.url.contains("/api/writtenquestions/questions/2000042") == true)
        #expect(summary.failures.first?.reason.hasPrefix("HTTP 404") == true)
        #expect(try itemCounts(server)[2000042] == 1, "a 404 is not retried")
        #expect(summary.itemsFetched == 9)
        #expect(filesUnder(out) == expectedFiles(expectedQuestions.filter { $0.key != 2000042 }))
    }

    @Test func anItemThatKeepsFailingIsGivenUpAfterItsRetries() throws {
        let server = try StubServer()
        try server.setFaults([["path": itemPath + "2000004", "kind": "status", "status": 502, "times": -1]])
        let out = try temporaryDirectory("502")
        let summary = try Fetcher(options: stubOptions(server, out: out, maxRetries: 2)).run()
        #expect(try itemCounts(server)[2000004] == 3)
        #expect(summary.failures.map(\.reason) == ["HTTP 502 (Injected fault), after 3 tries"])
        #expect(summary.itemsFetched == 9)
    }

    @Test func aListPageThatKeepsFailingFailsTheRunNamingItsURL() throws {
        let server = try StubServer()
        try server.setFaults([["path": listPath, "query_contains": "searchTerm=prostitution", "kind": "status",
                               "status": 503, "times": -1]])
        let out = try temporaryDirectory("listfail")
        let error = #expect(throws: FetchError.self) { try Fetcher(options: stubOptions(server, out: out, maxRetries: 2)).run() }
        guard case .requestFailed(let url, let reason)? = error else { Issue.record("wrong error \(String(describing: error))"); return }
        #expect(url.hasPrefix(server.baseURL.absoluteString + listPath + "?searchTerm=prostitution"))
        #expect(reason.contains("HTTP 503") && reason.contains("after 3 tries"))
        #expect("\(error!)".contains(url))
        #expect(filesUnder(out).isEmpty, "no item is fetched from an incomplete listing")
    }

    @Test func aListResponseThatIsNotJSONIsAnErrorNamingTheURLAndNothingIsWritten() throws {
        let server = try StubServer()
        try server.setFaults([["path": listPath, "kind": "not_json", "times": -1]])
        let out = try temporaryDirectory("notjson")
        let error = #expect(throws: FetchError.self) { try Fetcher(options: stubOptions(server, out: out)).run() }
        guard case .invalidResponse(let url, let reason)? = error else { Issue.record("wrong error"); return }
        #expect(url.hasPrefix(server.baseURL.absoluteString + listPath + "?searchTerm=trafficking"))
        #expect(reason.hasPrefix("not JSON"))
        #expect(try server.requestCounts()[listPath] == 1, "a complete answer that is not JSON is not retried")
        #expect(filesUnder(out).isEmpty)
    }

    @Test func aListResponseOfTheWrongShapeSaysWhatIsMissing() throws {
        let server = try StubServer()
        try server.setFaults([["path": listPath, "kind": "wrong_shape", "times": -1]])
        let out = try temporaryDirectory("shape")
        let error = #expect(throws: FetchError.self) { try Fetcher(options: stubOptions(server, out: out)).run() }
        #expect("\(error!)".contains("no `totalResults`") && "\(error!)".contains(listPath))
        #expect(filesUnder(out).isEmpty)
    }

    @Test func anItemThatIsNotJSONIsRecordedByURLAndNoFileIsWrittenForIt() throws {
        let server = try StubServer()
        try server.setFaults([["path": itemPath + "2000011", "kind": "not_json", "times": -1]])
        let out = try temporaryDirectory("itemjson")
        let summary = try Fetcher(options: stubOptions(server, out: out)).run()
        #expect(summary.failures.count == 1)
        #expect(summary.failures.first?.url.contains(itemPath + "2000011") == true)
        #expect(summary.failures.first?.reason.hasPrefix("not JSON") == true)
        #expect(filesUnder(out) == expectedFiles(expectedQuestions.filter { $0.key != 2000011 }))
    }

    @Test func aSecondRunFetchesOnlyTheQuestionsAnsweredSince() throws {
        let server = try StubServer()
        let out = try temporaryDirectory("second")
        _ = try Fetcher(options: stubOptions(server, out: out)).run()
        var fresh = try fixtureQuestion("009")
        fresh["id"] = 3000001
        fresh["uin"] = "99001"
        fresh["dateAnswered"] = "2026-03-04T00:00:00"
        try server.putQuestions([fresh])
        try server.resetCounts()

        let summary = try Fetcher(options: stubOptions(server, out: out)).run()
        #expect(try itemCounts(server) == [3000001: 1])
        #expect(summary.itemsFetched == 1 && summary.itemsSkipped == 10 && summary.questionsListed == 11)
        #expect(summary.filesWritten == [out.appendingPathComponent("2026-03-04/3000001.json").path])
        var all = expectedQuestions
        all[3000001] = "2026-03-04"
        #expect(filesUnder(out) == expectedFiles(all))
    }

    @Test func aCorrectionPublishedLaterIsFetchedAgainAndReplacesTheFileInPlace() throws {
        let server = try StubServer()
        let out = try temporaryDirectory("correction")
        _ = try Fetcher(options: stubOptions(server, out: out)).run()
        var corrected = try fixtureQuestion("009")
        corrected["answerIsCorrection"] = true
        corrected["dateAnswerCorrected"] = "2026-03-02T00:00:00"
        corrected["correctingMemberId"] = 4000
        corrected["answerText"] = "<p>Corrected: the figure is 17,004 referrals.</p>"
        try server.putQuestions([corrected])
        try server.resetCounts()

        // Tonight's window holds only the correction's day: the answered window finds nothing.
        let summary = try Fetcher(options: stubOptions(server, out: out, since: "2026-03-01", until: "2026-03-05")).run()
        #expect(try itemCounts(server) == [2000009: 1])
        #expect(summary.itemsFetched == 1)
        let file = out.appendingPathComponent("2026-02-10/2000009.json")
        #expect(summary.filesWritten == [file.path])
        let stored = try storedValue(file)
        #expect(stored["dateAnswerCorrected"] as? String == "2026-03-02T00:00:00")
        #expect((stored["answerText"] as? String)?.contains("17,004") == true)
        #expect(filesUnder(out) == expectedFiles(), "still one file per question")

        // Asked again with nothing new, it is skipped.
        try server.resetCounts()
        let again = try Fetcher(options: stubOptions(server, out: out, since: "2026-03-01", until: "2026-03-05")).run()
        #expect(again.itemsFetched == 0 && again.itemsSkipped == 1)
        #expect(try itemCounts(server).isEmpty)
    }

    @Test func leftoverPartialFilesFromAKilledRunAreRemovedAndNeverTakenForItems() throws {
        let server = try StubServer()
        let out = try temporaryDirectory("killed")
        let day = out.appendingPathComponent("2020-01-13")
        try FileManager.default.createDirectory(at: day, withIntermediateDirectories: true)
        try Data("{\"value\": {\"id\": 20000".utf8).write(to: day.appendingPathComponent(".2000006.json.1a2b3c4d.partial"))
        let summary = try Fetcher(options: stubOptions(server, out: out)).run()
        #expect(summary.itemsFetched == 10)
        #expect(filesUnder(out) == expectedFiles())
    }

    @Test func aRestrictedSearchAsksForTheHouseAndAnsweringBodies() throws {
        let server = try StubServer()
        let out = try temporaryDirectory("house")
        var options = stubOptions(server, out: out)
        options.searchTerms = ["modern slavery"]
        options.house = "Lords"
        options.answeringBodies = [1, 17]
        let summary = try Fetcher(options: options).run()
        #expect(Set(try itemCounts(server).keys) == [2000024, 2000052])
        #expect(summary.itemsFetched == 2)
        let queries = try server.requestLog().filter { $0["path"] == listPath }.compactMap { $0["query"] }
        #expect(!queries.isEmpty)
        #expect(queries.allSatisfy { $0.contains("house=Lords") && $0.contains("answeringBodies=1&answeringBodies=17") })
    }
}

/// Events a fetch reported, collected for assertions.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [FetchEvent] = []

    /// Records one event (pass as the fetcher's `progress`).
    func record(_ event: FetchEvent) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    /// The delays of every retry, in order.
    var retryDelays: [TimeInterval] {
        lock.lock(); defer { lock.unlock() }
        return events.compactMap { if case .retrying(_, _, let delay, _) = $0 { return delay } else { return nil } }
    }

    /// The reasons of every retry, in order.
    var retryReasons: [String] {
        lock.lock(); defer { lock.unlock() }
        return events.compactMap { if case .retrying(_, _, _, let reason) = $0 { return reason } else { return nil } }
    }
}
