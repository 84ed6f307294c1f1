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
              archive export datasette --db archive.db > metadata.json
            """,
        subcommands: [ThreeSixtyGivingExport.self, DatasetteExport.self]
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

/// `archive export datasette`: Datasette's metadata for the archive, made from its own definitions.
struct DatasetteExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasette",
        abstract: "Datasette metadata for the archive: titles, descriptions, licence, and every report as a canned query.",
        discussion: """
            Describes every table, view and column from the comments in the migrations, shows \
            foreign keys by name, sets up full-text search, sorts and facets, hides bookkeeping \
            tables, and makes each report (reports/NAME.sql) a canned query with its parameters as \
            form fields (a table's namesake gets _report added: grants_report, figures_report, \
            answers_report, search_report; the search text is q). Nothing in it is kept by hand.

            EXAMPLES:
              archive export datasette --db archive.db > metadata.json
              datasette serve -i archive.db -m metadata.json
              archive export datasette --db archive.db --format yaml > metadata.yaml
            """
    )
    @OptionGroup var database: DatabaseOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, yaml }

    @Option(name: .long, help: "json or yaml.") var format: Format = .json

    @Option(name: .long, help: ArgumentHelp("The name Datasette serves the database under. Default: the --db file's name without its extension.", valueName: "name"))
    var name: String?

    func run() throws {
        let served = name ?? URL(fileURLWithPath: database.path).deletingPathExtension().lastPathComponent
        try withReadOnlyArchive(database) { db in
            let metadata = try DatasetteMetadata.metadata(for: db, name: served)
            try StandardOutput.write(format == .json ? try DatasetteMetadata.json(metadata) : DatasetteMetadata.yaml(metadata))
        }
    }
}
