import DevSetScoring
import Foundation
import SQLite
import Testing

/// The evaluation harness end to end: ingest the labelled answers' input files with the built
/// binary, then score what landed in the database (current versions' figures and grant mentions)
/// against the gold labels.
@Suite struct DevSetIngestEvaluationTests {
    @Test func whatIngestLandsScoresGrantsAtLeastPointNineAndFiguresPointNineFivePooled() throws {
        var grants = DevSetScore(), figures = DevSetScore()
        for set in DevSet.sets {
            try score(set: set, grants: &grants, figures: &figures)
        }
        grants.report("DEV-SETS (ingested, pooled) grants: ")
        figures.report("DEV-SETS (ingested, pooled) figures:")
        // With nothing labelled, precision and recall are 1: every gold fact must have been scored.
        #expect(grants.truePositives + grants.falseNegatives == 38, "the dev sets label 38 grants")
        #expect(figures.truePositives + figures.falseNegatives == 120, "the dev sets label 120 figures")
        #expect(grants.f1 >= 0.9)
        #expect(figures.f1 >= 0.95)
    }

    /// Ingests one set's inputs (API items, saved pages and the list response) into an archive of
    /// its own and scores what its current versions hold.
    private func score(set: String, grants: inout DevSetScore, figures: inout DevSetScore) throws {
        let dir = DevSet.fixtures.appendingPathComponent(set)
        let inputs = dir.appendingPathComponent("inputs")
        let work = try Workspace()
        let result = try work.archive(["ingest", "--quiet", inputs.appendingPathComponent("api/items").path,
                                       inputs.appendingPathComponent("pages").path, inputs.appendingPathComponent("api/page-1.json").path])
        #expect(result.status == 0, "\(set): \(result.stderr)")
        let keys = try DevSet.keys(from: dir)
        let db = try work.open()
        defer { db.close() }
        var missingAnswers: [String] = []
        for answer in try DevSet.answers(from: dir) {
            guard let key = keys[answer.file],
                  let version = try db.rows("""
                      SELECT v.id, v.text FROM questions q JOIN answer_versions v ON v.answer_id = q.answer_id AND v.is_current
                      WHERE q.uin = ? AND q.house = ?
                      """, [.text(key.uin), .text(key.house)]).first,
                  let versionID = version[0].integerValue, let text = version[1].textValue else {
                missingAnswers.append(answer.name)
                DevSet.score(answer, text: "", grants: [], figures: [], grants: &grants, figures: &figures)
                continue
            }
            let found = try db.rows("""
                SELECT g.amount_pence, m.recipient_as_written, m.evidence FROM grant_mentions m JOIN grants g ON g.id = m.grant_id
                WHERE m.answer_version_id = ?
                """, [.integer(versionID)]).map {
                PredictedGrant(amountPence: $0[0].integerValue ?? 0, recipient: $0[1].textValue ?? "", evidence: $0[2].textValue ?? "")
            }
            let quoted = try db.rows("SELECT value, unit, evidence_start, evidence_end, evidence FROM figures WHERE answer_version_id = ?",
                                     [.integer(versionID)]).map {
                PredictedFigure(value: $0[0].doubleValue ?? .nan, unit: $0[1].textValue ?? "", start: Int($0[2].integerValue ?? 0),
                                end: Int($0[3].integerValue ?? 0), evidence: $0[4].textValue ?? "")
            }
            DevSet.score(answer, text: text, grants: found, figures: quoted, grants: &grants, figures: &figures)
        }
        #expect(missingAnswers.isEmpty, "answers not in the archive after ingest: \(missingAnswers)")
    }
}
