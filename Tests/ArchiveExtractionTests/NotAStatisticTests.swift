// Numbers that are not statistics in realistic answers, and money written in words.
import ArchiveExtraction
import Testing

@Suite struct NotAStatisticTests {
    private let extractor = Extractor()
    private func figures(_ s: String) -> [Figure] { extractor.extract(from: s).figures }

    @Test func aSectionNumberHeadingALineIsNotAFigure() {
        let f = figures("1.1 Referrals to the NRM\nThere were 1,200 referrals.\n2.3.1 Funding")
        #expect(f.map(\.value) == [1200])
        #expect(f.first?.isNRMReferrals == true)
        // A decimal amount opening a line is still a figure.
        #expect(figures("1.5 million people are in modern slavery.").first?.value == 1_500_000)
    }

    @Test func theTopNIsARankNotACount() {
        #expect(figures("The top 10 nationalities referred were Albanian, UK and Eritrean.").isEmpty)
    }

    @Test func referencesDatesPhonesAndListNumbersInOneAnswerAreNotFigures() {
        let text = """
        [holding answer 14 September 2009] Further to Question 1480, HL1234 and PQ 12345 of 17 October 2024:

        1. Call the helpline on 0800 0121 700.
        (a) See section 50A of the Modern Slavery Act 2015 and paragraph 3.2.
        In 2023 a report was published.
        """
        #expect(figures(text).isEmpty)
        #expect(extractor.extract(from: text).grants.isEmpty)
    }

    @Test func poundsWrittenAsAWordAreMoney() {
        let f = figures("The Government has committed 5 million pounds to tackle modern slavery.")
        #expect(f.count == 1)
        #expect(f.first?.unit == .gbp)
        #expect(f.first?.value == 5_000_000)
        #expect(f.first?.evidence.text == "5 million pounds")
        let g = extractor.extract(from: "We gave 200,000 pounds to Unseen.").grants
        #expect(g.first?.amountPence == 20_000_000)
        #expect(g.first?.recipient == "Unseen")
    }

    @Test func aWeeklyRateStaysAFigure() {
        let out = extractor.extract(from: "Victims receive £65 per week.")
        #expect(out.grants.isEmpty)
        #expect(out.figures.first?.evidence.text == "£65 per week")
        #expect(out.figures.first?.unit == .gbp)
    }
}
