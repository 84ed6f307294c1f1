import ArchiveFacts
import Testing
@testable import ArchiveStore
import SQLite

/// A migrated in-memory archive with a writer, a run and a source to write under.
struct WriterFixture {
    let db: Database
    let writer: ArchiveWriter
    let sourceID: Int64

    init() throws {
        db = try Database.inMemory()
        try Migrator().migrate(db)
        writer = ArchiveWriter(database: db)
        let run = try writer.beginRun()
        sourceID = try writer.recordSource(path: "x.json", sizeBytes: 1, sha256: String(repeating: "0", count: 64),
                                           format: "api-item", error: nil, runID: run)
    }

    @discardableResult
    func store(_ record: QuestionRecord, facts: ExtractedFacts = ExtractedFacts()) throws -> RecordOutcome {
        try writer.transaction { try writer.store(record, sourceID: sourceID) { _, _, _ in facts } }
    }

    func count(_ sql: String) throws -> Int64 {
        try db.scalar(sql)?.integerValue ?? -1
    }
}

func seedRecord(text: String = "We are providing £1.36m over three years to Changing Lives.",
                kind: AnswerKind = .substantive, date: String = "2024-10-17", truncated: Bool = false) -> QuestionRecord {
    var record = QuestionRecord(uin: "7814", house: .commons, dateTabled: "2024-10-08")
    record.heading = "Human Trafficking: Prostitution"
    record.questionText = "To ask the Secretary of State for the Home Department, what steps..."
    record.answeringBody = AnsweringBody(apiID: 1, name: "Home Office")
    record.answerVersions = [AnswerVersionRecord(kind: kind, date: date, html: nil, text: text, isTruncated: truncated)]
    return record
}

let changingLivesGrant = GrantMention(
    amountPence: 136_000_000, recipient: "‘Changing Lives’", project: "Net-Reach", durationMonths: 36,
    evidence: TextSpan(start: 20, end: 56, text: "£1.36m over three years to Changing Lives"))

@Suite struct ArchiveWriterTests {
    /// Two texts are one answer when they differ only in spacing, punctuation and list marks:
    /// letters and digits of any script are kept as written, everything else is dropped.
    @Test(arguments: [
        ("We are providing £1.36m to ‘Changing Lives’.", "Weareproviding136mtoChangingLives"),
        ("• 2023–24: 17,004 referrals — a 21% rise!", "20232417004referralsa21rise"),
        ("Café Société, Straße № 5 ½ 🙂", "CaféSociétéStraße5½"),
        ("", ""),
    ])
    func aComparisonKeyKeepsLettersAndDigitsOnly(text: String, key: String) {
        #expect(ArchiveWriter.comparisonKey(text) == key)
    }

    @Test func storingTheSameRecordTwiceChangesNothing() throws {
        let archive = try WriterFixture()
        let first = try archive.store(seedRecord(), facts: ExtractedFacts(grants: [changingLivesGrant]))
        #expect(first.questionIsNew && first.versionsAdded == 1)
        let second = try archive.store(seedRecord(), facts: ExtractedFacts(grants: [changingLivesGrant]))
        #expect(!second.questionIsNew && !second.questionWasUpdated && second.versionsAdded == 0)
        #expect(try archive.count("SELECT count(*) FROM answer_versions") == 1)
        #expect(try archive.count("SELECT count(*) FROM grant_mentions") == 1)
    }

    @Test func aHoldingAnswerThenASubstantiveAnswerGivesTwoVersions() throws {
        let archive = try WriterFixture()
        try archive.store(seedRecord(text: "I will reply as soon as possible.", kind: .holding, date: "2024-10-14"))
        try archive.store(seedRecord())
        #expect(try archive.count("SELECT count(*) FROM answer_versions") == 2)
        #expect(try archive.db.scalar("SELECT kind FROM answer_versions WHERE is_current") == .text("substantive"))
        #expect(try archive.db.scalar("SELECT date_answered FROM answer_versions WHERE kind = 'holding'") == .text("2024-10-14"))
    }

