import ArchiveFetch
import ArchiveStore
import Foundation
import SQLite
import Testing
import TestScratch

/// The built `archive` binary beside the test bundle.
let archiveBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("archive")

/// Runs `archive` to completion (at most 120 s) and returns its exit status and stderr.
func runArchive(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = archiveBinary
    process.arguments = arguments
    let errors = try ScratchDirectory.make("fetch-cli").appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: errors)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return (process.terminationStatus, (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
}

@Suite(.tags(.slow)) struct NightlyFetchCommandTests {
    @Test func theNightlyCronLineFetchesOnlyWhatIsNewAndLandsCorrections() throws {
        let server = try StubServer()
        defer { server.stop() }
        let work = try temporaryDirectory("nightly")
        let db = work.appendingPathComponent("archive.db").path
        let out = work.appendingPathComponent("downloads").path
        let common = ["--ingest", "--db", db, "--out", out, "--base-url", server.baseURL.absoluteString,
                      "--rate", "100", "--timeout", "5", "--quiet", "--search", "the"]

        // The first night catches up from a given day.
        let first = try runArchive(["fetch", "--since", "2014-01-01"] + common)
        #expect(first.status == 0, "\(first.stderr)")
        let archive = try Database(path: db, mode: .readOnly)
        defer { archive.close() }
        let questions = try #require(try archive.scalar("SELECT count(*) FROM questions")?.integerValue)
        #expect(questions >= 5)
        let firstItems = try server.requestCounts().filter { $0.key.contains("/questions/") }
        #expect(Int64(firstItems.count) == questions, "one item request per question archived")
        #expect(firstItems.values.allSatisfy { $0 == 1 }, "an item was fetched more than once: \(firstItems)")

        // Between nights: a new answer, and a correction to one already archived.
        let today = Day.today().description
        let known = try #require(try archive.rows("""
            SELECT q.api_id FROM questions q JOIN answer_versions v ON v.answer_id = q.answer_id
            WHERE q.api_id IS NOT NULL AND v.kind = 'substantive' AND NOT v.is_truncated
              AND NOT EXISTS (SELECT 1 FROM answer_versions x WHERE x.answer_id = q.answer_id AND x.kind = 'correction')
            ORDER BY q.api_id LIMIT 1
            """).first?[0].integerValue)
        var corrected = try itemJSON(id: Int(known))
        let original = corrected["answerText"] as? String ?? ""
        corrected["answerIsCorrection"] = true
        corrected["originalAnswerText"] = original
        corrected["answerText"] = original + "<p>Correction: the figure is 1,234.</p>"
        corrected["dateAnswerCorrected"] = "\(today)T00:00:00"
        corrected["correctingMemberId"] = 4000
        var fresh = try itemJSON(id: Int(known))
        fresh["id"] = 7_777_777
        fresh["uin"] = "777777"
        fresh["dateTabled"] = "\(today)T00:00:00"
        fresh["dateAnswered"] = "\(today)T00:00:00"
        fresh["answerText"] = "<p>The new answer: we are providing £2 million to Unseen UK for the modern slavery helpline.</p>"
        try server.putQuestions([corrected, fresh])
        try server.resetCounts()

        // The second night is the cron line: from where the last good window ended.
        let second = try runArchive(["fetch", "--since", "last"] + common)
        #expect(second.status == 0, "\(second.stderr)")
        let secondItems = try server.requestCounts().filter { $0.key.contains("/questions/") }
        #expect(Set(secondItems.keys) == ["/api/writtenquestions/questions/\(known)", "/api/writtenquestions/questions/7777777"],
                "the second night fetched \(secondItems)")
        #expect(try archive.scalar("SELECT count(*) FROM questions")?.integerValue == questions + 1)
        let versions = try archive.rows("SELECT v.kind FROM answer_versions v JOIN questions q ON q.answer_id = v.answer_id WHERE q.api_id = ? ORDER BY v.id", [.integer(known)])
        #expect(versions == [[.text("substantive")], [.text("correction")]])
        #expect(try archive.scalar("SELECT count(*) FROM grants g JOIN organisations r ON r.id = g.recipient_id WHERE r.name = 'Unseen UK'") == .integer(1))
        #expect(try archive.scalar("SELECT count(*) FROM fetch_runs WHERE outcome = 'ok'") == .integer(2))
    }

    /// The `value` object of the fixture question with this id, as the stub serves it.
    private func itemJSON(id: Int) throws -> [String: Any] {
        let fixtures = testsDirectory.appendingPathComponent("Fixtures")
        let files = [fixtures.appendingPathComponent("api-examples/item-response.json")]
            + (try FileManager.default.contentsOfDirectory(at: fixtures.appendingPathComponent("dev-set/inputs/api/items"), includingPropertiesForKeys: nil))
        for file in files {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
            if let value = object?["value"] as? [String: Any], value["id"] as? Int == id { return value }
        }
        for list in [fixtures.appendingPathComponent("api-examples/list-response.json"), fixtures.appendingPathComponent("dev-set/inputs/api/page-1.json")] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: list)) as? [String: Any]
            for result in object?["results"] as? [[String: Any]] ?? [] {
                if let value = result["value"] as? [String: Any], value["id"] as? Int == id { return value }
            }
        }
        throw HarnessError("no fixture question \(id)")
    }
}
