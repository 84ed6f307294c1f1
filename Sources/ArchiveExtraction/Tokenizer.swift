// The scanner: one pass over a range of Unicode scalars, producing words, numbers, codes,
// punctuation and URLs, each with its scalar offsets into the whole answer text.

/// The text of one answer as an array of Unicode scalars, so offsets are scalar counts.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    // The text's UTF-8 bytes, and where each scalar starts in them (one more entry for the end),
    // so a piece of text is a copy of bytes rather than a string built scalar by scalar.
    private let utf8: [UInt8]
    private let offsets: [Int32]

    init(_ text: String) {
        // One pass over the UTF-8 bytes, writing each scalar and where it starts straight into
        // arrays of the right size: appending scalar by scalar was a visible share of extraction.
        let utf8 = Array(text.utf8)
        var scalarCount = 0
        var offsets: [Int32] = []
        scalars = [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { scalars, initialized in
            offsets = [Int32](unsafeUninitializedCapacity: utf8.count + 1) { offsets, offsetCount in
                var i = 0
                while i < utf8.count {
                    offsets[scalarCount] = Int32(i)
                    if utf8[i] < 0x80 {
                        scalars[scalarCount] = Unicode.Scalar(utf8[i])
                        i += 1
                    } else {
                        let (scalar, width) = Self.decode(utf8, at: i)
                        scalars[scalarCount] = scalar
                        i += width
                    }
                    scalarCount += 1
                }
                offsets[scalarCount] = Int32(utf8.count)
                offsetCount = scalarCount + 1
            }
            initialized = scalarCount
        }
        self.offsets = offsets
        self.utf8 = utf8
    }

    // The scalar a multi-byte sequence starting at `i` encodes; a String's UTF-8 is always valid.
    private static func decode(_ b: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(b[i])
        let value: UInt32, width: Int
        if lead >= 0xF0 {
            value = (lead & 0x07) << 18 | (UInt32(b[i + 1]) & 0x3F) << 12 | (UInt32(b[i + 2]) & 0x3F) << 6 | (UInt32(b[i + 3]) & 0x3F)
            width = 4
        } else if lead >= 0xE0 {
            value = (lead & 0x0F) << 12 | (UInt32(b[i + 1]) & 0x3F) << 6 | (UInt32(b[i + 2]) & 0x3F)
            width = 3
        } else {
            value = (lead & 0x1F) << 6 | (UInt32(b[i + 1]) & 0x3F)
            width = 2
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    var count: Int { scalars.count }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes(start, end), as: UTF8.self)
    }

    // The UTF-8 bytes of the scalars start..<end (clamped to the text).
    private func bytes(_ start: Int, _ end: Int) -> ArraySlice<UInt8> {
        let from = max(0, min(start, scalars.count)), to = max(from, min(end, scalars.count))
        return utf8[Int(offsets[from])..<Int(offsets[to])]
    }

    /// The piece's text and its lower-case form. An ASCII piece is lowered byte by byte, and one
    /// with no capital letter is its own lower-case form: `lowercased()` per token was a visible cost.
    func stringAndLower(_ start: Int, _ end: Int) -> (text: String, lower: String) {
        let bytes = bytes(start, end)
        let text = String(decoding: bytes, as: UTF8.self)
        var hasCapital = false
        for byte in bytes {
            if byte >= 0x80 { return (text, text.lowercased()) }
            if byte >= 0x41 && byte <= 0x5a { hasCapital = true }
        }
        guard hasCapital else { return (text, text) }
        let lower = String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (k, byte) in bytes.enumerated() { buffer[k] = byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte }
            return bytes.count
        }
        return (text, lower)
    }

    func span(_ start: Int, _ end: Int) -> TextSpan {
        TextSpan(start: start, end: end, text: string(start, end))
    }
}

// Tokens are copied with the arrays that hold them, so a token keeps only two strings: each one
// more was a reference to count at every copy. A number's digits are read from its text.
struct Token {
    enum Kind { case word, number, code, punct, url }
    var kind: Kind
    var start: Int
    var end: Int
    var text: String
    var lower: String
    /// Whitespace separates this token from the one before it (true for the first token).
    var spaceBefore: Bool
    /// For numbers: thousands separators were written ("17,004").
    private(set) var hasSeparator: Bool = false
    /// A plain integer without separators or decimals (years, day numbers, list numbers).
    private(set) var plainInt: Int?
    /// A plain four-digit integer from 1900 to 2100.
    private(set) var year: Int?

