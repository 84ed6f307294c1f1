import ArchiveStore
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestScratch

/// Datasette (from PyPI, installed by `make deps`) serving an archive on a free loopback port with
/// the metadata `archive export datasette` made, stopped when released.
final class DatasetteServer: @unchecked Sendable {
    let base: URL
    private let process: Process

    /// Starts Datasette on a port the kernel chooses (`-p 0`), read from the line uvicorn logs,
    /// so two test runs side by side can never talk to each other's server.
    init(database: String, metadata: String) throws {
        let log = try ScratchDirectory.make("datasette").appendingPathComponent("datasette.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["datasette", "serve", "-i", database, "-m", metadata, "-h", "127.0.0.1", "-p", "0"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var port: Int?
        while port == nil {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: "Uvicorn running on http://127.0.0.1:") {
                port = Int(text[range.upperBound...].prefix(while: \.isNumber))
            }
            guard port != nil || (process.isRunning && Date() < deadline) else {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                throw DatasetteError("datasette did not start within 30 s (is it installed? `make deps`): \(text.suffix(500))")
            }
            if port == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        base = URL(string: "http://127.0.0.1:\(port!)")!
    }

    deinit { stop() }

    /// Stops the server: SIGTERM, and SIGKILL after 3 s (uvicorn waits for open keep-alive
    /// connections to close before it exits on SIGTERM).
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The body of `GET path`, or an error for anything but 200.
    func get(_ path: String) throws -> Data {
        let url = URL(string: base.absoluteString + path)!
        final class Box: @unchecked Sendable { var result: Result<Data, Error> = .failure(DatasetteError("no answer")) }
        let box = Box(), done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: url) { data, response, error in
            if let error { box.result = .failure(error) }
            else if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                box.result = .failure(DatasetteError("GET \(path): HTTP \(http.statusCode): \(String(decoding: data ?? Data(), as: UTF8.self).prefix(300))"))
            } else { box.result = .success(data ?? Data()) }
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 30)
        return try box.result.get()
    }

    /// `GET path` as JSON.
    func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: try get(path))
    }
}

struct DatasetteError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Rows as the CLI's json prints them and Datasette's `_shape=array` gives them, made comparable.
private func rows(_ data: Data) throws -> [NSDictionary] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [NSDictionary])
}

