// Numbers that mark, name or date rather than count, on sentences written for these tests.
import ArchiveExtraction
import Testing

@Suite struct NumbersThatMarkOrNameTests {
    private let extractor = Extractor()
    private func values(_ s: String) -> [Double] { extractor.extract(from: s).figures.map(\.value) }

    @Test func aDateRangeIsNotACount() {
        #expect(values("An intensification week held 3-9 March resulted in 412 arrests.") == [412])
    }

    @Test func sectionMarkersAndGluedFootnotesAreNotCounts() {
        #expect(values("Section 45 defence { 3 } was raised in 27 cases.") == [27])
        #expect(values("Defendants proceeded against, 2016 to 2020 (1)(2)") == [])
    }

    @Test func cellsRunTogetherCannotBeRead() {
        #expect(values("Found guilty--86") == [])
    }

    @Test func aQuotedCodeIsALabel() {
        #expect(values("Select ‘118 Slavery offences’ in the data tool; there were 52 such prosecutions.") == [52])
    }

    @Test func anAgeAfterAGroupIsNotACount() {
        #expect(values("Support is available to children under 12 in 14 local authorities.") == [14])
    }

    @Test func aYearLikeNumberBeforeACountNounIsACount() {
        #expect(values("The operation led to over 1900 arrests and over 2050 individuals safeguarded.") == [1900, 2050])
    }

    @Test func aFinancialYearInTwoDigitYearsAfterAPrepositionIsAPeriod() {
        let f = extractor.extract(from: "Referrals rose to 1,310 in 23/24.").figures
        #expect(f.map(\.value) == [1310])
        #expect(f.first?.period == "2023-24")
        #expect(values("The service runs 24/7 for 365 days.") == [])
    }

    @Test func aSpacedFinancialYearIsAPeriod() {
        let f = extractor.extract(from: "Prosecutions | Total |\n2019 - 20 | 311 |").figures
        #expect(f.map(\.value) == [311])
        #expect(f.first?.period == "2019-20")
        // A period labelling a row whose column also holds other labels still dates the row.
        let rows = extractor.extract(from: "Year | Volume | % |\n2019 - 20 | 311 | 62.0% |\nApril - Sept 20 | 140 | 58.0% |").figures
        #expect(rows.map(\.period) == ["2019-20", "2019-20", nil, nil])
    }

    @Test func offenceCodesListedAfterAHeadingAboutOffencesAreNotCounts() {
        let text = "Search using the following offence codes:\n• 61 Trafficking for labour exploitation\n• 64 Holding a person in slavery\nIn 2022 there were 96 prosecutions."
        #expect(values(text) == [96])
    }
}

@Suite struct MoneyWithoutAPoundSignTests {
    private let extractor = Extractor()

    @Test func aSumInMillionsJoinedToASumOfMoneyIsMoney() {
        let out = extractor.extract(from: "We have provided £1.2 million to the Snowdrop Project and 3.4 million to Hestia.", answeringBody: "Home Office")
        #expect(out.grants.map(\.recipient) == ["Snowdrop Project", "Hestia"])
        #expect(out.grants.map(\.amountPence) == [120_000_000, 340_000_000])
        // Without a sum of money before it, "3 million" is a count.
        #expect(extractor.extract(from: "Around 3 million people were surveyed.").figures.map(\.unit) == [.count])
    }

    @Test func numbersUnderAPoundsMillionHeaderAreMoney() {
        let text = "Funding allocated to each unit is set out below.\nUnit | 2022-23 (£ million) | 2023-24 (£ million) |\nCleveland Violence Reduction Unit | 1.2 | 1.35 |"
        let out = extractor.extract(from: text, answeringBody: "Home Office")
        #expect(out.grants.map(\.amountPence) == [120_000_000, 135_000_000])
        #expect(out.grants.map(\.financialYear) == ["2022-23", "2023-24"])
        #expect(out.figures.isEmpty)
    }

    @Test func aNamedOperationsNumberAndATargetAreNotCounts() {
        #expect(extractor.extract(from: "Operation Sceptre 2 led to 58 arrests and supports SDG target 8.7.").figures.map(\.value) == [58])
    }
}

@Suite struct ShareOfAGroupTests {
    @Test func aShareOfAGroupIsOfThatGroup() {
        let f = Extractor().extract(from: "Of the 3,120 children referred to the NRM in 2023, 1,604 were referred for criminal exploitation.").figures
        #expect(f.map(\.value) == [3120, 1604])
        #expect(f.map(\.population) == ["children", "children"])
        #expect(f.last?.exploitationType == "criminal exploitation")
    }
}
