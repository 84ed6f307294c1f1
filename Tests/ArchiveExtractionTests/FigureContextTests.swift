// Figure context on sentences unlike the dev set: baselines of comparisons, each number's own
// year, "Of these" across sentences, "from X to Y", list items and table captions.
import ArchiveExtraction
import Testing

@Suite struct FigureContextTests {
    private let extractor = Extractor()
    private func figures(_ s: String) -> [Figure] { extractor.extract(from: s).figures }

    @Test func aChangeOnABaselineYearDescribesTheSentencesOwnYear() {
        let f = figures("There were 17,004 referrals to the NRM in 2023, a 1% increase on 2022.")
        #expect(f.map(\.value) == [17004, 1])
        #expect(f.map(\.period) == ["2023", "2023"])
        #expect(f[1].kind == .change && f[1].direction == .increase)
        #expect(f[1].evidence.text == "a 1% increase")
        #expect(f[1].measure == "increase in NRM referrals")
        let g = figures("Prosecutions were 1,200 in 2023, a 33% decrease compared with 2022.")
        #expect(g.map(\.period) == ["2023", "2023"])
        #expect(g[1].direction == .decrease)
        #expect(figures("There were 1,100 prosecutions in 2023, 200 more than in 2022.").map(\.period) == ["2023", "2023"])
        #expect(figures("There were 4,746 referrals to the NRM in Q2 2024, an increase of 5% compared with Q1 2024.").map(\.period) == ["2024-Q2", "2024-Q2"])
    }

    @Test func ofTheseInTheNextSentenceInheritsPeriodNRMAndMeasure() {
        let f = figures("There were 17,004 referrals to the NRM in 2023, a 1% increase on 2022. Of these, 7,432 (44%) were children.")
        #expect(f.map(\.value) == [17004, 1, 7432, 44])
        #expect(f[2].period == "2023" && f[3].period == "2023")
        #expect(f[2].isNRMReferrals && f[3].isNRMReferrals)
        #expect(f[2].population == "children" && f[3].population == "children")
        #expect(f[2].measure == "NRM referrals relating to children")
        #expect(f[3].measure == "share of NRM referrals relating to children")
        #expect(f[3].unit == .percent)
    }

    @Test func ofTheseOutsideTheNRMInheritsTheCountedThing() {
        let f = figures("There were 1,200 prosecutions in 2023. Of these, 300 were women.")
        #expect(f[1].period == "2023")
        #expect(f[1].measure == "prosecutions")
        #expect(f[1].population == "women")
        #expect(f[1].isNRMReferrals == false)
        let g = figures("Of the 17,004 referrals in 2023, 7,432 were for children.")
        #expect(g[1].period == "2023")
        #expect(g[1].measure == "referrals")
        #expect(g[1].population == "children")
    }

    @Test func twoNumbersInOneClauseEachTakeTheirOwnYear() {
        #expect(figures("There were 12,727 referrals in 2021 and 16,938 in 2022.").map(\.period) == ["2021", "2022"])
        #expect(figures("In 2021 there were 12,727 referrals and in 2022 16,938.").map(\.period) == ["2021", "2022"])
    }

    /// A period bound right after one number is not another's, even in its clause: the first number
    /// takes the sentence's period before it instead.
    @Test func aPeriodBoundToOneNumberIsNotTakenByAnother() {
        #expect(figures("In 2021, 500 referrals were made and 300 in 2022.").map(\.period) == ["2021", "2022"])
        #expect(figures("During 2019, 1,100 cases were opened and 640 in 2020.").map(\.period) == ["2019", "2020"])
    }

    @Test func fromOneLevelToAnotherGivesTwoLevelsOfOneMeasure() {
        let f = figures("The number of referrals increased from 12,727 in 2021 to 16,938 in 2022.")
        #expect(f.map(\.value) == [12727, 16938])
        #expect(f.allSatisfy { $0.kind == .level && $0.measure == "referrals" })
        #expect(f.map(\.period) == ["2021", "2022"])
        let g = figures("The number fell from 1,000 to 800.")
        #expect(g.map(\.value) == [1000, 800])
        #expect(g.allSatisfy { $0.kind == .level })
    }

