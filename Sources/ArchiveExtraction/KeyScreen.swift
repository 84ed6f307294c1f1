/// A quick "this word is not a key" test for a lexicon table, asked before the table is hashed:
/// the keys' shortest and longest lengths and their first two bytes. It is built from the keys
/// themselves, so it never turns a key away; most words fail it at the cost of two byte reads.
struct KeyScreen: Sendable {
    private var pairs = [UInt64](repeating: 0, count: 1 << 10)  // one bit for each first-two-bytes pair
    private var shortest = Int.max
    private var longest = 0

    init<Keys: Sequence>(_ keys: Keys) where Keys.Element == String {
        for key in keys {
            shortest = min(shortest, key.utf8.count)
            longest = max(longest, key.utf8.count)
            let pair = Self.pair(key)
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
    }

    /// False when `word` cannot be one of the keys.
    func mayContain(_ word: String) -> Bool {
        let count = word.utf8.count
        guard count >= shortest, count <= longest else { return false }
        let pair = Self.pair(word)
        return pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
    }

    // The first two bytes as one number (a one-byte word's second byte is 0, which no word holds).
    private static func pair(_ word: String) -> Int {
        var bytes = word.utf8.makeIterator()
        let first = Int(bytes.next() ?? 0)
        return first << 8 | Int(bytes.next() ?? 0)
    }
}
