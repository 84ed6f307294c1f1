import ArchiveIngest
import ArchiveQuery
import ArchiveStore
import ArgumentParser
import Foundation

/// `archive query`: the canned reports.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a canned report on the archive.",
        discussion: """
            Every report opens the database read-only and takes the shared filters (--since, --until, \
            --house, --body, --topic, --limit; --recipient where reports have recipients) and output \
            options (--format table|csv|json|ndjson|markdown, and svg for funding and referrals). \
            The SQL of each report is in reports/NAME.sql and runs the same in sqlite3 and Datasette. \
            The default format is table on a terminal and csv otherwise.

            EXAMPLES:
              archive query funding
              archive query funding --by funder --since 2023-01-01 --format markdown
              archive query grants --recipient "Changing Lives" --format json
              archive query referrals --format svg > referrals.svg
              archive query search "county lines" --limit 5
              archive query corrections
            """,
        subcommands: [FundingReport.self, GrantsReport.self, FiguresReport.self, ReferralsReport.self,
                      AnswersReport.self, SearchReport.self, BodiesReport.self, TimelineReport.self,
                      CorrectionsReport.self],
        defaultSubcommand: nil
    )
}

// MARK: - Shared options

/// `--format` and `--no-headers`, shared by every command that prints rows.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("table, csv, json, ndjson, markdown (svg for charts). Default: table on a terminal, else csv.", valueName: "format"))
    var format: OutputFormat?

    @Flag(name: .customLong("no-headers"), help: "Leave out the header row (table and csv).")
    var noHeaders = false

    /// The format to use: the one asked for, or table on a terminal and csv in a pipe.
    var resolvedFormat: OutputFormat {
        format ?? (isatty(1) != 0 ? .table : .csv)
    }

    /// How the chosen format should look here: colour and width only on a terminal.
    private var renderOptions: RenderOptions {
        var options = RenderOptions(headers: !noHeaders)
        options.colour = isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        options.terminalWidth = isatty(1) != 0 ? terminalColumns() : nil
        return options
    }

    /// Prints `table` on stdout in the chosen format.
    func print(_ table: ReportTable) throws {
        try StandardOutput.write(try Renderer.render(table, as: resolvedFormat, options: renderOptions))
    }

    /// A writer printing rows on stdout in the chosen format as they come.
    func writer() -> RowWriter {
        Renderer.writer(for: resolvedFormat, options: renderOptions, output: StandardOutput.bytes)
    }

    private func terminalColumns() -> Int? {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init)
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// The filters every report shares.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Answers given on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Answers given on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Commons or Lords.", valueName: "house"))
    var house: String?

    @Option(name: .long, help: ArgumentHelp("Answering body, by name or Parliament id (Home Office = 1).", valueName: "body"))
    var body: String?

    @Option(name: .long, help: ArgumentHelp("Only answers whose question or text contain these words (all of them).", valueName: "words"))
    var topic: String?

    @Option(name: .long, help: ArgumentHelp("At most this many rows.", valueName: "n"))
    var limit: Int?

    @Flag(name: .long, help: "Read the search text and --topic as FTS5 syntax: \"exact phrase\", AND, OR, NOT, prefix*.")
    var raw = false

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !Day.isValid(value) { throw ValidationError(Day.refusal(value, option: name)) }
        }
        if let since, let until, since > until { throw ValidationError("--since \(since) is after --until \(until): nothing could match") }
        if let house, !["commons", "lords"].contains(house.lowercased()) {
            throw ValidationError("--house is Commons or Lords, not '\(house)'")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
        if let topic, fullTextQuery(topic) == nil { throw ValidationError("--topic needs at least one word") }
    }

    /// What a person typed as an FTS5 query: each word quoted, unless --raw asks for FTS5 syntax.
    func fullTextQuery(_ text: String) -> String? {
        raw ? (text.allSatisfy(\.isWhitespace) ? nil : text) : SearchText.plainWords(text)
    }

    /// The shared filters as the reports' named parameters; a filter not given is left out (NULL).
    var arguments: [String: ReportArgument] {
        var values: [String: ReportArgument] = [:]
        values["since"] = since.map(ReportArgument.text)
        values["until"] = until.map(ReportArgument.text)
        values["house"] = house.map(ReportArgument.text)
        values["body"] = body.map(ReportArgument.text)
        values["topic"] = topic.flatMap(fullTextQuery).map(ReportArgument.text)
        values["limit"] = limit.map { .integer(Int64($0)) }
        return values
    }
}

/// Opens the archive read-only and runs `body` on it, turning query errors into messages.
func withReadOnlyArchive<T>(_ options: DatabaseOptions, _ body: (ReadableArchive) throws -> T) throws -> T {
    let archive: ReadableArchive
    do {
        archive = try Archive.openForReading(path: options.path)
    } catch {
        throw CommandFailure("\(error)")
    }
    defer { archive.close() }
    warnIfStale(archive)
    do {
        return try body(archive)
    } catch let exit as ExitCode {
        throw exit
    } catch {
        // A query, rendering or database failure: one line saying what went wrong.
        throw CommandFailure("\(error)")
    }
}

/// One line on stderr when an older extractor read some of the archive's answers: the output is
/// what the archive holds, and the line says how to bring it up to date.
func warnIfStale(_ archive: ReadableArchive) {
    guard let stale = try? archive.staleVersionCount(current: Reextractor.currentVersion), stale > 0 else { return }
    printError("note: \(stale) answer version\(stale == 1 ? " was" : "s were") read by an older extractor; run `archive reextract --db \(archive.path)` to bring the figures and grants up to date")
}

