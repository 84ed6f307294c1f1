import Foundation

// Organisation-name phrases in a sentence: capitalised word runs with inner connectors
// ("University of Bristol", "Violence Against Women and Girls Service Transformation Fund"),
// or anything in quotes ("‘Changing Lives’").

struct NamePhrase {
    var lo: Int
    var hi: Int
    var text: String
    /// The token where the name itself starts, after a descriptor ("the charity"); lo when there is none.
    var nameStart: Int

    init(lo: Int, hi: Int, text: String, nameStart: Int? = nil) {
        self.lo = lo
        self.hi = hi
        self.text = text
        self.nameStart = nameStart ?? lo
    }
}

extension SentenceGrammar {
    static let openQuotes: Set<String> = ["‘", "“", "\"", "'"]
    static let closeQuotes: Set<String> = ["’", "”", "\"", "'"]

    private func isNameWord(_ k: Int) -> Bool {
        guard k < n, k >= 0 else { return false }
        let tok = t[k]
        guard tok.kind == .word || tok.kind == .code, tok.isCapitalized else { return false }
        return true
    }

    private func isBadFirstWord(_ k: Int) -> Bool {
        let w = t[k].lower
        return Lexicon.nameStoplist.contains(w) || Lexicon.months[w] != nil || Lexicon.weekdays.contains(w)
            || quarterNumber(k) != nil
    }

    /// A name starting at token j (optionally "the", optionally in quotes).
    func parseName(_ j: Int, text: ScalarText) -> NamePhrase? {
        guard j < n else { return nil }
        if t[j].kind == .punct, Self.openQuotes.contains(t[j].text) {
            var k = j + 1
            while k < n, k < j + 14, !(t[k].kind == .punct && Self.closeQuotes.contains(t[k].text)) { k += 1 }
            guard k < n, k < j + 14, k > j + 1, isNameWord(j + 1) || t[j + 1].lower == "the" else { return nil }
            return NamePhrase(lo: j, hi: k + 1, text: text.string(t[j].start, t[k].end))
        }
        var k = j
        if t[k].lower == "the" { k += 1 }
        if k < n, t[k].kind == .punct, Self.openQuotes.contains(t[k].text), let inner = parseName(k, text: text) {
            return NamePhrase(lo: j, hi: inner.hi, text: text.string(t[j].start, t[inner.hi - 1].end))
        }
        guard isNameWord(k), !isBadFirstWord(k) else { return nil }
        k += 1
        var words = 1
        while k < n, words < 12 {
            if isNameWord(k), Lexicon.months[t[k].lower] == nil { k += 1; words += 1; continue }
            // A plural possessive inside a name: "Victims’ Fund", "Survivors' Network".
            if t[k].kind == .punct, Self.closeQuotes.contains(t[k].text), !t[k].spaceBefore, t[k - 1].lower.hasSuffix("s"),
               k + 1 < n, t[k + 1].spaceBefore, isNameWord(k + 1) { k += 1; continue }
            let c = t[k].lower
            if Lexicon.nameConnectors.contains(c), k + 1 < n {
                if isNameWord(k + 1) { k += 1; continue }
                if c != "the", t[k + 1].lower == "the", isNameWord(k + 2) { k += 2; continue }
            }
            break
        }
        guard k > j else { return nil }
        if words == 1, Lexicon.genericSingleNames.contains(t[k - 1].lower) { return nil }
        return NamePhrase(lo: j, hi: k, text: text.string(t[j].start, t[k - 1].end))
    }

    /// A bracketed acronym "(MSOICU)" starting at token k: the index after it, or nil.
    func acronymEnd(_ k: Int) -> Int? {
        guard k + 2 < n, t[k].isPunct("("), t[k + 2].isPunct(")") else { return nil }
        let a = t[k + 1]
        guard a.isAllCaps || (a.kind == .code && a.isCapitalized) else { return nil }
        return k + 3
    }

