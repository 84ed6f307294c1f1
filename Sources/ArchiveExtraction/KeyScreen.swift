/// A quick "this word is not a key" test for a lexicon table, asked before the table is hashed:
/// the keys' shortest and longest lengths and their first two bytes. It is built from the keys
/// themselves, so it never turns a key away; most words fail it at the cost of two byte reads.
struct KeyScreen: Sendable {
    private var pairs = BytePairSet()  // the keys' first two bytes
    private var shortest = Int.max
    private var longest = 0

    init<Keys: Sequence>(_ keys: Keys) where Keys.Element == String {
        for key in keys {
            shortest = min(shortest, key.utf8.count)
            longest = max(longest, key.utf8.count)
            pairs.insert(Self.pair(key))
        }
    }

    /// False when `word` cannot be one of the keys.
    func mayContain(_ word: String) -> Bool {
        let count = word.utf8.count
        guard count >= shortest, count <= longest else { return false }
        return pairs.contains(Self.pair(word))
    }

    // The first two bytes as one number (a one-byte word's second byte is 0, which no word holds).
    private static func pair(_ word: String) -> Int {
        var bytes = word.utf8.makeIterator()
        let first = Int(bytes.next() ?? 0)
        return first << 8 | Int(bytes.next() ?? 0)
    }
}

/// A set of byte pairs (the first byte times 256 plus the second), one bit each: asking it is a
/// shift and a mask, cheaper than any comparison of words.
struct BytePairSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 65_536 / 64)

    mutating func insert(_ pair: Int) { bits[pair >> 6] |= 1 << UInt64(pair & 63) }

    func contains(_ pair: Int) -> Bool { bits[pair >> 6] & (1 << UInt64(pair & 63)) != 0 }
}
