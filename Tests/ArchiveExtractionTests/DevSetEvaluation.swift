// The extraction unit harness: the extractor run on each dev-set answer's own text, scored by
// the shared DevSetScoring module (which the end-to-end harness uses on what ingest stores).
import ArchiveExtraction
import DevSetScoring
import Foundation

/// Grants and figures scores of one set of answers.
struct SetScore {
    var grants = DevSetScore()
    var figures = DevSetScore()
}

/// Scores the extractor against the dev-set gold labels, set by set and pooled.
struct DevSetEvaluation {
    var answers: [DevSetAnswer]

    /// Loads the answers and gold labels of every set.
    static func load() throws -> DevSetEvaluation {
        DevSetEvaluation(answers: try DevSet.allAnswers())
    }

    /// Runs `extractor` over every answer: the score of each set, of all sets pooled, and a log line
    /// for every fact found.
    func evaluate(_ extractor: Extractor = Extractor()) -> (bySet: [(String, SetScore)], pooled: SetScore, log: [String]) {
        var bySet: [String: SetScore] = [:]
        var pooled = SetScore()
        var log: [String] = []
        for a in answers {
            let out = extractor.extract(from: a.text, answeringBody: a.answeringBody, question: a.questionText)
            let grants = out.grants.map { PredictedGrant(amountPence: $0.amountPence, recipient: $0.recipient, evidence: $0.evidence.text) }
            let figures = out.figures.map { PredictedFigure(value: $0.value, unit: $0.unit.rawValue, start: $0.evidence.start, end: $0.evidence.end, evidence: $0.evidence.text) }
            var score = bySet[a.set] ?? SetScore()
            DevSet.score(a, text: a.text, grants: grants, figures: figures, grants: &score.grants, figures: &score.figures)
            bySet[a.set] = score
            DevSet.score(a, text: a.text, grants: grants, figures: figures, grants: &pooled.grants, figures: &pooled.figures)
            log += out.grants.map { "\(a.name) \(Self.describe($0))" }
            log += out.figures.map { "\(a.name) \(Self.describe($0))" }
        }
        return (DevSet.sets.compactMap { name in bySet[name].map { (name, $0) } }, pooled, log)
    }

    static func describe(_ g: GrantMention) -> String {
        "GRANT £\(Double(g.amountPence) / 100) → \(g.recipient) project=\(g.project ?? "-") months=\(g.durationMonths.map(String.init) ?? "-") fy=\(g.financialYear ?? "-") programme=\(g.programme ?? "-") funder=\(g.funder ?? "-") rate=\(g.rate ?? "-") part=\(g.isPartOfTotal) [\(g.evidence.text)]"
    }

    static func describe(_ f: Figure) -> String {
        "FIGURE \(f.value) \(f.unit.rawValue) \(f.kind.rawValue) q=\(f.qualifier ?? "-") period=\(f.period ?? "-") nrm=\(f.isNRMReferrals) type=\(f.exploitationType ?? "-") pop=\(f.population ?? "-") measure=\(f.measure ?? "-") [\(f.evidence.text)]"
    }
}
