// Context rules on sentences unlike the dev set: partitive shares, comparisons, populations
// after a copula, and recipients named before a contract.
import ArchiveExtraction
import Testing

@Suite struct ContextTests {
    private let extractor = Extractor()

    @Test func sharesIntroducedByOfWhichInheritNRMAndTakeTheirOwnGroup() {
        let f = extractor.extract(from: "In the year ending March 2024, there were 17,004 NRM referrals, of which 52% were adults and 41% were children.").figures
        #expect(f.map(\.value) == [17004, 52, 41])
        #expect(f.allSatisfy { $0.isNRMReferrals && $0.period == "2023-24" })
        #expect(f.map(\.population) == [nil, "adults", "children"])
    }

    @Test func aComparedFigureKeepsTheMeasureAndItsOwnYear() {
        let f = extractor.extract(from: "Police forces made 1,234 arrests in 2022, compared to 1,000 in 2021.").figures
        #expect(f.map(\.period) == ["2022", "2021"])
        #expect(f.map(\.measure) == ["arrests", "arrests"])
    }

    @Test func potentialVictimsReferredAreNRMReferrals() {
        let f = extractor.extract(from: "Between April and June 2024, 5,012 potential victims were referred, up 7% on the same quarter last year.").figures
        #expect(f.first?.isNRMReferrals == true)
        #expect(f.first?.period == "2024-Q2")
        #expect(f.last?.kind == .change)
    }

    @Test func aRecipientAwardedAContractWorthASumIsAGrant() {
        let g = extractor.extract(from: "The Home Office awarded Unseen UK a contract worth £1m.").grants
        #expect(g.first?.recipient == "Unseen UK")
        #expect(g.first?.amountPence == 100_000_000)
    }

    @Test func anAliasedRecipientIsNamedAsWrittenInsideAProgrammeSentence() {
        let out = extractor.extract(from: "Since 2019, we have invested more than £6 million in the Modern Slavery Fund, including £1.2m to the International Organization for Migration (IOM) for a programme in Vietnam.")
        #expect(out.grants.map(\.recipient) == ["International Organization for Migration"])
        #expect(out.figures.first?.qualifier == "more than")
    }
}
