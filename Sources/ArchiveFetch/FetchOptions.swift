import ArchiveStore
import Foundation

/// What to fetch, from where, into where, and how politely.
public struct FetchOptions: Sendable {
    /// The API host that serves production data.
    public static let defaultBaseURL = URL(string: "https://questions-statements-api.parliament.uk")!
    /// The terms searched for when none are given: the archive's subject.
    public static let defaultSearchTerms = [
        "trafficking", "modern slavery", "prostitution", "sexual exploitation", "county lines",
        "National Referral Mechanism",
    ]
    /// How the fetcher introduces itself to Parliament's servers.
    public static let defaultUserAgent = "trafficking-archive/0.1 (research archive of UK parliamentary written answers on trafficking and modern slavery)"

    /// The API root, e.g. `https://questions-statements-api.parliament.uk` or a local stub.
    public var baseURL: URL
    /// First day of the window, `YYYY-MM-DD`, inclusive.
    public var since: String
    /// Last day of the window, `YYYY-MM-DD`, inclusive.
    public var until: String
    /// Search terms; each is queried separately and the results merged.
    public var searchTerms: [String]
    /// `Commons` or `Lords`; nil asks both.
    public var house: String?
    /// Answering body ids to restrict to (Home Office = 1); empty asks all.
    public var answeringBodies: [Int]
    /// Where `<answer day>/<id>.json` files are written.
    public var outputDirectory: URL
    /// The most requests started in any second (retries included).
    public var requestsPerSecond: Double
    /// Seconds one request may take, from sending to the last byte.
    public var timeout: TimeInterval
    /// Retries of one request after its first try, on 429, 5xx, timeouts and dropped connections.
    public var maxRetries: Int
    /// The first backoff delay in seconds; each retry doubles it (with jitter), up to `maxBackoff`.
    public var retryBaseDelay: TimeInterval
    /// The longest backoff between two tries, in seconds.
    public var maxBackoff: TimeInterval
    /// The longest `Retry-After` honoured, in seconds; a longer one is cut to this.
    public var maxRetryAfter: TimeInterval
    /// Records asked for per list page (the API's `take`).
    public var pageSize: Int
    /// The `User-Agent` header.
    public var userAgent: String

    /// Options for the window `since`...`until` (default: today, UTC), with polite defaults for the rest.
    public init(since: String, until: String? = nil, baseURL: URL = FetchOptions.defaultBaseURL,
                searchTerms: [String] = FetchOptions.defaultSearchTerms, house: String? = nil,
                answeringBodies: [Int] = [], outputDirectory: URL = URL(fileURLWithPath: "downloads"),
                requestsPerSecond: Double = 3, timeout: TimeInterval = 30, maxRetries: Int = 5,
                retryBaseDelay: TimeInterval = 1, maxBackoff: TimeInterval = 30, maxRetryAfter: TimeInterval = 120,
                pageSize: Int = 100, userAgent: String = FetchOptions.defaultUserAgent) {
        self.since = since
        self.until = until ?? Day.today().description
        self.baseURL = baseURL
        self.searchTerms = searchTerms
        self.house = house
        self.answeringBodies = answeringBodies
        self.outputDirectory = outputDirectory
        self.requestsPerSecond = requestsPerSecond
        self.timeout = timeout
        self.maxRetries = maxRetries
        self.retryBaseDelay = retryBaseDelay
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.pageSize = pageSize
        self.userAgent = userAgent
    }

    /// Throws `FetchError.badOption` for a window or setting the fetcher cannot use.
    public func validate() throws {
        guard Day.isValid(since) else { throw FetchError.badOption(Day.refusal(since, option: "--since")) }
        guard Day.isValid(until) else { throw FetchError.badOption(Day.refusal(until, option: "--until")) }
        guard since <= until else { throw FetchError.badOption("the window is empty: --since \(since) is after --until \(until)") }
        guard !searchTerms.isEmpty, searchTerms.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw FetchError.badOption("search terms must be non-empty")
        }
        if let house, !["Commons", "Lords"].contains(house) {
            throw FetchError.badOption("--house must be Commons or Lords, not '\(house)'")
        }
        guard requestsPerSecond > 0 else { throw FetchError.badOption("the rate must be above 0 requests per second") }
        guard timeout > 0 else { throw FetchError.badOption("the timeout must be above 0 seconds") }
        guard maxRetries >= 0 else { throw FetchError.badOption("retries cannot be negative") }
        guard (1...100).contains(pageSize) else { throw FetchError.badOption("the page size must be 1 to 100") }
        guard let scheme = baseURL.scheme?.lowercased(), ["http", "https"].contains(scheme), baseURL.host != nil else {
            throw FetchError.badOption("--base-url '\(baseURL.absoluteString)' is not an http(s) URL")
        }
    }

    // MARK: - URLs

    /// The URL of one list page: records answered (or corrected) in the window matching `term`.
    public func listURL(term: String, window: WindowKind, skip: Int) -> URL {
        var items = [
            URLQueryItem(name: "searchTerm", value: term),
            URLQueryItem(name: "\(window.parameterPrefix)WhenFrom", value: since),
            URLQueryItem(name: "\(window.parameterPrefix)WhenTo", value: until),
        ]
        if let house { items.append(URLQueryItem(name: "house", value: house)) }
        for body in answeringBodies { items.append(URLQueryItem(name: "answeringBodies", value: String(body))) }
        items.append(URLQueryItem(name: "skip", value: String(skip)))
        items.append(URLQueryItem(name: "take", value: String(pageSize)))
        return url(path: "api/writtenquestions/questions", query: items)
    }

    /// The URL of one question's full record (members expanded, so names and parties come too).
    public func itemURL(id: Int) -> URL {
        url(path: "api/writtenquestions/questions/\(id)", query: [URLQueryItem(name: "expandMember", value: "true")])
    }

    private func url(path: String, query: [URLQueryItem]) -> URL {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)!
        let root = components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path
        components.path = root + "/" + path
        components.queryItems = query
        // URLComponents leaves '+' alone, which servers read as a space.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.url!
    }
}

/// Which date a list query windows on.
public enum WindowKind: String, Sendable, Codable, CaseIterable {
    /// Questions answered in the window (`answeredWhenFrom`/`answeredWhenTo`).
    case answered
    /// Answers corrected in the window (`correctedWhenFrom`/`correctedWhenTo`).
    case corrected

    /// The query-parameter prefix the API uses.
    var parameterPrefix: String { rawValue }
}

