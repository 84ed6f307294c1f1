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

    @Test func aSpacedFinancialYearIsAPeriod() {
        let f = extractor.extract(from: "Prosecutions | Total |\n2019 - 20 | 311 |").figures
        #expect(f.map(\.value) == [311])
        #expect(f.first?.period == "2019-20")
    }

    @Test func offenceCodesListedAfterAHeadingAboutOffencesAreNotCounts() {
        let text = "Search using the following offence codes:\n• 61 Trafficking for labour exploitation\n• 64 Holding a person in slavery\nIn 2022 there were 96 prosecutions."
        #expect(values(text) == [96])
    }
}
