import Foundation

/// What one fetch did; `--summary json` prints it (`SummaryJSON`).
public struct FetchSummary: Encodable, Sendable, Equatable {
    /// The inclusive window of days asked for.
    public struct Window: Encodable, Sendable, Equatable {
        /// First day, `YYYY-MM-DD`.
        public var from: String
        /// Last day, `YYYY-MM-DD`.
        public var to: String
    }

    /// A request given up, and why.
    public struct Failure: Encodable, Sendable, Equatable {
        /// The URL asked for.
        public var url: String
        /// Why it failed, e.g. `HTTP 404` or `not JSON (…)`.
        public var reason: String
    }

    /// The window asked for.
    public var window: Window
    /// The API root asked.
    public var baseURL: String
    /// The search terms queried.
    public var searchTerms: [String]
    /// List pages received.
    public var pagesFetched = 0
    /// Distinct questions the list pages named.
    public var questionsListed = 0
    /// Question records received and written.
    public var itemsFetched = 0
    /// Listed questions already stored and unchanged since, so not asked for.
    public var itemsSkipped = 0
    /// Requests sent, retries included.
    public var requestsSent = 0
    /// Retries among them.
    public var retries = 0
    /// Item requests given up; the run went on without them.
    public var failures: [Failure] = []
    /// Paths of the files written, in the order written.
    public var filesWritten: [String] = []

    /// An empty summary for a window.
    public init(window: Window, baseURL: String, searchTerms: [String]) {
        self.window = window
        self.baseURL = baseURL
        self.searchTerms = searchTerms
    }
}
