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
}
