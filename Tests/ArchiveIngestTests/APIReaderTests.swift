import ArchiveStore
import Foundation
import Testing
@testable import ArchiveIngest

@Suite struct APIReaderTests {
    // MARK: Real files

    @Test func everyDevSetItemParses() throws {
        let keys = try Fixtures.keys()
        let files = try Fixtures.files(in: "dev-set/inputs/api/items", ext: "json")
        #expect(files.count == 5)
        for file in files {
            let records = try APIReader.records(from: Fixtures.data(file), file: file)
            #expect(records.count == 1, "\(file)")
            let record = try #require(records.first)
            let key = try #require(keys[String(file.split(separator: "/").last!.prefix(3))])
            #expect(record.uin == key.uin, "\(file)")
            #expect(record.house.rawValue == key.house, "\(file)")
            #expect(record.answeringBody == AnsweringBody(apiID: 1, name: "Home Office"), "\(file)")
            let answer = try #require(record.answerVersions.first)
            #expect(record.answerVersions.count == 1)
            #expect(answer.kind == .substantive)
            #expect(answer.html?.hasPrefix("<p>") == true)
            #expect(!answer.text.contains("<p>") && !answer.text.isEmpty)
            #expect(answer.isTruncated == false)
        }
    }

    @Test func devSetItemMapsEveryField() throws {
        let record = try #require(APIReader.records(from: Fixtures.data("dev-set/inputs/api/items/024.json"), file: "024.json").first)
        #expect(record.apiID == 2000024)
        #expect(record.uin == "HL14174")
        #expect(record.house == .lords)
        #expect(record.dateTabled == "2019-03-04")
        #expect(record.dateForAnswer == "2019-03-04")
        #expect(record.isNamedDay == false)
        #expect(record.isWithdrawn == false)
        #expect(record.memberHasInterest == false)
        #expect(record.heading == "Slavery")
        #expect(record.askingMember == Member(id: 4024))
        #expect(record.questionTextIsTruncated == false)
        let answer = try #require(record.answerVersions.first)
        #expect(answer.date == "2019-03-21")
        #expect(answer.answeringMember == Member(id: 4524))
        #expect(answer.correctingMember == nil)
        #expect(answer.text.contains("the case of K & AM vs SSHD"))
        #expect(answer.text.components(separatedBy: "\n\n").count == 3)
    }

    @Test func devSetListWithFullHTMLIsNotMarkedTruncated() throws {
        let records = try APIReader.records(from: Fixtures.data("dev-set/inputs/api/page-1.json"), file: "page-1.json")
        let keys = try Fixtures.keys()
        #expect(records.map(\.uin) == ["22872", "58067", "900026", "93418", "900055"])
        for record in records {
            #expect(keys.values.contains { $0.uin == record.uin && $0.house == record.house.rawValue })
            let answer = try #require(record.answerVersions.first)
            #expect(answer.html != nil)
            #expect(answer.isTruncated == false)
            #expect(!answer.text.contains("<"))
        }
    }

    @Test func apiExampleItemParses() throws {
        let records = try APIReader.records(from: Fixtures.data("api-examples/item-response.json"), file: "item-response.json")
        let record = try #require(records.first)
        #expect(record.uin == "7926")
        #expect(record.isNamedDay == true)
        #expect(record.answeringBody == AnsweringBody(apiID: 60, name: "Department for Education"))
        let text = try #require(record.answerVersions.first?.text)
        #expect(text.hasPrefix("The department is supporting sectors"))
        #expect(!text.contains("\n\n\n"))
        #expect(text.components(separatedBy: "\n\n").count == 4) // the <p> </p> spacers are gone
    }

    @Test func apiExampleListParses() throws {
        let records = try APIReader.records(from: Fixtures.data("api-examples/list-response.json"), file: "list-response.json")
        #expect(records.count == 20)
        #expect(Set(records.map(\.uin)).count == 20)
        #expect(records.allSatisfy { $0.house == .commons && $0.dateTabled == "2024-01-05" })
    }

