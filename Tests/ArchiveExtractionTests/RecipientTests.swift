// Recipients on sentences unlike the dev set: descriptors before a name, possessive bodies,
// several recipients, named funds, relative clauses, time rates and funding lists.
import ArchiveExtraction
import Testing

@Suite struct RecipientTests {
    private let extractor = Extractor()
    private func grants(_ s: String) -> [GrantMention] { extractor.extract(from: s, answeringBody: "Home Office").grants }

    @Test func aDescriptorBeforeTheNameIsNotPartOfTheRecipient() {
        let out = extractor.extract(from: "Since 2019, the Home Office has provided over £1 million to the charity Hope for Justice.",
                                    answeringBody: "Home Office")
        #expect(out.figures.isEmpty)
        #expect(out.grants.count == 1)
        let g = out.grants[0]
        #expect(g.recipient == "Hope for Justice")
        #expect(g.amountPence == 100_000_000)
        #expect(g.qualifier == "over")
        #expect(g.funder == nil)
        #expect(g.evidence.text == "over £1 million to the charity Hope for Justice")
    }

    @Test func organisationNGOAndLocalCharityDescriptorsYieldTheName() {
        let g = grants("We have given £200,000 to the organisation Unseen, £100,000 to the NGO Kalayaan and £50,000 to local charity Justice and Care.")
        #expect(g.map(\.recipient) == ["Unseen", "Kalayaan", "Justice and Care"])
        #expect(g.map(\.amountPence) == [20_000_000, 10_000_000, 5_000_000])
    }

    @Test func aCapitalisedWordInsideANameIsNotADescriptor() {
        #expect(grants("We gave £40,000 to The Children's Trust.").map(\.recipient) == ["Children's Trust"])
    }

    @Test func aBodysOfficeIsTheBodyAndThePeriodStaysInTheEvidence() {
        let g = grants("We are providing £3.2m to the Independent Anti-Slavery Commissioner’s office for 2022 to 2025.")
        #expect(g.count == 1)
        #expect(g.first?.recipient == "Independent Anti-Slavery Commissioner")
        #expect(g.first?.amountPence == 320_000_000)
        #expect(g.first?.evidence.text == "£3.2m to the Independent Anti-Slavery Commissioner’s office for 2022 to 2025")
    }

    @Test func aPossessiveThatIsTheNameItselfIsKept() {
        #expect(grants("We have awarded £2 million to Barnardo's.").map(\.recipient) == ["Barnardo's"])
        #expect(grants("Funding of £1.5 million has been provided to St Mungo’s outreach team.").map(\.recipient) == ["St Mungo’s"])
    }

    @Test func eachGivesEveryRecipientTheSum() {
        let g = grants("We have awarded £150,000 each to Barnardo's and the NSPCC.")
        #expect(g.map(\.recipient) == ["Barnardo's", "NSPCC"])
        #expect(g.allSatisfy { $0.amountPence == 15_000_000 })
        #expect(g.allSatisfy { $0.evidence.text == "£150,000 each to Barnardo's and the NSPCC" })
        let h = grants("The Home Office has provided £50,000 each to Unseen, Hope for Justice and Kalayaan.")
        #expect(h.map(\.recipient) == ["Unseen", "Hope for Justice", "Kalayaan"])
        let after = grants("We awarded £50,000 to Unseen and Hope for Justice each.")
        #expect(after.map(\.recipient) == ["Unseen", "Hope for Justice"])
    }

    @Test func namesContainingAndStayWholeWhenSplittingForEach() {
        let g = grants("We gave £30,000 each to Rape Crisis England and Wales and the Women and Girls Network.")
        #expect(g.map(\.recipient) == ["Rape Crisis England and Wales", "Women and Girls Network"])
        #expect(grants("We gave £30,000 each to Justice and Care and Unseen.").map(\.recipient) == ["Justice and Care", "Unseen"])
        #expect(grants("We gave £2m to Rape Crisis England and Wales.").map(\.recipient) == ["Rape Crisis England and Wales"])
    }

    @Test func separateSumsToSeparateRecipientsAreSeparateGrants() {
        let g = grants("We gave £1m to Unseen and £2m to Hope for Justice.")
        #expect(g.map(\.recipient) == ["Unseen", "Hope for Justice"])
        #expect(g.map(\.amountPence) == [100_000_000, 200_000_000])
    }

    @Test func aJointSumWithoutEachIsOneMentionToTheJointPhrase() {
        let g = grants("We gave £2m to Unseen and Hope for Justice.")
        #expect(g.map(\.recipient) == ["Unseen and Hope for Justice"])
        #expect(g.first?.amountPence == 200_000_000)
        let list = grants("The Home Office has provided £1m to Unseen, Hope for Justice and Kalayaan.")
        #expect(list.map(\.recipient) == ["Unseen, Hope for Justice and Kalayaan"])
        #expect(list.first?.evidence.text == "£1m to Unseen, Hope for Justice and Kalayaan")
    }