    /// A name ending at token e (inclusive). A bracketed acronym after it ("the Modern Slavery and
    /// Organised Immigration Crime Unit (MSOICU)") is in the phrase's range but not its text: the
    /// acronym restates the name, and alone it would be a second spelling of one organisation.
    func parseNameBackward(endingAt e: Int, text: ScalarText) -> NamePhrase? {
        guard e >= 0, e < n else { return nil }
        if e >= 3, t[e].isPunct(")"), acronymEnd(e - 2) == e + 1, var name = parseNameBackward(endingAt: e - 3, text: text) {
            name.hi = e + 1
            return name
        }
        if t[e].kind == .punct, Self.closeQuotes.contains(t[e].text) {
            var k = e - 1
            while k >= 0, k > e - 14, !(t[k].kind == .punct && Self.openQuotes.contains(t[k].text)) { k -= 1 }
            guard k >= 0, let name = parseName(k, text: text), name.hi == e + 1 else { return nil }
            if k >= 1, t[k - 1].lower == "the" { return NamePhrase(lo: k - 1, hi: name.hi, text: text.string(t[k - 1].start, t[e].end)) }
            return name
        }
        guard isNameWord(e) else { return nil }
        var k = e
        while k - 1 >= 0 {
            if isNameWord(k - 1) { k -= 1; continue }
            if k - 2 >= 0, Lexicon.nameConnectors.contains(t[k - 1].lower), t[k - 1].lower != "the", isNameWord(k - 2) { k -= 2; continue }
            break
        }
        // Drop leading words that cannot start a name ("In", "However").
        while k <= e, isBadFirstWord(k) { k += 1 }
        guard k <= e else { return nil }
        var start = k
        if start >= 1, t[start - 1].lower == "the" { start -= 1 }
        guard let name = parseName(start, text: text), name.hi == e + 1 else { return nil }
        return name
    }
}

extension SentenceGrammar {
    /// A descriptor before a name ("the charity Hope for Justice", "local charity X", "the NGO X"):
    /// the index of the token after it, or nil when there is none.
    func descriptorEnd(_ j: Int) -> Int? {
        var k = j
        if k < n, ["the", "a", "an"].contains(t[k].lower) { k += 1 }
        while k < n, !t[k].isCapitalized, Lexicon.descriptorAdjectives.contains(t[k].lower) { k += 1 }
        guard k < n else { return nil }
        var e: Int?
        if Lexicon.descriptorNouns.contains(t[k].lower) {
            // Capitalised, it is part of a name ("The Children's Trust"), except "NGO" before another name.
            if t[k].isCapitalized, t[k].lower != "ngo" || !(k + 1 < n && t[k + 1].isCapitalized) { return nil }
            e = k + 1
        } else if k + 1 < n, let second = Lexicon.descriptorPairs[t[k].lower], t[k + 1].lower == second {
            e = k + 2
        }
        guard var end = e else { return nil }
        if end < n, t[end].isPunct(",") { end += 1 }
        return end
    }

    /// A recipient starting at token j: a name, after an optional descriptor ("the charity X"), with a
    /// possessive body cut to the body ("the Commissioner’s office" is the Commissioner). The phrase's
    /// range covers the descriptor and the possessed noun; its text is the name alone.
    func parseRecipient(_ j: Int, text: ScalarText) -> NamePhrase? {
        var start = j
        if let d = descriptorEnd(j), d > j, parseName(d, text: text) != nil { start = d }
        guard var name = parseName(start, text: text) else { return nil }
        name.lo = j
        name.nameStart = start
        let last = t[name.hi - 1]
        if let end = acronymEnd(name.hi) { name.hi = end; return name }
        if name.hi < n, t[name.hi].isWord, !t[name.hi].isCapitalized, Lexicon.possessedNouns.contains(t[name.hi].lower),
           last.isWord, last.lower.hasSuffix("’s") || last.lower.hasSuffix("'s"),
           Lexicon.bodyHeads.contains(String(last.lower.dropLast(2))) {
            let cut = last.end - 2
            name.text = text.string(t[start].start, cut)
            name.hi += 1
        }
        return name
    }

