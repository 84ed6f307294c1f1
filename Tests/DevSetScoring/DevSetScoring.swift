// Scoring against the hand-labelled development set (Tests/Fixtures/dev-set), shared by the
// extraction unit harness (extractor on each answer's text) and the end-to-end harness (what an
// ingest of the dev-set inputs lands in the database). It matches predicted grants and figures
// with the gold labels and reports precision, recall and F1 with every miss and false hit named.
import ArchiveExtraction
import Foundation

/// A grant found in an answer, in terms both harnesses can give.
public struct PredictedGrant: Sendable {
    public var amountPence: Int64
    public var recipient: String
    public var evidence: String
    public init(amountPence: Int64, recipient: String, evidence: String) {
        self.amountPence = amountPence
        self.recipient = recipient
        self.evidence = evidence
    }
}

/// A figure found in an answer; offsets are Unicode scalars into the text that was scored.
public struct PredictedFigure: Sendable {
    public var value: Double
    public var unit: String
    public var start: Int
    public var end: Int
    public var evidence: String
    public init(value: Double, unit: String, start: Int, end: Int, evidence: String) {
        self.value = value
        self.unit = unit
        self.start = start
        self.end = end
        self.evidence = evidence
    }
}

/// One labelled answer of the development set.
public struct DevSetAnswer {
    /// The set the answer belongs to ("dev-set", "dev-set-2").
    public var set: String
    public var file: String
    /// The set and file together, as misses and false hits name the answer: "dev-set-2/101.json".
    public var name: String { "\(set)/\(file)" }
    public var text: String
    public var questionText: String?
    public var answeringBody: String?
    public var grants: [[String: Any]]
    public var figures: [[String: Any]]
    public var ambiguousMoney: [[String: Any]]
    public var optionalFigures: [[String: Any]]
}

/// Counts and named errors for one kind of item.
public struct DevSetScore: CustomStringConvertible {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public var neutral = 0
    public var misses: [String] = []
    public var falseHits: [String] = []

    public init() {}

    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var description: String {
        String(format: "P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d neutral=%d)", precision, recall, f1,
               truePositives, falsePositives, falseNegatives, neutral)
    }

    /// Prints the score and every miss and false hit under `title`.
    public func report(_ title: String) {
        print("\(title) \(self)")
        for miss in misses { print("  MISS  \(miss)") }
        for hit in falseHits { print("  FALSE \(hit)") }
    }
}

/// The development set: answers, gold labels, and the scorer.
public enum DevSet {
    /// The labelled sets under Tests/Fixtures, in the order they are reported.
    public static let sets = ["dev-set", "dev-set-2"]

