import ArchiveIngest
import ArchiveQuery
import ArchiveStore
import ArgumentParser
import Foundation
import SQLite

/// `archive query`: the canned reports.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a canned report on the archive.",
        discussion: """
            Every report opens the database read-only and takes the shared filters (--since, --until, \
            --house, --body, --topic, --limit; --recipient where reports have recipients) and output \
            options (--format table|csv|json|ndjson|markdown, and svg for funding and referrals). \
            The default format is table on a terminal and csv otherwise.

            EXAMPLES:
              archive query funding
              archive query funding --by funder --since 2023-01-01 --format markdown
              archive query grants --recipient "Changing Lives" --format json
              archive query referrals --format svg > referrals.svg
              archive query search "county lines" --limit 5
            """,
        subcommands: [FundingReport.self, GrantsReport.self, FiguresReport.self, ReferralsReport.self,
                      AnswersReport.self, SearchReport.self, BodiesReport.self, TimelineReport.self],
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

    /// Prints `table` on stdout in the chosen format.
    func print(_ table: ReportTable, chart: ChartSpec? = nil) throws {
        var options = RenderOptions(headers: !noHeaders)
        options.colour = isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        options.terminalWidth = isatty(1) != 0 ? terminalColumns() : nil
        options.chart = chart
        let text = try Renderer.render(table, as: resolvedFormat, options: options)
        try StandardOutput.write(text)
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

    @Option(name: .long, help: ArgumentHelp("Only answers whose question or text match this full-text query.", valueName: "query"))
    var topic: String?

    @Option(name: .long, help: ArgumentHelp("At most this many rows.", valueName: "n"))
    var limit: Int?

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !Day.isValid(value) { throw ValidationError("\(name) takes a day as YYYY-MM-DD, not '\(value)'") }
        }
        if let since, let until, since > until { throw ValidationError("--since \(since) is after --until \(until): nothing could match") }
        if let house, !["commons", "lords"].contains(house.lowercased()) {
            throw ValidationError("--house is Commons or Lords, not '\(house)'")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
    }

    func filters(recipient: String? = nil) -> ReportFilters {
        ReportFilters(since: since, until: until, house: house, body: body, recipient: recipient, topic: topic, limit: limit)
    }
}

/// Opens the archive read-only and runs `body` on it, turning query errors into messages.
func withReadOnlyArchive<T>(_ options: DatabaseOptions, _ body: (Database) throws -> T) throws -> T {
    let db: Database
    do {
        db = try Archive.openForReading(path: options.path)
    } catch {
        throw CommandFailure("\(error)")
    }
    defer { db.close() }
    warnIfStale(db, path: options.path)
    do {
        return try body(db)
    } catch let error as QueryError {
        throw CommandFailure("\(error)")
    } catch let error as SQLiteError {
        throw CommandFailure("\(error)")
    } catch let error as RenderError {
        throw CommandFailure("\(error)")
    }
}

/// One line on stderr when an older extractor read some of the archive's answers: the output is
/// what the archive holds, and the line says how to bring it up to date.
func warnIfStale(_ db: Database, path: String) {
    guard let stale = try? Archive.staleVersionCount(in: db, current: Reextractor.currentVersion), stale > 0 else { return }
    printError("note: \(stale) answer version\(stale == 1 ? " was" : "s were") read by an older extractor; run `archive reextract --db \(path)` to bring the figures and grants up to date")
}

/// Refuses svg for reports that have no chart.
func refuseSVG(_ output: OutputOptions, report: String) throws {
    if output.format == .svg {
        throw ValidationError("\(report) has no chart; --format svg is for funding and referrals")
    }
}

// MARK: - Reports

struct FundingReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funding",
        abstract: "Money by recipient over distinct grants (a grant restated in many answers counts once).",
        discussion: """
            EXAMPLES:
              archive query funding
              archive query funding --by year --format csv
              archive query funding --format svg > funding.svg
            """
    )
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .long, help: "Group by recipient, funder, year or project.") var by: FundingGrouping = .recipient
    @Option(name: .long, help: ArgumentHelp("Only recipients whose name contains this text.", valueName: "name")) var recipient: String?

    func run() throws {
        try withReadOnlyArchive(database) { db in
            let table = try Reports.funding(db, by: by, filters: filters.filters(recipient: recipient))
            let chart = ChartSpec(category: by.rawValue, value: "total_gbp", series: nil,
                                  style: by == .year ? .bars : .horizontalBars, title: table.title,
                                  categoryLabel: nil, valueLabel: "Total (£)")
            try output.print(table, chart: chart)
        }
    }
}

extension FundingGrouping: ExpressibleByArgument {}

struct GrantsReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grants",
        abstract: "Each grant mention with its answer, amount, duration, project and evidence.",
        discussion: """
            EXAMPLES:
              archive query grants --format json
              archive query grants --recipient "Trevi" --since 2024-01-01
            """
    )
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .long, help: ArgumentHelp("Only recipients whose name contains this text.", valueName: "name")) var recipient: String?

    func validate() throws { try refuseSVG(output, report: "grants") }

    func run() throws {
        try withReadOnlyArchive(database) { db in
            try output.print(try Reports.grants(db, filters: filters.filters(recipient: recipient)))
        }
    }
}

