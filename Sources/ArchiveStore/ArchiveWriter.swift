import ArchiveFacts
package import SQLite

/// What storing one record changed.
public struct RecordOutcome: Sendable, Equatable {
    /// The question was not in the archive before.
    public var questionIsNew = false
    /// The question was known and some of its fields changed.
    public var questionWasUpdated = false
    /// Answer versions added.
    public var versionsAdded = 0

    public init() {}
}

/// Writes question records into the archive's tables: the one place that does.
///
/// Keeps its prepared statements for the whole run. Callers wrap each input file in one
/// `transaction`, so a file lands whole or not at all.
public final class ArchiveWriter {
    private let archive: WritableArchive
    /// The connection written to.
    package var database: Database { archive.database }
    private var statements: [StatementKey: Statement] = [:]
    /// The figures' INSERT text by its number of rows (FactsWriter).
    var figuresInsertSQLByRows: [Int: String] = [:]
    /// The extractor version that reads the facts stored (Extractor.version), recorded with each
    /// answer version; nil records them as stale.
    public var extractorVersion: Int?
    /// The first question inserted since the search rows were last written (`indexNewQuestions`).
    private var unindexedFrom: Int64?
    /// Each member as last written, so the same member given again is not written again (two an
    /// answer, nearly always unchanged). Forgotten when a transaction rolls back: its rows are gone.
    private var membersWritten: [Int: Member] = [:]

    /// A writer on an archive open for writing.
    public init(archive: WritableArchive) {
        self.archive = archive
    }

    /// A writer on an open, migrated connection.
    package convenience init(database: Database) {
        self.init(archive: WritableArchive(database: database))
    }

