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

/// Every way a period starts passes the screen asked before the period rules.
@Suite struct PeriodStartTests {
    @Test(arguments: [
        ("Between April and June 2023 there were 10 referrals.", "2023-Q2"),
        ("From 2019 to 2023 there were 10 referrals.", "2019-2023"),
        ("In the year ending March 2023 there were 10 referrals.", "2022-23"),
        ("In the first quarter of 2023 there were 10 referrals.", "2023-Q1"),
        ("In the final quarter of 2022 there were 10 referrals.", "2022-Q4"),
        ("In Q2 2023 there were 10 referrals.", "2023-Q2"),
        ("In September 2024 there were 10 referrals.", "2024-09"),
        ("In Sept 2024 there were 10 referrals.", "2024-09"),
        ("On 17 October 2024 there were 10 referrals.", "2024-10-17"),
        ("In 2023-24 there were 10 referrals.", "2023-24"),
    ])
    func aPeriodIsFoundWhateverWordStartsIt(sentence: String, period: String) {
        let text = ScalarText(sentence)
        let g = SentenceGrammar(tokens: Tokenizer.tokenize(text, 0, text.count))
        #expect(g.periods.map(\.p.normalized) == [period])
    }

    @Test func theScreenLetsEveryStartingWordThrough() {
        for word in ["between", "from", "year"] + Array(Lexicon.quarterOrdinals.keys) + Array(Lexicon.months.keys) {
            #expect(Lexicon.couldStartAPeriod(word), "\(word)")
        }
        #expect(!Lexicon.couldStartAPeriod("referrals"))
        #expect(!Lexicon.couldStartAPeriod("were"))
    }
}
