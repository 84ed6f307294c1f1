import ArchiveStore
import Foundation
import Testing

@Suite struct DayTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
    func aRealDayIsADay(text: String) throws {
        let day = try #require(Day(text))
        #expect(day.description == text)
    }

    @Test(arguments: ["+202-01-01", "2024-+1-05", "2024-1-05", "2024-02-30", "2023-02-29", "1900-02-29",
                      "2024-13-01", "0000-01-01", "24-01-01", "2024-01-01T00:00:00", " 2024-01-01", "２０２４-01-01", ""])
    func whatIsNotExactlyARealDayIsRefused(text: String) {
        #expect(Day(text) == nil)
        #expect(!Day.isValid(text))
    }

    @Test func anAPIDateTimeGivesItsDayAndABadTimeGivesNone() {
        #expect(Day(isoDateTime: "2024-01-05T00:00:00")?.description == "2024-01-05")
        #expect(Day(isoDateTime: "2024-01-05T09:30:15.250+01:00")?.description == "2024-01-05")
        #expect(Day(isoDateTime: "2024-01-05Z") == nil)
        #expect(Day(isoDateTime: "2024-01-05T25:00:00") == nil)
        #expect(Day(isoDateTime: "2024-02-30T00:00:00") == nil)
        #expect(Day(isoDateTime: "+202-01-05T00:00:00") == nil)
    }

    @Test func aPageDayInWordsGivesTheSameDay() {
        #expect(Day(longForm: "8 October 2024") == Day(year: 2024, month: 10, day: 8))
        #expect(Day(longForm: "8th Oct. 2024") == Day(year: 2024, month: 10, day: 8))
        #expect(Day(longForm: "30 Sept 2023")?.description == "2023-09-30")
        #expect(Day(longForm: "31 June 2024") == nil)
        #expect(Day(longForm: "+8 October 2024") == nil)
        #expect(Day(longForm: "8 Octember 2024") == nil)
    }

    @Test func daysOrderAsTheCalendarDoesAndTodayIsUTC() throws {
        #expect(try #require(Day("2023-12-31")) < #require(Day("2024-01-01")))
        #expect(Day(Date(timeIntervalSince1970: 86_399)).description == "1970-01-01")
        #expect(Day(Date(timeIntervalSince1970: 86_400)).description == "1970-01-02")
        #expect(Day.of(apiDateTime: "2024-01-10T00:00:00") == "2024-01-10")
    }

    @Test func everyOptionIsRefusedWithTheSameWords() {
        #expect(Day.refusal("+202-01-01", option: "--since") == "--since takes a real day written YYYY-MM-DD, not '+202-01-01'")
    }
}