    @Test func versionsArriveInAnyOrderAndTheLatestIsCurrent() throws {
        let archive = try WriterFixture()
        try archive.store(seedRecord())
        try archive.store(seedRecord(text: "I will reply as soon as possible.", kind: .holding, date: "2024-10-14"))
        #expect(try archive.db.scalar("SELECT kind FROM answer_versions WHERE is_current") == .text("substantive"))
    }

    @Test func aCorrectionKeepsTheOriginal() throws {
        let archive = try WriterFixture()
        try archive.store(seedRecord())
        var corrected = seedRecord()
        corrected.answerVersions = [
            AnswerVersionRecord(kind: .substantive, date: "2024-10-17", html: nil, text: "We are providing £1.36m over three years to Changing Lives.", isTruncated: false),
            AnswerVersionRecord(kind: .correction, date: "2024-11-01", correctingMember: Member(id: 4000), html: nil,
                                text: "We are providing £1.46m over three years to Changing Lives.", isTruncated: false),
        ]
        let outcome = try archive.store(corrected)
        #expect(outcome.versionsAdded == 1)
        #expect(try archive.count("SELECT count(*) FROM answer_versions") == 2)
        #expect(try archive.db.scalar("SELECT kind FROM answer_versions WHERE is_current") == .text("correction"))
        #expect(try archive.db.scalar("SELECT correcting_member_id FROM answer_versions WHERE is_current") == .integer(4000))
        #expect(try archive.count(#"SELECT count(*) FROM search WHERE search MATCH '"1.46m"'"#) == 1)
    }

