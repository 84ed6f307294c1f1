// The funding frames, one family at a time, on sentences written for these tests (none is from a
// labelled answer): each pattern must read phrasings nobody labelled, and leave alone what is not
// a grant (a budget, money to a class of recipients, a sum with no named recipient).
import ArchiveExtraction
import Testing

@Suite struct FundingFrameTests {
    private let extractor = Extractor()
    private func grants(_ s: String, question: String? = nil) -> [GrantMention] {
        extractor.extract(from: s, answeringBody: "Home Office", question: question).grants
    }
    private func recipients(_ s: String) -> [String] { grants(s).map(\.recipient) }

    @Test func aPurposeClauseNamesWhatTheSumFunds() {
        #expect(recipients("In 2021 we provided £2.4m to establish the Joint Slavery and Trafficking Analysis Centre.") == ["Joint Slavery and Trafficking Analysis Centre"])
        #expect(recipients("The department has made £750,000 available to fund Operation Aidant.") == ["Operation Aidant"])
        #expect(recipients("We committed £4 million to set up the National Modern Slavery Data Hub.") == ["National Modern Slavery Data Hub"])
        #expect(recipients("A £6 million investment will create a new Survivor Recovery Centre in Leeds.").isEmpty)
        #expect(recipients("The Government announced a £6 million investment to create a new Survivor Recovery Centre.") == ["Survivor Recovery Centre"])
        let fundX = grants("The Ministry has given £480,000 to fund Hestia to deliver the Phoenix Project over two years.")
        #expect(fundX.map(\.recipient) == ["Hestia"])
        #expect(fundX.first?.project == "Phoenix Project")
    }

    @Test func onlyTheFirstPurposeClauseIsReadAndItsObjectMustBeNamed() {
        #expect(recipients("We provided £900,000 to support frontline officers to apply the National Policing Guidance.").isEmpty)
        #expect(recipients("£3 million has been spent to improve training for staff.").isEmpty)
    }

    @Test func theEstablishmentOfAndTwoVerbsAreReadThrough() {
        #expect(recipients("We allocated £1.1m to support the establishment of the Slavery Prevention Partnership (SPP).") == ["Slavery Prevention Partnership"])
        #expect(recipients("The Home Office has invested £9m to develop and run the Merseyside Violence Reduction Unit.") == ["Merseyside Violence Reduction Unit"])
    }

    @Test func aSumInvestedInANamedThingIsAGrantToIt() {
        #expect(recipients("Since 2019 we have invested £6.2 million in the Joint Trafficking Intelligence Cell.") == ["Joint Trafficking Intelligence Cell"])
        #expect(recipients("We are investing over £3 million this year in the Survivor Support Programme (SSP).") == ["Survivor Support Programme"])
        #expect(recipients("We have put £500,000 into the Fresh Start programme.") == ["Fresh Start programme"])
        #expect(recipients("We invested £5m in 2019-20.").isEmpty)
        #expect(recipients("We invested £5m in England and Wales.").isEmpty)
    }

    @Test func towardsTheirUnitNamesThePlaceThatOwnsIt() {
        let g = grants("In Lancashire this covers £2.1m towards their Violence Reduction Unit and £900,000 towards their ‘Clear’ hotspot policing programme.")
        #expect(g.map(\.recipient) == ["Lancashire Violence Reduction Unit", "Lancashire Clear hotspot policing programme"])
    }

    @Test func anIndirectObjectBeforeTheSumIsTheRecipient() {
        #expect(recipients("This year we are funding Barnardo’s £1.2 million for the ICTG service.") == ["Barnardo’s"])
        #expect(recipients("We have allocated the Thames Valley Violence Reduction Unit £4.1m since 2019.") == ["Thames Valley Violence Reduction Unit"])
    }

    @Test func theObjectBeforeWithCanEndInALowerCaseHead() {
        #expect(recipients("We are providing the Slavery Safe Homes (SSH) programme with £1.5 million in 2024-25.") == ["Slavery Safe Homes (SSH) programme"])
    }

    @Test func aSubjectIsResolvedThroughTheDiscourse() {
        let text = "We have allocated the Cleveland Violence Reduction Unit (VRU) £8m since 2019. The VRU also received an additional investment of £1.2m in 2022/23."
        #expect(recipients(text) == ["Cleveland Violence Reduction Unit", "Cleveland Violence Reduction Unit"])
        let charity = grants("Your question concerns the charity Anti-Trafficking Advice.", question: nil)
        #expect(charity.isEmpty)
        let described = grants("In 2023 the charity received a grant of £64,000.", question: "To ask what funding the Government has given to Snowdrop Project.")
        #expect(described.map(\.recipient) == ["Snowdrop Project"])
        #expect(grants("In 2023 the charity received a grant of £64,000.").isEmpty)
    }

    @Test func workByAndInSupportOfNameTheOrganisation() {
        #expect(recipients("The FCDO gave £350,000 for work by the International Justice Mission to end forced labour.") == ["International Justice Mission"])
        let support = grants("We contributed £200,000 in support of a UNICEF project on birth registration.")
        #expect(support.map(\.recipient) == ["UNICEF"])
        #expect(support.first?.project == "UNICEF project")
    }

    @Test func aSumInsideTheNounPhraseFundsTheNamedOwnersProject() {
        let g = grants("We are supporting a two-year £640,000 Hestia pilot in six police force areas.")
        #expect(g.map(\.recipient) == ["Hestia"])
        #expect(g.first?.durationMonths == 24)
    }

    @Test func anAppositiveBackedBySumIsAGrantToTheName() {
        #expect(recipients("The Avon and Somerset VRU, backed by £3.4m of investment, works with schools.") == ["Avon and Somerset VRU"])
    }