    @Test func qualifiersAndYearEndingAndQuarterPeriods() {
        let f = figures("There were around 3,000 referrals, more than 1,500 convictions and fewer than 100 prosecutions.")
        #expect(f.map(\.qualifier) == ["around", "more than", "fewer than"])
        #expect(f.map(\.measure) == ["referrals", "convictions", "prosecutions"])
        #expect(figures("In the year ending March 2024, there were 17,004 referrals.").first?.period == "2023-24")
        let q = figures("Between April and June 2024, 5,012 potential victims were referred to the NRM, up 7% on the previous quarter.")
        #expect(q.map(\.period) == ["2024-Q2", "2024-Q2"])
        #expect(q.allSatisfy { $0.isNRMReferrals })
    }

    @Test func listItemsTakeTheirGroupFromTheLabelAndCaptionFromTheHeading() {
        let f = figures("Referrals to the NRM in 2023:\n- Adults: 9,000\n- Children: 7,000")
        #expect(f.map(\.value) == [9000, 7000])
        #expect(f.map(\.period) == ["2023", "2023"])
        #expect(f.map(\.population) == ["adults", "children"])
        #expect(f.map(\.measure) == ["Referrals to the NRM – Adults", "Referrals to the NRM – Children"])
        #expect(f.allSatisfy { $0.isNRMReferrals })
    }

    @Test func aHeadingLineWithoutAColonIntroducesANumberedList() {
        let f = figures("2023 figures\n1. Adults: 9,000\n2. Children: 7,000")
        #expect(f.map(\.value) == [9000, 7000])
        #expect(f.map(\.period) == ["2023", "2023"])
        #expect(f.map(\.population) == ["adults", "children"])
    }

    @Test func aTableCaptionLosesIsSetOutBelow() {
        let text = "The number of potential victims referred to the National Referral Mechanism is set out below.\nYear | Adults | Children\n2021 | 6,411 | 5,468\n2022 | 9,790 | 7,019"
        let f = figures(text)
        #expect(f.map(\.value) == [6411, 5468, 9790, 7019])
        #expect(f.map(\.period) == ["2021", "2021", "2022", "2022"])
        #expect(f[0].measure == "potential victims referred to the National Referral Mechanism – Adults")
        #expect(f[1].measure == "potential victims referred to the National Referral Mechanism – Children")
        #expect(f.allSatisfy { $0.isNRMReferrals })
        #expect(f.map(\.population) == ["adults", "children", "adults", "children"])
    }

    @Test func aCaptionThatDoesNotIntroduceTheTableAddsNothing() {
        let f = figures("The figures are as follows:\nYear | Referrals\n2021 | 12,727")
        #expect(f.first?.measure == "Referrals")
        let g = figures("The Home Office publishes statistics quarterly.\nYear | Referrals\n2021 | 12,727")
        #expect(g.first?.measure == "Referrals")
        let h = figures("Referrals to the NRM are shown in the table below.\nYear | Adults\n2021 | 6,411")
        #expect(h.first?.measure == "Referrals to the NRM – Adults")
    }

    @Test func aBracketedLevelAfterTheBaselineYearIsThatYearsLevelOfTheSameMeasure() {
        let f = figures("In 2022, there were 16,938 NRM referrals, a 33% increase compared with 2021 (12,727).")
        #expect(f.map(\.value) == [16938, 33, 12727])
        #expect(f.map(\.period) == ["2022", "2022", "2021"])
        #expect(f[2].measure == "NRM referrals")
        #expect(f[2].isNRMReferrals)
        #expect(f[2].kind == .level)
    }

    @Test func aComparedShareKeepsTheMeasureAndGroupWithItsOwnYear() {
        let f = figures("Approximately 60% of referrals in 2023 were for adults, compared with 55% in 2022.")
        #expect(f.map(\.period) == ["2023", "2022"])
        #expect(f.map(\.measure) == ["referrals", "referrals"])
        #expect(f.map(\.population) == ["adults", "adults"])
    }

    @Test func theYearToAMonthIsAMonthInterval() {
        #expect(figures("There were 1,234 prosecutions in the year to June 2024.").first?.period == "2023-07/2024-06")
        #expect(figures("There were 1,234 prosecutions in the year ending December 2023.").first?.period == "2023-01/2023-12")
    }
}
