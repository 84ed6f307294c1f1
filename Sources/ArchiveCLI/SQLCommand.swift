import ArchiveQuery
import ArgumentParser
import Foundation

/// `archive sql`: ad-hoc SQL on a read-only connection, in the report formats.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run one read-only SQL statement on the archive and print its rows.",
        discussion: """
            The database is opened read-only with PRAGMA query_only, and a statement that would write \
            is refused before it runs. See docs/schema.md for the tables and views.

            EXAMPLES:
              archive sql "SELECT * FROM funding_by_recipient"
              archive sql "SELECT uin, heading FROM question_answers WHERE date_answered >= '2024-01-01'" --format json
              archive sql "SELECT rowid, heading FROM search WHERE search MATCH 'trafficking' ORDER BY rank LIMIT 5"
            """
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The SQL statement.") var sql: String
    @OptionGroup var output: OutputOptions

    func validate() throws { try refuseSVG(output, report: "sql") }

    func run() throws {
        try withReadOnlyArchive(database) { db in
            try output.print(try AdHocSQL.run(db, sql: sql))
        }
    }
}