    /// Runs `body` in one transaction of the archive written to (`WritableArchive.transaction`),
    /// writing the search rows of the questions it added just before it commits.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        do {
            return try archive.transaction {
                let result = try body()
                try indexNewQuestions()
                return result
            }
        } catch {
            // Rolled back: those questions and members are gone.
            unindexedFrom = nil
            membersWritten.removeAll()
            throw error
        }
    }

    /// Writes the search rows of the questions inserted since the last call, in one statement:
    /// FTS5 flushes its pending terms at every statement's savepoint, so a row per statement would
    /// cost an index segment per question (migrations/0010_search_rows_in_one_statement.sql). A
    /// row a trigger already wrote (the question changed after it was inserted) is kept.
    func indexNewQuestions() throws {
        guard let from = unindexedFrom else { return }
        unindexedFrom = nil
        try run("""
            INSERT INTO search(rowid, heading, question_text, answer_text)
            SELECT q.id, q.heading, q.question_text,
                   (SELECT v.text FROM answer_versions v WHERE v.answer_id = q.answer_id AND v.is_current)
            FROM questions q WHERE q.id >= ?1 AND q.id NOT IN (SELECT rowid FROM search WHERE rowid >= ?1)
            """, [.integer(from)])
    }

    // Prepared once per run and reused: preparing is a large share of a small write.
    func statement(_ sql: String) throws -> Statement {
        let key = StatementKey(sql: sql)
        if let cached = statements[key] { return cached }
        let prepared = try database.prepare(sql)
        statements[key] = prepared
        return prepared
    }

    func run(_ sql: String, _ values: [SQLiteValue]) throws {
        try statement(sql).run(values)
    }

    func firstRow(_ sql: String, _ values: [SQLiteValue]) throws -> [SQLiteValue]? {
        let prepared = try statement(sql)
        try prepared.bind(values)
        let row = try prepared.step()?.values
        prepared.reset()
        return row
    }

    func insert(_ sql: String, _ values: [SQLiteValue]) throws -> Int64 {
        try run(sql, values)
        return database.lastInsertRowID
    }

    // MARK: - Runs and sources

    /// Starts a run; returns its id.
    public func beginRun(at moment: String = Timestamp.now()) throws -> Int64 {
        try insert("INSERT INTO ingest_runs (started_at) VALUES (?)", [.text(moment)])
    }

    /// Records the end of a run and its counts.
    public func finishRun(_ id: Int64, counts: RunCounts, failed: Bool = false, at moment: String = Timestamp.now()) throws {
        let outcome = failed ? "failed" : counts.filesRejected > 0 ? "rejections" : "ok"
        try run("""
            UPDATE ingest_runs SET ended_at = ?, outcome = ?, files_seen = ?, files_skipped = ?, files_ingested = ?,
                files_rejected = ?, questions_new = ?, questions_updated = ?, versions_added = ? WHERE id = ?
            """, [.text(moment), .text(outcome), SQLiteValue(counts.filesSeen), SQLiteValue(counts.filesSkipped),
                  SQLiteValue(counts.filesIngested), SQLiteValue(counts.filesRejected), SQLiteValue(counts.questionsNew),
                  SQLiteValue(counts.questionsUpdated), SQLiteValue(counts.versionsAdded), .integer(id)])
    }

    /// What an earlier file with this SHA-256 came to, or nil if none was seen.
    public func sourceStatus(sha256: String) throws -> SourceStatus? {
        try firstRow(SourceStatus.lookupSQL, [.text(sha256)]).map(SourceStatus.init(row:))
    }

    /// Records a file as read; returns its source id. A file seen before (same hash) is updated.
    public func recordSource(path: String, sizeBytes: Int, sha256: String, format: String?, error: String?,
                             runID: Int64, at moment: String = Timestamp.now()) throws -> Int64 {
        let row = try firstRow("""
            INSERT INTO sources (path, size_bytes, sha256, format, status, error, ingest_run_id, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sha256) DO UPDATE SET path = excluded.path, format = excluded.format, status = excluded.status,
                error = excluded.error, ingest_run_id = excluded.ingest_run_id, recorded_at = excluded.recorded_at
            RETURNING id
            """, [.text(path), SQLiteValue(sizeBytes), .text(sha256), SQLiteValue(format),
                  .text(error == nil ? "ingested" : "rejected"), SQLiteValue(error), .integer(runID), .text(moment)])
        guard let id = row?.first?.integerValue else {
            throw StoreError.rowNotReturned(table: "sources")
        }
        return id
    }

    // MARK: - Records

    /// Stores one record read from source `sourceID`. New answer versions get their figures and
    /// grants from `extract`, called once per new version with its text and answering body name.
    /// Called within `transaction`, a new question's search row is written when it ends.
    public func store(_ record: QuestionRecord, sourceID: Int64,
                      extract: (_ text: String, _ answeringBody: String?, _ question: String?) throws -> ExtractedFacts) throws -> RecordOutcome {
        var outcome = RecordOutcome()
        let bodyID = try record.answeringBody.map(answeringBodyID)
        for member in [record.askingMember] + record.answerVersions.flatMap({ [$0.answeringMember, $0.correctingMember] }) {
            if let member { try upsert(member) }
        }
        let known = try findQuestion(record)
        let questionID = known?.id
        var answerID = known?.answerID
        if let questionID {
            outcome.questionWasUpdated = try update(questionID: questionID, with: record, bodyID: bodyID)
        }
        var answerIsNew = false
        if answerID == nil, let newest = record.answerVersions.last {
            var id = try sharedGroupAnswer(for: record, questionID: questionID ?? -1, text: newest.text)
            if id == nil {
                id = try insert("INSERT INTO answers (date_holding_answer) VALUES (NULL)", [])
                answerIsNew = true
            }
            if let questionID, let id { try run("UPDATE questions SET answer_id = ? WHERE id = ?", [.integer(id), .integer(questionID)]) }
            answerID = id
        }
        if let answerID {
            try storeVersions(of: record, answerID: answerID, answerIsNew: answerIsNew, sourceID: sourceID,
                              extract: extract, outcome: &outcome)
        }
        // A new question is inserted after its answer's versions, so their triggers have no search
        // row to rewrite; its row is written once, at the end of the transaction (indexNewQuestions).
        let id: Int64
        if let questionID {
            id = questionID
        } else {
            id = try insertQuestion(record, bodyID: bodyID, answerID: answerID)
            outcome.questionIsNew = true
        }
        for grouped in record.groupedQuestions {
            try run("INSERT INTO grouped_questions (question_id, grouped_uin, grouped_date_tabled) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET grouped_date_tabled = coalesce(excluded.grouped_date_tabled, grouped_date_tabled)",
                    [.integer(id), .text(grouped.uin), SQLiteValue(grouped.dateTabled)])
        }
        for attachment in record.attachments {
            try run("""
                INSERT INTO attachments (question_id, url, title, file_type, file_size_bytes) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (question_id, url) DO UPDATE SET title = excluded.title, file_type = excluded.file_type,
                    file_size_bytes = excluded.file_size_bytes
                """, [.integer(id), .text(attachment.url), SQLiteValue(attachment.title),
                      SQLiteValue(attachment.fileType), SQLiteValue(attachment.fileSizeBytes)])
        }
        return outcome
    }

    /// Adds the record's answer versions that the answer does not have yet, with their figures and
    /// grants, and elects the current one.
    private func storeVersions(of record: QuestionRecord, answerID: Int64, answerIsNew: Bool, sourceID: Int64,
                               extract: (_ text: String, _ answeringBody: String?, _ question: String?) throws -> ExtractedFacts,
                               outcome: inout RecordOutcome) throws {
        if let holding = record.dateHoldingAnswer {
            try run("UPDATE answers SET date_holding_answer = ? WHERE id = ? AND date_holding_answer IS NOT ?",
                    [.text(holding), .integer(answerID), .text(holding)])
        }
        var removedVersions = false
        var orphanCandidates: [Int64] = []
        // Read once per record and kept up to date below, so each stored text is keyed once.
        var existing = answerIsNew ? [] : try versions(of: answerID)
        // The one version of a new answer is its current one: stored so, with no election after.
        let onlyVersion = existing.isEmpty && record.answerVersions.count == 1
        for version in record.answerVersions {
            let (key, isStored) = Self.compare(version.text, with: &existing)
            if isStored { continue }
            if version.isTruncated {
                // An excerpt stands in only while nothing better is known.
                if !existing.isEmpty { continue }
            } else {
                for standIn in existing where standIn.isTruncated {
                    orphanCandidates += try statement("SELECT grant_id FROM grant_mentions WHERE answer_version_id = ?")
                        .rows([.integer(standIn.id)]).compactMap { $0[0].integerValue }
                    try run("DELETE FROM answer_versions WHERE id = ?", [.integer(standIn.id)])
                    removedVersions = true
                }
                existing.removeAll { $0.isTruncated }
            }
            let versionID = try insert("""
                INSERT INTO answer_versions (answer_id, kind, date_answered, answering_member_id, correcting_member_id,
                    html, text, is_truncated, is_current, source_id, extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(answerID), .text(version.kind.rawValue), .text(version.date),
                      SQLiteValue(version.answeringMember?.id), SQLiteValue(version.correctingMember?.id),
                      SQLiteValue(version.html), .text(version.text), SQLiteValue(version.isTruncated), SQLiteValue(onlyVersion),
                      .integer(sourceID), SQLiteValue(extractorVersion)])
            outcome.versionsAdded += 1
            existing.append(KnownVersion(id: versionID, text: version.text, isTruncated: version.isTruncated, key: key))
            // A question cut short by a list response would give different names to the discourse.
            let question = record.questionTextIsTruncated ? nil : record.questionText
            let facts = try extract(version.text, record.answeringBody?.name, question)
            try storeFacts(facts, versionID: versionID, answeringBody: record.answeringBody?.name)
        }
        // A grant stated only by a removed excerpt is no longer stated anywhere.
        if !orphanCandidates.isEmpty { try settle(grants: Set(orphanCandidates)) }
        if (outcome.versionsAdded > 0 && !onlyVersion) || removedVersions {
            try electCurrentVersion(of: answerID)
        }
    }

    // MARK: - Questions

    private struct KnownQuestion { var id: Int64; var answerID: Int64? }

    private func findQuestion(_ record: QuestionRecord) throws -> KnownQuestion? {
        if let apiID = record.apiID,
           let row = try firstRow("SELECT id, answer_id FROM questions WHERE api_id = ?", [SQLiteValue(apiID)]),
           let id = row[0].integerValue {
            return KnownQuestion(id: id, answerID: row[1].integerValue)
        }
        if let row = try firstRow("SELECT id, answer_id FROM questions WHERE house = ? AND date_tabled = ? AND uin = ?",
                                  [.text(record.house.rawValue), .text(record.dateTabled), .text(record.uin)]),
           let id = row[0].integerValue {
            return KnownQuestion(id: id, answerID: row[1].integerValue)
        }
        return nil
    }

    private func insertQuestion(_ record: QuestionRecord, bodyID: Int64?, answerID: Int64?) throws -> Int64 {
        let row = QuestionRow(record, answeringBodyID: bodyID, answerID: answerID)
        let id = try insert(QuestionRow.columns.insertSQL, QuestionRow.columns.values(of: row))
        if unindexedFrom == nil { unindexedFrom = id }
        // Outside a transaction there is no end to wait for.
        if database.isAutocommit { try indexNewQuestions() }
        return id
    }

    /// Merges what `record` says into the stored question (`QuestionRow.merged`); true when
    /// that changed it.
    private func update(questionID: Int64, with record: QuestionRecord, bodyID: Int64?) throws -> Bool {
        let columns = QuestionRow.columns
        guard let values = try firstRow(columns.selectByIDSQL, [.integer(questionID)]) else { return false }
        let stored = columns.row(from: values, into: QuestionRow())
        let merged = stored.merged(with: QuestionRow(record, answeringBodyID: bodyID, answerID: stored.answerID))
        guard merged != stored else { return false }
        try run(columns.updateByIDSQL, columns.values(of: merged) + [.integer(questionID)])
        return true
    }

    /// The answer of a question answered together with this one, when its current text is this text.
    private func sharedGroupAnswer(for record: QuestionRecord, questionID: Int64, text: String) throws -> Int64? {
        var candidates: [Int64] = []
        for grouped in record.groupedQuestions {
            let rows = try statement("SELECT answer_id FROM questions WHERE house = ? AND uin = ? AND (?3 IS NULL OR date_tabled = ?3) AND answer_id IS NOT NULL")
                .rows([.text(record.house.rawValue), .text(grouped.uin), SQLiteValue(grouped.dateTabled)])
            candidates += rows.compactMap { $0[0].integerValue }
        }
        // The group may have been recorded from the other side: a stored question that lists this one.
        let listing = try statement("""
            SELECT q.answer_id FROM grouped_questions g JOIN questions q ON q.id = g.question_id
            WHERE g.grouped_uin = ? AND q.house = ? AND q.id != ? AND q.answer_id IS NOT NULL
            """).rows([.text(record.uin), .text(record.house.rawValue), .integer(questionID)])
        candidates += listing.compactMap { $0[0].integerValue }
        // Keyed only when there is something to compare it with: most questions have no group stored.
        guard !candidates.isEmpty else { return nil }
        let key = Self.comparisonKey(text)
        for candidate in candidates {
            var stored = try versions(of: candidate)
            Self.keyEach(&stored)
            if stored.contains(where: { $0.key == key }) { return candidate }
        }
        return nil
    }

    // MARK: - Answer versions

    // A stored version; its comparison key is worked out only when there is something to compare,
    // and then once (`keyEach`), however many new versions are compared with it.
    private struct KnownVersion {
        var id: Int64
        var text: String
        var isTruncated: Bool
        var key: String?
    }

    private static func keyEach(_ versions: inout [KnownVersion]) {
        for k in versions.indices where versions[k].key == nil { versions[k].key = comparisonKey(versions[k].text) }
    }

    /// The comparison key of `text` and whether one of `existing` has it; no key when there is
    /// nothing to compare with (most answers are new).
    private static func compare(_ text: String, with existing: inout [KnownVersion]) -> (key: String?, isStored: Bool) {
        guard !existing.isEmpty else { return (nil, false) }
        let key = comparisonKey(text)
        keyEach(&existing)
        return (key, existing.contains { $0.key == key })
    }

    private func versions(of answerID: Int64) throws -> [KnownVersion] {
        try statement("SELECT id, text, is_truncated FROM answer_versions WHERE answer_id = ?").rows([.integer(answerID)]).map {
            KnownVersion(id: $0[0].integerValue ?? 0, text: $0[1].textValue ?? "", isTruncated: $0[2] == .integer(1))
        }
    }

    /// Two texts are the same answer when they differ only in spacing, punctuation and list marks:
    /// the same answer reaches the archive as HTML and as a saved page.
    static func comparisonKey(_ text: String) -> String {
        // Kept as UTF-8 bytes and made a String once: appending scalar by scalar to a String
        // cost more than everything else about comparing two answers.
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                // Most answer text is ASCII: test it without a Unicode property lookup.
                let byte = UInt8(scalar.value)
                if (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7a) { key.append(byte) }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                key.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Makes current the full version given last: latest date, then correction over substantive
    /// over holding, then the one stored last.
    private func electCurrentVersion(of answerID: Int64) throws {
        guard let row = try firstRow("""
            SELECT id FROM answer_versions WHERE answer_id = ?
            ORDER BY is_truncated, date_answered DESC,
                CASE kind WHEN 'correction' THEN 2 WHEN 'substantive' THEN 1 ELSE 0 END DESC, id DESC LIMIT 1
            """, [.integer(answerID)]), let current = row[0].integerValue else { return }
        // Cleared first: the partial unique index allows one current version at any moment.
        try run("UPDATE answer_versions SET is_current = 0 WHERE answer_id = ? AND is_current AND id != ?", [.integer(answerID), .integer(current)])
        try run("UPDATE answer_versions SET is_current = 1 WHERE id = ? AND NOT is_current", [.integer(current)])
    }

    // MARK: - Bodies and members

    private func answeringBodyID(_ body: AnsweringBody) throws -> Int64 {
        if let apiID = body.apiID,
           let row = try firstRow("SELECT id FROM answering_bodies WHERE api_id = ?", [SQLiteValue(apiID)]),
           let id = row[0].integerValue {
            return id
        }
        guard let row = try firstRow("""
            INSERT INTO answering_bodies (api_id, name) VALUES (?, ?)
            ON CONFLICT (name) DO UPDATE SET api_id = coalesce(api_id, excluded.api_id) RETURNING id
            """, [SQLiteValue(body.apiID), .text(body.name)]), let id = row[0].integerValue else {
            throw StoreError.rowNotReturned(table: "answering_bodies")
        }
        return id
    }

    private func upsert(_ member: Member) throws {
        // Writing the same values again would change nothing (each field is the given one or the stored one).
        if membersWritten[member.id] == member { return }
        try run("""
            INSERT INTO members (id, name, list_as, party, party_abbreviation, member_from, thumbnail_url)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = coalesce(excluded.name, name), list_as = coalesce(excluded.list_as, list_as),
                party = coalesce(excluded.party, party), party_abbreviation = coalesce(excluded.party_abbreviation, party_abbreviation),
                member_from = coalesce(excluded.member_from, member_from), thumbnail_url = coalesce(excluded.thumbnail_url, thumbnail_url)
            WHERE excluded.name IS NOT NULL OR excluded.list_as IS NOT NULL OR excluded.party IS NOT NULL
            """, [SQLiteValue(member.id), SQLiteValue(member.name), SQLiteValue(member.listAs), SQLiteValue(member.party),
                  SQLiteValue(member.partyAbbreviation), SQLiteValue(member.memberFrom), SQLiteValue(member.thumbnailURL)])
        membersWritten[member.id] = member
    }
}

/// A statement's SQL as the cache's key: compared whole, but hashed by its length and last bytes
/// only. Hashing every byte of every statement's text, a dozen times an answer, was a visible share
/// of the writer; statements of one length that end alike are rare and still told apart.
private struct StatementKey: Hashable {
    let sql: String

    static func == (a: StatementKey, b: StatementKey) -> Bool { a.sql == b.sql }

    func hash(into hasher: inout Hasher) {
        var sql = sql
        // One run of bytes, not a combine per byte (which cost more than the lookup saved).
        sql.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.suffix(24))))
        }
    }
}
