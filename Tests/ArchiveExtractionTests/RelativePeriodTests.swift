// Periods named by their place before another ("the preceding quarter", "the previous year",
// "the same quarter last year"), resolved against the period the sentence (or answer) states.
import ArchiveExtraction
import Testing

@Suite struct RelativePeriodTests {
    private let extractor = Extractor()
    private func figures(_ s: String) -> [Figure] { extractor.extract(from: s).figures }

    @Test func aBracketedLevelAfterThePrecedingQuarterIsThatQuartersLevel() {
        let f = figures("Between January and March 2024, 4,758 potential victims were referred to the NRM, a 5% decrease compared to the preceding quarter (4,991).")
        #expect(f.map(\.value) == [4758, 5, 4991])
        #expect(f.map(\.period) == ["2024-Q1", "2024-Q1", "2023-Q4"])
        #expect(f[1].kind == .change && f[1].direction == .decrease)
        #expect(f[2].kind == .level)
        #expect(f.allSatisfy { $0.isNRMReferrals })
    }

    @Test func aLevelInThePreviousYearIsTheYearBefore() {
        let f = figures("In 2023, there were 17,004 referrals to the NRM, compared with 16,938 in the previous year.")
        #expect(f.map(\.period) == ["2023", "2022"])
        let g = figures("There were 1,200 prosecutions in 2023-24, compared with 1,000 in the previous financial year.")
        #expect(g.map(\.period) == ["2023-24", "2022-23"])
    }

    @Test func theSameQuarterLastYearIsAYearEarlierAtTheSameGranularity() {
        let f = figures("In Q2 2024 there were 5,012 referrals to the NRM, up from 4,000 in the same quarter last year.")
        #expect(f.map(\.period) == ["2024-Q2", "2023-Q2"])
        let g = figures("In Q2 2024 there were 5,012 referrals to the NRM, a 25% increase on the same quarter of the previous year.")
        #expect(g.map(\.period) == ["2024-Q2", "2024-Q2"])
    }

    @Test func aChangeAgainstAPreviousPeriodKeepsTheSentencesPeriod() {
        let f = figures("In 2023, there were 17,004 referrals to the NRM, a 1% increase on the previous year.")
        #expect(f.map(\.period) == ["2023", "2023"])
        #expect(f[1].kind == .change)
    }

    @Test func theFirstQuarterLooksBackToTheLastQuarterOfTheYearBefore() {
        let f = figures("In Q1 2024 there were 4,758 referrals to the NRM, compared with 4,991 in the previous quarter.")
        #expect(f.map(\.period) == ["2024-Q1", "2023-Q4"])
        let g = figures("In Q3 2024 there were 4,758 referrals to the NRM, compared with 4,991 in the preceding quarter.")
        #expect(g.map(\.period) == ["2024-Q3", "2024-Q2"])
    }

    @Test func aSentenceWithoutAPeriodCountsBackFromTheAnswersLastPeriod() {
        let f = figures("In 2023, there were 17,004 referrals to the NRM. This compares with 16,938 in the previous year.")
        #expect(f.map(\.period) == ["2023", "2022"])
    }

    @Test func aPreviousQuarterOfAWholeYearHasNoPeriod() {
        let f = figures("In 2023, there were 17,004 referrals to the NRM, compared with 4,000 in the previous quarter.")
        #expect(f.map(\.period) == ["2023", nil])
    }
}
