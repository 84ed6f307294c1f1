import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What the fetcher is doing, for a progress display.
public enum FetchEvent: Sendable {
    /// A list page arrived: `skip` is its offset, `totalResults` the API's match count.
    case listPageFetched(searchTerm: String, window: WindowKind, skip: Int, totalResults: Int)
    /// Every list page is in: this many distinct questions, of which `toFetch` need fetching.
    case listingFinished(questions: Int, toFetch: Int)
    /// A question record arrived and was written to `path`.
    case itemFetched(id: Int, path: String)
    /// A question record was already stored and unchanged since.
    case itemSkipped(id: Int)
    /// A question record could not be fetched; the run goes on.
    case itemFailed(id: Int, url: String, reason: String)
    /// A request is tried again after `delay` seconds.
    case retrying(url: String, retry: Int, delay: TimeInterval, reason: String)
}

/// Fetches answers given or corrected in a window from the written-questions API into a directory.
///
/// For each search term it pages through the questions answered in the window and those whose
/// answer was corrected in it, merges them by id, then fetches each question's full record once
/// (`GET /api/writtenquestions/questions/{id}`) and writes it atomically as
/// `OUT/<day answered>/<id>.json` (`OUT/unanswered/<id>.json` while unanswered).
///
/// A question already stored is skipped unless the list shows an answer or correction dated
/// later than the stored copy's latest; then it is fetched again and replaces the copy in place
/// (it is filed under the day first answered, which a correction does not change).
public final class Fetcher {
    /// What to fetch.
    public let options: FetchOptions
    private let transport: any HTTPTransport
    private let progress: (FetchEvent) -> Void
    private let sleep: (TimeInterval) -> Void
    private let limiter: RateLimiter
    private let policy: RetryPolicy

    /// A fetcher; `transport` defaults to URLSession, `progress` hears every event, `sleep` waits
    /// (between requests and before retries).
    public init(options: FetchOptions, transport: any HTTPTransport = URLSessionTransport(),
                progress: @escaping (FetchEvent) -> Void = { _ in },
                sleep: @escaping (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.options = options
        self.transport = transport
        self.progress = progress
        self.sleep = sleep
        self.limiter = RateLimiter(perSecond: max(options.requestsPerSecond, 0.001))
        self.policy = RetryPolicy(maxRetries: options.maxRetries, baseDelay: options.retryBaseDelay,
                                  maxBackoff: options.maxBackoff, maxRetryAfter: options.maxRetryAfter)
    }

    /// Fetches the window. Throws when options are bad, the output directory cannot be written, or
    /// a list page fails for good (so the list of questions would be incomplete); an item that
    /// fails is recorded in the summary's `failures` and the run goes on.
    public func run() throws -> FetchSummary {
        try options.validate()
        var summary = FetchSummary(window: .init(from: options.since, to: options.until),
                                   baseURL: options.baseURL.absoluteString, searchTerms: options.searchTerms)
        let directory = try DownloadDirectory(root: options.outputDirectory)

        // 1. List: every term, both windows, every page; the first sighting of an id keeps its place,
        //    and the latest dates any sighting shows are kept.
        var order: [Int] = []
        var listed: [Int: QuestionDates] = [:]
        for term in options.searchTerms {
            for window in WindowKind.allCases {
                var skip = 0
                while true {
                    let url = options.listURL(term: term, window: window, skip: skip)
                    let response: HTTPResponse
                    switch send(url, summary: &summary) {
                    case .success(let received): response = received
                    case .failure(let reason): throw FetchError.requestFailed(url: url.absoluteString, reason: reason)
                    }
                    let page = try APIResponse.listPage(response.body, url: url.absoluteString)
                    summary.pagesFetched += 1
                    for record in page.results {
                        if var known = listed[record.id] {
                            known.dateAnswered = [known.dateAnswered, record.dateAnswered].compactMap { $0 }.max()
                            known.dateAnswerCorrected = [known.dateAnswerCorrected, record.dateAnswerCorrected].compactMap { $0 }.max()
                            listed[record.id] = known
                        } else {
                            listed[record.id] = record
                            order.append(record.id)
                        }
                    }
                    progress(.listPageFetched(searchTerm: term, window: window, skip: skip, totalResults: page.totalResults))
                    skip += options.pageSize
                    // An empty page also ends it: a count that overstates must not loop forever.
                    if page.results.isEmpty || skip >= page.totalResults { break }
                }
            }
        }
        summary.questionsListed = order.count

        // 2. Items: each distinct question once, unless stored and unchanged since.
        let toFetch = order.filter { id in
            guard let file = directory.stored[id] else { return true }
            guard let stored = APIResponse.storedItem(at: file) else { return true }
            guard let listedChange = listed[id]?.latestChange else { return false }
            return stored.latestChange.map { listedChange > $0 } ?? true
        }
        let fetchSet = Set(toFetch)
        for id in order where !fetchSet.contains(id) {
            summary.itemsSkipped += 1
            progress(.itemSkipped(id: id))
        }
        progress(.listingFinished(questions: order.count, toFetch: toFetch.count))

        for id in toFetch {
            let url = options.itemURL(id: id)
            let failure: String
            switch send(url, summary: &summary) {
            case .failure(let reason):
                failure = reason
            case .success(let response):
                do {
                    let dates = try APIResponse.item(response.body, url: url.absoluteString, expectedID: id)
                    let file = try directory.write(response.body, for: dates)
                    summary.itemsFetched += 1
                    summary.filesWritten.append(file.path)
                    progress(.itemFetched(id: id, path: file.path))
                    continue
                } catch let error as FetchError {
                    if case .output = error { throw error }
                    if case .invalidResponse(_, let reason) = error { failure = reason } else { failure = "\(error)" }
                }
            }
            summary.failures.append(.init(url: url.absoluteString, reason: failure))
            progress(.itemFailed(id: id, url: url.absoluteString, reason: failure))
        }
        return summary
    }

    private enum Outcome {
        case success(HTTPResponse)
        case failure(String)
    }

    // One GET, with the rate limit and retries; a 2xx is success, anything else after the last try a failure.
    private func send(_ url: URL, summary: inout FetchSummary) -> Outcome {
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        request.setValue(options.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        var retry = 0
        while true {
            limiter.waitForTurn(sleep: sleep)
            summary.requestsSent += 1
            let reason: String
            var retryAfter: String?
            do {
                let response = try transport.send(request, timeout: options.timeout)
                if (200...299).contains(response.status) { return .success(response) }
                reason = "HTTP \(response.status)" + (Self.problemTitle(response.body).map { " (\($0))" } ?? "")
                guard RetryPolicy.isRetryable(status: response.status) else { return .failure(reason) }
                retryAfter = response.headers["retry-after"]
            } catch {
                reason = "\(error)"
            }
            guard retry < policy.maxRetries else {
                return .failure(retry == 0 ? reason : "\(reason), after \(retry + 1) tries")
            }
            retry += 1
            summary.retries += 1
            let delay = policy.delay(beforeRetry: retry, retryAfter: retryAfter)
            progress(.retrying(url: url.absoluteString, retry: retry, delay: delay, reason: reason))
            if delay > 0 { sleep(delay) }
        }
    }

    // The `title` of a ProblemDetails error body, when it is one.
    private static func problemTitle(_ body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let title = object["title"] as? String, !title.isEmpty else { return nil }
        return String(title.prefix(120))
    }
}
