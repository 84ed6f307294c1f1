import ArchiveIngest
import ArchiveStore
import ArgumentParser
import Foundation

/// `archive ingest`: reads files and directories into the archive, safely, as a nightly batch.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read Parliament API JSON and saved written-question pages into the archive.",
        discussion: """
            Takes files and directories (read recursively, in sorted order). Each file is recognised \
            by its content and stored in one transaction, so it lands whole or not at all. A file \
            already recorded (same SHA-256) is skipped unread, so running the same batch again changes \
            nothing. A file that cannot be read or fails validation is rejected with one line on \
            stderr naming it and why; the rest of the batch still lands, and the exit status is 1.

            On a terminal a progress bar goes to stderr; otherwise (cron) nothing is printed but errors.

            EXAMPLES:
              archive ingest --db archive.db sample-data/
              archive ingest --quiet --summary json downloads/ >> ingest.log
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("Files and directories to read.", valueName: "input"))
    var inputs: [String]

    @Flag(name: .long, help: "List each file's outcome on stderr.")
    var verbose = false

    @Flag(name: .long, help: "Print nothing but errors, even on a terminal.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Print the run's summary on stdout: json.", valueName: "format"))
    var summary: SummaryFormat?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another ingest of the same database.", valueName: "seconds"))
    var wait: Double = 5

    @Option(name: .long, help: ArgumentHelp("Refuse to grow the database past this many pages (4 KiB each): a guard against filling the disk.", valueName: "pages"))
    var maxPages: Int?

    @Option(name: .long, help: ArgumentHelp("Leave out files whose path or name matches this glob (repeatable), e.g. '*.tmp'.", valueName: "glob"))
    var exclude: [String] = []

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case json }

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one file or directory to ingest") }
        if verbose && quiet { throw ValidationError("--verbose and --quiet contradict each other") }
        if let maxPages, maxPages < 1 { throw ValidationError("--max-pages must be at least 1") }
    }

    func run() throws {
        let outcome = Result { try ingest() }
        if summary == .json {
            // One compact line, also when the run fails, so a cron log always says what happened.
            try StandardOutput.line(Self.summaryLine(outcome))
        }
        switch outcome {
        case .success(let result):
            if result.filesRejected > 0 { throw ExitCode(1) }
        case .failure(let error):
            if let failure = error as? IngestFailure, case .anotherIngestHoldsTheDatabase = failure {
                printError("Error: \(failure)")
                throw ExitCode(CommandExit.temporaryFailure)
            }
            throw error
        }
    }

    private func ingest() throws -> IngestSummary {
        let path = database.path
        // Refused before the lock file is made beside it: a foreign database is left as it was.
        do { try Archive.refuseForeign(path: path) } catch { throw CommandFailure("\(error)") }
        let lock = try IngestLock(databasePath: path, timeout: wait)
        defer { withExtendedLifetime(lock) {} }
        let archive = try Archive.openForWriting(path: path, busyTimeoutMilliseconds: Int32(wait * 1000), maxPages: maxPages)
        defer { archive.close() }
        let progress = IngestProgressPrinter(mode: verbose ? .verbose : quiet ? .quiet : isatty(2) != 0 ? .bar : .quiet)
        let importer = Importer(archive: archive, observer: progress, exclude: exclude)
        let result: IngestSummary
        do {
            result = try importer.run(inputs: inputs)
        } catch {
            progress.finish()
            throw error
        }
        progress.finish()
        if result.filesSeen == 0 {
            printError("warning: no input files found in \(inputs.joined(separator: ", "))\(exclude.isEmpty ? "" : " (after --exclude)")")
        }
        if progress.mode != .quiet {
            printError("\(result.filesIngested) ingested, \(result.filesSkipped) already in the archive, \(result.filesRejected) rejected; \(result.questionsNew) new questions, \(result.questionsUpdated) updated, \(result.versionsAdded) answer versions added"
                + (result.filesStillRejected > 0 ? "; \(result.filesStillRejected) still rejected" : "")
                + (result.versionsReextracted > 0 ? "; \(result.versionsReextracted) read again by this extractor" : ""))
        }
        return result
    }

    /// The run's summary as one JSON line, or the failure's.
    static func summaryLine(_ outcome: Result<IngestSummary, Error>) throws -> String {
        switch outcome {
        case .success(let summary):
            return try SummaryJSON.line(summary)
        case .failure(let error):
            let held = (error as? IngestFailure).map { if case .anotherIngestHoldsTheDatabase = $0 { return true } else { return false } } ?? false
            return try SummaryJSON.line(["outcome": held ? "locked" : "failed", "error": "\(error)"])
        }
    }
}

/// Shows an ingest's progress on stderr: a bar on a terminal, a line per file with --verbose,
/// and in any mode one line per rejected file.
final class IngestProgressPrinter: IngestObserver {
    enum Mode { case quiet, bar, verbose }
    let mode: Mode
    private var started = Date()
    private var lastDrawn = Date.distantPast
    private var barShown = false

    init(mode: Mode) { self.mode = mode }

    func batchStarted(total: Int) {
        started = Date()
    }

    func fileFinished(_ path: String, outcome: FileOutcome, index: Int, total: Int) {
        switch outcome {
        case .rejected(let reason):
            clearBar()
            printError("rejected \(path): \(reason)")
        case .stillRejected(let reason):
            clearBar()
            printError("still rejected \(path) (unchanged since an earlier run rejected it): \(reason)")
        case .skipped where mode == .verbose:
            printError("skipped \(path): already in the archive")
        case .ingested(let format, let records, let added) where mode == .verbose:
            printError("ingested \(path): \(format.sourceName), \(records) question\(records == 1 ? "" : "s"), \(added) answer version\(added == 1 ? "" : "s") added")
        default:
            break
        }
        if mode == .bar { drawBar(done: index, total: total) }
    }

    private func drawBar(done: Int, total: Int) {
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let line = String(format: "\r[%@] %d/%d files  %.1f files/s  %@ left", bar, done, total, rate, Self.clock(remaining))
        writeError(line)
        barShown = true
    }

    private func clearBar() {
        if barShown { writeError("\r\u{1B}[K") }
    }

    /// Ends the bar's line so what follows starts on its own.
    func finish() {
        if barShown { writeError("\n") }
        barShown = false
    }

    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return String(format: "%d:%02d", total / 60, total % 60)
    }
}
