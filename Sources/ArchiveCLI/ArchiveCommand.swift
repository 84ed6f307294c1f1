import ArgumentParser
import Foundation

/// The root of the `archive` command tree.
public struct ArchiveCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "An archive of UK parliamentary written answers on human trafficking, modern slavery, prostitution and sexual exploitation.",
        discussion: """
            Ingest written-question pages and Parliament API responses into an SQLite database, then \
            ask it what the Government has said it is paying, to whom, and which NRM figures it has quoted.

            The database is ./archive.db unless --db or $ARCHIVE_DB says otherwise.

            EXAMPLES:
              archive ingest sample-data/
              archive query funding
              archive sql "SELECT uin, heading FROM questions LIMIT 5"
            """,
        version: ArchiveVersion.string,
        subcommands: [MigrateCommand.self, IngestCommand.self, ReextractCommand.self, QueryCommand.self, ShowCommand.self, SQLCommand.self, ExportCommand.self, FetchCommand.self]
    )

    public init() {}

    /// Runs the command line: what the executable does.
    public static func runMain() {
        StandardOutput.prepare()
        main()
    }
}

/// The version `archive --version` prints.
public enum ArchiveVersion {
    /// Semantic version of this build.
    public static let string = "0.1.0"
}

/// The `--db` option every command shares.
public struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive database file.", valueName: "path"))
    var db: String?

    public init() {}

    /// The path to use: --db, else $ARCHIVE_DB, else ./archive.db.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["ARCHIVE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "archive.db"
    }
}

/// Writes a line to standard error: diagnostics never go to stdout, where the data is.
func printError(_ line: String) {
    writeError(line + "\n")
}

/// Writes to standard error, as far as it can: a diagnostic that cannot be shown is not a reason to fail.
func writeError(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { raw in write(2, raw.baseAddress! + offset, raw.count - offset) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
    }
}

/// Exit statuses beyond 0 (done) and 1 (failed).
enum CommandExit {
    /// Another process holds what this one needs; try again later (sysexits.h EX_TEMPFAIL).
    static let temporaryFailure: Int32 = 75
}

/// A runtime failure with a message for people; exits 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
