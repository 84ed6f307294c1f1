import ArchiveStore
import Foundation

/// Turning `--since` into a day, with the archive's record of earlier fetches.
public enum FetchWindow {
    /// The word `--since` takes to resume where the last successful fetch ended.
    public static let last = "last"

    /// The first day to fetch: `since` itself when it is a day; for `last`, the last day of the
    /// latest successful window. That day is fetched again (answers published later that day are
    /// caught; questions already stored are skipped), and nights missed since are caught up.
    public static func resolveSince(_ since: String, log: FetchRunLog) throws -> String {
        guard since == last else { return since }
        guard let end = try log.lastSuccessfulWindowEnd() else {
            throw FetchError.badOption("--since last: no fetch has succeeded on this archive yet; give a first day instead, e.g. --since 2024-01-01")
        }
        return end
    }
}

extension Fetcher {
    /// Runs the fetch recorded in `fetch_runs`: begun first, then finished `ok` when every listed
    /// item landed and `afterFetch` returned, else `failed` (so `--since last` does not move past it).
    /// `afterFetch` runs between the fetch and the record of its end (the ingest step goes there).
    /// Returns the run's id and the summary; rethrows whatever stopped the run, after recording it.
    public func runRecorded(in log: FetchRunLog, afterFetch: (FetchSummary) throws -> Void = { _ in })
        throws -> (runID: Int64, summary: FetchSummary) {
        try options.validate()
        let runID = try log.begin(windowFrom: options.since, windowTo: options.until,
                                  baseURL: options.baseURL.absoluteString, searchTerms: options.searchTerms)
        let summary: FetchSummary
        do {
            summary = try run()
        } catch {
            try? log.finish(runID, outcome: .failed, counts: .init())
            throw error
        }
        let counts = FetchRunLog.Counts(pagesFetched: summary.pagesFetched, itemsFetched: summary.itemsFetched,
                                        itemsFailed: summary.failures.count)
        do {
            try afterFetch(summary)
        } catch {
            try? log.finish(runID, outcome: .failed, counts: counts)
            throw error
        }
        try log.finish(runID, outcome: summary.failures.isEmpty ? .ok : .failed, counts: counts)
        return (runID, summary)
    }
}
