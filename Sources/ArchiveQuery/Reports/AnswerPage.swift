import Foundation
import ArchiveStore
import SQLite

/// One written question whole, as `archive show` prints it: heading, question, every version of
/// the answer with its date and kind, the figures and grants of the current one with their
/// evidence marked in its text, and the public page to cite.
public struct AnswerPage: Sendable {
    public struct Version: Sendable {
        public var kind: String
        public var date: String
        public var isCurrent: Bool
        public var answeringMember: String?
        public var text: String
    }

    /// A fact of the current version: what it says, and where its evidence lies in the text.
    public struct Fact: Sendable {
        public var summary: String
        public var evidence: String
        public var start: Int
        public var end: Int
    }

    public var uin: String
    public var house: String
    public var heading: String?
    public var dateTabled: String
    public var askingMember: String?
    public var answeringBody: String?
    public var question: String?
    public var url: String
    public var versions: [Version] = []
    public var grants: [Fact] = []
    public var figures: [Fact] = []

    /// The questions with this UIN (in one house, when given): UINs restart each session, so a UIN
    /// can name several.
    public static func load(_ archive: ReadableArchive, uin: String, house: String?) throws -> [AnswerPage] {
        let database = archive.database
        let questions = try database.rows("""
            SELECT q.id, q.uin, q.house, q.heading, q.date_tabled, coalesce(asker.name, q.asking_member_name), b.name, q.question_text, q.answer_id,
                   q.url
            FROM questions q
            LEFT JOIN members asker ON asker.id = q.asking_member_id
            LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
            WHERE q.uin = ? AND (? IS NULL OR lower(q.house) = lower(?))
            ORDER BY q.date_tabled, q.house
            """, [.text(uin), SQLiteValue(house), SQLiteValue(house)])
        return try questions.map { row in
            var page = AnswerPage(uin: row[1].textValue ?? uin, house: row[2].textValue ?? "", heading: row[3].textValue,
                                  dateTabled: row[4].textValue ?? "", askingMember: row[5].textValue, answeringBody: row[6].textValue,
                                  question: row[7].textValue, url: row[9].textValue ?? "")
            if let answerID = row[8].integerValue { try page.loadAnswer(answerID, database) }
            return page
        }
    }

    private mutating func loadAnswer(_ answerID: Int64, _ database: Database) throws {
        var currentID: Int64?
        for row in try database.rows("""
            SELECT v.id, v.kind, v.date_answered, v.is_current, m.name, v.text FROM answer_versions v
            LEFT JOIN members m ON m.id = v.answering_member_id WHERE v.answer_id = ? ORDER BY v.date_answered, v.id
            """, [.integer(answerID)]) {
            let isCurrent = row[3].integerValue == 1
            if isCurrent { currentID = row[0].integerValue }
            versions.append(Version(kind: row[1].textValue ?? "", date: row[2].textValue ?? "", isCurrent: isCurrent,
                                    answeringMember: row[4].textValue, text: row[5].textValue ?? ""))
        }
        guard let currentID else { return }
        grants = try database.rows("""
            SELECT r.name, g.amount_pence, g.financial_year, g.duration_months, g.project, m.evidence, m.evidence_start, m.evidence_end
            FROM grant_mentions m JOIN grants g ON g.id = m.grant_id JOIN organisations r ON r.id = g.recipient_id
            WHERE m.answer_version_id = ? ORDER BY m.evidence_start, m.id
            """, [.integer(currentID)]).map { row in
            var summary = NumberText.money(Double(row[1].integerValue ?? 0) / 100) + " to " + (row[0].textValue ?? "")
            if let year = row[2].textValue { summary += ", financial year \(year)" }
            if let months = row[3].integerValue { summary += ", over \(months) months" }
            if let project = row[4].textValue { summary += ", for \(project)" }
            return Fact(summary: summary, evidence: row[5].textValue ?? "", start: Int(row[6].integerValue ?? 0), end: Int(row[7].integerValue ?? 0))
        }
        figures = try database.rows("""
            SELECT value, unit, period, measure, evidence, evidence_start, evidence_end FROM figures
            WHERE answer_version_id = ? ORDER BY evidence_start, id
            """, [.integer(currentID)]).map { row in
            let value = row[0].integerValue.map(String.init) ?? row[0].doubleValue.flatMap(NumberText.raw) ?? ""
            var summary = value + " " + (row[1].textValue ?? "")
            if let measure = row[3].textValue { summary += " " + measure }
            if let period = row[2].textValue { summary += " (\(period))" }
            return Fact(summary: summary, evidence: row[4].textValue ?? "", start: Int(row[5].integerValue ?? 0), end: Int(row[6].integerValue ?? 0))
        }
    }

    /// The page as text: the current version's text with each grant's evidence in ⟦ ⟧ and each
    /// figure's in [ ], then the facts listed with their evidence.
    public func rendered() -> String {
        var lines = ["\(house) written question \(uin), tabled \(dateTabled)" + (heading.map { ": \($0)" } ?? "")]
        if let askingMember { lines.append("Asked by: \(askingMember)") }
        if let answeringBody { lines.append("Answering body: \(answeringBody)") }
        lines.append("Link: \(url)")
        if let question { lines += ["", "Question:", question] }
        if versions.isEmpty { lines += ["", "Not answered yet."] }
        for version in versions {
            lines += ["", "Answer (\(version.kind), \(version.date)\(version.isCurrent ? ", current" : "")\(version.answeringMember.map { ", by \($0)" } ?? "")):"]
            lines.append(version.isCurrent ? marked(version.text) : version.text)
        }
        if !grants.isEmpty {
            lines += ["", "Grants:"] + grants.map { "  \($0.summary) — “\($0.evidence)”" }
        }
        if !figures.isEmpty {
            lines += ["", "Figures:"] + figures.map { "  \($0.summary) — “\($0.evidence)”" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text with grant evidence in ⟦ ⟧ and figure evidence in [ ] (offsets count Unicode scalars).
    func marked(_ text: String) -> String {
        var opens: [Int: [String]] = [:], closes: [Int: [String]] = [:]
        for g in grants { opens[g.start, default: []].append("⟦"); closes[g.end, default: []].append("⟧") }
        for f in figures { opens[f.start, default: []].append("["); closes[f.end, default: []].append("]") }
        var out = String.UnicodeScalarView()
        for (i, scalar) in text.unicodeScalars.enumerated() {
            for mark in closes[i] ?? [] { out.append(contentsOf: mark.unicodeScalars) }
            for mark in opens[i] ?? [] { out.append(contentsOf: mark.unicodeScalars) }
            out.append(scalar)
        }
        for mark in closes[text.unicodeScalars.count] ?? [] { out.append(contentsOf: mark.unicodeScalars) }
        return String(out)
    }
}