    // MARK: List truncation

    @Test func listExcerptIsMarkedTruncated() throws {
        let records = try APIReader.records(from: Fixtures.data("api-examples/list-response.json"), file: "list.json")
        let first = try #require(records.first?.answerVersions.first)
        #expect(first.isTruncated)
        #expect(first.html == nil)
        #expect(first.text.hasSuffix("is re..."))
        // A short answer that fits whole is not an excerpt: 7863 has no "..." at the end.
        let whole = try #require(records.first { $0.uin == "7863" }?.answerVersions.first)
        #expect(whole.isTruncated == false)
        #expect(whole.html != nil)
    }

    @Test func listQuestionTextOf255CharactersIsMarkedTruncated() throws {
        let records = try APIReader.records(from: Fixtures.data("api-examples/list-response.json"), file: "list.json")
        let cut = try #require(records.first { $0.uin == "8031" })
        #expect(cut.questionText?.count == 255)
        #expect(cut.questionTextIsTruncated)
        #expect(records.first { $0.uin == "8024" }?.questionTextIsTruncated == false)
    }

    @Test func itemQuestionTextOf255CharactersIsNotMarkedTruncated() throws {
        var value = try JSONText.itemValue()
        value["questionText"] = String(repeating: "a", count: 255)
        let record = try #require(APIReader.records(from: JSONText.item(value), file: "i.json").first)
        #expect(record.questionTextIsTruncated == false)
    }

    // MARK: Answer versions

