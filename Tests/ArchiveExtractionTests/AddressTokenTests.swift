@testable import ArchiveExtraction
import Testing

/// Web addresses are one token each, whatever their case; words that start like them are words.
@Suite struct AddressTokenTests {
    @Test func addressesAreOneTokenAndLookalikesAreWords() {
        let text = ScalarText("See https://www.gov.uk/guidance, WWW.Example.org and Http://a.b; which was hitherto what we had (www).")
        let tokens = Tokenizer.tokenize(text, 0, text.count)
        #expect(tokens.filter { $0.kind == .url }.map(\.text) == ["https://www.gov.uk/guidance", "WWW.Example.org", "Http://a.b"])
        let words = tokens.filter(\.isWord).map(\.text)
        for word in ["See", "and", "which", "was", "hitherto", "what", "we", "had", "www"] {
            #expect(words.contains(word), "\(word)")
        }
    }
}