    /// For numbers: the digits before the decimal point, without thousands separators ("1234567").
    var intDigits: String {
        String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            forEachIntDigit { buffer[count] = $0; count += 1 }
            return count
        }
    }
    /// For numbers: how many digits `intDigits` has, counted without building it.
    var intDigitCount: Int {
        var count = 0
        forEachIntDigit { _ in count += 1 }
        return count
    }
    /// Calls `body` with each digit of a number before its decimal point; nothing for other tokens.
    private func forEachIntDigit(_ body: (UInt8) -> Void) {
        guard kind == .number else { return }
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") { break }
            if byte != UInt8(ascii: ",") { body(byte) }
        }
    }
    /// For numbers: the digits after the decimal point ("89"), empty for none.
    var fracDigits: String {
        guard kind == .number, let point = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return "" }
        return String(decoding: text.utf8[text.utf8.index(after: point)...], as: UTF8.self)
    }
    /// For numbers: a decimal part was written ("3.5").
    var hasFraction: Bool { kind == .number && text.utf8.contains(UInt8(ascii: ".")) }

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    var isCapitalized: Bool {
        guard kind == .word || kind == .code, let f = text.unicodeScalars.first else { return false }
        return f.isASCII ? f.value >= 0x41 && f.value <= 0x5a : f.properties.isUppercase
    }
    var isAllCaps: Bool {
        kind == .word && text.unicodeScalars.count > 1
            && text.unicodeScalars.allSatisfy { $0.isASCII ? !($0.value >= 0x61 && $0.value <= 0x7a) : !$0.properties.isLowercase }
    }
    /// Marks a number token, working out once what the grammar asks of it again and again.
    mutating func setNumber(separated: Bool) {
        hasSeparator = separated
        let digits = text.utf8.count
        plainInt = !separated && !hasFraction && digits <= 9 ? Int(text) : nil
        year = plainInt.flatMap { digits == 4 && (1900...2100).contains($0) ? $0 : nil }
    }
    /// A number's value: its text without thousands separators.
    var numericValue: Double {
        Double(String(decoding: text.utf8.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)) ?? 0
    }
    func isPunct(_ s: String) -> Bool { kind == .punct && text == s }
    /// Whether the lower-case form is `word`. Lengths are compared first, so most words are turned
    /// away without comparing strings: the grammar asks this at nearly every token.
    @inline(__always) func lowerIs(_ word: String) -> Bool { lower.utf8.count == word.utf8.count && lower == word }

    /// The tokens' lower-case forms joined by single spaces, as the phrase searches read a sentence
    /// (built in one buffer: the generic `joined` was a visible share of extraction).
    static func lowerText(_ tokens: [Token]) -> String {
        // Sized first and filled by copying each word's bytes: appending them to an array and
        // decoding that was a visible share of every sentence.
        let length = tokens.reduce(max(0, tokens.count - 1)) { $0 + $1.lower.utf8.count }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var k = 0
            for (n, token) in tokens.enumerated() {
                if n > 0 { buffer[k] = 0x20; k += 1 }
                var lower = token.lower
                lower.withUTF8 { bytes in
                    guard let from = bytes.baseAddress, let to = buffer.baseAddress else { return }
                    (to + k).update(from: from, count: bytes.count)
                    k += bytes.count
                }
            }
            return k
        }
    }
}

