import Foundation
import Testing
@testable import ArchiveFetch
import ArchiveStore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A transport that answers every list request with an empty page and remembers when each came.
final class EmptyListTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var starts: [Date] = []

    func send(_ request: URLRequest, timeout: TimeInterval) throws -> HTTPResponse {
        lock.lock()
        starts.append(Date())
        lock.unlock()
        return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"],
                            body: Data(#"{"totalResults": 0, "results": []}"#.utf8))
    }

    /// When each request arrived.
    var requestTimes: [Date] {
        lock.lock(); defer { lock.unlock() }
        return starts
    }
}

@Suite struct PolitenessTests {
    let policy = RetryPolicy(maxRetries: 5, baseDelay: 1, maxBackoff: 30, maxRetryAfter: 120)

    @Test func backoffDoublesWithJitterAndIsBounded() {
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, random: { $0.upperBound }) == 1)
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil, random: { $0.upperBound }) == 4)
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil, random: { $0.lowerBound }) == 2)
        #expect(policy.delay(beforeRetry: 12, retryAfter: nil, random: { $0.upperBound }) == 30)
        for retry in 1...8 {
            let delay = policy.delay(beforeRetry: retry, retryAfter: nil)
            #expect(delay > 0 && delay <= 30)
        }
    }

    @Test func retryAfterIsHonouredInSecondsOrAsAnHTTPDateAndCapped() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        #expect(policy.delay(beforeRetry: 1, retryAfter: "7", now: now) == 7)
        #expect(policy.delay(beforeRetry: 1, retryAfter: "Tue, 14 Nov 2023 22:13:50 GMT", now: now) == 30)
        #expect(policy.delay(beforeRetry: 1, retryAfter: "3600", now: now) == 120)
        #expect(policy.delay(beforeRetry: 1, retryAfter: "Tue, 14 Nov 2023 22:00:00 GMT", now: now) == 0, "a date past is no wait")
        let garbled = policy.delay(beforeRetry: 1, retryAfter: "soon", now: now, random: { $0.upperBound })
        #expect(garbled == 1, "an unreadable Retry-After falls back to the backoff")
    }

    @Test func only429AndServerErrorsAreRetried() {
        #expect(RetryPolicy.isRetryable(status: 429))
        #expect(RetryPolicy.isRetryable(status: 500) && RetryPolicy.isRetryable(status: 503))
        #expect(!RetryPolicy.isRetryable(status: 404) && !RetryPolicy.isRetryable(status: 400))
    }

    @Test func requestsAreSpacedToTheRate() throws {
        let transport = EmptyListTransport()
        var options = FetchOptions(since: "2024-01-01", until: "2024-01-31", outputDirectory: try temporaryDirectory("rate"))
        options.requestsPerSecond = 10
        let summary = try Fetcher(options: options, transport: transport).run()
        // Six terms, two windows, one empty page each: twelve requests at ten a second.
        #expect(summary.requestsSent == 12 && summary.pagesFetched == 12 && summary.questionsListed == 0)
        let times = transport.requestTimes
        let span = times.last!.timeIntervalSince(times.first!)
        #expect(span >= 1.05, "12 requests at 10/s take at least 1.1 s, took \(span)")
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later.timeIntervalSince(earlier) >= 0.09)
        }
    }
}

@Suite struct OptionsTests {
    @Test func daysMustBeRealDaysWrittenYYYYMMDD() {
        #expect(Day.isValid("2024-02-29"))
        #expect(!Day.isValid("2023-02-29") && !Day.isValid("2024-13-01") && !Day.isValid("2024-1-01"))
        #expect(!Day.isValid("last") && !Day.isValid("2024-01-01T00:00:00"))
        #expect(Day.of(apiDateTime: "2024-01-10T00:00:00") == "2024-01-10")
        #expect(Day.of(apiDateTime: nil) == nil)
    }

    @Test func badWindowsAndSettingsAreRefusedWithTheirOption() {
        #expect("\(#expect(throws: FetchError.self) { try FetchOptions(since: "2024-02-30").validate() }!)".contains("--since"))
        #expect("\(#expect(throws: FetchError.self) { try FetchOptions(since: "2024-03-01", until: "2024-02-01").validate() }!)".contains("empty"))
        var lords = FetchOptions(since: "2024-01-01")
        lords.house = "lords"
        #expect(throws: FetchError.self) { try lords.validate() }
        var ftp = FetchOptions(since: "2024-01-01")
        ftp.baseURL = URL(string: "ftp://example.org")!
        #expect(throws: FetchError.self) { try ftp.validate() }
    }

