// Grants stated in the ways realistic answers state them: the recipient as object ("funded X with
// £Y"), as subject ("X received £Y"), after the sum ("£Y was awarded to X"), a list before "each",
// a bracketed sum closing a funding phrase, a rate with a duration, and a Lords answer.
import ArchiveExtraction
import Testing

@Suite struct GrantPhrasingTests {
    private let extractor = Extractor()
    private func grants(_ s: String) -> [GrantMention] { extractor.extract(from: s, answeringBody: "Home Office").grants }

    @Test func fundedXWithASumIsAGrantToXWithoutItsBracketedAcronym() {
        let out = extractor.extract(from: "The Home Office has funded the Modern Slavery and Organised Immigration Crime Unit (MSOICU) with £1.4 million in 2023/24.",
                                    answeringBody: "Home Office")
        #expect(out.figures.isEmpty)
        #expect(out.grants.count == 1)
        let g = out.grants[0]
        #expect(g.recipient == "Modern Slavery and Organised Immigration Crime Unit")
        #expect(g.amountPence == 140_000_000)
        #expect(g.financialYear == "2023-24")
        #expect(g.funder == nil)
        #expect(g.evidence.text == "funded the Modern Slavery and Organised Immigration Crime Unit (MSOICU) with £1.4 million")
        #expect(grants("The Home Office provided Hope for Justice with £300,000.").map(\.recipient) == ["Hope for Justice"])
    }

    @Test func theAcronymIsLeftOutWhicheverSideOfTheSumTheNameIs() {
        let g = grants("£1.4 million has been allocated to the Modern Slavery and Organised Immigration Crime Unit (MSOICU) for 2023-24.")
        #expect(g.map(\.recipient) == ["Modern Slavery and Organised Immigration Crime Unit"])
        #expect(g.first?.financialYear == "2023-24")
        #expect(g.first?.evidence.text == "£1.4 million has been allocated to the Modern Slavery and Organised Immigration Crime Unit (MSOICU) for 2023-24")
    }

    @Test func subjectAndPassivePhrasingsAreAllGrantsToTheNamedBody() {
        let cases: [(String, String, Int64)] = [
            ("Unseen has been awarded £1.2 million.", "Unseen", 120_000_000),
            ("Hope for Justice received £300,000 in 2022-23.", "Hope for Justice", 30_000_000),
            ("£500,000 was awarded to Kalayaan.", "Kalayaan", 50_000_000),
            ("The Home Office made a grant of £250,000 to Justice and Care.", "Justice and Care", 25_000_000),
            ("The Salvation Army will receive £62 million.", "Salvation Army", 6_200_000_000),
            ("£2 million has been allocated to the Independent Anti-Slavery Commissioner for research.", "Independent Anti-Slavery Commissioner", 200_000_000),
            ("The NCA received £12 million.", "NCA", 1_200_000_000),
            ("Kalayaan was granted £200,000.", "Kalayaan", 20_000_000),
        ]
        for (sentence, recipient, pence) in cases {
            let out = extractor.extract(from: sentence, answeringBody: "Home Office")
            #expect(out.grants.map(\.recipient) == [recipient], "\(sentence)")
            #expect(out.grants.map(\.amountPence) == [pence], "\(sentence)")
            #expect(out.figures.isEmpty, "\(sentence)")
        }
        #expect(grants("Hope for Justice received £300,000 in 2022-23.").first?.financialYear == "2022-23")
    }

    @Test func aListOfSubjectsThatWillEachReceiveASumGetsOneGrantEach() {
        let g = grants("Unseen, Hope for Justice and Kalayaan will each receive £50,000.")
        #expect(g.map(\.recipient) == ["Unseen", "Hope for Justice", "Kalayaan"])
        #expect(g.allSatisfy { $0.amountPence == 5_000_000 })
        #expect(g.allSatisfy { $0.evidence.text == "Unseen, Hope for Justice and Kalayaan will each receive £50,000" })
        let after = grants("Unseen and Kalayaan will receive £50,000 each.")
        #expect(after.map(\.recipient) == ["Unseen", "Kalayaan"])
        #expect(after.first?.evidence.text == "Unseen and Kalayaan will receive £50,000 each")
        // Without "each" the text does not say how the sum is shared: one mention to the joint phrase.
        #expect(grants("Unseen, Hope for Justice and Kalayaan received £150,000.").map(\.recipient) == ["Unseen, Hope for Justice and Kalayaan"])
        // An opening place before a comma is not a recipient.
        #expect(grants("In London, Unseen received £50,000.").map(\.recipient) == ["Unseen"])
    }

    @Test func aSumToEachOfAnUnnamedGroupIsAFigure() {
        let out = extractor.extract(from: "£100,000 was provided to each of the 43 police forces.")
        #expect(out.grants.isEmpty)
        #expect(out.figures.map(\.value) == [100_000, 43])
        #expect(out.figures.map(\.unit) == [.gbp, .count])
    }

    @Test func aBracketedSumClosingAFundingPhraseIsAGrantWithItsNamedService() {
        let g = grants("We provide funding for Unseen to run the Modern Slavery & Exploitation Helpline (£1.2 million).")
        #expect(g.count == 1)
        #expect(g.first?.recipient == "Unseen")
        #expect(g.first?.amountPence == 120_000_000)
        #expect(g.first?.project == "Modern Slavery & Exploitation Helpline")
        #expect(g.first?.evidence.text == "funding for Unseen to run the Modern Slavery & Exploitation Helpline (£1.2 million)")
        let h = grants("Unseen has been awarded £1.2 million to run the Modern Slavery & Exploitation Helpline.")
        #expect(h.first?.project == "Modern Slavery & Exploitation Helpline")
        #expect(h.first?.evidence.text == "Unseen has been awarded £1.2 million to run the Modern Slavery & Exploitation Helpline")
    }

    @Test func aFinancialYearWrittenOutInWordsIsTheGrantsFinancialYear() {
        let g = grants("The Home Office will provide £6.2 million in the 2024 to 2025 financial year to the Salvation Army.")
        #expect(g.map(\.recipient) == ["Salvation Army"])
        #expect(g.first?.financialYear == "2024-25")
        #expect(grants("In the financial year 2024 to 2025, Unseen will receive £6.2 million.").first?.financialYear == "2024-25")
        let f = extractor.extract(from: "We will spend £6.2 million in the 2024 to 2025 financial year on victim support.").figures
        #expect(f.first?.period == "2024-25")
    }

    @Test func aRateWithADurationKeepsTheRateAmountTheRateAndTheDuration() throws {
        let g = grants("Unseen receives £1.5m per annum for three years.")
        #expect(g.count == 1)
        #expect(g.first?.amountPence == 150_000_000)
        #expect(g.first?.rate == "per annum")
        #expect(g.first?.durationMonths == 36)
        #expect(g.first?.evidence.text == "Unseen receives £1.5m per annum for three years")
        #expect(try #require(grants("We gave £2m to Unseen.").first).rate == nil)
    }

    @Test func aLordsAnswerOpeningIsNeitherRecipientNorFunder() {
        let out = extractor.extract(from: "My Lords, the Government provided £2 million to Hope for Justice in 2023. My Lords, Unseen received £1 million.")
        #expect(out.grants.map(\.recipient) == ["Hope for Justice", "Unseen"])
        #expect(out.grants.allSatisfy { $0.funder == nil })
        #expect(out.figures.isEmpty)
    }
}
