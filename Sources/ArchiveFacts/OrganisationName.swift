// Organisation names as the archive keeps them: the display form and the folded key that decides
// which organisation a name is, shared by extraction (which reads names) and the store (which
// keeps one row per organisation).
import Foundation
import Synchronization

/// Organisation name canonicalisation: quotes, leading "the", case and punctuation do not make a new organisation; known aliases map to one name.
public enum OrganisationName {
    private static let quoteScalars: Set<Unicode.Scalar> = ["‘", "’", "“", "”", "\"", "'", "`", "«", "»", "‚", "„"]

    /// Folded matching key: "‘The Salvation Army’" and "salvation army" give the same key.
    public static func key(_ name: String) -> String {
        ASCIIName(name)?.key() ?? keyByScalars(name)
    }

    /// `key` for any name, scalar by scalar.
    static func keyByScalars(_ name: String) -> String {
        var s = displayNameByScalars(name).lowercased()
        if s.utf8.contains(UInt8(ascii: "z")), s.contains("organization") {
            s = s.replacingOccurrences(of: "organization", with: "organisation")
        }
        var out = String.UnicodeScalarView()
        var lastSpace = true
        func separate() { if !lastSpace { out.append(" "); lastSpace = true } }
        for c in s.unicodeScalars {
            if c == "'" || c == "’" { continue }
            if c == "&" { separate(); out.append(contentsOf: "and".unicodeScalars); lastSpace = false; separate(); continue }
            if c.isASCII {
                // ASCII letters and digits fold to themselves: no decomposition to look up.
                if ("a"..."z").contains(c) || ("0"..."9").contains(c) { out.append(c); lastSpace = false } else { separate() }
            } else if c.properties.isAlphabetic {
                // Fold accents: keep the first scalar of the canonical decomposition.
                out.append(String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? c)
                lastSpace = false
            } else {
                separate()
            }
        }
        var words = String(out).split(separator: " ").map(String.init)
        if words.first == "the" { words.removeFirst() }
        while let last = words.last, ["ltd", "limited", "plc", "cic", "llp", "uk"].contains(last), words.count > 1,
              last != "uk" || words.count > 2 { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// Cleaned display form: quotes and leading "the " stripped, whitespace collapsed, case kept.
    public static func displayName(_ name: String) -> String {
        ASCIIName(name)?.displayName() ?? displayNameByScalars(name)
    }

    /// `displayName` for any name, character by character.
    static func displayNameByScalars(_ name: String) -> String {
        var s = name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        var changed = true
        while changed {
            changed = false
            if let f = s.unicodeScalars.first, quoteScalars.contains(f) { s = String(s.unicodeScalars.dropFirst()); changed = true }
            if let l = s.unicodeScalars.last, quoteScalars.contains(l) || ".,;:".unicodeScalars.contains(l) {
                s = String(s.unicodeScalars.dropLast()); changed = true
            }
            if s.lowercased().hasPrefix("the ") { s = String(s.dropFirst(4)); changed = true }
            s = s.trimmedOfSpaces
        }
        return s
    }

    /// Known aliases, by folded key.
    package static let aliases: [String: String] = {
        let groups: [(String, [String])] = [
            ("salvation army", ["tsa", "salvation army trustee company"]),
            ("home office", ["home department", "secretary of state for the home department", "ho",
                             "the home office", "home secretary"]),
            ("national crime agency", ["nca"]),
            ("modern slavery victim care contract", ["msvcc", "victim care contract", "vcc", "modern slavery victim care contract msvcc"]),
            ("adult victims of modern slavery support contract", ["avms", "avms support contract", "avms contract"]),
            ("national referral mechanism", ["nrm"]),
            ("gangmasters and labour abuse authority", ["glaa", "gla", "gangmasters licensing authority"]),
            ("independent anti slavery commissioner", ["iasc", "anti slavery commissioner"]),
            ("independent child trafficking guardians", ["ictg", "ictgs", "independent child trafficking guardian",
                                                         "independent child trafficking guardian service", "ictg service"]),
            ("tackling organised exploitation programme", ["toex", "tackling organised exploitation", "toex programme", "tackling organised exploitation toex programme"]),
            ("modern slavery and organised immigration crime unit", ["msoicu", "modern slavery organised immigration crime unit"]),
            ("national society for the prevention of cruelty to children", ["nspcc"]),
            ("crown prosecution service", ["cps"]),
            ("ministry of justice", ["moj"]),
            ("department for education", ["dfe"]),
            ("foreign commonwealth and development office", ["fcdo", "foreign commonwealth development office"]),
            ("international organisation for migration", ["iom"]),
            ("national police chiefs council", ["npcc", "national police chiefs council npcc"]),
            ("modern slavery and exploitation helpline", ["modern slavery helpline", "unseen helpline"]),
            ("barnardos", ["barnardos childrens charity"]),
            ("gangmasters and labour abuse authority", ["gangmasters labour abuse authority"]),
        ]
        var table: [String: String] = [:]
        for (canonical, names) in groups {
            for n in names { table[key(n)] = canonical }
        }
        return table
    }()

    /// Key after applying a small table of known aliases (e.g. "TSA" → salvation army, "Home Office" / "the Home Department", "NCA" → national crime agency, "MSVCC"...).
    public static func canonicalKey(_ name: String) -> String {
        let k = key(name)
        return aliases[k] ?? k
    }

    /// `canonicalKey(name)`, remembered: the same answering bodies, funders and recipients come
    /// back answer after answer, and each key costs thousands of instructions of folding. Shared
    /// by the ingest's threads; it forgets everything once it holds `rememberedLimit` names.
    package static func rememberedCanonicalKey(_ name: String) -> String {
        if let known = remembered.withLock({ $0[name] }) { return known }
        let made = canonicalKey(name)
        remembered.withLock { keys in
            if keys.count >= rememberedLimit { keys.removeAll(keepingCapacity: true) }
            keys[name] = made
        }
        return made
    }

    package static let rememberedLimit = 4096
    private static let remembered = Mutex<[String: String]>([:])
}

/// A space or tab as `trimmedOfSpaces` trims them: as CharacterSet.whitespaces, tab and the space
/// separators, not line breaks.
package func isSpaceOrTab(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || (!scalar.isASCII && scalar.properties.generalCategory == .spaceSeparator)
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs. Native: Foundation's trimmingCharacters goes
    /// through NSString on Linux, which showed in the ingest profile.
    package var trimmedOfSpaces: String {
        let isSpace = isSpaceOrTab
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        // One slice of the text (its bounds fall on scalars): not a string rebuilt scalar by scalar.
        return String(self[first..<scalars.index(after: last)])
    }
}

/// The same folding as `OrganisationName.displayName` and `key`, on the bytes of a name that is all
/// ASCII (most are): no grapheme breaking, Unicode case mapping or decomposition to look up. Each
/// step mirrors the general code above it, so both give the same result.
struct ASCIIName {
    private let bytes: [UInt8]

    init?(_ name: String) {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        bytes = Array(name.utf8)
    }

    private static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0d).contains(b) }
    private static func isQuote(_ b: UInt8) -> Bool { b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`") }
    private static func lower(_ b: UInt8) -> UInt8 { (0x41...0x5a).contains(b) ? b | 0x20 : b }

    func displayName() -> String { String(decoding: displayBytes(), as: UTF8.self) }

    private func displayBytes() -> [UInt8] {
        // Whitespace runs collapsed to one space, none at either end.
        var s: [UInt8] = []
        s.reserveCapacity(bytes.count)
        for b in bytes {
            if Self.isWhitespace(b) {
                if let last = s.last, last != 0x20 { s.append(0x20) }
            } else {
                s.append(b)
            }
        }
        if s.last == 0x20 { s.removeLast() }
        var changed = true
        while changed {
            changed = false
            if let f = s.first, Self.isQuote(f) { s.removeFirst(); changed = true }
            if let l = s.last, Self.isQuote(l) || l == UInt8(ascii: ".") || l == UInt8(ascii: ",") || l == UInt8(ascii: ";") || l == UInt8(ascii: ":") {
                s.removeLast(); changed = true
            }
            if s.count >= 4, Self.lower(s[0]) == UInt8(ascii: "t"), Self.lower(s[1]) == UInt8(ascii: "h"),
               Self.lower(s[2]) == UInt8(ascii: "e"), s[3] == 0x20 {
                s.removeFirst(4); changed = true
            }
            // trimmedOfSpaces: spaces and tabs.
            while let f = s.first, f == 0x20 || f == 0x09 { s.removeFirst() }
            while let l = s.last, l == 0x20 || l == 0x09 { s.removeLast() }
        }
        return s
    }

    // The words the key is made with, made once (they were made again for every name).
    private static let organization = Array("organization".utf8), organisation = Array("organisation".utf8)
    private static let and = Array("and".utf8), the = Array("the".utf8), uk = Array("uk".utf8)
    private static let suffixes = ["ltd", "limited", "plc", "cic", "llp", "uk"].map { Array($0.utf8) }

    func key() -> String {
        var s = displayBytes().map(Self.lower)
        s = Self.replacing(Self.organization, with: Self.organisation, in: s)
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        func endWord() { if !word.isEmpty { words.append(word); word = [] } }
        for c in s {
            if c == UInt8(ascii: "'") { continue }
            if c == UInt8(ascii: "&") { endWord(); words.append(Self.and); continue }
            if (0x61...0x7a).contains(c) || (0x30...0x39).contains(c) { word.append(c) } else { endWord() }
        }
        endWord()
        if words.first == Self.the { words.removeFirst() }
        while let last = words.last, Self.suffixes.contains(last), words.count > 1, last != Self.uk || words.count > 2 {
            words.removeLast()
        }
        return String(decoding: Array(words.joined(separator: [0x20])), as: UTF8.self)
    }

    // Every non-overlapping occurrence, left to right, as replacingOccurrences does.
    private static func replacing(_ target: [UInt8], with replacement: [UInt8], in s: [UInt8]) -> [UInt8] {
        guard s.count >= target.count else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if i + target.count <= s.count, s[i..<(i + target.count)].elementsEqual(target) {
                out += replacement
                i += target.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }
}
