// Organisation names as the archive keeps them: the display form and the folded key that decides
// which organisation a name is, shared by extraction (which reads names) and the store (which
// keeps one row per organisation).
import Foundation

/// Organisation name canonicalisation: quotes, leading "the", case and punctuation do not make a new organisation; known aliases map to one name.
public enum OrganisationName {
    private static let quoteScalars: Set<Unicode.Scalar> = ["‘", "’", "“", "”", "\"", "'", "`", "«", "»", "‚", "„"]

    /// Folded matching key: "‘The Salvation Army’" and "salvation army" give the same key.
    public static func key(_ name: String) -> String {
        var s = displayName(name).lowercased()
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
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs. Native: Foundation's trimmingCharacters goes
    /// through NSString on Linux, which showed in the ingest profile.
    package var trimmedOfSpaces: String {
        // As CharacterSet.whitespaces: tab and the space separators, not line breaks.
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (!scalar.isASCII && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
