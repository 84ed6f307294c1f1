import Foundation
import SQLite
import Testing

// An archive whose facts an older extractor read (made here: ingested, then its recorded
// extractor version set back and its facts changed the way an older extractor would have left
// them) is brought by `archive reextract`, or by the next `archive ingest`, to exactly what a
// fresh ingest of the same inputs holds; killed at any moment, a re-extraction loses nothing.

/// The inputs of both dev sets and the seed page.
private let devSetInputs: [String] = [
    Fixtures.devSetItems.path, Fixtures.devSetPages.path, Fixtures.devSetInputs.appendingPathComponent("api/page-1.json").path,
    Fixtures.root.appendingPathComponent("dev-set-2/inputs/api/items").path, Fixtures.root.appendingPathComponent("dev-set-2/inputs/pages").path,
    Fixtures.root.appendingPathComponent("dev-set-2/inputs/api/page-1.json").path, Fixtures.seed.path,
]

/// Makes the archive look as an older extractor left it: every version recorded as read by
/// version 1, some figures and statements missing, a grant's fields and a statement that the
/// current extractor does not make, with an organisation only it names.
private func age(_ work: Workspace) throws {
    let db = try Database(path: work.database, mode: .readWrite)
    defer { db.close() }
    try db.execute("""
        UPDATE answer_versions SET extractor_version = 1;
        DELETE FROM figures WHERE id % 3 = 0;
        DELETE FROM grant_mentions WHERE id % 4 = 0;
        UPDATE grants SET project = 'an old reading', funder_id = NULL WHERE id % 2 = 0;
        INSERT INTO organisations (name, key) VALUES ('Read By Mistake', 'read by mistake');
        INSERT INTO grants (recipient_id, amount_pence, financial_year) VALUES (last_insert_rowid(), 99900, '2020-21');
        INSERT INTO grant_mentions (grant_id, answer_version_id, recipient_as_written, evidence, evidence_start, evidence_end)
            VALUES (last_insert_rowid(), (SELECT min(id) FROM answer_versions), 'Read By Mistake', '£999', 0, 4);
        """)
}

/// `query grants` and `query figures` as JSON rows, without the local grant ids.
private func facts(_ work: Workspace) throws -> [String] {
    try ["grants", "figures", "funding"].map { report in
        let out = try work.archive(["query", report, "--format", "json"]).stdout
        var rows = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [[String: Any]]
        for i in rows.indices { rows[i].removeValue(forKey: "grant_id") }
        return String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys]), as: UTF8.self)
    }
}

private func reference(_ inputs: [String]) throws -> Workspace {
    let work = try Workspace()
    let result = try work.archive(["ingest", "--quiet"] + inputs)
    #expect(result.status == 0 || result.stderr.contains("rejected"), "\(result.stderr)")
    return work
}

