import ArchiveStore
import Foundation
import Testing
@testable import ArchiveIngest

@Suite struct PageTextReaderTests {
    static let seed = "seeds/000_9f30effc86ea8fa1.txt"

    @Test func seedPageMeetsTheAcceptanceChecks() throws {
        let record = try PageTextReader.record(from: Fixtures.text(Self.seed), file: "000.txt")
        #expect(record.uin == "7814")
        #expect(record.house == .commons)
        #expect(record.dateTabled == "2024-10-08")
        #expect(record.answeringBody == AnsweringBody(apiID: nil, name: "Home Office"))
        #expect(record.heading == "Human Trafficking: Prostitution")
        #expect(record.isNamedDay == true)
        #expect(record.questionText?.hasPrefix("To ask the Secretary of State for the Home Department") == true)
        #expect(record.answerVersions.count == 1)
        let answer = try #require(record.answerVersions.first)
        #expect(answer.kind == .substantive)
        #expect(answer.date == "2024-10-17")
        #expect(answer.html == nil)
        #expect(answer.isTruncated == false)
        #expect(answer.text.hasPrefix("The trafficking of women and girls"))
        #expect(answer.text.hasSuffix("in due course."))
        for furniture in ["Skip to main content", "Named day", "Answered by", "Answered on", "Home Office\n"] {
            #expect(!answer.text.contains(furniture))
        }
        #expect(answer.text.contains("£1.36m over three years to Changing Lives"))
        #expect(answer.text.components(separatedBy: "\n\n").count == 8)
    }

    @Test func pageFieldsThePageDoesNotShowStayNil() throws {
        let record = try PageTextReader.record(from: Fixtures.text(Self.seed), file: "000.txt")
        #expect(record.apiID == nil)
        #expect(record.dateForAnswer == nil)
        #expect(record.isWithdrawn == nil)
        #expect(record.memberHasInterest == nil)
        #expect(record.askingMember == nil)
        #expect(record.dateHoldingAnswer == nil)
        #expect(record.questionTextIsTruncated == false)
    }

    @Test func everyDevSetPageParsesWithTheRightUINAndHouse() throws {
        let keys = try Fixtures.keys()
        let files = try Fixtures.files(in: "dev-set/inputs/pages", ext: "txt")
        #expect(files.count == 5)
        for file in files {
            let number = String(file.split(separator: "/").last!.prefix(3))
            let key = try #require(keys[number])
            let record = try PageTextReader.record(from: Fixtures.data(file), file: file)
            #expect(record.uin == key.uin, "\(file)")
            #expect(record.house.rawValue == key.house, "\(file)")
            #expect(record.answerVersions.count == 1, "\(file)")
            #expect(record.answeringBody?.name == "Home Office", "\(file)")
            let text = try #require(record.answerVersions.first?.text)
            #expect(!text.isEmpty && !text.contains("Answered by") && !text.contains("Named day"), "\(file)")
        }
    }

    @Test func lordsPageIsReadAsLords() throws {
        let record = try PageTextReader.record(from: Fixtures.text("dev-set/inputs/pages/032.txt"), file: "032.txt")
        #expect(record.uin == "HL90032")
        #expect(record.house == .lords)
        #expect(record.isNamedDay == nil)
        #expect(record.answerVersions.first?.date == "2024-03-04")
    }

    @Test func pageWithoutNamedDayMarkerLeavesNamedDayUnknown() throws {
        let record = try PageTextReader.record(from: Fixtures.text("dev-set/inputs/pages/001.txt"), file: "001.txt")
        #expect(record.isNamedDay == nil)
        #expect(record.answerVersions.first?.text.hasSuffix("in due course.") == true)
    }

