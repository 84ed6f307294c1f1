// A reusable scorer for the hand-labelled development set (Tests/Fixtures/dev-set): runs an
// extractor over each answer, matches its grants and figures against the gold labels, and reports
// precision, recall and F1 with every miss and false hit named. Another test target can reuse it.
import ArchiveExtraction
import Foundation

/// Scores extractions against the dev-set gold labels.
struct DevSetEvaluation {
    /// One answer of the dev set with its labels.
    struct Answer {
        var file: String
        var text: String
        var answeringBody: String?
        var grants: [[String: Any]]
        var figures: [[String: Any]]
        var ambiguousMoney: [[String: Any]]
        var optionalFigures: [[String: Any]]
    }

    /// Counts and named errors for one kind of item.
    struct Score: CustomStringConvertible {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var neutral = 0
        var misses: [String] = []
        var falseHits: [String] = []

        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        var description: String {
            String(format: "P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d neutral=%d)", precision, recall, f1,
                   truePositives, falsePositives, falseNegatives, neutral)
        }
    }

    var answers: [Answer]

    /// The dev-set directory, found from this source file (Tests/ArchiveExtractionTests/ → Tests/Fixtures/dev-set).
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/dev-set")
    }

    /// Loads the answers and gold labels.
    static func load(from dir: URL = directory) throws -> DevSetEvaluation {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("gold.json"))) as! [String: Any]
        let labels = gold["labels"] as! [[String: Any]]
        var answers: [Answer] = []
        for label in labels {
            let file = label["file"] as! String
            let answer = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("answers/\(file)"))) as! [String: Any]
            answers.append(Answer(file: file, text: answer["answer_text"] as? String ?? "",
                                  answeringBody: answer["answering_body"] as? String,
                                  grants: label["grants"] as? [[String: Any]] ?? [],
                                  figures: label["figures"] as? [[String: Any]] ?? [],
                                  ambiguousMoney: label["ambiguous_money"] as? [[String: Any]] ?? [],
                                  optionalFigures: label["optional_figures"] as? [[String: Any]] ?? []))
        }
        return DevSetEvaluation(answers: answers)
    }

    /// Scalar-offset ranges where `needle` occurs in `haystack`.
    static func occurrences(of needle: String, in haystack: String) -> [Range<Int>] {
        let h = Array(haystack.unicodeScalars), n = Array(needle.unicodeScalars)
        guard !n.isEmpty, n.count <= h.count else { return [] }
        var out: [Range<Int>] = []
        for i in 0...(h.count - n.count) where h[i] == n[0] && Array(h[i..<(i + n.count)]) == n {
            out.append(i..<(i + n.count))
        }
        return out
    }

    /// Gold units "gbp_per_week" and the like are gbp; "fraction" has no counterpart.
    static func unit(_ gold: String?) -> String? {
        guard let g = gold else { return nil }
        return g.hasPrefix("gbp") ? "gbp" : g
    }

    static func number(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue }

    static func figureMatches(_ f: Figure, _ gold: [String: Any], text: String) -> Bool {
        guard let v = number(gold["value"]), abs(v - f.value) < 1e-6, unit(gold["unit"] as? String) == f.unit.rawValue else { return false }
        guard let goldText = gold["text"] as? String else { return true }
        let places = occurrences(of: goldText, in: text)
        if places.isEmpty { return true }
        return places.contains { $0.overlaps(f.evidence.start..<f.evidence.end) }
    }

    static func grantMatches(_ g: GrantMention, amountGBP: Double?, recipient: String?) -> Bool {
        guard let a = amountGBP, Int64((a * 100).rounded()) == g.amountPence else { return false }
        guard let r = recipient else { return true }
        let k1 = OrganisationName.key(r), k2 = OrganisationName.key(g.recipient)
        return !k1.isEmpty && !k2.isEmpty && (k1.contains(k2) || k2.contains(k1))
    }

    /// Runs `extractor` over every answer and scores grants and figures.
    func evaluate(_ extractor: Extractor = Extractor()) -> (grants: Score, figures: Score, log: [String]) {
        var grants = Score(), figures = Score()
        var log: [String] = []
        for a in answers {
            let out = extractor.extract(from: a.text, answeringBody: a.answeringBody)
            // Grants.
            var goldGrantUsed = [Bool](repeating: false, count: a.grants.count)
            for g in out.grants {
                if let i = a.grants.indices.first(where: { !goldGrantUsed[$0] && Self.grantMatches(g, amountGBP: Self.number(a.grants[$0]["amount_gbp"]), recipient: a.grants[$0]["recipient"] as? String) }) {
                    goldGrantUsed[i] = true; grants.truePositives += 1
                } else if a.ambiguousMoney.contains(where: { Self.grantMatches(g, amountGBP: Self.number($0["amount_gbp"]), recipient: nil) }) {
                    grants.neutral += 1
                } else {
                    grants.falsePositives += 1
                    grants.falseHits.append("\(a.file): grant £\(Double(g.amountPence) / 100) to \(g.recipient) [\(g.evidence.text)]")
                }
            }
            for (i, g) in a.grants.enumerated() where !goldGrantUsed[i] {
                grants.falseNegatives += 1
                grants.misses.append("\(a.file): grant \(g["amount_gbp"] ?? "?") to \(g["recipient"] ?? "?") [\(g["text"] ?? "")]")
            }
            // Figures.
            var goldFigureUsed = [Bool](repeating: false, count: a.figures.count)
            for f in out.figures {
                if let i = a.figures.indices.first(where: { !goldFigureUsed[$0] && Self.figureMatches(f, a.figures[$0], text: a.text) }) {
                    goldFigureUsed[i] = true; figures.truePositives += 1
                } else if a.optionalFigures.contains(where: { Self.figureMatches(f, $0, text: a.text) })
                            || (f.unit == .gbp && a.ambiguousMoney.contains(where: { Self.number($0["amount_gbp"]).map { abs($0 - f.value) < 0.005 } ?? false })) {
                    figures.neutral += 1
                } else {
                    figures.falsePositives += 1
                    figures.falseHits.append("\(a.file): figure \(f.value) \(f.unit.rawValue) [\(f.evidence.text)]")
                }
            }
            for (i, g) in a.figures.enumerated() where !goldFigureUsed[i] {
                figures.falseNegatives += 1
                figures.misses.append("\(a.file): figure \(g["value"] ?? "?") \(g["unit"] ?? "?") [\(g["text"] ?? "")]")
            }
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
