import Foundation
import SQLite
import Testing
import TestScratch

/// The built `archive` binary, run as a user would run it.
enum ArchiveBinary {
    /// The binary beside the test bundle (SwiftPM builds both into one directory), or $ARCHIVE_BINARY.
    static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["ARCHIVE_BINARY"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.lastPathComponent == "MacOS" { // an .xctest bundle on macOS
            directory = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return directory.appendingPathComponent("archive")
    }()

    /// What one run printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `archive arguments...` in `directory` and waits for it (at most `timeout` seconds).
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    executable: URL = url, timeout: TimeInterval = 120) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ARCHIVE_DB")
        env.merge(environment) { $1 }
        process.environment = env
        // Output goes to files, so a large output cannot fill a pipe and block the process.
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("archive-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let outURL = outputs.appendingPathComponent("stdout"), errURL = outputs.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            Issue.record("archive \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
        }
        process.waitUntilExit()
        let stdoutData = (try? Data(contentsOf: outURL)) ?? Data()
        let stderrData = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// Paths of the real inputs copied into Tests/Fixtures.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let seed = root.appendingPathComponent("seeds/000_9f30effc86ea8fa1.txt")
    static let devSetInputs = root.appendingPathComponent("dev-set/inputs")
    static let devSetItems = root.appendingPathComponent("dev-set/inputs/api/items")
    static let devSetPages = root.appendingPathComponent("dev-set/inputs/pages")
    static let apiExamples = root.appendingPathComponent("api-examples")
    static let itemResponse = apiExamples.appendingPathComponent("item-response.json")
    static let listResponse = apiExamples.appendingPathComponent("list-response.json")
    static let repository = root.deletingLastPathComponent().deletingLastPathComponent()
}

/// A fresh working directory for one test.
struct Workspace {
    let url: URL

    init() throws {
        url = try ScratchDirectory.make("archive-e2e")
    }

    var database: String { url.appendingPathComponent("archive.db").path }

    /// A path inside the workspace.
    func path(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `data` to `name` (creating folders) and returns its path.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let target = path(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
        return target.path
    }

    /// Writes a JSON object as a file.
    @discardableResult
    func writeJSON(_ name: String, _ object: Any) throws -> String {
        try write(name, try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    /// Copies a fixture in.
    @discardableResult
    func copy(_ fixture: URL, as name: String? = nil) throws -> String {
        try write(name ?? fixture.lastPathComponent, try Data(contentsOf: fixture))
    }

    /// `archive ARGS --db <this workspace's db>`.
    @discardableResult
    func archive(_ arguments: [String]) throws -> ArchiveBinary.Result {
        try ArchiveBinary.run(arguments + ["--db", database], in: url)
    }

    /// A read-only look at the database.
    func open() throws -> Database {
        try Database(path: database, mode: .readOnly)
    }

    /// The first column of the first row.
    func scalar(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> SQLiteValue? {
        let db = try open()
        defer { db.close() }
        return try db.scalar(sql, parameters)
    }

    /// Every row of a query.
    func rows(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        let db = try open()
        defer { db.close() }
        return try db.rows(sql, parameters)
    }

    /// Row counts of every archive table, to compare runs.
    func tableCounts() throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for table in ["questions", "answers", "answer_versions", "figures", "grants", "grant_mentions", "organisations",
                      "organisation_names", "members", "answering_bodies", "attachments", "grouped_questions", "search"] {
            counts[table] = try scalar("SELECT count(*) FROM \(table)")?.integerValue
        }
        return counts
    }
}

/// A real API item response, as a mutable JSON object.
func itemJSON(_ url: URL = Fixtures.itemResponse) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
}

extension Dictionary where Key == String, Value == Any {
    /// The `value` object of an item response, changed by `change`.
    func withValue(_ change: (inout [String: Any]) -> Void) -> [String: Any] {
        var copy = self
        var value = copy["value"] as! [String: Any]
        change(&value)
        copy["value"] = value
        return copy
    }
}