    @Test func theDefaultsAreThePoliteOnesDocumented() {
        let options = FetchOptions(since: "2024-01-01")
        #expect(options.baseURL.absoluteString == "https://questions-statements-api.parliament.uk")
        #expect(options.searchTerms == ["trafficking", "modern slavery", "prostitution", "sexual exploitation",
                                        "county lines", "National Referral Mechanism"])
        #expect(options.requestsPerSecond == 3 && options.timeout == 30 && options.maxRetries == 5)
        #expect(options.maxRetryAfter == 120 && options.pageSize == 100)
        #expect(options.until == Day.today().description)
        #expect(options.userAgent.hasPrefix("trafficking-archive/0.1 ("))
    }

    @Test func listAndItemURLsCarryEveryParameterEncoded() {
        var options = FetchOptions(since: "2024-01-01", until: "2024-01-31", baseURL: URL(string: "http://127.0.0.1:9/root/")!)
        options.house = "Commons"
        options.answeringBodies = [1, 17]
        let list = options.listURL(term: "C++ & county lines", window: .corrected, skip: 200).absoluteString
        #expect(list == "http://127.0.0.1:9/root/api/writtenquestions/questions?searchTerm=C%2B%2B%20%26%20county%20lines&correctedWhenFrom=2024-01-01&correctedWhenTo=2024-01-31&house=Commons&answeringBodies=1&answeringBodies=17&skip=200&take=100")
        #expect(options.itemURL(id: 1679416).absoluteString == "http://127.0.0.1:9/root/api/writtenquestions/questions/1679416?expandMember=true")
    }

    @Test func theSummaryEncodesWithSnakeCaseKeys() throws {
        var summary = FetchSummary(window: .init(from: "2024-01-01", to: "2024-01-31"), baseURL: "http://x", searchTerms: ["a"])
        summary.failures = [.init(url: "http://x/1", reason: "HTTP 404")]
        summary.filesWritten = ["out/2024-01-10/1.json"]
        let object = try JSONSerialization.jsonObject(with: Data(try SummaryJSON.line(summary).utf8)) as? [String: Any]
        #expect(Set(object?.keys ?? [:].keys) == ["window", "base_url", "search_terms", "pages_fetched", "questions_listed",
                                                  "items_fetched", "items_skipped", "requests_sent", "retries",
                                                  "failures", "files_written"])
        #expect(object?["base_url"] as? String == "http://x")
        #expect((object?["failures"] as? [[String: Any]])?.first?["reason"] as? String == "HTTP 404")
        #expect((object?["window"] as? [String: Any])?["from"] as? String == "2024-01-01")
    }
}

@Suite struct DownloadDirectoryTests {
    @Test func aQuestionAnsweredAfterBeingStoredUnansweredKeepsOneFile() throws {
        let root = try temporaryDirectory("unanswered")
        let directory = try DownloadDirectory(root: root)
        try directory.write(Data(#"{"value":{"id":7,"dateAnswered":null}}"#.utf8),
                            for: QuestionDates(id: 7, dateAnswered: nil, dateAnswerCorrected: nil))
        #expect(filesUnder(root) == ["unanswered/7.json"])
        try directory.write(Data(#"{"value":{"id":7,"dateAnswered":"2024-01-10T00:00:00"}}"#.utf8),
                            for: QuestionDates(id: 7, dateAnswered: "2024-01-10T00:00:00", dateAnswerCorrected: nil))
        #expect(filesUnder(root) == ["2024-01-10/7.json"])
        #expect(try DownloadDirectory(root: root).stored == [7: root.appendingPathComponent("2024-01-10/7.json")])
    }

    @Test func ofTwoCopiesLeftByAKilledRunTheAnsweredOneIsTaken() throws {
        let root = try temporaryDirectory("two-copies")
        for folder in ["unanswered", "2024-01-10"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: root.appendingPathComponent("\(folder)/7.json"))
        }
        #expect(try DownloadDirectory(root: root).stored[7] == root.appendingPathComponent("2024-01-10/7.json"))
    }

    @Test func reopeningRemovesPartialFilesAndIgnoresStrangers() throws {
        let root = try temporaryDirectory("reopen")
        let day = root.appendingPathComponent("2024-01-10")
        try FileManager.default.createDirectory(at: day, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: day.appendingPathComponent(".9.json.abcd1234.partial"))
        try Data("{}".utf8).write(to: day.appendingPathComponent("notes.json"))
        try Data("{}".utf8).write(to: root.appendingPathComponent("summary.json"))
        let directory = try DownloadDirectory(root: root)
        #expect(directory.stored.isEmpty)
        #expect(filesUnder(root) == ["2024-01-10/notes.json", "summary.json"])
    }
}
