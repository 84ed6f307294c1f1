import ArchiveFacts
internal import SQLite

// Re-reading stored answer versions with a newer extractor: which versions are stale, what each
// one is read from, replacing its facts, and what changed, as a reviewer of an upgrade wants it.

/// A stored answer version and what extraction reads it from.
public struct StoredVersion: Sendable, Equatable {
    public var id: Int64
    public var text: String
    public var answeringBody: String?
    /// The question's text when it is whole (an excerpt is not read).
    public var question: String?
}

/// What replacing facts changed: statements counted as their content, so an unchanged fact is
/// neither added nor removed.
public struct FactsChange: Sendable, Equatable {
    public var versionsRead = 0
    public var figuresAdded = 0, figuresRemoved = 0
    public var mentionsAdded = 0, mentionsRemoved = 0

    public init() {}

    public static func + (a: FactsChange, b: FactsChange) -> FactsChange {
        var sum = a
        sum.versionsRead += b.versionsRead
        sum.figuresAdded += b.figuresAdded
        sum.figuresRemoved += b.figuresRemoved
        sum.mentionsAdded += b.mentionsAdded
        sum.mentionsRemoved += b.mentionsRemoved
        return sum
    }
}

/// The archive's grants and funding totals at one moment, to compare before and after.
public struct FundingSnapshot: Sendable, Equatable {
    /// Each grant by what it is: recipient key, amount, duration, financial year, rate.
    public var grants: Set<String>
    /// Total by recipient, in pence, from `funding_by_recipient`.
    public var totals: [String: Int64]
}

extension Archive {
    /// How many answer versions were read by another extractor than `current` (or by none recorded).
    static func staleVersionCount(in database: Database, current: Int) throws -> Int {
        Int(try database.scalar("SELECT count(*) FROM answer_versions WHERE extractor_version IS NOT ?", [SQLiteValue(current)])?.integerValue ?? 0)
    }
}

extension ArchiveWriter {
    /// How many answer versions were read by another extractor than `current` (or by none recorded).
    public func staleVersionCount(current: Int) throws -> Int {
        try Archive.staleVersionCount(in: database, current: current)
    }

    /// How many answer versions the archive holds.
    public func versionCount() throws -> Int {
        Int(try database.scalar("SELECT count(*) FROM answer_versions")?.integerValue ?? 0)
    }

    /// The next `limit` versions after `afterID`, in storage order: the stale ones, or all with `all`.
    public func versionsToRead(after afterID: Int64, current: Int, all: Bool, limit: Int) throws -> [StoredVersion] {
        try statement("""
            SELECT v.id, v.text, b.name, CASE WHEN q.question_text_is_truncated THEN NULL ELSE q.question_text END
            FROM answer_versions v
            LEFT JOIN questions q ON q.id = (SELECT min(id) FROM questions WHERE answer_id = v.answer_id)
            LEFT JOIN answering_bodies b ON b.id = q.answering_body_id
            WHERE v.id > ? AND (? OR v.extractor_version IS NOT ?)
            ORDER BY v.id LIMIT ?
            """).rows([.integer(afterID), SQLiteValue(all), SQLiteValue(current), SQLiteValue(limit)]).map { row in
            StoredVersion(id: row[0].integerValue ?? 0, text: row[1].textValue ?? "", answeringBody: row[2].textValue, question: row[3].textValue)
        }
    }

    /// Replaces a version's figures and grant statements with `facts`, read by extractor `version`;
    /// returns the grants named before or after, to settle once per batch.
    public func replaceFacts(of stored: StoredVersion, with facts: ExtractedFacts, version: Int) throws -> (FactsChange, Set<Int64>) {
        let oldFigures = try contents(Self.figureContents, stored.id)
        let oldMentions = try contents(Self.mentionContents, stored.id)
        var named = try removeFacts(of: stored.id)
        named.formUnion(try storeFacts(facts, versionID: stored.id, answeringBody: stored.answeringBody))
        try run("UPDATE answer_versions SET extractor_version = ? WHERE id = ?", [SQLiteValue(version), .integer(stored.id)])
        var change = FactsChange()
        change.versionsRead = 1
        // Read back with the same query, so only a real change counts (not how a value is spelt).
        let newFigures = try contents(Self.figureContents, stored.id)
        (change.figuresAdded, change.figuresRemoved) = Self.difference(old: oldFigures, new: newFigures)
        let newMentions = try contents(Self.mentionContents, stored.id)
        (change.mentionsAdded, change.mentionsRemoved) = Self.difference(old: oldMentions, new: newMentions)
        return (change, named)
    }

    /// Settles the grants a batch of replacements named (see `settle(grants:)`).
    public func settleGrants(_ ids: Set<Int64>) throws {
        try settle(grants: ids)
    }

    /// The grants and funding totals now.
    public func fundingSnapshot() throws -> FundingSnapshot {
        let grants = try database.rows("""
            SELECT r.key || '|' || g.amount_pence || '|' || coalesce(g.duration_months, '') || '|' || coalesce(g.financial_year, '')
                || '|' || coalesce(g.rate, '')
            FROM grants g JOIN organisations r ON r.id = g.recipient_id
            """).compactMap { $0[0].textValue }
        var totals: [String: Int64] = [:]
        for row in try database.rows("SELECT name, total_gbp FROM funding_by_recipient") {
            if let name = row[0].textValue { totals[name] = Int64(((row[1].doubleValue ?? 0) * 100).rounded()) }
        }
        return FundingSnapshot(grants: Set(grants), totals: totals)
    }

    // What a version's figures and grant statements say, field by field, to compare before and after.
    private static let figureContents = """
        SELECT value, unit, qualifier, kind, direction, period, measure, exploitation_type, population, is_nrm_referrals,
            evidence_start, evidence_end FROM figures WHERE answer_version_id = ?
        """
    private static let mentionContents = """
        SELECT r.key, g.amount_pence, g.duration_months, g.financial_year, g.rate, m.project, m.programme, m.qualifier,
            m.evidence_start, m.evidence_end
        FROM grant_mentions m JOIN grants g ON g.id = m.grant_id JOIN organisations r ON r.id = g.recipient_id
        WHERE m.answer_version_id = ?
        """

    /// Each row of a query on one version as one string of its columns.
    private func contents(_ sql: String, _ versionID: Int64) throws -> [String] {
        try statement(sql).rows([.integer(versionID)]).map { row in
            row.map { value -> String in
                switch value {
                case .null: return ""
                case .integer(let i): return String(i)
                case .real(let d): return String(d)
                case .text(let t): return t
                case .blob: return ""
                }
            }.joined(separator: "\u{1F}")
        }
    }

    /// How many of `new` are not in `old`, and of `old` not in `new`, counting repeats.
    static func difference(old: [String], new: [String]) -> (added: Int, removed: Int) {
        var counts: [String: Int] = [:]
        for o in old { counts[o, default: 0] += 1 }
        var added = 0
        for n in new {
            if let c = counts[n], c > 0 { counts[n] = c - 1 } else { added += 1 }
        }
        return (added, counts.values.reduce(0, +))
    }
}
