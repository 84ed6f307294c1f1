import ArchiveStore
import ArgumentParser
import Foundation

/// `archive migrate`: applies the schema, or lists where each migration stands.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create the archive database or bring its schema up to date.",
        discussion: """
            Applies each pending migration in order, each with its bookkeeping row in one transaction. \
            A database whose applied migrations were changed, or that has migrations this binary does \
            not know, is refused and left untouched. `--list` reads only: it creates and changes no file.

            EXAMPLES:
              archive migrate --db archive.db
              archive migrate --list
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "List applied and pending migrations without changing anything.")
    var list = false

    func run() throws {
        let path = database.path
        if list {
            try listMigrations(at: path)
            return
        }
        let applied: [String]
        do { applied = try Archive.migrate(path: path) } catch let error as ArchiveError { throw CommandFailure("\(error)") }
        if applied.isEmpty {
            printError("\(path): schema is up to date")
        } else {
            for name in applied { printError("\(path): applied \(name)") }
        }
    }

    private func listMigrations(at path: String) throws {
        let statuses = try Archive.migrationStatus(path: path)
        for status in statuses {
            let when = status.appliedAt.map { " \($0)" } ?? ""
            try StandardOutput.line("\(status.state.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(status.fileName)\(when)")
        }
    }
}
