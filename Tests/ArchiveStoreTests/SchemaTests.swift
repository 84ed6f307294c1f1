import Testing
@testable import ArchiveStore
import SQLite

/// A migrated in-memory archive with one answered question.
func archiveWithOneAnswer() throws -> Database {
    let db = try Database.inMemory()
    try Migrator().migrate(db)
    try db.execute("""
        INSERT INTO ingest_runs (id, started_at) VALUES (1, '2024-10-18T00:00:00Z');
        INSERT INTO sources (id, path, size_bytes, sha256, format, status, ingest_run_id, recorded_at)
            VALUES (1, 'seed.txt', 10, '\(String(repeating: "a", count: 64))', 'page-text', 'ingested', 1, '2024-10-18T00:00:00Z');
        INSERT INTO answering_bodies (id, name) VALUES (1, 'Home Office');
        INSERT INTO answers (id) VALUES (1);
        INSERT INTO questions (id, uin, house, date_tabled, heading, question_text, answering_body_id, answer_id)
            VALUES (1, '7814', 'Commons', '2024-10-08', 'Human Trafficking: Prostitution', 'what steps to reduce demand', 1, 1);
        INSERT INTO answer_versions (id, answer_id, kind, date_answered, text, is_truncated, is_current, source_id)
            VALUES (1, 1, 'substantive', '2024-10-17', 'We are providing funding to Changing Lives.', 0, 1, 1);
        """)
    return db
}

func searchHits(_ db: Database, _ query: String) throws -> [Int64] {
    try db.rows("SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid", [.text(query)]).compactMap { $0[0].integerValue }
}

@Suite struct SchemaTests {
    @Test func theSchemaHasTheArchiveTablesAndViews() throws {
        let db = try Database.inMemory()
        try Migrator().migrate(db)
        let names = Set(try db.rows("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").compactMap { $0[0].textValue })
        for name in ["answering_bodies", "members", "questions", "answers", "answer_versions", "figures", "organisations",
                     "organisation_names", "grants", "grant_mentions", "sources", "ingest_runs", "search",
                     "grouped_questions", "attachments", "funding_by_recipient", "referral_trends", "question_answers"] {
            #expect(names.contains(name), "missing \(name)")
        }
    }

    @Test func foreignKeysAreEnforced() throws {
        let db = try archiveWithOneAnswer()
        #expect { try db.run("INSERT INTO answer_versions (answer_id, kind, date_answered, text, is_truncated, is_current, source_id) VALUES (99, 'substantive', '2024-01-01', 'x', 0, 0, 1)") }
            throws: { ResultCode.constraintForeignKey ~= $0 }
        #expect(throws: SQLiteError.self) { try db.run("DELETE FROM sources WHERE id = 1") }
    }

    @Test(arguments: [
        "UPDATE questions SET house = 'Senate'",
        "UPDATE questions SET date_tabled = '8 October 2024'",
        "UPDATE questions SET date_tabled = '2024-02-30'",
        "UPDATE answer_versions SET kind = 'draft'",
        "INSERT INTO answer_versions (answer_id, kind, date_answered, text, is_truncated, is_current, source_id) VALUES (1, 'correction', '2024-10-20', 'y', 0, 1, 1)",
        "INSERT INTO figures (answer_version_id, value, unit, kind, evidence, evidence_start, evidence_end) VALUES (1, 1, 'apples', 'level', 'x', 0, 1)",
        "INSERT INTO figures (answer_version_id, value, unit, kind, evidence, evidence_start, evidence_end) VALUES (1, 1, 'Count', 'level', 'x', 0, 1)",
        "INSERT INTO figures (answer_version_id, value, unit, qualifier, kind, evidence, evidence_start, evidence_end) VALUES (1, 1, 'count', 'roughly', 'level', 'x', 0, 1)",
        "INSERT INTO figures (answer_version_id, value, unit, qualifier, kind, evidence, evidence_start, evidence_end) VALUES (1, 1, 'count', '', 'level', 'x', 0, 1)",
    ])
    func checkConstraintsRefuseBadValues(sql: String) throws {
        let db = try archiveWithOneAnswer()
        #expect(throws: SQLiteError.self) { try db.run(sql) }
    }