    @Test func partsOfATotalKeepTheRecipientAndPointToTheirTotal() {
        let g = grants("We have allocated the Essex Violence Reduction Unit £14.2m since 2019, including £3.1m this financial year (2023/24).")
        #expect(g.map(\.amountPence) == [1_420_000_000, 310_000_000])
        #expect(g.map(\.recipient) == ["Essex Violence Reduction Unit", "Essex Violence Reduction Unit"])
        #expect(g[0].partOf == nil)
        #expect(g[1].partOf == 0)
        #expect(g[1].financialYear == "2023-24")
        let parenthesised = grants("We have invested £11m to develop and run the Kent Violence Reduction Unit (with funding of £2.2m in 2023-24).")
        #expect(parenthesised.map(\.partOf) == [nil, 0])
        // A larger sum after "including" is not a part.
        #expect(grants("We gave £1m to Unseen, including £2m of match funding.").count == 1)
    }

    @Test func theGrantForThisYearIsAPartOfTheGrantJustStated() {
        let g = grants("We have awarded £900,000 to Hope for Justice over three years. The grant for this year is £300,000.")
        #expect(g.map(\.recipient) == ["Hope for Justice", "Hope for Justice"])
        #expect(g.map(\.partOf) == [nil, 0])
    }

    @Test func moneyToAClassOfRecipientsOrToNoOneStaysAFigure() {
        let out = extractor.extract(from: "This year we have allocated £38m for Violence Reduction Units and £12m to local councils.", answeringBody: "Home Office")
        #expect(out.grants.isEmpty)
        #expect(out.figures.map(\.value) == [38_000_000, 12_000_000])
        #expect(recipients("We have invested £1.5 billion in the police this year.").isEmpty)
        #expect(recipients("The Government has made £130m available this year to tackle serious violence.").isEmpty)
        #expect(recipients("We have committed £2m to deliver the Modern Slavery Strategy.").isEmpty)
        #expect(recipients("The Government has allocated £20m for the Serious Violence Strategy.").isEmpty)
    }

    @Test func anAgentOfAPassiveIsTheFunder() {
        let g = grants("£2 million has been provided by the Ministry of Justice to fund the Survivor Advocacy Service.")
        #expect(g.map(\.recipient) == ["Survivor Advocacy Service"])
        #expect(g.first?.funder == "Ministry of Justice")
    }

    @Test func aFundingNounWithItsRecipientThenTheSumIsAGrant() {
        #expect(recipients("Our funding to the Independent Anti-Slavery Commissioner’s office was £600,000 in 2022-23.") == ["Independent Anti-Slavery Commissioner"])
        #expect(recipients("The grant for Hestia this year is £75,000.") == ["Hestia"])
        #expect(recipients("We have provided funding for the new Protection Duty, which for Cumbria amounts to £180k in 2024/25.") == ["Cumbria"])
        #expect(recipients("The police have arrested people, which for Cumbria amounts to 180 arrests.").isEmpty)
    }

    @Test func withAGrantOfAfterTheObjectIsStillTheObjectsGrant() {
        #expect(recipients("We have supported the British Red Cross with a grant of £1.1 million.") == ["British Red Cross"])
    }

    @Test func towardsTheCostsOfNamesWhatIsFunded() {
        #expect(recipients("The Home Office provided £350,000 towards the costs of the Hope at Home scheme.") == ["Hope at Home scheme"])
    }

    @Test func aFundNamedWithItsPurposeIsTheProgrammeNotARecipient() {
        let g = grants("The FCDO has given £2m to Anti-Slavery International through the Fund to End Forced Labour.")
        #expect(g.map(\.recipient) == ["Anti-Slavery International"])
        #expect(g.first?.programme == "Fund to End Forced Labour")
        #expect(recipients("The FCDO is providing up to £10 million through the Fund to End Forced Labour.").isEmpty)
    }

    @Test func aPronounOrADescriptionAsSubjectTakesTheNearestName() {
        let text = "The Home Office funds the Slavery Safe Homes scheme. It received £1.3 million in 2023-24. The scheme will receive a further £1.5 million next year."
        #expect(recipients(text) == ["Slavery Safe Homes scheme", "Slavery Safe Homes scheme"])
    }

    @Test func anOwnersUnnamedThingIsNotFunded() {
        #expect(recipients("We provided £2m to support the Home Office’s response to exploitation.").isEmpty)
    }
}

@Suite struct SentencesAcrossBreaksTests {
    private let extractor = Extractor()

    @Test func htmlTagsLeftInATextSeparateWordsLikeSpaces() {
        let g = extractor.extract(from: "<p>We have allocated the Kent Violence Reduction Unit £9.1m since 2019, including a</p><p>c.£2.2m allocation for 2023/24.</p>",
                                  answeringBody: "Home Office").grants
        #expect(g.map(\.amountPence) == [910_000_000, 220_000_000])
        #expect(g.map(\.partOf) == [nil, 0])
    }

    @Test func aLineEndingOnAWordNoSentenceEndsWithRunsOnIntoTheNext() {
        let text = "We have allocated the Kent Violence Reduction Unit £9.1m since 2019, including a\n\nc.£2.2m allocation for 2023/24."
        #expect(extractor.extract(from: text, answeringBody: "Home Office").grants.map(\.partOf) == [nil, 0])
        // A heading and its list are not joined.
        let list = "Funding awarded in 2023-24:\n- Unseen: £200,000\n- Hestia: £150,000"
        #expect(extractor.extract(from: list, answeringBody: "Home Office").grants.map(\.recipient) == ["Unseen", "Hestia"])
    }

    @Test func aLessThanSignIsNotATag() {
        #expect(extractor.extract(from: "Cases closed in <5 days rose to 1,240 in 2023.").figures.map(\.value) == [1240])
    }
}
