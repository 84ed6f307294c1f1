import ArchiveIngest
import ArchiveStore
import ArgumentParser
import Foundation

/// `archive reextract`: brings an archive's figures and grants up to date with this binary's extractor.
struct ReextractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Read the stored answers again with this version's extractor.",
        discussion: """
            Figures and grants are what the extractor reads in each stored answer. An archive built by \
            an older `archive` keeps what the older extractor read; this reads every answer version \
            an older extractor read (every version with --all) again from its stored text, and leaves \
            the archive as a fresh ingest of the same inputs by this binary would. It works in \
            batches, one transaction each, under the ingest lock: killed, it keeps what it finished \
            and the next run carries on. A second run finds nothing to do.

            It prints what changed: answers read, figures and grant statements added and removed, \
            grants added and removed, and each recipient's funding total that changed (before, after). \
            `archive ingest` does the same for stale versions after storing its files.

            EXAMPLES:
              archive reextract --db archive.db
              archive reextract --dry-run
              archive reextract --all --summary json
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "Read every answer version again, not only those an older extractor read.")
    var all = false

    @Flag(name: .long, help: "Say what would change and change nothing.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("Print the summary on stdout: json.", valueName: "format"))
    var summary: IngestCommand.SummaryFormat?

    @Flag(name: .long, help: "Print nothing but errors, even on a terminal.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for an ingest of the same database.", valueName: "seconds"))
    var wait: Double = 5

    func run() throws {
        let path = database.path
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("\(ArchiveError.missingDatabase(path))") }
        // Refused before the lock file is made beside it: a foreign database is left as it was.
        do { try Archive.refuseForeign(path: path) } catch { throw CommandFailure("\(error)") }
        let lock: IngestLock
        do {
            lock = try IngestLock(databasePath: path, timeout: wait)
        } catch {
            throw CommandFailure("\(error)")
        }
        defer { withExtendedLifetime(lock) {} }
        let archive = try Archive.openForWriting(path: path, busyTimeoutMilliseconds: Int32(wait * 1000))
        defer { archive.close() }
        let progress = ReextractionProgressPrinter(showBar: !quiet && isatty(2) != 0)
        let result: ReextractionSummary
        do {
            result = try Reextractor(archive: archive, observer: progress).run(all: all, dryRun: dryRun)
        } catch {
            progress.finish()
            // The summary line is printed also when the run fails, so a cron log says what happened.
            if summary == .json {
                try StandardOutput.line(try SummaryJSON.line(["outcome": "failed", "error": "\(error)"]))
            }
            throw CommandFailure("\(error)")
        }
        progress.finish()
        if summary == .json {
            try StandardOutput.line(try SummaryJSON.line(result))
        } else if !quiet {
            try StandardOutput.write(Self.report(result))
        }
    }

    /// The summary for a person reviewing an upgrade.
    static func report(_ s: ReextractionSummary) -> String {
        let verb = s.dryRun ? "would change" : "changed"
        var lines = ["extractor version \(s.extractorVersion)\(s.dryRun ? " (dry run: nothing written)" : "")"]
        if s.versionsRead == 0 { return lines[0] + "\nevery answer version is already read by this extractor; nothing to do\n" }
        lines.append("answer versions read again: \(s.versionsRead)")
        if s.changedNothing {
            lines.append("nothing \(verb == "changed" ? "changed" : "would change")")
        } else {
            lines.append("figures: +\(s.figuresAdded) -\(s.figuresRemoved)")
            lines.append("grant statements: +\(s.grantMentionsAdded) -\(s.grantMentionsRemoved)")
            lines.append("grants: +\(s.grantsAdded) -\(s.grantsRemoved)")
        }
        if !s.totalsChanged.isEmpty {
            lines.append("funding totals that \(verb), by recipient (before -> after):")
            let pounds = { (v: Double?) in v.map { String(format: "£%.2f", $0) } ?? "none" }
            for t in s.totalsChanged { lines.append("  \(t.recipient): \(pounds(t.before)) -> \(pounds(t.after))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A progress bar on stderr while answers are read again, on a terminal only.
final class ReextractionProgressPrinter: ReextractionObserver {
    private let showBar: Bool
    private var shown = false
    private var lastDrawn = Date.distantPast

    init(showBar: Bool) { self.showBar = showBar }

    func reextractionStarted(total: Int) {}

    func reextracted(done: Int, total: Int) {
        guard showBar, done == total || Date().timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = Date()
        let width = 30
        let filled = total == 0 ? width : min(width, width * done / total)
        let line = "\r[" + String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total) answer versions"
        writeError(line)
        shown = true
    }

    func finish() {
        if shown { writeError("\n") }
        shown = false
    }
}
