@testable import ArchiveExtraction
import Testing

/// An answer's text read as scalars, with where each starts in its UTF-8 bytes.
@Suite struct ScalarTextTests {
    @Test(arguments: [
        "We are providing £1.36m to ‘Changing Lives’.",
        "Café société – 17,004 referrals in 2023/24 — 🙂 ok",
        "中文 and ελληνικά, Ǆ and 𝄞",
        "",
        "plain ASCII only",
    ])
    func readsEveryScalarAndItsPlace(text: String) {
        let read = ScalarText(text)
        #expect(read.scalars == Array(text.unicodeScalars))
        #expect(read.count == text.unicodeScalars.count)
        // Every piece between two scalar offsets is that run of scalars, as a string.
        for start in 0...read.count {
            for end in start...read.count where end - start <= 3 {
                let expected = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(start).prefix(end - start)))
                #expect(read.string(start, end) == expected, "\(start)..<\(end)")
            }
        }
        #expect(read.string(0, read.count) == text)
    }
}

/// A sentence's lower-case text is its tokens' lower-case forms joined by single spaces, whatever
/// their length or script.
@Suite struct LowerTextTests {
    @Test(arguments: [
        ("The NRM, in 2023 — Modern Slavery", "the nrm , in 2023 — modern slavery"),
        ("Référence ÉTÉ   Ǆemal", "référence été ǆemal"),
        ("Counter-Trafficking-Partnerships received £1.36m", "counter-trafficking-partnerships received £ 1.36 m"),
        ("", ""),
        ("One", "one"),
    ])
    func joinsTheLowerCaseFormsWithSpaces(text: String, expected: String) {
        let read = ScalarText(text)
        let tokens = Tokenizer.tokenize(read, 0, read.count)
        #expect(Token.lowerText(tokens) == expected)
        #expect(Token.lowerText(tokens) == tokens.map(\.lower).joined(separator: " "))
    }
}