    /// Migration 0011 wrote the figures' checks as comparisons instead of IN lists: every value
    /// the old lists allowed is still allowed (and the test above holds that others are refused).
    @Test func everyUnitAndQualifierTheExtractorWritesIsAllowed() throws {
        let db = try archiveWithOneAnswer()
        let qualifiers: [SQLiteValue] = [.null] + ["over", "more than", "up to", "approximately", "nearly", "almost", "around",
                                                   "at least", "fewer than", "less than", "under"].map { .text($0) }
        for unit in ["count", "percent", "gbp"] {
            for qualifier in qualifiers {
                try db.run("""
                    INSERT INTO figures (answer_version_id, value, unit, qualifier, kind, evidence, evidence_start, evidence_end)
                    VALUES (1, 1, ?, ?, 'level', 'x', 0, 1)
                    """, [.text(unit), qualifier])
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM figures") == .integer(36))
    }

    /// A new answer's version is stored before its question, so the search trigger has no
    /// question to index and does not run; the question's row is written with it (0010, 0011).
    @Test func aVersionOfAnAnswerNoQuestionHasYetWritesNoSearchRow() throws {
        let db = try archiveWithOneAnswer()
        try db.execute("""
            INSERT INTO answers (id) VALUES (2);
            INSERT INTO answer_versions (id, answer_id, kind, date_answered, text, is_truncated, is_current, source_id)
                VALUES (2, 2, 'substantive', '2024-10-17', 'Funding for Unseen.', 0, 1, 1);
            """)
        #expect(try db.scalar("SELECT count(*) FROM search") == .integer(1))
        #expect(try searchHits(db, "unseen").isEmpty)
        try db.run("INSERT INTO search(search) VALUES ('integrity-check')")
    }

    @Test func searchFindsQuestionsByHeadingQuestionAndAnswer() throws {
        let db = try archiveWithOneAnswer()
        #expect(try searchHits(db, "prostitution") == [1])
        #expect(try searchHits(db, "demand") == [1])
        #expect(try searchHits(db, "\"changing lives\"") == [1])
    }

    @Test func searchFollowsANewCurrentVersion() throws {
        let db = try archiveWithOneAnswer()
        try db.execute("""
            INSERT INTO answer_versions (id, answer_id, kind, date_answered, text, is_truncated, is_current, source_id)
                VALUES (2, 1, 'correction', '2024-10-20', 'We are providing funding to Trevi Women.', 0, 0, 1);
            UPDATE answer_versions SET is_current = 0 WHERE id = 1;
            UPDATE answer_versions SET is_current = 1 WHERE id = 2;
            """)
        #expect(try searchHits(db, "trevi") == [1])
        #expect(try searchHits(db, "changing").isEmpty)
        try db.run("UPDATE questions SET heading = 'Modern Slavery' WHERE id = 1")
        #expect(try searchHits(db, "slavery") == [1])
        #expect(try searchHits(db, "prostitution").isEmpty)
        #expect(try searchHits(db, "trevi") == [1])
        try db.run("DELETE FROM answer_versions WHERE id = 2")
        #expect(try searchHits(db, "trevi").isEmpty)
        try db.run("DELETE FROM questions WHERE id = 1")
        #expect(try searchHits(db, "slavery").isEmpty)
        #expect(try db.scalar("SELECT count(*) FROM search") == .integer(0))
        try db.run("INSERT INTO search(search) VALUES ('integrity-check')")
    }

    @Test func onlyOneVersionOfAnAnswerIsCurrent() throws {
        let db = try archiveWithOneAnswer()
        #expect(throws: SQLiteError.self) {
            try db.run("INSERT INTO answer_versions (answer_id, kind, date_answered, text, is_truncated, is_current, source_id) VALUES (1, 'substantive', '2024-10-20', 'y', 0, 1, 1)")
        }
    }
}