    /// A member given again with the same details is written once; with new details, again; and
    /// after a transaction that wrote it rolls back, again.
    @Test func aMemberIsWrittenAgainOnlyWhenItChangedOrWasRolledBack() throws {
        let archive = try WriterFixture()
        let member = Member(id: 4_321, name: "Jess Phillips", party: "Labour")
        var record = seedRecord()
        record.askingMember = member
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try archive.writer.transaction {
                _ = try archive.writer.store(record, sourceID: archive.sourceID) { _, _, _ in ExtractedFacts() }
                throw Abandon()
            }
        }
        #expect(try archive.count("SELECT count(*) FROM members") == 0)
        try archive.store(record)
        #expect(try archive.db.rows("SELECT name, party FROM members WHERE id = 4321") == [[.text("Jess Phillips"), .text("Labour")]])
        try archive.db.execute("UPDATE members SET party = 'changed by hand' WHERE id = 4321")
        var other = seedRecord(text: "Another answer.")
        other.uin = "8000"
        other.askingMember = member
        try archive.store(other)  // the same details: not written again
        #expect(try archive.db.scalar("SELECT party FROM members WHERE id = 4321") == .text("changed by hand"))
        other.uin = "8001"
        other.askingMember = Member(id: 4_321, name: "Jess Phillips", party: "Labour (Co-op)")
        try archive.store(other)
        #expect(try archive.db.scalar("SELECT party FROM members WHERE id = 4321") == .text("Labour (Co-op)"))
    }

    /// Each new version is compared with every version stored before it, those of the same record
    /// included: a restatement differing only in spacing and punctuation is not stored again.
    @Test func aVersionIsComparedWithEveryOneStoredBeforeIt() throws {
        let archive = try WriterFixture()
        var record = seedRecord()
        func version(_ kind: AnswerKind, _ date: String, _ text: String) -> AnswerVersionRecord {
            AnswerVersionRecord(kind: kind, date: date, html: nil, text: text, isTruncated: false)
        }
        record.answerVersions = [
            version(.substantive, "2024-10-17", "We are providing £1.36m over three years to Changing Lives."),
            version(.correction, "2024-11-01", "We are providing £1.46m over three years to Changing Lives."),
            version(.correction, "2024-11-02", "We are providing  £1.36m, over three years, to Changing Lives"),
        ]
        #expect(try archive.store(record).versionsAdded == 2)
        var later = seedRecord()
        later.answerVersions = [
            version(.correction, "2024-11-05", "We are providing £1.46m over three years to ‘Changing Lives’."),
            version(.correction, "2024-11-09", "We are providing £1.56m over three years to Changing Lives."),
            version(.correction, "2024-11-10", "We are providing £1.56m over three years to Changing Lives!"),
        ]
        #expect(try archive.store(later).versionsAdded == 1)
        #expect(try archive.count("SELECT count(*) FROM answer_versions") == 3)
    }

    @Test func aNewQuestionIsSearchableOnceItsTransactionEndsWithOneRow() throws {
        let archive = try WriterFixture()
        var second = seedRecord(text: "Funding of £250,000 went to Hope for Justice.")
        second.uin = "7815"
        try archive.writer.transaction {
            try archive.writer.store(seedRecord(), sourceID: archive.sourceID) { _, _, _ in ExtractedFacts() }
            try archive.writer.store(second, sourceID: archive.sourceID) { _, _, _ in ExtractedFacts() }
            // The same question again, with a new heading, before the transaction ends.
            var renamed = second
            renamed.heading = "Modern Slavery: Charities"
            try archive.writer.store(renamed, sourceID: archive.sourceID) { _, _, _ in ExtractedFacts() }
        }
        #expect(try archive.count("SELECT count(*) FROM search") == 2)
        #expect(try archive.count(#"SELECT count(*) FROM search WHERE search MATCH '"changing lives"'"#) == 1)
        #expect(try archive.count(#"SELECT count(*) FROM search WHERE search MATCH 'charities AND justice'"#) == 1)
        #expect(try archive.count(#"SELECT count(*) FROM search WHERE search MATCH 'heading:prostitution'"#) == 1)
        try archive.db.run("INSERT INTO search(search) VALUES ('integrity-check')")
    }

    @Test func aQuestionStoredOutsideATransactionIsSearchableAtOnce() throws {
        let archive = try WriterFixture()
        try archive.writer.store(seedRecord(), sourceID: archive.sourceID) { _, _, _ in ExtractedFacts() }
        #expect(try archive.count(#"SELECT count(*) FROM search WHERE search MATCH '"changing lives"'"#) == 1)
    }

    @Test func aListExcerptNeverReplacesAFullText() throws {
        let archive = try WriterFixture()
        try archive.store(seedRecord())
        let outcome = try archive.store(seedRecord(text: "We are providing £1.36m over three...", truncated: true))
        #expect(outcome.versionsAdded == 0)
        #expect(try archive.db.scalar("SELECT is_truncated FROM answer_versions WHERE is_current") == .integer(0))
        #expect(try archive.count("SELECT count(*) FROM answer_versions") == 1)
    }

    @Test func aFullTextReplacesAnExcerptStoredWhenNothingBetterWasKnown() throws {
        let archive = try WriterFixture()
        try archive.store(seedRecord(text: "We are providing £1.36m over three...", truncated: true))
        #expect(try archive.db.scalar("SELECT is_truncated FROM answer_versions WHERE is_current") == .integer(1))
        try archive.store(seedRecord(), facts: ExtractedFacts(grants: [changingLivesGrant]))
        #expect(try archive.count("SELECT count(*) FROM answer_versions") == 1)
        #expect(try archive.db.scalar("SELECT is_truncated FROM answer_versions WHERE is_current") == .integer(0))
    }

    @Test func aQuestionTextThatMayBeCutShortNeverReplacesAFullOne() throws {
        let archive = try WriterFixture()
        try archive.store(seedRecord())
        var excerpt = seedRecord()
        excerpt.questionText = "To ask the Secretary of State"
        excerpt.questionTextIsTruncated = true
        let outcome = try archive.store(excerpt)
        #expect(!outcome.questionWasUpdated)
        #expect(try archive.db.scalar("SELECT question_text FROM questions") == .text(seedRecord().questionText!))
    }

    @Test func groupedQuestionsShareOneAnswer() throws {
        let archive = try WriterFixture()
        var first = seedRecord()
        first.groupedQuestions = [GroupedQuestion(uin: "7815", dateTabled: "2024-10-08")]
        try archive.store(first, facts: ExtractedFacts(grants: [changingLivesGrant]))
        var second = seedRecord()
        second.uin = "7815"
        second.groupedQuestions = [GroupedQuestion(uin: "7814", dateTabled: "2024-10-08")]
        try archive.store(second, facts: ExtractedFacts(grants: [changingLivesGrant]))
        #expect(try archive.count("SELECT count(*) FROM questions") == 2)
        #expect(try archive.count("SELECT count(DISTINCT answer_id) FROM questions") == 1)
        #expect(try archive.count("SELECT count(*) FROM answer_versions") == 1)
        #expect(try archive.count("SELECT count(*) FROM grant_mentions") == 1)
    }

    @Test func aGrantRestatedInAnotherAnswerIsOneGrantWithTwoMentions() throws {
        let archive = try WriterFixture()
        try archive.store(seedRecord(), facts: ExtractedFacts(grants: [changingLivesGrant]))
        var other = seedRecord(text: "As I said, £1.36m over three years goes to Changing Lives.", date: "2025-01-10")
        other.uin = "9999"
        other.dateTabled = "2025-01-05"
        var restated = changingLivesGrant
        restated.recipient = "Changing Lives"
        try archive.store(other, facts: ExtractedFacts(grants: [restated]))
        #expect(try archive.count("SELECT count(*) FROM grants") == 1)
        #expect(try archive.count("SELECT count(*) FROM grant_mentions") == 2)
        #expect(try archive.count("SELECT count(*) FROM organisations WHERE key = 'changing lives'") == 1)
        #expect(try archive.count("SELECT count(*) FROM organisation_names") == 3) // two spellings of the recipient, one funder
        let funding = try archive.db.rows("SELECT name, total_gbp, grants, answers, first_stated, last_stated, funders FROM funding_by_recipient")
        #expect(funding == [[.text("Changing Lives"), .integer(1_360_000), .integer(1), .integer(2), .text("2024-10-17"), .text("2025-01-10"), .text("Home Office")]])
    }

    /// A restatement fills in what the grant lacks and never overwrites what it has; one that adds
    /// nothing leaves the grant as it was.
    @Test func aRestatementFillsOnlyWhatTheGrantLacks() throws {
        let archive = try WriterFixture()
        var bare = changingLivesGrant
        bare.project = nil
        try archive.store(seedRecord(), facts: ExtractedFacts(grants: [bare]))
        let grant = "SELECT project, programme, (SELECT name FROM organisations WHERE id = funder_id) FROM grants"
        #expect(try archive.db.rows(grant) == [[.null, .null, .text("Home Office")]])

        func restate(_ uin: String, project: String?, programme: String?) throws {
            var record = seedRecord(text: "Changing Lives receives £1.36m over three years (\(uin)).", date: "2025-01-10")
            (record.uin, record.dateTabled) = (uin, "2025-01-05")
            var mention = changingLivesGrant
            (mention.project, mention.programme) = (project, programme)
            try archive.store(record, facts: ExtractedFacts(grants: [mention]))
        }
        try restate("9001", project: "Net-Reach", programme: nil)
        #expect(try archive.db.rows(grant) == [[.text("Net-Reach"), .null, .text("Home Office")]])
        try restate("9002", project: "Another name", programme: "Modern Slavery Fund")
        #expect(try archive.db.rows(grant) == [[.text("Net-Reach"), .text("Modern Slavery Fund"), .text("Home Office")]])
        try restate("9003", project: nil, programme: nil)
        #expect(try archive.db.rows(grant) == [[.text("Net-Reach"), .text("Modern Slavery Fund"), .text("Home Office")]])
        #expect(try archive.count("SELECT count(*) FROM grants") == 1)
        #expect(try archive.count("SELECT count(*) FROM grant_mentions") == 4)
    }

    @Test func aPartOfAGrantIsStoredWithItsTotalAndCountedOnlyOnce() throws {
        let archive = try WriterFixture()
        let text = "We have allocated the Essex VRU £14.2m since 2019, including £3.1m this financial year (2023/24)."
        var part = GrantMention(amountPence: 310_000_000, recipient: "Essex VRU", financialYear: "2023-24",
                                qualifier: "over", evidence: TextSpan(start: 51, end: 66, text: "including £3.1m"))
        part.partOf = 0
        let total = GrantMention(amountPence: 1_420_000_000, recipient: "Essex VRU",
                                 evidence: TextSpan(start: 13, end: 38, text: "the Essex VRU £14.2m"), rate: nil)
        try archive.store(seedRecord(text: text), facts: ExtractedFacts(grants: [total, part]))
        #expect(try archive.count("SELECT count(*) FROM grants") == 2)
        #expect(try archive.count("SELECT count(*) FROM grants p JOIN grants t ON t.id = p.part_of_grant_id WHERE p.amount_pence = 310000000 AND t.amount_pence = 1420000000") == 1)
        #expect(try archive.db.scalar("SELECT qualifier FROM grant_mentions WHERE evidence = 'including £3.1m'") == .text("over"))
        #expect(try archive.db.rows("SELECT total_gbp, grants FROM funding_by_recipient") == [[.integer(14_200_000), .integer(1)]])
    }

    @Test func aGrantStatedAsARateIsADifferentGrantFromTheSameSumOnce() throws {
        let archive = try WriterFixture()
        let once = GrantMention(amountPence: 150_000_000, recipient: "Unseen", evidence: TextSpan(start: 0, end: 5, text: "£1.5m"))
        let yearly = GrantMention(amountPence: 150_000_000, recipient: "Unseen", evidence: TextSpan(start: 10, end: 25, text: "£1.5m per annum"), rate: "per annum")
        try archive.store(seedRecord(text: "£1.5m now, £1.5m per annum to Unseen"), facts: ExtractedFacts(grants: [once, yearly]))
        #expect(try archive.count("SELECT count(*) FROM grants") == 2)
        #expect(try archive.db.rows("SELECT grants, stated_as_rate FROM funding_by_recipient") == [[.integer(2), .integer(1)]])
    }

    @Test func aChangeFigureKeepsItsDirection() throws {
        let archive = try WriterFixture()
        let fall = Figure(value: 12, unit: .percent, kind: .change, direction: .decrease,
                          evidence: TextSpan(start: 0, end: 13, text: "a 12% decrease"))
        try archive.store(seedRecord(text: "a 12% decrease in referrals"), facts: ExtractedFacts(figures: [fall]))
        #expect(try archive.db.scalar("SELECT direction FROM figures") == .text("decrease"))
    }

    @Test func anUnansweredQuestionIsKeptWithoutAnAnswer() throws {
        let archive = try WriterFixture()
        var record = seedRecord()
        record.answerVersions = []
        try archive.store(record)
        #expect(try archive.count("SELECT count(*) FROM questions WHERE answer_id IS NULL") == 1)
        #expect(try archive.count("SELECT count(*) FROM answers") == 0)
        // Answered later: the same question gains its answer.
        try archive.store(seedRecord())
        #expect(try archive.count("SELECT count(*) FROM questions WHERE answer_id IS NOT NULL") == 1)
    }

    @Test func aQuestionIsFoundByApiIDEvenWhenItsUINWasUnknown() throws {
        let archive = try WriterFixture()
        var page = seedRecord()
        try archive.store(page)
        page.apiID = 1_234_567
        let outcome = try archive.store(page)
        #expect(outcome.questionWasUpdated && !outcome.questionIsNew)
        #expect(try archive.db.scalar("SELECT api_id FROM questions") == .integer(1_234_567))
    }

    /// The writer keeps its statements for the run: each SQL is compiled once and run for every
    /// record. sqlite_stmt lists the connection's live statements (https://sqlite.org/stmt.html).
    @Test func eachStatementIsPreparedOnceAndReusedForEveryRecord() throws {
        let archive = try WriterFixture()
        for uin in ["7814", "7815", "7816"] {
            var record = seedRecord()
            record.uin = uin
            try archive.store(record)
        }
        let newAnswer = "INSERT INTO answers (date_holding_answer) VALUES (NULL)"
        #expect(try archive.writer.statement(newAnswer) === archive.writer.statement(newAnswer))
        #expect(try archive.db.rows("SELECT run FROM sqlite_stmt WHERE sql = ?", [.text(newAnswer)]) == [[.integer(3)]],
                "one statement, run for each of the three answers")
        #expect(try archive.db.rows("SELECT sql FROM sqlite_stmt GROUP BY sql HAVING count(*) > 1").isEmpty)
    }
}
