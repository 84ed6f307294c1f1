// The extraction unit harness: the extractor run on each dev-set answer's own text, scored by
// the shared DevSetScoring module (which the end-to-end harness uses on what ingest stores).
import ArchiveExtraction
import DevSetScoring
import Foundation

/// Scores the extractor against the dev-set gold labels.
struct DevSetEvaluation {
    var answers: [DevSetAnswer]

    /// Loads the answers and gold labels.
    static func load() throws -> DevSetEvaluation {
        DevSetEvaluation(answers: try DevSet.answers())
    }

    /// Runs `extractor` over every answer and scores grants and figures.
    func evaluate(_ extractor: Extractor = Extractor()) -> (grants: DevSetScore, figures: DevSetScore, log: [String]) {
        var grants = DevSetScore(), figures = DevSetScore()
        var log: [String] = []
        for a in answers {
            let out = extractor.extract(from: a.text, answeringBody: a.answeringBody)
            DevSet.score(a, text: a.text,
                         grants: out.grants.map { PredictedGrant(amountPence: $0.amountPence, recipient: $0.recipient, evidence: $0.evidence.text) },
                         figures: out.figures.map { PredictedFigure(value: $0.value, unit: $0.unit.rawValue, start: $0.evidence.start, end: $0.evidence.end, evidence: $0.evidence.text) },
                         grants: &grants, figures: &figures)
            for g in out.grants {
                log.append("\(a.file) GRANT £\(Double(g.amountPence) / 100) → \(g.recipient) project=\(g.project ?? "-") months=\(g.durationMonths.map(String.init) ?? "-") fy=\(g.financialYear ?? "-") programme=\(g.programme ?? "-") funder=\(g.funder ?? "-") [\(g.evidence.text)]")
            }
            for f in out.figures {
                log.append("\(a.file) FIGURE \(f.value) \(f.unit.rawValue) \(f.kind.rawValue) q=\(f.qualifier ?? "-") period=\(f.period ?? "-") nrm=\(f.isNRMReferrals) type=\(f.exploitationType ?? "-") pop=\(f.population ?? "-") measure=\(f.measure ?? "-") [\(f.evidence.text)]")
            }
        }
        return (grants, figures, log)
    }
}
