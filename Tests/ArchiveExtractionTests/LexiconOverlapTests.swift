@testable import ArchiveExtraction
import Testing

/// The grammar looks a word up in the reference words only before a number, code or "."; that is
/// safe because no later word rule could take a reference word either.
@Suite struct LexiconOverlapTests {
    @Test func noReferenceWordIsAGroupANumberAnAgeWordOrHyphenated() {
        #expect(Lexicon.referenceWords.count > 50)
        for word in Lexicon.referenceWords {
            #expect(Lexicon.populationWords[word] == nil, "\(word)")
            #expect(Lexicon.numberWords[word] == nil, "\(word)")
            #expect(!["top", "aged", "age", "ages", "ageing"].contains(word), "\(word)")
            #expect(!word.contains("-"), "\(word)")
        }
    }

    /// The cheap tests asked before a month or a time unit is looked up must pass every key, or a
    /// month or a duration would go unread.
    @Test func thePrefiltersPassEveryMonthAndTimeUnit() {
        #expect(Lexicon.months.count >= 12 && Lexicon.timeUnits.count >= 10)
        for month in Lexicon.months.keys { #expect(Lexicon.couldNameAMonth(month), "\(month)") }
        for unit in Lexicon.timeUnits.keys { #expect(Lexicon.couldBeATimeUnit(unit), "\(unit)") }
        for group in Lexicon.populationWords.keys { #expect(Lexicon.couldNameAGroup(group), "\(group)") }
        // And they turn most words away, or they would save nothing.
        for word in ["the", "of", "to", "a", "funding", "referrals", "victims", "yearly-basis", ""] {
            #expect(!Lexicon.couldBeATimeUnit(word), "\(word)")
            #expect(!Lexicon.couldNameAMonth(word) && !Lexicon.couldNameAGroup(word), "\(word)")
        }
    }
}