    @Test func correctionWithOriginalTextGivesTwoVersions() throws {
        var value = try JSONText.itemValue()
        value["answerIsCorrection"] = true
        value["originalAnswerText"] = "<p>There were 17,040 referrals.</p>"
        value["answerText"] = "<p>There were 17,004 referrals.</p>"
        value["correctingMemberId"] = 4362
        value["dateAnswerCorrected"] = "2024-02-05T00:00:00"
        let record = try #require(APIReader.records(from: JSONText.item(value), file: "c.json").first)
        #expect(record.answerVersions == [
            AnswerVersionRecord(kind: .substantive, date: "2024-01-10", answeringMember: Member(id: 3985),
                                html: "<p>There were 17,040 referrals.</p>", text: "There were 17,040 referrals.", isTruncated: false),
            AnswerVersionRecord(kind: .correction, date: "2024-02-05", answeringMember: Member(id: 3985),
                                correctingMember: Member(id: 4362),
                                html: "<p>There were 17,004 referrals.</p>", text: "There were 17,004 referrals.", isTruncated: false),
        ])
    }

    @Test func correctionWithoutOriginalTextGivesOneCorrectionVersion() throws {
        let records = try APIReader.records(from: Fixtures.data("api-examples/list-response.json"), file: "list.json")
        let record = try #require(records.first { $0.uin == "7947" })
        #expect(record.answerVersions.count == 1)
        let version = try #require(record.answerVersions.first)
        #expect(version.kind == .correction)
        #expect(version.date == "2024-02-05")
        #expect(version.correctingMember == Member(id: 4362))
        #expect(version.isTruncated)
    }

    @Test func correctionWithoutCorrectionDateFallsBackToDateAnswered() throws {
        var value = try JSONText.itemValue()
        value["answerIsCorrection"] = true
        value["dateAnswerCorrected"] = NSNull()
        let record = try #require(APIReader.records(from: JSONText.item(value), file: "c.json").first)
        #expect(record.answerVersions.map(\.kind) == [.correction])
        #expect(record.answerVersions.first?.date == "2024-01-10")
    }

    @Test func holdingAnswerGivesOneHoldingVersion() throws {
        var value = try JSONText.itemValue()
        value["answerIsHolding"] = true
        value["answerText"] = "<p>I will write to the hon. Member.</p>"
        let record = try #require(APIReader.records(from: JSONText.item(value), file: "h.json").first)
        #expect(record.answerVersions.map(\.kind) == [.holding])
        #expect(record.answerVersions.first?.date == "2024-01-10")
        #expect(record.answerVersions.first?.text == "I will write to the hon. Member.")
        #expect(record.dateHoldingAnswer == "2024-01-10")
    }

    @Test func holdingAnswerWithoutDateAnsweredUsesDateHoldingAnswer() throws {
        var value = try JSONText.itemValue()
        value["answerIsHolding"] = true
        value["dateAnswered"] = NSNull()
        value["dateHoldingAnswer"] = "2024-01-09T00:00:00"
        let record = try #require(APIReader.records(from: JSONText.item(value), file: "h.json").first)
        #expect(record.answerVersions.map(\.date) == ["2024-01-09"])
    }

    @Test func substantiveAnswerAfterAHoldingAnswerKeepsTheHoldingDate() throws {
        let records = try APIReader.records(from: Fixtures.data("api-examples/list-response.json"), file: "list.json")
        let record = try #require(records.first { $0.uin == "8221" })
        #expect(record.dateHoldingAnswer == "2024-01-11")
        #expect(record.answerVersions.map(\.kind) == [.substantive])
    }

    @Test func unansweredQuestionHasNoVersions() throws {
        var value = try JSONText.itemValue()
        value["answerText"] = NSNull()
        value["dateAnswered"] = NSNull()
        value["answeringMemberId"] = NSNull()
        let record = try #require(APIReader.records(from: JSONText.item(value), file: "u.json").first)
        #expect(record.answerVersions.isEmpty)
    }

    // MARK: Grouped questions, attachments, members

    @Test func groupedQuestionsCarryTheirTabledDates() throws {
        let records = try APIReader.records(from: Fixtures.data("api-examples/list-response.json"), file: "list.json")
        #expect(records.first { $0.uin == "8160" }?.groupedQuestions == [GroupedQuestion(uin: "8159", dateTabled: "2024-01-05")])
        #expect(records.first { $0.uin == "8159" }?.groupedQuestions == [GroupedQuestion(uin: "8160", dateTabled: "2024-01-05")])
    }

    @Test func groupedQuestionsWithoutDatesKeepTheirUINs() throws {
        var value = try JSONText.itemValue()
        value["groupedQuestions"] = ["7927", "7928"]
        value["groupedQuestionsDates"] = [["questionUin": "7928", "dateTabled": "2024-01-04T00:00:00"]]
        let record = try #require(APIReader.records(from: JSONText.item(value), file: "g.json").first)
        #expect(record.groupedQuestions == [GroupedQuestion(uin: "7927", dateTabled: nil),
                                            GroupedQuestion(uin: "7928", dateTabled: "2024-01-04")])
    }

    @Test func attachmentsAreRead() throws {
        var value = try JSONText.itemValue()
        value["attachmentCount"] = 2
        value["attachments"] = [
            ["url": "https://questions-statements.parliament.uk/a.xlsx", "title": "NRM data", "fileType": "Excel", "fileSizeBytes": 5_000_000_000],
            ["url": "https://questions-statements.parliament.uk/b.pdf", "title": NSNull(), "fileType": NSNull(), "fileSizeBytes": NSNull()],
        ]
        let record = try #require(APIReader.records(from: JSONText.item(value), file: "a.json").first)
        #expect(record.attachments == [
            Attachment(url: "https://questions-statements.parliament.uk/a.xlsx", title: "NRM data", fileType: "Excel", fileSizeBytes: 5_000_000_000),
            Attachment(url: "https://questions-statements.parliament.uk/b.pdf", title: nil, fileType: nil, fileSizeBytes: nil),
        ])
    }

    @Test func expandedMembersAreFilledIn() throws {
        var value = try JSONText.itemValue()
        value["askingMember"] = ["id": 4253, "listAs": "Smith, Jane", "name": "Jane Smith", "party": "Labour",
                                 "partyColour": "d50000", "partyAbbreviation": "Lab", "memberFrom": "Somewhere",
                                 "thumbnailUrl": "https://members-api.parliament.uk/api/Members/4253/Thumbnail"]
        value["answeringMember"] = ["id": 3985, "name": "A Minister", "listAs": NSNull(), "party": NSNull(),
                                    "partyAbbreviation": NSNull(), "memberFrom": NSNull(), "thumbnailUrl": NSNull()]
        let record = try #require(APIReader.records(from: JSONText.item(value), file: "m.json").first)
        #expect(record.askingMember == Member(id: 4253, name: "Jane Smith", listAs: "Smith, Jane", party: "Labour",
                                              partyAbbreviation: "Lab", memberFrom: "Somewhere",
                                              thumbnailURL: "https://members-api.parliament.uk/api/Members/4253/Thumbnail"))
        #expect(record.answerVersions.first?.answeringMember == Member(id: 3985, name: "A Minister"))
    }

    @Test func expandedMemberWithADifferentIdIsRejected() throws {
        var value = try JSONText.itemValue()
        value["askingMember"] = ["id": 1, "name": "Someone Else"]
        let error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "m.json") }
        #expect(error?.description == "m.json: uin 7926: field 'askingMember.id': is 1, but askingMemberId is 4253")
    }

    // MARK: Validation

    @Test func missingIdNamesFileRecordAndField() throws {
        var value = try JSONText.itemValue()
        value.removeValue(forKey: "id")
        let error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.list([value]), file: "list.json") }
        #expect(error?.description == "list.json: results[0] (uin 7926): field 'id': is missing")
    }

    @Test func nullRequiredFieldsAreRejected() throws {
        for key in ["id", "uin", "house", "dateTabled"] {
            var value = try JSONText.itemValue()
            value[key] = NSNull()
            let error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "i.json") }
            #expect(error?.field == key)
            #expect(error?.reason == "is null")
        }
    }

    @Test func badDateNamesFileRecordAndField() throws {
        var values = [try JSONText.itemValue(), try JSONText.itemValue(), try JSONText.itemValue(), try JSONText.itemValue()]
        values[3]["uin"] = "7814"
        values[3]["dateTabled"] = "yesterday"
        let error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.list(values), file: "list.json") }
        #expect(error?.description == "list.json: results[3] (uin 7814): field 'dateTabled': expected a date, found \"yesterday\"")
    }

    @Test func datesThatDoNotExistAreRejected() throws {
        for bad in ["2024-02-30T00:00:00", "2023-02-29", "2024-13-01T00:00:00", "2024-01-05T25:00:00", "2024-1-5", "20240105"] {
            var value = try JSONText.itemValue()
            value["dateAnswered"] = bad
            let error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "i.json") }
            #expect(error?.field == "dateAnswered", "\(bad)")
        }
        var value = try JSONText.itemValue()
        value["dateAnswered"] = "2024-02-29T00:00:00"
        #expect(try APIReader.records(from: JSONText.item(value), file: "i.json").first?.answerVersions.first?.date == "2024-02-29")
    }

    @Test func numberWhereAStringBelongsIsRejected() throws {
        var value = try JSONText.itemValue()
        value["uin"] = 7926
        let error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "i.json") }
        #expect(error?.description == "i.json: value: field 'uin': expected a string, found 7926")
    }

    @Test func boolAndNumberAreNotConfused() throws {
        var value = try JSONText.itemValue()
        value["isNamedDay"] = 1
        var error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "i.json") }
        #expect(error?.description == "i.json: uin 7926: field 'isNamedDay': expected true or false, found 1")

        value = try JSONText.itemValue()
        value["id"] = true
        error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "i.json") }
        #expect(error?.description == "i.json: uin 7926: field 'id': expected a whole number, found true")

        value = try JSONText.itemValue()
        value["answeringBodyId"] = 1.5
        error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "i.json") }
        #expect(error?.field == "answeringBodyId")
    }

    @Test func houseMustBeCommonsOrLords() throws {
        var value = try JSONText.itemValue()
        value["house"] = "Bicameral"
        let error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "i.json") }
        #expect(error?.description == "i.json: uin 7926: field 'house': expected \"Commons\" or \"Lords\", found \"Bicameral\"")
    }

    @Test func nestedFieldErrorsNameTheirPath() throws {
        var value = try JSONText.itemValue()
        value["attachments"] = [["url": "https://a"], ["url": 5]]
        var error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "i.json") }
        #expect(error?.field == "attachments[1].url")

        value = try JSONText.itemValue()
        value["groupedQuestions"] = ["1", 2]
        error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "i.json") }
        #expect(error?.field == "groupedQuestions[1]")

        value = try JSONText.itemValue()
        value["groupedQuestionsDates"] = [["questionUin": "1", "dateTabled": "soon"]]
        error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "i.json") }
        #expect(error?.field == "groupedQuestionsDates[0].dateTabled")
    }

    @Test func wrongShapesAreRejected() throws {
        let cases: [(String, String)] = [
            ("[1, 2]", "s.json: expected an API response object, found an array"),
            ("\"text\"", "s.json: expected an API response object, found \"text\""),
            (#"{"foo": 1}"#, "s.json: expected 'value' (one question) or 'results' (a list of questions) at the top level"),
            (#"{"value": [1]}"#, "s.json: field 'value': expected an object, found an array"),
            (#"{"totalResults": 1, "results": {}}"#, "s.json: field 'results': expected an array, found an object"),
            (#"{"totalResults": 1, "results": [7]}"#, "s.json: results[0]: expected an object, found 7"),
            (#"{"totalResults": 1, "results": [{"links": []}]}"#, "s.json: results[0]: field 'value': is missing"),
            (#"{"type": "x", "title": "Not Found", "status": 404}"#, "s.json: an API error response (status 404: Not Found)"),
        ]
        for (json, message) in cases {
            let error = #expect(throws: InputError.self) { try APIReader.records(from: Data(json.utf8), file: "s.json") }
            #expect(error?.description == message)
        }
    }

    @Test func invalidUTF8IsRejected() {
        var data = Data(#"{"value": {"uin": ""#.utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(contentsOf: Data(#""}}"#.utf8))
        let error = #expect(throws: InputError.self) { try APIReader.records(from: data, file: "u.json") }
        #expect(error?.description == "u.json: not valid UTF-8 (bad byte at offset 19)")
    }

    @Test func emptyFileIsRejected() {
        let error = #expect(throws: InputError.self) { try APIReader.records(from: Data(), file: "e.json") }
        #expect(error?.description == "e.json: empty file")
    }

    @Test func malformedJSONIsRejected() {
        let error = #expect(throws: InputError.self) { try APIReader.records(from: Data(#"{"value": {"#.utf8), file: "m.json") }
        #expect(error?.description.hasPrefix("m.json: not valid JSON") == true)
    }

    @Test func deeplyNestedJSONThrowsInsteadOfCrashing() {
        let deep = #"{"value": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let error = #expect(throws: InputError.self) { try APIReader.records(from: Data(deep.utf8), file: "d.json") }
        #expect(error?.description.hasPrefix("d.json: not valid JSON") == true)
    }

    @Test func hugeFileIsRefusedBeforeParsing() {
        let huge = Data(repeating: UInt8(ascii: " "), count: InputBytes.maximumSize + 1)
        let error = #expect(throws: InputError.self) { try APIReader.records(from: huge, file: "h.json") }
        #expect(error?.description.contains("over the") == true)
    }

    @Test func errorDescriptionIsOneLine() throws {
        var value = try JSONText.itemValue()
        value["dateTabled"] = "line one\nline two"
        let error = #expect(throws: InputError.self) { try APIReader.records(from: JSONText.item(value), file: "i.json") }
        #expect(error?.description.contains("\n") == false)
    }
}