/// Refuses svg for reports that have no chart.
func refuseSVG(_ output: OutputOptions, report: String) throws {
    if output.format == .svg {
        throw ValidationError("\(report) has no chart; --format svg is for funding and referrals")
    }
}

// MARK: - Reports

/// A report command: its help and its SQL come from `reports/NAME.sql`; it adds only its own
/// options. `run` is shared: open read-only, bind, stream the rows to stdout.
protocol ReportCommand: ParsableCommand {
    static var reportName: String { get }
    var database: DatabaseOptions { get }
    var filters: FilterOptions { get }
    var output: OutputOptions { get }
    /// The report's own parameters, beyond the shared filters.
    func ownArguments() throws -> [String: ReportArgument]
    /// The chart `--format svg` draws from the report's rows; nil when it has none.
    func chart(_ rows: ReportTable) throws -> (table: ReportTable, spec: ChartSpec)?
}

extension ReportCommand {
    static var report: ReportDefinition { Reports.definition(reportName) }

    /// The command's help, from the report's own title and description.
    static func reportConfiguration(_ name: String, examples: [String]) -> CommandConfiguration {
        let report = Reports.definition(name)
        return CommandConfiguration(
            commandName: name, abstract: report.title + ".",
            discussion: report.description + "\n\nEXAMPLES:\n" + examples.map { "  archive query \(name) " + $0 }.joined(separator: "\n"))
    }

    func ownArguments() throws -> [String: ReportArgument] { [:] }
    func chart(_ rows: ReportTable) throws -> (table: ReportTable, spec: ChartSpec)? { nil }

    func validate() throws {
        if try chart(ReportTable(title: "", columns: [], rows: [])) == nil { try refuseSVG(output, report: Self.reportName) }
    }

    func run() throws {
        let arguments = filters.arguments.merging(try ownArguments()) { $1 }
        try withReadOnlyArchive(database) { db in
            if output.resolvedFormat == .svg {
                let rows = try Reports.table(Self.report, on: db, arguments: arguments)
                guard let (table, spec) = try chart(rows) else { return }
                try StandardOutput.write(try Renderer.svg(table, chart: spec))
            } else {
                try Reports.run(Self.report, on: db, arguments: arguments, into: output.writer())
            }
        }
    }
}

/// `--recipient`, for the reports that have recipients.
struct RecipientOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only recipients whose name contains this text.", valueName: "name")) var recipient: String?

    var arguments: [String: ReportArgument] { recipient.map { ["recipient": .text($0)] } ?? [:] }
}

/// How `funding` groups its money.
enum FundingGrouping: String, CaseIterable, ExpressibleByArgument {
    case recipient, funder, year, project
}

struct FundingReport: ReportCommand {
    static let reportName = "funding"
    static let configuration = reportConfiguration(reportName, examples: ["", "--by year --format csv", "--by funder --since 2023-01-01 --format markdown", "--format svg > funding.svg"])
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var recipient: RecipientOption
    @Option(name: .long, help: "Group by recipient, funder, year or project.") var by: FundingGrouping = .recipient

    func ownArguments() -> [String: ReportArgument] { recipient.arguments.merging(["by": .text(by.rawValue)]) { $1 } }

    func chart(_ rows: ReportTable) -> (table: ReportTable, spec: ChartSpec)? {
        FundingChart.chart(rows, grouping: by.rawValue)
    }
}

struct GrantsReport: ReportCommand {
    static let reportName = "grants"
    static let configuration = reportConfiguration(reportName, examples: ["--format json", "--recipient \"Trevi\" --since 2024-01-01"])
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var recipient: RecipientOption

    func ownArguments() -> [String: ReportArgument] { recipient.arguments }
}

struct FiguresReport: ReportCommand {
    static let reportName = "figures"
    static let configuration = reportConfiguration(reportName, examples: ["--format json", "--topic \"sexual exploitation\" --format markdown"])
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
}

struct ReferralsReport: ReportCommand {
    static let reportName = "referrals"
    static let configuration = reportConfiguration(reportName, examples: ["", "--format svg > referrals.svg"])
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func chart(_ rows: ReportTable) -> (table: ReportTable, spec: ChartSpec)? { ReferralChart.chart(rows) }
}

struct AnswersReport: ReportCommand {
    static let reportName = "answers"
    static let configuration = reportConfiguration(reportName, examples: ["--since 2024-01-01 --house Commons", "--body \"Home Office\" --limit 20"])
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
}

struct SearchReport: ReportCommand {
    static let reportName = "search"
    static let configuration = reportConfiguration(reportName, examples: [
        "\"county lines\"", "Net-Reach", "\"Barnardo's\" --format json",
        "--raw 'modern AND slavery NOT county'", "--raw 'traffick*' --since 2024-01-01"])
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "What to search for: words, each of which must appear (with --raw, an FTS5 query).") var text: String
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func ownArguments() throws -> [String: ReportArgument] {
        guard let query = filters.fullTextQuery(text) else { throw ValidationError("nothing to search for: give at least one word") }
        return ["q": .text(query)]
    }
}

struct BodiesReport: ReportCommand {
    static let reportName = "bodies"
    static let configuration = reportConfiguration(reportName, examples: ["--format markdown"])
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
}

struct TimelineReport: ReportCommand {
    static let reportName = "timeline"
    static let configuration = reportConfiguration(reportName, examples: ["--since 2024-01-01"])
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
}

struct CorrectionsReport: ReportCommand {
    static let reportName = "corrections"
    static let configuration = reportConfiguration(reportName, examples: ["", "--since 2024-01-01 --format markdown"])
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
}