    /// Tests/Fixtures, found from this source file.
    public static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }

    /// Tests/Fixtures/dev-set, the first set.
    public static var directory: URL { fixtures.appendingPathComponent(sets[0]) }

    /// Every labelled answer of every set, set by set.
    public static func allAnswers() throws -> [DevSetAnswer] {
        try sets.flatMap { try answers(from: fixtures.appendingPathComponent($0)) }
    }

    /// Every labelled answer of the set in `dir`, with its gold labels.
    public static func answers(from dir: URL = directory) throws -> [DevSetAnswer] {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("gold.json"))) as! [String: Any]
        return try (gold["labels"] as! [[String: Any]]).map { label in
            let file = label["file"] as! String
            let answer = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("answers/\(file)"))) as! [String: Any]
            return DevSetAnswer(set: dir.lastPathComponent, file: file, text: answer["answer_text"] as? String ?? "",
                                questionText: answer["question_text"] as? String,
                                answeringBody: answer["answering_body"] as? String,
                                grants: label["grants"] as? [[String: Any]] ?? [],
                                figures: label["figures"] as? [[String: Any]] ?? [],
                                ambiguousMoney: label["ambiguous_money"] as? [[String: Any]] ?? [],
                                optionalFigures: label["optional_figures"] as? [[String: Any]] ?? [])
        }
    }

    /// The UIN and house each input file was given (inputs/keys.json).
    public static func keys(from dir: URL = directory) throws -> [String: (uin: String, house: String)] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("inputs/keys.json"))) as! [String: [String: String]]
        return object.compactMapValues { entry in entry["uin"].flatMap { uin in entry["house"].map { (uin, $0) } } }
    }

    /// Adds to `grants` and `figures` the score of what was found in one answer, whose text (the
    /// one the offsets count into) is `text`.
    public static func score(_ answer: DevSetAnswer, text: String, grants found: [PredictedGrant], figures foundFigures: [PredictedFigure],
                             grants: inout DevSetScore, figures: inout DevSetScore) {
        var goldGrantUsed = [Bool](repeating: false, count: answer.grants.count)
        for g in found {
            if let i = answer.grants.indices.first(where: { !goldGrantUsed[$0] && grantMatches(g, amountGBP: number(answer.grants[$0]["amount_gbp"]), recipient: answer.grants[$0]["recipient"] as? String) }) {
                goldGrantUsed[i] = true
                grants.truePositives += 1
            } else if answer.ambiguousMoney.contains(where: { grantMatches(g, amountGBP: number($0["amount_gbp"]), recipient: nil) }) {
                grants.neutral += 1
            } else {
                grants.falsePositives += 1
                grants.falseHits.append("\(answer.name): grant £\(Double(g.amountPence) / 100) to \(g.recipient) [\(g.evidence)]")
            }
        }
        for (i, g) in answer.grants.enumerated() where !goldGrantUsed[i] {
            grants.falseNegatives += 1
            grants.misses.append("\(answer.name): grant \(g["amount_gbp"] ?? "?") to \(g["recipient"] ?? "?") [\(g["text"] ?? "")]")
        }
        var goldFigureUsed = [Bool](repeating: false, count: answer.figures.count)
        for f in foundFigures {
            if let i = answer.figures.indices.first(where: { !goldFigureUsed[$0] && figureMatches(f, answer.figures[$0], text: text) }) {
                goldFigureUsed[i] = true
                figures.truePositives += 1
            } else if answer.optionalFigures.contains(where: { figureMatches(f, $0, text: text) })
                        || (f.unit == "gbp" && answer.ambiguousMoney.contains(where: { number($0["amount_gbp"]).map { abs($0 - f.value) < 0.005 } ?? false })) {
                figures.neutral += 1
            } else {
                figures.falsePositives += 1
                figures.falseHits.append("\(answer.name): figure \(f.value) \(f.unit) [\(f.evidence)]")
            }
        }
        for (i, g) in answer.figures.enumerated() where !goldFigureUsed[i] {
            figures.falseNegatives += 1
            figures.misses.append("\(answer.name): figure \(g["value"] ?? "?") \(g["unit"] ?? "?") [\(g["text"] ?? "")]")
        }
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

    /// Gold units "gbp_per_week" and the like are gbp.
    static func unit(_ gold: String?) -> String? {
        guard let g = gold else { return nil }
        return g.hasPrefix("gbp") ? "gbp" : g
    }

    static func number(_ v: Any?) -> Double? { (v as? NSNumber)?.doubleValue }

    /// Same value and unit, and the evidence overlaps the gold text where the text contains it.
    static func figureMatches(_ f: PredictedFigure, _ gold: [String: Any], text: String) -> Bool {
        guard let v = number(gold["value"]), abs(v - f.value) < 1e-6, unit(gold["unit"] as? String) == f.unit else { return false }
        guard let goldText = gold["text"] as? String else { return true }
        let places = occurrences(of: goldText, in: text)
        if places.isEmpty { return true }
        return places.contains { $0.overlaps(f.start..<f.end) }
    }

    /// Same amount, and recipients whose folded names contain one another.
    static func grantMatches(_ g: PredictedGrant, amountGBP: Double?, recipient: String?) -> Bool {
        guard let a = amountGBP, Int64((a * 100).rounded()) == g.amountPence else { return false }
        guard let r = recipient else { return true }
        let k1 = OrganisationName.key(r), k2 = OrganisationName.key(g.recipient)
        return !k1.isEmpty && !k2.isEmpty && (k1.contains(k2) || k2.contains(k1))
    }
}