@Suite(.serialized, .tags(.slow)) struct DatasetteEndToEndTests {
    /// One archive with grants, figures, a corrected answer; its metadata; a server over it.
    static func served() throws -> (Workspace, DatasetteServer) {
        let work = try sampleArchive()
        try work.copy(Fixtures.itemResponse, as: "a/item.json")
        try work.copy(Fixtures.repository.appendingPathComponent("Tests/Fixtures/corrections/item-corrected.json"), as: "b/item.json")
        #expect(try work.archive(["ingest", work.path("a").path]).status == 0)
        #expect(try work.archive(["ingest", work.path("b").path]).status == 0)
        // Datasette -i reads the file alone: the ingest must leave everything checkpointed into it.
        #expect(!FileManager.default.fileExists(atPath: work.database + "-wal"), "the ingest left a -wal file beside the archive")
        let export = try work.archive(["export", "datasette"])
        #expect(export.status == 0, "\(export.stderr)")
        let metadata = try work.write("metadata.json", Data(export.stdout.utf8))
        return (work, try DatasetteServer(database: work.database, metadata: metadata))
    }

    @Test func everyCannedQueryGivesTheCLIsRowsWithAndWithoutParameters() throws {
        let (work, server) = try Self.served()
        defer { server.stop() }
        let tables = Set(try work.rows("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')").compactMap { $0[0].textValue })
        // (CLI arguments, the same as the canned query's parameters)
        let cases: [(report: String, cli: [String], query: String)] = ReportDefinition.all.filter { $0.name != "search" }.map { ($0.name, [], "") } + [
            ("funding", ["--by", "year"], "by=year"),
            ("funding", ["--recipient", "lives", "--since", "2024-01-01"], "recipient=lives&since=2024-01-01"),
            ("grants", ["--house", "Commons", "--limit", "2"], "house=Commons&limit=2"),
            ("figures", ["--until", "2024-06-30", "--body", "1"], "until=2024-06-30&body=1"),
            ("corrections", ["--since", "2024-01-15"], "since=2024-01-15"),
            ("referrals", ["--since", "2020-01-01", "--house", "commons"], "since=2020-01-01&house=commons"),
            ("answers", ["--house", "Commons", "--topic", "Net-Reach"], "house=Commons&topic=%22Net-Reach%22"),
            ("bodies", ["--body", "Home Office"], "body=Home%20Office"),
            ("timeline", ["--until", "2024-12-31"], "until=2024-12-31"),
            ("search", ["--raw", "\"Net-Reach\""], "q=%22Net-Reach%22"),
            ("search", ["--raw", "trafficking", "--limit", "3"], "q=trafficking&limit=3"),
        ]
        for (report, cli, query) in cases {
            let definition = try #require(ReportDefinition.named(report))
            let name = tables.contains(report) ? report + "_report" : report
            let expected = try rows(Data(try work.archive(["query", report, "--format", "json"] + cli).stdout.utf8))
            let served = try rows(try server.get("/archive/\(name).json?_shape=array&" + query))
            #expect(served == expected, "\(name)?\(query)")
            #expect(!expected.isEmpty, "\(report) \(cli) has no rows to compare")
            #expect(definition.parameters.count > 0)
        }
    }

    @Test func theYAMLMetadataIsTheJSONMetadata() throws {
        let work = try sampleArchive()
        let json = try work.write("m.json", Data(try work.archive(["export", "datasette"]).stdout.utf8))
        let yaml = try work.write("m.yaml", Data(try work.archive(["export", "datasette", "--format", "yaml"]).stdout.utf8))
        let check = try ArchiveBinary.run(["python3", "-c", "import json, sys, yaml; sys.exit(0 if yaml.safe_load(open(sys.argv[1])) == json.load(open(sys.argv[2])) else 1)", yaml, json],
                                          executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func theArchiveIsTitledDescribedAndSearchableWithNamesForKeysAndBookkeepingHidden() throws {
        let (_, server) = try Self.served()
        defer { server.stop() }
        let home = try #require(try server.json("/archive.json") as? [String: Any])
        let tables = try #require(home["tables"] as? [[String: Any]])
        func table(_ name: String) -> [String: Any]? { tables.first { $0["name"] as? String == name } }
        #expect(table("schema_migrations")?["hidden"] as? Bool == true)
        #expect(table("ingest_runs")?["hidden"] as? Bool == true)
        #expect(table("grants")?["hidden"] as? Bool == false)
        let metadata = try #require(try server.json("/-/metadata.json") as? [String: Any])
        #expect(metadata["license"] as? String == "Open Parliament Licence v3.0")
        #expect((metadata["title"] as? String)?.contains("trafficking") == true)
        let database = try #require((metadata["databases"] as? [String: Any])?["archive"] as? [String: Any])
        let grants = try #require((database["tables"] as? [String: Any])?["grants"] as? [String: Any])
        #expect((grants["columns"] as? [String: String])?["amount_pence"]?.contains("pence") == true)
        let queries = try #require(database["queries"] as? [String: Any])
        #expect(Set(queries.keys) == ["answers_report", "bodies", "corrections", "figures_report", "funding", "grants_report",
                                      "referrals", "search_report", "timeline"])
        // A grant's recipient is shown by name.
        let labelled = try #require(try server.json("/archive/grants.json?_shape=array&_labels=on") as? [[String: Any]])
        #expect(labelled.contains { ($0["recipient_id"] as? [String: Any])?["label"] as? String == "Changing Lives" })
        // The search box of the questions table takes words as typed.
        let found = try #require(try server.json("/archive/questions.json?_shape=array&_search=Net-Reach") as? [[String: Any]])
        #expect(found.contains { $0["uin"] as? String == "7814" })
        // The HTML pages render too.
        #expect(String(decoding: try server.get("/archive/funding"), as: UTF8.self).contains("Funding by recipient"))
    }
}