    @Test func anAppositionAfterTheRecipientIsNotASecondRecipient() {
        let g = grants("We have provided £2m to the National Crime Agency, the lead agency for tackling serious crime.")
        #expect(g.map(\.recipient) == ["National Crime Agency"])
    }

    @Test func moneyPutIntoANamedFundIsAFigureNotAGrant() {
        let out = extractor.extract(from: "£2m has been allocated to the Victims’ Fund.")
        #expect(out.grants.isEmpty)
        #expect(out.figures.map(\.value) == [2_000_000])
        #expect(out.figures.first?.unit == .gbp)
        #expect(extractor.extract(from: "We will provide £2m to the Modern Slavery Fund in 2024-25.").grants.isEmpty)
    }

    @Test func aPoliceForceAndAUnitNamedAfterForAreRecipients() {
        let g = grants("The Home Office provided £500,000 to Police Scotland.")
        #expect(g.first?.recipient == "Police Scotland")
        #expect(g.first?.funder == nil)
        #expect(extractor.extract(from: "The Home Office provided £500,000 to Police Scotland.").grants.first?.funder == "Home Office")
        let u = grants("We are providing funding of £1.5 million for the Modern Slavery and Organised Immigration Crime Unit.")
        #expect(u.map(\.recipient) == ["Modern Slavery and Organised Immigration Crime Unit"])
        #expect(u.first?.amountPence == 150_000_000)
    }

    @Test func aRelativeClauseBetweenRecipientAndVerbIsSkipped() {
        let g = grants("The Salvation Army, which holds the contract, received £62 million in 2023-24.")
        #expect(g.map(\.recipient) == ["Salvation Army"])
        #expect(g.first?.financialYear == "2023-24")
    }

    @Test func aYearlyRateIsAGrantOnlyWhenANamedRecipientGetsIt() {
        let g = grants("We will provide £1.2 million per year to Unseen to run the helpline.")
        #expect(g.map(\.recipient) == ["Unseen"])
        #expect(g.first?.evidence.text == "£1.2 million per year to Unseen")
        let out = extractor.extract(from: "We will provide £1.2 million per year to tackle exploitation.")
        #expect(out.grants.isEmpty)
        #expect(out.figures.first?.evidence.text == "£1.2 million per year")
    }

    @Test func aTotalAwardedToUnnamedOrganisationsIsAFigure() {
        let out = extractor.extract(from: "A total of £5m was awarded to 12 organisations.")
        #expect(out.grants.isEmpty)
        #expect(out.figures.map(\.value) == [5_000_000, 12])
        #expect(out.figures.map(\.unit) == [.gbp, .count])
    }

    @Test func itemsOfAFundingListAreGrantsWithTheHeadingsFinancialYear() {
        let text = "The following grants were awarded in 2023-24:\n- Unseen: £200,000\n- Hope for Justice – £150,000\n- Justice and Care (£75,000)"
        let g = grants(text)
        #expect(g.map(\.recipient) == ["Unseen", "Hope for Justice", "Justice and Care"])
        #expect(g.map(\.amountPence) == [20_000_000, 15_000_000, 7_500_000])
        #expect(g.map(\.evidence.text) == ["Unseen: £200,000", "Hope for Justice – £150,000", "Justice and Care (£75,000)"])
        #expect(g.allSatisfy { $0.financialYear == "2023-24" })
        // The same items under a heading that is not about funding are figures.
        #expect(grants("Costs in 2023-24:\n- Unseen: £200,000").isEmpty)
    }

    @Test func placesJoinedByAndAreNotARecipient() {
        let out = extractor.extract(from: "We will provide £3m to the UK and Wales.")
        #expect(out.grants.isEmpty)
        #expect(out.figures.map(\.value) == [3_000_000])
        #expect(grants("We gave £2m to Rape Crisis England and Wales.").count == 1)
    }
}

@Suite struct ClauseBoundaryTests {
    @Test func aNameThatStartsTheNextClauseIsNotAnotherRecipient() {
        let text = "Since 2019, the Home Office has provided over £1 million to the charity Hope for Justice, and the Ministry of Justice has granted £450,000 to Rape Crisis England and Wales over 18 months."
        let grants = Extractor().extract(from: text, answeringBody: "Home Office").grants
        #expect(grants.map(\.recipient) == ["Hope for Justice", "Rape Crisis England and Wales"])
        #expect(grants.map(\.amountPence) == [100_000_000, 45_000_000])
        #expect(grants.last?.funder == "Ministry of Justice")
        #expect(grants.last?.durationMonths == 18)
    }
}

@Suite struct ListEndingTests {
    @Test func eachAfterTheLastNameKeepsEveryRecipient() {
        let grants = Extractor().extract(from: "We are providing £150,000 to Unseen UK, Hope for Justice and Kalayaan each.").grants
        #expect(grants.map(\.recipient) == ["Unseen UK", "Hope for Justice", "Kalayaan"])
    }
}
