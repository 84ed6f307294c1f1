import ArgumentParser

/// `archive query`: canned reports (arriving with the query issue; says so until then).
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a canned report (not implemented yet)."
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The report.") var report: String?

    func run() throws {
        throw CommandFailure("archive query is not implemented yet")
    }
}

/// `archive sql`: read-only SQL (arriving with the query issue; says so until then).
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run read-only SQL on the archive (not implemented yet)."
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The SQL.") var sql: String?

    func run() throws {
        throw CommandFailure("archive sql is not implemented yet")
    }
}
