@testable import ArchiveStore
import SQLite
import Testing

@Suite struct QuestionRowTests {
    private func record(_ change: (inout QuestionRecord) -> Void) -> QuestionRow {
        var record = QuestionRecord(uin: "7814", house: .commons, dateTabled: "2024-10-08")
        change(&record)
        return QuestionRow(record, answeringBodyID: nil, answerID: nil)
    }

    @Test func aNewerRecordFillsInWhatWasUnknownAndReplacesWhatChanged() {
        let stored = record { $0.heading = "Human Trafficking"; $0.isNamedDay = true }
        let newer = record { $0.heading = "Human Trafficking: Prostitution"; $0.apiID = 1_763_441; $0.dateForAnswer = "2024-10-15" }
        let merged = stored.merged(with: newer)
        #expect(merged.heading == "Human Trafficking: Prostitution")
        #expect(merged.apiID == 1_763_441)
        #expect(merged.dateForAnswer == "2024-10-15")
        #expect(merged.isNamedDay == true)
        #expect(merged != stored)
    }

    @Test func aQuestionTextThatMayBeCutShortNeverReplacesAStoredOne() {
        let full = record { $0.questionText = "To ask the Secretary of State for the Home Department what steps she is taking." }
        let cut = record { $0.questionText = "To ask the Secretary of State"; $0.questionTextIsTruncated = true }
        #expect(full.merged(with: cut) == full)
        let filled = record { _ in }.merged(with: cut)
        #expect(filled.questionText == "To ask the Secretary of State")
        #expect(filled.questionTextIsTruncated)
        let repaired = cut.merged(with: full)
        #expect(repaired.questionText == full.questionText)
        #expect(!repaired.questionTextIsTruncated)
    }

    @Test func theNameAPageGaveIsKeptAndTheSameRecordChangesNothing() {
        let stored = record { $0.askingMemberName = "Tonia Antoniazzi"; $0.heading = "Slavery" }
        let again = record { $0.askingMemberName = "Ms Antoniazzi"; $0.heading = "Slavery" }
        #expect(stored.merged(with: again) == stored)
    }

    @Test func theColumnListWritesAndReadsEveryFieldInOneOrder() {
        let columns = QuestionRow.columns
        #expect(columns.insertSQL.hasPrefix("INSERT INTO questions (api_id, uin, house, date_tabled,"))
        #expect(columns.insertSQL.components(separatedBy: "?").count - 1 == columns.columns.count)
        #expect(columns.updateByIDSQL.hasSuffix("answer_id = ? WHERE id = ?"))
        var row = record { $0.apiID = 5; $0.isWithdrawn = false; $0.questionText = "Text"; $0.askingMemberName = "A Member" }
        row.answeringBodyID = 1
        row.answerID = 9
        let values = columns.values(of: row)
        #expect(values.count == 15)
        #expect(columns.row(from: values, into: QuestionRow()) == row)
    }
}
