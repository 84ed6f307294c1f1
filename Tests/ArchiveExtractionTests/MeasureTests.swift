// Measures of money figures: never a time phrase or a dangling preposition, the purpose phrase
// when there is one, and nothing rather than the giver and its verb.
import ArchiveExtraction
import Testing

@Suite struct MeasureTests {
    private let extractor = Extractor()
    private func figures(_ s: String) -> [Figure] { extractor.extract(from: s).figures }

    @Test func aTimePhraseAfterTheSumGivesWayToThePurpose() {
        let f = figures("We will provide up to £25 million over the next three years to support victims of modern slavery.")
        #expect(f.count == 1)
        #expect(f.first?.value == 25_000_000)
        #expect(f.first?.qualifier == "up to")
        #expect(f.first?.measure == "to support victims of modern slavery")
        #expect(f.first?.evidence.text == "up to £25 million")
    }

    @Test func aBareTimePhraseOrTheGiversVerbIsNoMeasure() throws {
        #expect(try #require(figures("The Government has committed £10 million over five years.").first).measure == nil)
        #expect(try #require(figures("We will provide £25 million over the next three years.").first).measure == nil)
        #expect(try #require(figures("We will spend £6.2 million.").first).measure == nil)
    }

    @Test func theThingFundedDropsItsPreposition() {
        let f = figures("We will spend £6.2 million in the 2024 to 2025 financial year on victim support.")
        #expect(f.first?.measure == "victim support")
        #expect(f.first?.period == "2024-25")
        #expect(figures("We will provide £2m for victim support.").first?.measure == "victim support")
    }

    @Test func noMeasureEndsOnAPrepositionOrDeterminer() {
        let sentences = [
            "We will provide up to £25 million over the next three years to support victims.",
            "Funding of £3 million is available for the coming year.",
            "£5 million was spent in each of the last two years.",
            "There were 1,200 prosecutions over the past year.",
        ]
        let closers: Set<String> = ["the", "next", "of", "to", "for", "in", "over", "a", "each", "past", "coming", "last"]
        var measured = 0
        for s in sentences {
            let found = figures(s)
            #expect(!found.isEmpty, "no figure in \(s)")
            for f in found {
                // No measure at all is allowed; a measure must not end on a closer.
                guard let last = f.measure?.split(separator: " ").last?.lowercased() else { continue }
                measured += 1
                #expect(!closers.contains(last), "\(s) → \(f.measure ?? "nil")")
            }
        }
        #expect(measured >= 1, "no figure had a measure to check")
    }

    @Test func fractionsInWordsAreNotFigures() {
        // Numbers written as words are optional in the labels; they must not come out as junk.
        #expect(figures("Around a third of referrals were for labour exploitation.").isEmpty)
    }
}
