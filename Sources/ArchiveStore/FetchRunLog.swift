import Foundation
package import SQLite

/// Records each run of `archive fetch` in `fetch_runs`: the one place that reads and writes it.
///
/// A run is begun before the first request and finished after the last; a killed run stays
/// `running` with no end and is ignored. `--since last` resumes from `lastSuccessfulWindowEnd()`.
public final class FetchRunLog {
    /// The connection written to.
    package let database: Database

    /// A log on an archive open for writing.
    public convenience init(archive: WritableArchive) {
        self.init(database: archive.database)
    }

    /// A log on an open, migrated connection.
    package init(database: Database) {
        self.database = database
    }

    /// How a finished run ended.
    public enum Outcome: String, Sendable {
        /// Every list page and every listed item was fetched.
        case ok
        /// The run stopped on an error, or some items could not be fetched.
        case failed
    }

    /// What a finished run did, as `fetch_runs` keeps it.
    public struct Counts: Sendable, Equatable {
        /// List pages received.
        public var pagesFetched: Int
        /// Question records received and written.
        public var itemsFetched: Int
        /// Question records that could not be fetched.
        public var itemsFailed: Int

        /// Counts from their parts.
        public init(pagesFetched: Int = 0, itemsFetched: Int = 0, itemsFailed: Int = 0) {
            self.pagesFetched = pagesFetched
            self.itemsFetched = itemsFetched
            self.itemsFailed = itemsFailed
        }
    }

    /// Starts a run for the inclusive window `from`...`to` (days 'YYYY-MM-DD'); returns its id.
    public func begin(windowFrom from: String, windowTo to: String, baseURL: String, searchTerms: [String],
                      at moment: String = Timestamp.now()) throws -> Int64 {
        try database.run("""
            INSERT INTO fetch_runs (started_at, window_from, window_to, base_url, search_terms) VALUES (?, ?, ?, ?, ?)
            """, [.text(moment), .text(from), .text(to), .text(baseURL), .text(Self.jsonArray(searchTerms))])
        return database.lastInsertRowID
    }

    /// Records the end of run `id`, its outcome and counts.
    public func finish(_ id: Int64, outcome: Outcome, counts: Counts, at moment: String = Timestamp.now()) throws {
        try database.run("""
            UPDATE fetch_runs SET ended_at = ?, outcome = ?, pages_fetched = ?, items_fetched = ?, items_failed = ?
            WHERE id = ?
            """, [.text(moment), .text(outcome.rawValue), SQLiteValue(counts.pagesFetched),
                  SQLiteValue(counts.itemsFetched), SQLiteValue(counts.itemsFailed), .integer(id)])
    }

    /// The last day of the latest window any `ok` run covered, or nil when no run succeeded.
    /// The latest by day, not by run: a back-fill of an old window does not move it back.
    public func lastSuccessfulWindowEnd() throws -> String? {
        try database.scalar("SELECT max(window_to) FROM fetch_runs WHERE outcome = 'ok'")?.textValue
    }

    /// The outcome recorded for run `id` ('running', 'ok' or 'failed'), or nil for no such run.
    public func outcome(of id: Int64) throws -> String? {
        try database.scalar("SELECT outcome FROM fetch_runs WHERE id = ?", [.integer(id)])?.textValue
    }

    /// The terms as a JSON array of strings.
    static func jsonArray(_ terms: [String]) -> String {
        // An array of strings always serialises; the fallback is never reached.
        (try? JSONSerialization.data(withJSONObject: terms, options: [.withoutEscapingSlashes]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
