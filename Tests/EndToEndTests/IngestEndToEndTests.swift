import Foundation
import SQLite
import Testing

@Suite struct IngestEndToEndTests {
    @Test func theSeedPageLandsAsTheQuestionItShows() throws {
        let work = try Workspace()
        let result = try work.archive(["ingest", Fixtures.seed.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let row = try work.rows("""
            SELECT uin, house, date_tabled, date_answered, answering_body, heading, is_named_day, answer_text, answer_kind
            FROM question_answers
            """)
        try #require(row.count == 1)
        #expect(Array(row[0].prefix(7)) == [.text("7814"), .text("Commons"), .text("2024-10-08"), .text("2024-10-17"),
                                            .text("Home Office"), .text("Human Trafficking: Prostitution"), .integer(1)])
        let text = try #require(row[0][7].textValue)
        #expect(text.hasSuffix("in due course."))
        #expect(text.hasPrefix("The trafficking of women and girls"))
        for furniture in ["Skip to main content", "Named day", "Answered by", "Answered on", "Question for", "UIN 7814"] {
            #expect(!text.contains(furniture), "answer text contains page furniture: \(furniture)")
        }
        #expect(try work.scalar("SELECT api_id FROM questions") == .null)
        #expect(try work.scalar("SELECT status FROM sources") == .text("ingested"))
        #expect(try work.scalar("SELECT format FROM sources") == .text("page-text"))
    }

    @Test func eachSourceIsRecordedUnderTheSHA256ThatCoreutilsGives() throws {
        let work = try Workspace()
        let inputs = [Fixtures.seed.path, Fixtures.itemResponse.path, Fixtures.listResponse.path]
        #expect(try work.archive(["ingest"] + inputs).status == 0)
        for input in inputs {
            let sha256sum = try ArchiveBinary.run(["sha256sum", input], executable: URL(fileURLWithPath: "/usr/bin/env"))
            let expected = try #require(sha256sum.stdout.split(separator: " ").first.map(String.init))
            #expect(expected.count == 64)
            #expect(try work.scalar("SELECT sha256 FROM sources WHERE path = ?", [.text(input)]) == .text(expected), "\(input)")
        }
    }