@Suite(.serialized, .tags(.slow)) struct ReextractEndToEndTests {
    @Test func reextractBringsAnOlderArchiveToWhatAFreshIngestHolds() throws {
        let fresh = try reference(devSetInputs)
        let work = try reference(devSetInputs)
        try age(work)
        #expect(try facts(work) != facts(fresh), "the aged archive should differ before re-extraction")
        let note = try work.archive(["query", "funding"]).stderr
        #expect(note.contains("read by an older extractor") && note.contains("archive reextract"))

        #expect(try work.archive(["migrate"]).status == 0)
        let run = try work.archive(["reextract"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("answer versions read again:"))
        #expect(run.stdout.contains("funding totals that changed"))
        #expect(try facts(work) == facts(fresh))
        #expect(try work.scalar("SELECT count(*) FROM organisations WHERE key = 'read by mistake'") == .integer(0))
        #expect(try work.tableCounts().filter { $0.key != "organisation_names" } == fresh.tableCounts().filter { $0.key != "organisation_names" })
        #expect(try work.archive(["query", "funding"]).stderr.isEmpty)
    }

    @Test func aSecondReextractFindsNothingToDoAndChangesNothing() throws {
        let work = try reference(devSetInputs)
        try age(work)
        #expect(try work.archive(["reextract", "--quiet"]).status == 0)
        let before = try work.rows("SELECT id, grant_id, evidence_start FROM grant_mentions ORDER BY id")
        let figures = try work.rows("SELECT id FROM figures ORDER BY id")
        #expect(!before.isEmpty && !figures.isEmpty, "nothing to leave unchanged")
        let second = try work.archive(["reextract", "--summary", "json"])
        let summary = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as! [String: Any]
        #expect(summary["versions_read"] as? Int == 0)
        #expect(try work.rows("SELECT id, grant_id, evidence_start FROM grant_mentions ORDER BY id") == before)
        #expect(try work.rows("SELECT id FROM figures ORDER BY id") == figures)
    }

    @Test func readingAFreshArchiveAgainReportsNoChange() throws {
        let work = try reference(devSetInputs)
        let figures = try #require(try work.scalar("SELECT count(*) FROM figures")?.integerValue)
        #expect(figures > 50)
        let again = try work.archive(["reextract", "--all", "--summary", "json"])
        let summary = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as! [String: Any]
        #expect((summary["versions_read"] as? Int ?? 0) > 10)
        for count in ["figures_added", "figures_removed", "grant_mentions_added", "grant_mentions_removed", "grants_added", "grants_removed"] {
            #expect(summary[count] as? Int == 0, "\(count): \(again.stdout)")
        }
    }

    @Test func aDryRunSaysWhatWouldChangeAndChangesNothing() throws {
        let work = try reference(devSetInputs)
        try age(work)
        let counts = try work.tableCounts()
        let stale = try work.scalar("SELECT count(*) FROM answer_versions WHERE extractor_version = 1")
        #expect((stale?.integerValue ?? 0) > 0, "no stale version for a dry run to find")
        let dry = try work.archive(["reextract", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("dry run") && dry.stdout.contains("would change"))
        #expect(try work.tableCounts() == counts)
        #expect(try work.scalar("SELECT count(*) FROM answer_versions WHERE extractor_version = 1") == stale)
    }

    @Test func theNightlyIngestReadsStaleVersionsAgainItself() throws {
        let fresh = try reference(devSetInputs)
        let work = try reference(devSetInputs)
        try age(work)
        let run = try work.archive(["ingest", "--quiet", "--summary", "json", Fixtures.seed.path])
        let summary = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect((summary["versions_reextracted"] as? Int ?? 0) > 0)
        #expect(try facts(work) == facts(fresh))
    }

    @Test func killingAReextractAtAnyMomentLosesNothing() throws {
        let corpus = try Workspace()
        _ = try writeCorpus(into: corpus.path("corpus"), count: 300)
        let fresh = try reference([corpus.path("corpus").path])
        let expected = try facts(fresh)
        let work = try reference([corpus.path("corpus").path])
        try age(work)
        #expect(try facts(work) != expected, "the aged archive should differ before re-extraction")
        let probe = try Workspace()
        try FileManager.default.copyItem(atPath: work.database, toPath: probe.database)
        let started = Date()
        #expect(try probe.archive(["reextract", "--quiet", "--all"]).status == 0)
        let fullRun = Date().timeIntervalSince(started)

        var random = SeededRandom(seed: 11)
        var kills = 0
        for _ in 0..<12 {
            let process = try launchArchive(["reextract", "--quiet", "--all", "--db", work.database], in: work.url)
            usleep(useconds_t(Double(random.below(1000)) / 1000 * fullRun * 1_000_000 * 0.9))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { kills += 1 }
            #expect(try work.scalar("PRAGMA integrity_check") == .text("ok"))
            #expect(try work.rows("PRAGMA foreign_key_check").isEmpty)
        }
        #expect(try work.archive(["reextract", "--quiet"]).status == 0)
        #expect(try facts(work) == expected)
        #expect(kills >= 6, "only \(kills) kills landed mid-run")
    }
}
