import ArchiveQuery
import ArchiveStore
import ArgumentParser
import Foundation

/// `archive export`: the archive's data in other standards.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the archive's data in a published standard.",
        discussion: """
            EXAMPLES:
              archive export 360giving --format csv > grants.csv
              archive export 360giving --format json > grants.json
            """,
        subcommands: [ThreeSixtyGivingExport.self]
    )
}

/// `archive export 360giving`: one row per distinct grant in the 360Giving Data Standard.
struct ThreeSixtyGivingExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "360giving",
        abstract: "The grants in the 360Giving Data Standard (1.4.3): CSV with the standard's column titles, or a JSON package.",
        discussion: """
            One row per distinct grant stated in a current answer, however many answers restate it. \
            Amounts are in pounds (GBP), durations in months, and Data Source is the answer's page \
            on questions-statements.parliament.uk. Answers state no award date, so Award Date is the \
            date of the first answer that states the grant, and each Description says so.

            EXAMPLES:
              archive export 360giving --format csv > grants.csv
              archive export 360giving --format json > grants.json
            """
    )
    @OptionGroup var database: DatabaseOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Option(name: .long, help: "csv or json.") var format: Format = .csv

    @Option(name: .long, help: ArgumentHelp("The publisher's registered 360Giving identifier prefix (360G-...); grant and organisation identifiers are made from it.", valueName: "prefix"))
    var prefix: String = ThreeSixtyGiving.identifierPrefix

    func validate() throws {
        guard prefix.hasPrefix("360G-"), prefix.count > 5, !prefix.contains(where: { $0.isWhitespace }) else {
            throw ValidationError("--prefix is a 360Giving prefix such as 360G-myorg, not '\(prefix)'")
        }
    }

    func run() throws {
        try withReadOnlyArchive(database) { db in
            let grants = try ThreeSixtyGiving.grants(db, prefix: prefix)
            let text: String
            switch format {
            case .csv:
                text = try Renderer.render(ThreeSixtyGiving.table(grants), as: .csv)
            case .json:
                do {
                    text = try ThreeSixtyGiving.package(grants, issued: Timestamp.now(), prefix: prefix)
                } catch let error as ExportError {
                    throw CommandFailure("\(error)")
                }
            }
            try StandardOutput.write(text)
        }
    }
}