    @Test func everyRealInputLandsAndReingestingChangesNothing() throws {
        let work = try Workspace()
        let inputs = [Fixtures.devSetItems.path, Fixtures.devSetPages.path, Fixtures.devSetInputs.path + "/api/page-1.json",
                      Fixtures.itemResponse.path, Fixtures.listResponse.path, Fixtures.seed.path]
        let first = try work.archive(["ingest", "--summary", "json"] + inputs)
        #expect(first.status == 0, "\(first.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(summary?["files_rejected"] as? Int == 0)
        #expect((summary?["files_ingested"] as? Int ?? 0) >= 13)
        #expect((summary?["questions_new"] as? Int ?? 0) >= 35)
        let counts = try work.tableCounts()
        let report = try work.archive(["sql", "SELECT * FROM question_answers ORDER BY question_id", "--format", "csv"])

        let second = try work.archive(["ingest", "--summary", "json"] + inputs)
        #expect(second.status == 0, "\(second.stderr)")
        let again = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any]
        #expect(again?["files_ingested"] as? Int == 0)
        #expect(again?["files_skipped"] as? Int == summary?["files_ingested"] as? Int)
        #expect(again?["versions_added"] as? Int == 0)
        #expect(try work.tableCounts() == counts)
        #expect(try work.archive(["sql", "SELECT * FROM question_answers ORDER BY question_id", "--format", "csv"]).stdout == report.stdout)
        #expect(try work.scalar("SELECT count(*) FROM ingest_runs WHERE outcome = 'ok' AND ended_at IS NOT NULL") == .integer(2))
        #expect(try work.scalar("PRAGMA integrity_check") == .text("ok"))
        #expect(try work.rows("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func aHoldingAnswerThenTheSubstantiveAnswerGivesTwoVersions() throws {
        let work = try Workspace()
        let real = try itemJSON()
        let holding = real.withValue {
            $0["answerIsHolding"] = true
            $0["dateAnswered"] = "2024-01-09T00:00:00"
            $0["answerText"] = "<p>I will reply to the hon. Member as soon as possible.</p>"
        }
        let substantive = real.withValue { $0["dateHoldingAnswer"] = "2024-01-09T00:00:00" }
        try work.writeJSON("night1/1679416.json", holding)
        try work.writeJSON("night2/1679416.json", substantive)
        #expect(try work.archive(["ingest", work.path("night1").path]).status == 0)
        #expect(try work.scalar("SELECT kind FROM answer_versions WHERE is_current") == .text("holding"))
        #expect(try work.archive(["ingest", work.path("night2").path]).status == 0)
        let versions = try work.rows("SELECT kind, date_answered, is_current FROM answer_versions ORDER BY date_answered")
        #expect(versions == [[.text("holding"), .text("2024-01-09"), .integer(0)], [.text("substantive"), .text("2024-01-10"), .integer(1)]])
        #expect(try work.scalar("SELECT date_holding_answer FROM answers") == .text("2024-01-09"))
        #expect(try work.scalar("SELECT count(*) FROM questions") == .integer(1))
    }

    @Test func aCorrectionAddsAVersionAndKeepsTheOriginal() throws {
        let work = try Workspace()
        let real = try itemJSON()
        let original = (real["value"] as! [String: Any])["answerText"] as! String
        let corrected = real.withValue {
            $0["answerIsCorrection"] = true
            $0["correctingMemberId"] = 4000
            $0["dateAnswerCorrected"] = "2024-01-20T00:00:00"
            $0["originalAnswerText"] = original
            $0["answerText"] = original.replacingOccurrences(of: "44 FJAAs", with: "45 FJAAs")
        }
        try work.copy(Fixtures.itemResponse, as: "a/item.json")
        try work.writeJSON("b/item-corrected.json", corrected)
        #expect(try work.archive(["ingest", work.path("a").path]).status == 0)
        #expect(try work.archive(["ingest", work.path("b").path]).status == 0)
        let versions = try work.rows("SELECT kind, date_answered, correcting_member_id, is_current, instr(text, '45 FJAAs') > 0 FROM answer_versions ORDER BY id")
        #expect(versions == [[.text("substantive"), .text("2024-01-10"), .null, .integer(0), .integer(0)],
                             [.text("correction"), .text("2024-01-20"), .integer(4000), .integer(1), .integer(1)]])
        let search = try work.archive(["query", "search", "\"45 FJAAs\"", "--format", "csv", "--no-headers"])
        #expect(search.stdout.contains("7926"))
    }

    @Test func aListExcerptNeverOverwritesAFullText() throws {
        let work = try Workspace()
        // The list page holds 255-character excerpts; give one of its questions a full item first.
        let list = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.listResponse)) as! [String: Any]
        let firstResult = (list["results"] as! [[String: Any]])[0]
        var value = firstResult["value"] as! [String: Any]
        value["answerText"] = "<p>A full answer that the excerpt must never replace. It goes on well past the excerpt.</p>"
        try work.writeJSON("1-item.json", ["value": value, "links": firstResult["links"] ?? []])
        try work.copy(Fixtures.listResponse, as: "2-list.json")
        #expect(try work.archive(["ingest", work.url.path]).status == 0)
        let id = value["id"] as! Int
        let current = try work.rows("""
            SELECT v.is_truncated, v.text FROM answer_versions v JOIN questions q ON q.answer_id = v.answer_id
            WHERE q.api_id = ? AND v.is_current
            """, [.integer(Int64(id))])
        #expect(current == [[.integer(0), .text("A full answer that the excerpt must never replace. It goes on well past the excerpt.")]])
        #expect(try work.scalar("SELECT count(*) FROM answer_versions v JOIN questions q ON q.answer_id = v.answer_id WHERE q.api_id = ?", [.integer(Int64(id))]) == .integer(1))
        // Questions known only from the list keep their excerpt, marked truncated.
        #expect((try work.scalar("SELECT count(*) FROM answer_versions WHERE is_truncated")?.integerValue ?? 0) > 0)
    }

    @Test func aBatchWithOneMalformedFileLandsTheOthersAndExitsOne() throws {
        let work = try Workspace()
        try work.copy(Fixtures.seed, as: "batch/a-seed.txt")
        try work.write("batch/b-broken.json", Data(#"{"value": {"id": 1, "uin": "#.utf8))
        try work.copy(Fixtures.itemResponse, as: "batch/c-item.json")
        try work.writeJSON("batch/d-bad-date.json", try itemJSON().withValue { $0["dateTabled"] = "yesterday" })
        let result = try work.archive(["ingest", work.path("batch").path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.filter { $0.contains("b-broken.json") }.count == 1)
        #expect(lines.filter { $0.contains("d-bad-date.json") && $0.contains("dateTabled") }.count == 1)
        #expect(try work.scalar("SELECT count(*) FROM questions") == .integer(2))
        #expect(try work.scalar("SELECT count(*) FROM sources WHERE status = 'rejected' AND error IS NOT NULL") == .integer(2))
        #expect(try work.scalar("SELECT outcome FROM ingest_runs") == .text("rejections"))
    }

    @Test func aFileIsRecognisedByItsContentNotItsName() throws {
        let work = try Workspace()
        try work.copy(Fixtures.itemResponse, as: "item.txt")
        try work.copy(Fixtures.seed, as: "page.json")
        try work.write("notes.json", Data("Just some notes, not a question.".utf8))
        let result = try work.archive(["ingest", "--verbose", work.url.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("notes.json"))
        #expect(try work.scalar("SELECT group_concat(format, ',') FROM (SELECT format FROM sources WHERE status = 'ingested' ORDER BY format)") == .text("api-item,page-text"))
    }

    @Test func groupedQuestionsShareOneAnswer() throws {
        let work = try Workspace()
        // UINs 8159 and 8160 in the real list page were answered together.
        try work.copy(Fixtures.listResponse)
        #expect(try work.archive(["ingest", work.url.path]).status == 0)
        let answers = try work.rows("SELECT uin, answer_id FROM questions WHERE uin IN ('8159', '8160') ORDER BY uin")
        try #require(answers.count == 2)
        #expect(answers[0][1] == answers[1][1] && answers[0][1] != .null)
        #expect(try work.scalar("SELECT count(*) FROM grouped_questions") == .integer(2))
    }

    @Test func htmlListsAndTablesBecomeReadableText() throws {
        let work = try Workspace()
        let html = "<p>Referrals were:</p><table><tr><th>Year</th><th>Referrals</th></tr><tr><td>2022</td><td>16,938</td></tr><tr><td>2023</td><td>17,004</td></tr></table><ul><li>first point</li><li>second point</li></ul><p> </p><p>End &amp; more.</p>"
        try work.writeJSON("table.json", try itemJSON().withValue { $0["answerText"] = html })
        #expect(try work.archive(["ingest", work.url.path]).status == 0)
        let text = try #require(try work.scalar("SELECT text FROM answer_versions")?.textValue)
        #expect(text == "Referrals were:\n\nYear | Referrals\n2022 | 16,938\n2023 | 17,004\n\n- first point\n- second point\n\nEnd & more.")
        #expect(try work.scalar("SELECT html FROM answer_versions") == .text(html))
    }

    @Test func aSecondIngestWaitsThenSaysAnotherHoldsTheDatabase() throws {
        let work = try Workspace()
        #expect(try work.archive(["migrate"]).status == 0)
        let lock = open(work.database + ".ingest-lock", O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let started = Date()
        let result = try work.archive(["ingest", "--wait", "0.5", "--summary", "json", Fixtures.seed.path])
        // EX_TEMPFAIL: try again later, not a failure of the inputs.
        #expect(result.status == 75)
        #expect(result.stderr.contains("another ingest holds the database"))
        #expect(result.stdout.hasPrefix("{") && result.stdout.contains("\"outcome\":\"locked\"") && result.stdout.split(separator: "\n").count == 1)
        #expect(Date().timeIntervalSince(started) >= 0.5)
        #expect(try work.scalar("SELECT count(*) FROM questions") == .integer(0))
        flock(lock, LOCK_UN)
        #expect(try work.archive(["ingest", Fixtures.seed.path]).status == 0)
    }

    @Test func unreadableInputsAreNamedAndTheRestLands() throws {
        let work = try Workspace()
        try work.copy(Fixtures.seed, as: "in/seed.txt")
        mkfifo(work.path("in/pipe").path, 0o644)
        try FileManager.default.createSymbolicLink(atPath: work.path("in/loop").path, withDestinationPath: work.path("in").path)
        try work.write("in/empty.json", Data())
        let result = try work.archive(["ingest", work.path("in").path, work.path("missing.json").path])
        #expect(result.status == 1)
        for name in ["pipe", "loop", "empty.json", "missing.json"] {
            #expect(result.stderr.contains(name), "no line names \(name): \(result.stderr)")
        }
        #expect(try work.scalar("SELECT count(*) FROM questions") == .integer(1))
    }
}

@Suite struct MigrateEndToEndTests {
    @Test func migrateCreatesTheArchiveTables() throws {
        let work = try Workspace()
        #expect(try work.archive(["migrate"]).status == 0)
        let tables = Set(try work.rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0[0].textValue })
        for table in ["questions", "answers", "answer_versions", "figures", "grants", "grant_mentions", "organisations", "sources", "ingest_runs", "search", "nrm_official_totals"] {
            #expect(tables.contains(table))
        }
        #expect(try work.scalar("PRAGMA integrity_check") == .text("ok"))
    }

    @Test func listingMigrationsCreatesNoFile() throws {
        let work = try Workspace()
        let listed = try work.archive(["migrate", "--list"])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("pending  0001_archive_schema.sql"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.url.path).isEmpty)
        #expect(try work.archive(["migrate"]).status == 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: work.url.path).sorted()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: work.database))
        #expect(try work.archive(["migrate", "--list"]).stdout.contains("applied  0001_archive_schema.sql"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.url.path).sorted() == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: work.database)) == bytes)
    }

    @Test func theBinaryCopiedElsewhereStillMigratesANewDatabase() throws {
        let work = try Workspace()
        let copy = work.path("bin/archive")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ArchiveBinary.url, to: copy)
        let result = try ArchiveBinary.run(["migrate", "--db", work.path("elsewhere.db").path], in: work.url, executable: copy)
        #expect(result.status == 0, "\(result.stderr)")
        let db = try Database(path: work.path("elsewhere.db").path, mode: .readOnly)
        #expect(try db.scalar("SELECT count(*) FROM schema_migrations")?.integerValue ?? 0 >= 2)
    }

    @Test func aDatabaseFromANewerArchiveIsRefusedUntouched() throws {
        let work = try Workspace()
        #expect(try work.archive(["migrate"]).status == 0)
        let db = try Database(path: work.database)
        try db.run("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'x', '2030-01-01T00:00:00Z')")
        db.close()
        let result = try work.archive(["migrate"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("0999_future.sql"))
    }
}