    /// How well the conjunction at token s separates two organisations in `name` (higher is better), or nil
    /// when it joins words of one name ("England and Wales", "Women and Girls Network").
    private func splitScore(_ name: NamePhrase, at s: Int) -> Int? {
        guard s > name.nameStart, s + 1 < name.hi else { return nil }
        let left = t[s - 1].lower, right = t[s + 1].lower
        if Lexicon.places.contains(left) && Lexicon.places.contains(right) { return nil }
        if Lexicon.populationWords[left] != nil && Lexicon.populationWords[right] != nil { return nil }
        if right == "the" { return 3 }
        guard t[s + 1].isCapitalized else { return nil }
        return 0
    }

    /// Splits a name phrase that joins two organisations ("Barnardo's and the NSPCC") at the
    /// conjunction that best separates them; nil when it is one name (a known name with "and", or
    /// every conjunction joins parts of one name). Only one cut is made.
    func splitJoint(_ name: NamePhrase, text: ScalarText) -> [NamePhrase]? {
        if Lexicon.namesWithAnd.contains(OrganisationName.canonicalKey(name.text))
            || OrganisationName.aliases[OrganisationName.key(name.text)] != nil { return nil }
        var best: (s: Int, score: Int)?
        for s in name.nameStart..<name.hi where ["and", "&"].contains(t[s].lower) {
            if let score = splitScore(name, at: s), best == nil || score >= best!.score { best = (s, score) }
        }
        guard let s = best?.s, let right = parseRecipient(s + 1, text: text), right.hi == name.hi else { return nil }
        let leftText = text.string(t[name.nameStart].start, t[s - 1].end)
        var left = name
        left.hi = s
        left.text = leftText
        return [left, right]
    }

    /// True for a word that, right after a name, makes the name a clause's subject.
    static func startsClause(_ word: String) -> Bool {
        ["has", "have", "had", "will", "would", "was", "were", "is", "are", "shall", "can", "could", "also"].contains(word)
            || Lexicon.giveVerbs.contains(word) || Lexicon.receiveVerbs.contains(word)
    }

    /// Recipients ending at token e: one name, or a list "A, B and C" (closed by "and") before a verb
    /// ("Unseen, Hope for Justice and Kalayaan will each receive"). Places are not list members.
    func parseRecipientListBackward(endingAt e: Int, text: ScalarText) -> [NamePhrase]? {
        guard let last = parseNameBackward(endingAt: e, text: text) else { return nil }
        var names = [last]
        var lo = last.lo
        while lo >= 2 {
            var sep = lo - 1
            if t[sep].lower == "and", sep >= 1, t[sep - 1].isPunct(",") { sep -= 1 }
            guard t[sep].isPunct(","), let prev = parseNameBackward(endingAt: sep - 1, text: text),
                  !Lexicon.places.contains(OrganisationName.key(prev.text)) else { break }
            names.insert(prev, at: 0)
            lo = prev.lo
        }
        // Commas without a closing "and" are an apposition or an opening phrase, not a list.
        if names.count > 1 {
            let closed = t[last.lo - 1].lower == "and" || t[last.lo..<last.hi].contains { $0.lower == "and" || $0.lower == "&" }
            if !closed { return [last] }
        }
        return names
    }

    /// Recipients starting at token j: one name, or a list "A, B and C" (closed by "and").
    /// Returns the names as parsed (a name may itself join two organisations with "and").
    func parseRecipientList(_ j: Int, text: ScalarText) -> [NamePhrase]? {
        guard let first = parseRecipient(j, text: text) else { return nil }
        var names = [first]
        var k = first.hi
        while k + 1 < n, t[k].isPunct(",") {
            var m = k + 1
            let closing = t[m].lower == "and"
            if closing { m += 1 }
            guard let next = parseRecipient(m, text: text) else { break }
            // ", and the Ministry of Justice has granted ...": a name followed by a verb is the
            // subject of a new clause, not another recipient.
            if next.hi < n, Self.startsClause(t[next.hi].lower) { break }
            names.append(next)
            k = next.hi
            if closing { break }
        }
        // Commas without a closing "and" inside the last name are an apposition, not a list.
        if names.count > 1 {
            let last = names[names.count - 1]
            let closed = t[last.lo - 1].lower == "and" || t[last.lo..<last.hi].contains { $0.lower == "and" || $0.lower == "&" }
            if !closed { return [first] }
        }
        return names
    }
}

