@testable import ArchiveExtraction
import Testing

/// What a sentence's grammar keeps for its figures gives what working it out again gives.
@Suite struct GrammarCacheTests {
    private func grammar(_ sentence: String) -> SentenceGrammar {
        let text = ScalarText(sentence)
        return SentenceGrammar(tokens: Tokenizer.tokenize(text, 0, text.count))
    }

    @Test func relativePeriodsAreResolvedAgainstThePeriodAskedWith() {
        let g = grammar("There were 4,991 referrals in the previous quarter and 900 in the previous year.")
        for previous in ["2024-Q2", "2024-Q2", "2023", nil, "2024-Q2"] as [String?] {
            let kept = g.resolvedRelativePeriods(previousPeriod: previous).map(\.p.normalized)
            #expect(kept == Context.resolvedRelativePeriods(g, previousPeriod: previous).map(\.p.normalized))
        }
        #expect(g.resolvedRelativePeriods(previousPeriod: "2024-Q2").map(\.p.normalized).first == "2024-Q1")
        #expect(g.resolvedRelativePeriods(previousPeriod: nil).map(\.p.normalized) == ["", ""])
    }

    @Test func ownPeriodsLeaveOutTheBaselinesOfComparisons() {
        let g = grammar("In 2023 there were 17,004 referrals, a 1% increase on 2022.")
        #expect(g.periods.map(\.p.normalized) == ["2023", "2022"])
        #expect(g.ownPeriods.map(\.p.normalized) == ["2023"])
    }
}
