@testable import ArchiveExtraction
import Testing

/// A number token keeps its digits without separators, its decimal part, and whether it had
/// thousands separators.
@Suite struct NumberTokenTests {
    private func numbers(_ text: String) -> [(text: String, int: String, frac: String, separated: Bool, value: Double)] {
        Tokenizer.tokenize(ScalarText(text), 0, ScalarText(text).count)
            .filter { $0.isNumber }
            .map { ($0.text, $0.intDigits, $0.fracDigits, $0.hasSeparator, $0.numericValue) }
    }

    @Test func digitsSeparatorsAndDecimalsAreReadApart() {
        let read = numbers("£1,234,567.89 went to 17,004 people in 2023; 12,34 is no group; 3.5m and 0.25% and 1,2345")
        #expect(read.map(\.text) == ["1,234,567.89", "17,004", "2023", "12", "34", "3.5", "0.25", "1", "2345"])
        #expect(read.map(\.int) == ["1234567", "17004", "2023", "12", "34", "3", "0", "1", "2345"])
        #expect(read.map(\.frac) == ["89", "", "", "", "", "5", "25", "", ""])
        #expect(read.map(\.separated) == [true, true, false, false, false, false, false, false, false])
        #expect(read.map(\.value) == [1_234_567.89, 17_004, 2023, 12, 34, 3.5, 0.25, 1, 2345])
    }

    /// The counts the grammar asks for agree with the digits they stand for, and a word has none.
    @Test func digitCountsAgreeWithTheDigits() {
        let text = ScalarText("£1,234,567.89, 0300 and 2.5 or 07 in 2023/24 words")
        let tokens = Tokenizer.tokenize(text, 0, text.count)
        for token in tokens {
            #expect(token.intDigitCount == token.intDigits.count)
            #expect(token.hasFraction == !token.fracDigits.isEmpty)
        }
        #expect(tokens.filter(\.isNumber).map(\.intDigitCount) == [7, 4, 1, 2, 4, 2])
        #expect(tokens.filter(\.hasFraction).map(\.text) == ["1,234,567.89", "2.5"])
    }

    @Test func aYearAndAPlainIntegerAreKnownAsSuch() {
        let tokens = Tokenizer.tokenize(ScalarText("in 2024 and 1,999 and 45"), 0, 24)
        let numbers = tokens.filter(\.isNumber)
        #expect(numbers.map(\.year) == [2024, nil, nil])
        #expect(numbers.map(\.plainInt) == [2024, nil, 45])
    }
}
