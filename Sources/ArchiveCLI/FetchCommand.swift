import ArchiveFetch
import ArchiveIngest
import ArchiveStore
import ArgumentParser
import Foundation

/// `archive fetch`: downloads answers given or corrected in a window from the Parliament API.
struct FetchCommand: ParsableCommand {
    /// The command's name, help text and examples.
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download new and corrected written answers from the UK Parliament API.",
        discussion: """
            For each search term, lists the questions answered in the window and those whose answer \
            was corrected in it, then fetches each question's full record once and writes it \
            atomically to OUT/<day answered>/<id>.json (OUT/unanswered/<id>.json while unanswered). \
            A question already downloaded is skipped unless the API shows a later answer or \
            correction; then it is fetched again and its file replaced in place.

            Each run is recorded in the archive (table fetch_runs). `--since last` starts on the last \
            day of the latest window fetched in full, so a missed night is caught up; that day is \
            asked again, and whatever was already downloaded is skipped. A run in which any question \
            could not be fetched is recorded as failed and exits 1, so `--since last` asks its window again.

            Polite by default: at most 3 requests a second, a 30 s timeout per request, up to 5 retries \
            with backoff on 429, 5xx, timeouts and dropped connections, honouring Retry-After (up to 120 s).

            Default search terms: \(FetchOptions.defaultSearchTerms.map { "\"\($0)\"" }.joined(separator: ", ")).

            EXAMPLES:
              archive fetch --since 2024-01-01 --until 2024-12-31 --db archive.db
              archive fetch --since last --ingest --db archive.db
              archive fetch --since 2025-01-01 --search "county lines" --house Commons --answering-body 1
              archive fetch --since last --summary json --quiet > fetch-summary.json
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp("First day to fetch (YYYY-MM-DD), or 'last' to resume after the last successful fetch.", valueName: "date|last"))
    var since: String

    @Option(name: .long, help: ArgumentHelp("Last day to fetch, inclusive (YYYY-MM-DD; default: today, UTC).", valueName: "date"))
    var until: String?

    @Option(name: .customLong("search"), help: ArgumentHelp("A search term; repeat for several (default: the archive's terms).", valueName: "term"))
    var searchTerms: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only this House: Commons or Lords (default: both).", valueName: "house"))
    var house: String?

    @Option(name: .customLong("answering-body"), help: ArgumentHelp("Only this answering body id (Home Office = 1); repeatable.", valueName: "id"))
    var answeringBodies: [Int] = []

    @Option(name: .customLong("out"), help: ArgumentHelp("Directory the downloaded files go to.", valueName: "dir"))
    var outputDirectory = "downloads"

    @Option(name: .long, help: ArgumentHelp("At most this many requests a second.", valueName: "n"))
    var rate: Double = 3

    @Option(name: .long, help: ArgumentHelp("Seconds one request may take.", valueName: "s"))
    var timeout: Double = 30

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The API root (for a mirror or a test server).", valueName: "url"))
    var baseURL: String = FetchOptions.defaultBaseURL.absoluteString

    @Option(name: .long, help: ArgumentHelp("Print a summary of the run on stdout in this format.", valueName: "json"))
    var summary: SummaryFormat?

    @Flag(name: .long, help: "Print no progress and no closing line on stderr (errors still are).")
    var quiet = false

    @Flag(name: .long, help: "Ingest the downloaded files into the archive after a successful fetch.")
    var ingest = false

    /// Formats `--summary` can print.
    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
        /// The `FetchSummary` as JSON with snake_case keys.
        case json
    }

    /// Refuses malformed days, houses, rates, timeouts and URLs before anything is opened.
    func validate() throws {
        guard since == FetchWindow.last || Day.isValid(since) else {
            throw ValidationError(Day.refusal(since, option: "--since") + " (or 'last')")
        }
        if let until, !Day.isValid(until) { throw ValidationError(Day.refusal(until, option: "--until")) }
        if let until, since != FetchWindow.last, since > until { throw ValidationError("--since \(since) is after --until \(until): the window would be empty") }
        if let house, !["Commons", "Lords"].contains(house) { throw ValidationError("--house must be Commons or Lords") }
        guard rate > 0 else { throw ValidationError("--rate must be above 0") }
        guard timeout > 0 else { throw ValidationError("--timeout must be above 0") }
        guard let url = URL(string: baseURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw ValidationError("--base-url must be an http(s) URL, not '\(baseURL)'")
        }
    }

    /// Fetches, then prints the summary line (also when the run fails) and exits as the run ended.
    func run() throws {
        var ingestSummary: IngestSummary?
        let outcome = Result { try fetch(ingestSummary: &ingestSummary) }
        if summary == .json { try StandardOutput.line(try Self.summaryLine(outcome, ingest: ingestSummary)) }
        switch outcome {
        case .failure(let error):
            if let failure = error as? IngestFailure, case .anotherIngestHoldsTheDatabase = failure {
                printError("Error: \(failure)")
                throw ExitCode(CommandExit.temporaryFailure)
            }
            throw error
        case .success(let summary) where !summary.failures.isEmpty:
            for failure in summary.failures.prefix(20) { printError("failed: \(failure.url): \(failure.reason)") }
            if summary.failures.count > 20 { printError("... and \(summary.failures.count - 20) more") }
            throw CommandFailure("\(summary.failures.count) question(s) could not be fetched; the run is recorded as failed, so `--since last` will ask this window again")
        case .success:
            if let ingestSummary, ingestSummary.filesRejected > 0 { throw ExitCode(1) }
        }
    }

    /// One compact JSON line: the fetch summary with the ingest's counts under "ingest", or the failure.
    static func summaryLine(_ outcome: Result<FetchSummary, Error>, ingest: IngestSummary?) throws -> String {
        var object: [String: Any]
        switch outcome {
        case .success(let summary):
            object = try JSONSerialization.jsonObject(with: Data(try SummaryJSON.line(summary).utf8)) as? [String: Any] ?? [:]
            object["outcome"] = summary.failures.isEmpty ? "ok" : "failed"
        case .failure(let error):
            let held = (error as? IngestFailure).map { if case .anotherIngestHoldsTheDatabase = $0 { return true } else { return false } } ?? false
            object = ["outcome": held ? "locked" : "failed", "error": "\(error)"]
        }
        if let ingest {
            object["ingest"] = try JSONSerialization.jsonObject(with: Data(try SummaryJSON.line(ingest).utf8))
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    /// Resolves the window, fetches it recorded in fetch_runs; throws on any failure.
    private func fetch(ingestSummary: inout IngestSummary?) throws -> FetchSummary {
        // With --ingest this run writes answers too: one writer at a time, as for `archive ingest`.
        do { try Archive.refuseForeign(path: database.path) } catch { throw CommandFailure("\(error)") }
        let lock = try ingest ? IngestLock(databasePath: database.path, timeout: 5) : nil
        defer { withExtendedLifetime(lock) {} }
        let archive = try Archive.openForWriting(path: database.path)
        defer { archive.close() }
        let log = FetchRunLog(archive: archive)
        let firstDay = try FetchWindow.resolveSince(since, log: log)
        var options = FetchOptions(since: firstDay, until: until, baseURL: URL(string: baseURL)!,
                                   outputDirectory: URL(fileURLWithPath: outputDirectory))
        if !searchTerms.isEmpty { options.searchTerms = searchTerms }
        options.house = house
        options.answeringBodies = answeringBodies
        options.requestsPerSecond = rate
        options.timeout = timeout

        let display = ProgressDisplay(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let fetcher = Fetcher(options: options, progress: display.handle)
        let result: (runID: Int64, summary: FetchSummary)
        var ingested: IngestSummary?
        defer { ingestSummary = ingested }
        do {
            result = try fetcher.runRecorded(in: log) { summary in
                display.finish()
                guard ingest, !summary.filesWritten.isEmpty else { return }
                // Only the files this run wrote (corrections included); a failure to store them
                // throws, which records the fetch run as failed so `--since last` asks again.
                let printer = IngestProgressPrinter(mode: quiet || isatty(2) == 0 ? .quiet : .bar)
                ingested = try Importer(archive: archive, observer: printer).run(inputs: summary.filesWritten)
                printer.finish()
            }
        } catch {
            display.finish()
            throw error
        }
        let summary = result.summary
        if !quiet {
            printError("fetched \(summary.itemsFetched) of \(summary.questionsListed) questions listed in \(summary.pagesFetched) pages "
                + "(\(summary.itemsSkipped) already downloaded, \(summary.failures.count) failed) for \(summary.window.from)...\(summary.window.to) into \(outputDirectory)")
        }
        if let ingested, !quiet {
            printError("ingested \(ingested.filesIngested) files: \(ingested.questionsNew) new questions, \(ingested.questionsUpdated) updated, \(ingested.versionsAdded) answer versions added, \(ingested.filesRejected) rejected")
        }
        return summary
    }
}

/// Progress on a terminal's stderr, redrawn on one line: pages, questions and request rate.
private final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let started = Date()
    private var pages = 0, fetched = 0, skipped = 0, failed = 0, retries = 0, toFetch: Int?
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func handle(_ event: FetchEvent) {
        guard enabled else { return }
        switch event {
        case .listPageFetched: pages += 1
        case .listingFinished(_, let count): toFetch = count
        case .itemFetched: fetched += 1
        case .itemSkipped: skipped += 1
        case .itemFailed: failed += 1
        case .retrying(let url, let retry, let delay, let reason):
            retries += 1
            clearLine()
            printError("retry \(retry) in \(String(format: "%.1f", delay)) s: \(url): \(reason)")
        }
        draw()
    }

    func finish() {
        guard enabled, drawn else { return }
        writeError("\n")
        drawn = false
    }

    private func draw() {
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let requests = Double(pages + fetched + failed + retries)
        let questions = toFetch.map { "questions \(fetched + failed)/\($0)" } ?? "listing"
        let line = "\rpages \(pages), \(questions), \(skipped) skipped, \(failed) failed, \(String(format: "%.1f", requests / elapsed)) req/s"
        writeError((line + "\u{1B}[K"))
        drawn = true
    }

    private func clearLine() {
        if drawn { writeError("\r\u{1B}[K") }
    }
}
