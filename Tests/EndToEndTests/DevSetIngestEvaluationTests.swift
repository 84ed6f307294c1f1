import DevSetScoring
import Foundation
import SQLite
import Testing

/// The evaluation harness end to end: ingest the labelled answers' input files with the built
/// binary, then score what landed in the database (current versions' figures and grant mentions)
/// against the gold labels.
@Suite struct DevSetIngestEvaluationTests {
    @Test func whatIngestLandsScoresAtLeastPointNineF1ForGrantsAndFigures() throws {
        let work = try Workspace()
        let result = try work.archive(["ingest", "--quiet", Fixtures.devSetItems.path, Fixtures.devSetPages.path,
                                       Fixtures.devSetInputs.appendingPathComponent("api/page-1.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        let keys = try DevSet.keys()
        let db = try work.open()
        defer { db.close() }
        var grants = DevSetScore(), figures = DevSetScore()
        var missingAnswers: [String] = []
        for answer in try DevSet.answers() {
            guard let key = keys[answer.file],
                  let version = try db.rows("""
                      SELECT v.id, v.text FROM questions q JOIN answer_versions v ON v.answer_id = q.answer_id AND v.is_current
                      WHERE q.uin = ? AND q.house = ?
                      """, [.text(key.uin), .text(key.house)]).first,
                  let versionID = version[0].integerValue, let text = version[1].textValue else {
                missingAnswers.append(answer.file)
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
        grants.report("DEV-SET (ingested) grants: ")
        figures.report("DEV-SET (ingested) figures:")
        #expect(missingAnswers.isEmpty, "answers not in the archive after ingest: \(missingAnswers)")
        #expect(grants.f1 >= 0.9)
        #expect(figures.f1 >= 0.9)
    }
}