    @Test func crlfAndExtraBlankLinesReadTheSame() throws {
        let original = try Fixtures.text(Self.seed)
        let windows = original.replacingOccurrences(of: "\n", with: "\r\n\r\n  ")
        #expect(try PageTextReader.record(from: windows, file: "crlf.txt")
            == PageTextReader.record(from: original, file: "lf.txt"))
    }

    @Test func cookieBannerAndFooterAreNotAnswerText() throws {
        let page = "Cookies on UK Parliament\nWe use cookies to make this website work.\nAccept all cookies\n"
            + (try Fixtures.text("dev-set/inputs/pages/001.txt"))
            + "\nBack to top\n© UK Parliament 2024\nCookie policy\n"
        let record = try PageTextReader.record(from: page, file: "p.txt")
        #expect(record.heading == "Human Trafficking: Prostitution")
        let text = try #require(record.answerVersions.first?.text)
        #expect(text.hasSuffix("in due course."))
        #expect(!text.contains("Cookie") && !text.contains("©"))
    }

    static let labelledPage = """
        Skip to main content
        Modern Slavery: Victims
        Question for Home Office
        UIN HL1234, tabled on 3rd March 2025
        Question
        Asked by
        Baroness Example
        Crossbench
        To ask His Majesty's Government how many victims were referred.

        Answer
        Answered on 10 March 2025
        There were 19,125 referrals in 2024.
        Answered by
        Lord Minister
        Minister of State (Home Office)
        """

    @Test func askedByLinesAndLabelsAreNotQuestionOrAnswerText() throws {
        let record = try PageTextReader.record(from: Self.labelledPage, file: "labels.txt")
        #expect(record.uin == "HL1234")
        #expect(record.house == .lords)
        #expect(record.dateTabled == "2025-03-03")
        #expect(record.questionText == "To ask His Majesty's Government how many victims were referred.")
        #expect(record.answerVersions.first?.date == "2025-03-10")
        // "Answered on" with its date on one line.
        #expect(record.answerVersions.first?.text == "There were 19,125 referrals in 2024.")
        // The asker's name is kept (the page gives no member id to join by); the role line is not.
        #expect(record.askingMemberName == "Baroness Example")
    }

    @Test func correctionNoteMakesACorrectionVersion() throws {
        let page = """
            Skip to main content
            Slavery
            Question for Home Office
            UIN 5555, tabled on 1 February 2024
            To ask the Secretary of State for the Home Department, how many referrals there were.
            Answered on
            8 February 2024
            This answer is a correction from the original answer.
            Corrected on
            20 February 2024
            There were 17,004 referrals.
            Answered by
            Home Office
            """
        let record = try PageTextReader.record(from: page, file: "c.txt")
        #expect(record.answerVersions.count == 1)
        let version = try #require(record.answerVersions.first)
        #expect(version.kind == .correction)
        #expect(version.date == "2024-02-20")
        #expect(version.text == "There were 17,004 referrals.")
    }

    @Test func correctionPageWithOriginalAnswerGivesTwoVersions() throws {
        let page = """
            Slavery
            Question for Home Office
            UIN 5556, tabled on 1 February 2024
            To ask the Secretary of State for the Home Department, how many referrals there were.
            This answer is a correction from the original answer.
            Corrected on 20 February 2024
            There were 17,004 referrals.
            Original answer
            Answered on 8 February 2024
            There were 17,040 referrals.
            Answered by
            Home Office
            """
        let record = try PageTextReader.record(from: page, file: "c2.txt")
        #expect(record.answerVersions.map(\.kind) == [.substantive, .correction])
        #expect(record.answerVersions.map(\.date) == ["2024-02-08", "2024-02-20"])
        #expect(record.answerVersions.map(\.text) == ["There were 17,040 referrals.", "There were 17,004 referrals."])
    }

    @Test func holdingReplacementNoteGivesASubstantiveVersion() throws {
        let page = """
            Slavery
            Question for Home Office
            UIN 5557, tabled on 1 February 2024
            To ask the Secretary of State for the Home Department, a question.
            Answered on
            29 February 2024
            This answer is the replacement for a previous holding answer.
            The full answer.
            Answered by
            Home Office
            """
        let record = try PageTextReader.record(from: page, file: "h.txt")
        #expect(record.answerVersions.map(\.kind) == [.substantive])
        #expect(record.answerVersions.first?.text == "The full answer.")
        #expect(record.answerVersions.first?.date == "2024-02-29")
    }

    @Test func pageWithoutAnsweredOnIsUnanswered() throws {
        let page = """
            Skip to main content
            Prostitution
            Question for Home Office
            UIN 8000, tabled on 5 January 2024
            To ask the Secretary of State for the Home Department, what steps are being taken.
            Named day
            Named day questions only occur in the House of Commons.
            """
        let record = try PageTextReader.record(from: page, file: "u.txt")
        #expect(record.answerVersions.isEmpty)
        #expect(record.questionText == "To ask the Secretary of State for the Home Department, what steps are being taken.")
        #expect(record.isNamedDay == true)
        #expect(record.house == .commons)
    }

    @Test func pageWithoutUINLineNamesTheFileAndTheMissingField() {
        let page = "Skip to main content\nProstitution\nQuestion for Home Office\nTo ask something.\n"
        let error = #expect(throws: InputError.self) { try PageTextReader.record(from: page, file: "no-uin.txt") }
        #expect(error?.file == "no-uin.txt")
        #expect(error?.field == "uin")
        #expect(error?.description.hasPrefix("no-uin.txt: field 'uin': no \"UIN N, tabled on D Month YYYY\" line") == true)
    }

    @Test func pageWithoutTabledDateNamesTheField() {
        let page = "Prostitution\nQuestion for Home Office\nUIN 7814\nTo ask something.\n"
        let error = #expect(throws: InputError.self) { try PageTextReader.record(from: page, file: "p.txt") }
        #expect(error?.record == "uin 7814")
        #expect(error?.field == "dateTabled")
    }

    @Test func impossibleTabledDateIsRejected() {
        let page = "Prostitution\nQuestion for Home Office\nUIN 7814, tabled on 30 February 2024\nTo ask something.\n"
        let error = #expect(throws: InputError.self) { try PageTextReader.record(from: page, file: "p.txt") }
        #expect(error?.description == "p.txt: uin 7814: field 'dateTabled': expected a date, found \"30 February 2024\"")
    }

    @Test func answeredOnWithoutADateIsRejected() {
        let page = "Prostitution\nQuestion for Home Office\nUIN 7814, tabled on 8 October 2024\nTo ask something.\nAnswered on\nsoon\n"
        let error = #expect(throws: InputError.self) { try PageTextReader.record(from: page, file: "p.txt") }
        #expect(error?.field == "dateAnswered")
    }

    @Test func emptyPageIsRejected() {
        let error = #expect(throws: InputError.self) { try PageTextReader.record(from: "\n \r\n", file: "e.txt") }
        #expect(error?.description == "e.txt: empty file")
    }

    @Test func pageBytesThatAreNotUTF8AreRejected() {
        var data = Data("Prostitution\nUIN 1, tabled on 1 May 2024\n".utf8)
        data.append(contentsOf: [0xFF, 0xFE, 0x41])
        let error = #expect(throws: InputError.self) { try PageTextReader.record(from: data, file: "bad.txt") }
        #expect(error?.description.hasPrefix("bad.txt: not valid UTF-8") == true)
    }

    @Test func headerSplitOverLinesIsStillRead() throws {
        let page = """
            Prostitution
            Question for
            Home Office
            UIN 8001,
            tabled on 9 January 2024
            To ask the Secretary of State for the Home Department, a question.
            Answered on
            16 January 2024
            An answer.
            """
        let record = try PageTextReader.record(from: page, file: "split.txt")
        #expect(record.uin == "8001")
        #expect(record.dateTabled == "2024-01-09")
        #expect(record.heading == "Prostitution")
        #expect(record.answeringBody?.name == "Home Office")
        #expect(record.questionText == "To ask the Secretary of State for the Home Department, a question.")
        #expect(record.answerVersions.map(\.text) == ["An answer."])
    }

    @Test func answerParagraphsThatLookLikeShortWordsAreKept() throws {
        let page = """
            Prostitution
            Question for Home Office
            UIN 8002, tabled on 9 January 2024
            To ask the Secretary of State for the Home Department, whether she will publish the data.
            Answered on
            16 January 2024
            No
            The data is not held centrally.
            Answered by
            Home Office
            """
        let record = try PageTextReader.record(from: page, file: "short.txt")
        #expect(record.answerVersions.first?.text == "No\n\nThe data is not held centrally.")
    }

    @Test func lordsUINWinsOverANamedDayMarker() throws {
        let page = "Slavery\nQuestion for Home Office\nUIN HL5, tabled on 1 May 2024\nTo ask HMG a question.\nNamed day\n"
        let record = try PageTextReader.record(from: page, file: "hl.txt")
        #expect(record.house == .lords)
        #expect(record.isNamedDay == true)
    }
}