enum Tokenizer {
    // Most answer text is ASCII: its letters and spaces are told without a Unicode property lookup.
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7a : c.properties.isAlphabetic
    }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        // ASCII whitespace as Unicode defines it: tab, line feed, vertical tab, form feed, return, space.
        c.isASCII ? c == " " || (c.value >= 0x09 && c.value <= 0x0d) : c.properties.isWhitespace || c == "\u{00A0}"
    }
    static func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "\u{2019}" }
    static func isHyphen(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "\u{2010}" || c == "\u{2011}" }

    /// Scans `text[start..<end]` into tokens.
    static func tokenize(_ text: ScalarText, _ start: Int, _ end: Int) -> [Token] {
        let u = text.scalars
        var tokens: [Token] = []
        // Room for a token every four scalars, more than prose has: growing the array by doubling
        // copied every token made so far, several times an answer.
        tokens.reserveCapacity((end - start) / 4 + 1)
        var i = start
        var sawSpace = true
        func at(_ k: Int) -> Unicode.Scalar? { k < end ? u[k] : nil }
        func hasPrefix(_ p: String, _ k: Int) -> Bool {
            var j = k
            for c in p.unicodeScalars {
                guard let x = at(j) else { return false }
                let same = x.isASCII ? x == c || ((0x41...0x5a).contains(x.value) && x.value | 0x20 == c.value)
                                     : x.properties.lowercaseMapping == String(c) || x == c
                guard same else { return false }
                j += 1
            }
            return true
        }
        func emit(_ kind: Token.Kind, _ a: Int, _ b: Int) {
            let (s, lower) = text.stringAndLower(a, b)
            tokens.append(Token(kind: kind, start: a, end: b, text: s, lower: lower, spaceBefore: sawSpace))
            sawSpace = false
        }
        /// False when the second scalar rules out "http" and "www" ("has", "which", "were"), before
        /// the slower comparison; a scalar outside ASCII is left to that comparison.
        func couldStartAddress(_ k: Int) -> Bool {
            guard let second = at(k + 1), second.isASCII, u[k].isASCII else { return true }
            return second.value | 0x20 == (u[k].value | 0x20 == 0x68 ? 0x74 : 0x77)
        }
        /// The end of an HTML tag starting at k ("<p>", "</p>", "<br/>", "<a href=...>"), or nil.
        func tagEnd(_ k: Int) -> Int? {
            var j = k + 1
            if at(j) == "/" { j += 1 }
            guard let first = at(j), first.isASCII, first.properties.isAlphabetic else { return nil }
            while j < min(end, k + 300), let x = at(j), x != "<" {
                if x == ">" { return j + 1 }
                j += 1
            }
            return nil
        }
        while i < end {
            let c = u[i]
            if isSpace(c) { sawSpace = true; i += 1; continue }
            // HTML markup left in a text ("including a</p><p>c.£12.6m"): a tag separates words like a space.
            if c == "<", let j = tagEnd(i) { sawSpace = true; i = j; continue }
            // URLs and e-mail-free web addresses: skipped as one token up to whitespace.
            // (Only a scalar that lower-cases to "h" or "w" can start one.)
            if c.value | 0x20 == 0x68 || c.value | 0x20 == 0x77 || !c.isASCII, couldStartAddress(i),
               hasPrefix("http://", i) || hasPrefix("https://", i) || hasPrefix("www.", i) {
                var j = i
                while j < end, !isSpace(u[j]) { j += 1 }
                while j > i, let last = at(j - 1), ".,;:)]".unicodeScalars.contains(last) { j -= 1 }
                emit(.url, i, j)
                i = j
                continue
            }
            if isDigit(c) {
                var j = i
                var sep = false
                while let x = at(j), isDigit(x) { j += 1 }
                // Thousands separators: ",ddd" groups not followed by another digit.
                while let x = at(j), x == ",", let d1 = at(j + 1), let d2 = at(j + 2), let d3 = at(j + 3),
                      isDigit(d1), isDigit(d2), isDigit(d3), !(at(j + 4).map(isDigit) ?? false) {
                    sep = true
                    j += 4
                }
                if let x = at(j), x == ".", let d = at(j + 1), isDigit(d) {
                    j += 1
                    while let x = at(j), isDigit(x) { j += 1 }
                }
                // Letters glued to the number: multipliers and ordinals split off; anything else is a code.
                if let x = at(j), isLetter(x) {
                    var k = j
                    while let y = at(k), isLetter(y) || isDigit(y) || y == "_" { k += 1 }
                    let suffix = text.string(j, k).lowercased()
                    if Lexicon.gluedSuffixes.contains(suffix) {
                        emit(.number, i, j)
                        tokens[tokens.count - 1].setNumber(separated: sep)
                        emit(.word, j, k)
                    } else {
                        emit(.code, i, k)
                    }
                    i = k
                    continue
                }
                emit(.number, i, j)
                tokens[tokens.count - 1].setNumber(separated: sep)
                i = j
                continue
            }
            if isLetter(c) {
                var j = i
                var hasDigit = false
                while let x = at(j) {
                    if isLetter(x) || x == "_" { j += 1; continue }
                    if isDigit(x) { hasDigit = true; j += 1; continue }
                    if isApostrophe(x) || isHyphen(x), let y = at(j + 1), isLetter(y) || (isHyphen(x) && isDigit(y)) {
                        if isDigit(y) { hasDigit = true }
                        j += 1
                        continue
                    }
                    break
                }
                emit(hasDigit ? .code : .word, i, j)
                i = j
                continue
            }
            emit(.punct, i, i + 1)
            i += 1
        }
        return tokens
    }
}