struct FiguresReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Each figure quoted in an answer, with its period, measure and evidence.",
        discussion: """
            EXAMPLES:
              archive query figures --format json
              archive query figures --topic "sexual exploitation" --format markdown
            """
    )
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try refuseSVG(output, report: "figures") }

    func run() throws {
        try withReadOnlyArchive(database) { db in
            try output.print(try Reports.figures(db, filters: filters.filters()))
        }
    }
}

struct ReferralsReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referrals",
        abstract: "NRM referral figures quoted in answers, by year, exploitation type and group, checked against official totals.",
        discussion: """
            A quoted annual total that matches neither the first-published nor the revised official \
            total within 0.5% is marked 'differs from official totals'. Two answers quoting different \
            numbers for the same thing give two rows, both marked conflicting.

            EXAMPLES:
              archive query referrals
              archive query referrals --format svg > referrals.svg
            """
    )
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try withReadOnlyArchive(database) { db in
            let table = try Reports.referrals(db, filters: filters.filters())
            if output.format == .svg {
                try output.print(ReferralChart.table(from: table), chart: ReferralChart.spec)
            } else {
                try output.print(table)
            }
        }
    }
}

struct AnswersReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers",
        abstract: "Answered questions with their current answer, newest first.",
        discussion: """
            EXAMPLES:
              archive query answers --since 2024-01-01 --house Commons
              archive query answers --body "Home Office" --limit 20
            """
    )
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try refuseSVG(output, report: "answers") }

    func run() throws {
        try withReadOnlyArchive(database) { db in
            try output.print(try Reports.answers(db, filters: filters.filters()))
        }
    }
}

struct SearchReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search of headings, questions and answers (FTS5 syntax), best matches first.",
        discussion: """
            EXAMPLES:
              archive query search "county lines"
              archive query search 'prostitution AND NOT "online safety"' --format json
              archive query search 'traffick*' --since 2024-01-01
            """
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "What to search for.") var text: String
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try refuseSVG(output, report: "search") }

    func run() throws {
        try withReadOnlyArchive(database) { db in
            try output.print(try Reports.search(db, query: text, filters: filters.filters()))
        }
    }
}

struct BodiesReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bodies",
        abstract: "Answers per answering body per year.",
        discussion: """
            EXAMPLES:
              archive query bodies --format markdown
            """
    )
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try refuseSVG(output, report: "bodies") }

    func run() throws {
        try withReadOnlyArchive(database) { db in
            try output.print(try Reports.bodies(db, filters: filters.filters()))
        }
    }
}

struct TimelineReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Questions tabled and answered per month, and named-day questions answered by the day named.",
        discussion: """
            --since and --until select questions by the day they were tabled.

            EXAMPLES:
              archive query timeline --since 2024-01-01
            """
    )
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func validate() throws { try refuseSVG(output, report: "timeline") }

    func run() throws {
        try withReadOnlyArchive(database) { db in
            try output.print(try Reports.timeline(db, filters: filters.filters()))
        }
    }
}

// MARK: - The referrals chart

/// Referral counts by year, one line or bar group per exploitation type or group.
enum ReferralChart {
    static let spec = ChartSpec(category: "period", value: "referrals", series: "series", style: .bars,
                                title: "NRM referrals quoted in answers", categoryLabel: "Year",
                                valueLabel: "Referrals")

    /// One point per period and series: the level count quoted by most answers (then the latest).
    static func table(from report: ReportTable) throws -> ReportTable {
        func column(_ name: String) -> Int { report.columnIndex(named: name) ?? 0 }
        let (period, type, population, unit, kind, value, answers, last) =
            (column("period"), column("exploitation_type"), column("population"), column("unit"), column("kind"),
             column("value"), column("answers"), column("last_quoted"))
        var best: [String: (row: [ReportValue], answers: Int64, last: String)] = [:]
        var order: [String] = []
        for row in report.rows where row[unit] == .text("count") && row[kind] == .text("level") {
            guard case .text(let periodText) = row[period] else { continue }
            // One series per exploitation type and group, so "sexual exploitation" and "sexual
            // exploitation, women" are not drawn as one line.
            let parts = [row[type].textValue, row[population].textValue].compactMap { $0 }
            let series = parts.isEmpty ? "all referrals" : parts.joined(separator: ", ")
            let key = periodText + "\u{0}" + series
            let quoted = row[answers].integerValue ?? 0
            let lastQuoted = row[last].textValue ?? ""
            let point: [ReportValue] = [.text(periodText), .text(series), row[value]]
            if let current = best[key] {
                if (quoted, lastQuoted) > (current.answers, current.last) { best[key] = (point, quoted, lastQuoted) }
            } else {
                best[key] = (point, quoted, lastQuoted)
                order.append(key)
            }
        }
        return ReportTable(title: spec.title ?? "", columns: [
            ReportColumn("period", .text), ReportColumn("series", .text), ReportColumn("referrals", .integer),
        ], rows: order.compactMap { best[$0]?.row })
    }
}

extension ReportValue {
    var textValue: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .real(let value): return Int64(value)
        default: return nil
        }
    }
}
