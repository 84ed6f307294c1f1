// The noun phrase a funding predicate gives money to: a proper name, optionally closed by a
// lower-case head ("the Grip programme", "the Tackling Organised Exploitation (TOEX) programme",
// "their ‘Grip’ police enforcement programme"), after determiners or a possessive pronoun.

/// A funded thing as a sentence names it.
struct FundedThing {
    /// The tokens of the whole phrase, determiners included.
    var phrase: NamePhrase
    /// The proper name alone, cleaned for display: "Grip", "Barnardo's".
    var name: String
    /// The whole thing, cleaned for display: "Grip programme".
    var fullName: String
    /// The lower-case head that closes it, when there is one: "programme".
    var head: String?
    /// Introduced by "their" or "its": the possessor is to be found in the discourse.
    var possessive: Bool

    /// What receives the money: the organisation behind a project ("a UNICEF project" is UNICEF's),
    /// else the thing itself ("the Grip programme").
    var recipient: String {
        guard let head, Lexicon.projectOfOrganisationHeads.contains(head) else { return fullName }
        return name
    }
}

extension SentenceGrammar {
    /// Lower-case determiners, possessives and adjectives before a funded thing's name.
    private static let fundedThingOpeners: Set<String> = [
        "the", "a", "an", "our", "its", "their", "his", "her", "this", "new", "dedicated", "specialist", "existing",
    ]

    /// A funded thing starting at token j, or nil when no proper name starts there. Places and
    /// classes of recipient ("Violence Reduction Units") are not funded things.
    func parseFundedThing(_ j: Int, text: ScalarText) -> FundedThing? {
        var k = j
        var possessive = false
        while k < n, !t[k].isCapitalized, Self.fundedThingOpeners.contains(t[k].lower) {
            if ["their", "its"].contains(t[k].lower) { possessive = true }
            k += 1
        }
        guard let name = parseRecipient(k, text: text) else { return nil }
        var phrase = name
        phrase.lo = j
        var head: String?
        var m = name.hi
        var modifiers = 0
        while m < n, modifiers <= 3, t[m].isWord, !t[m].isCapitalized {
            if Lexicon.fundedThingHeads.contains(t[m].lower) { head = t[m].lower; phrase.hi = m + 1; break }
            guard Lexicon.fundedThingModifiers.contains(t[m].lower) else { break }
            m += 1
            modifiers += 1
        }
        return fundedThing(phrase, nameText: name.text, head: head, possessive: possessive, text: text)
    }

    /// A funded thing ending at token e (inclusive): "the Tackling Organised Exploitation (TOEX) programme".
    func parseFundedThingBackward(endingAt e: Int, text: ScalarText) -> FundedThing? {
        guard e >= 0, e < n else { return nil }
        guard t[e].isWord, !t[e].isCapitalized, Lexicon.fundedThingHeads.contains(t[e].lower) else {
            guard let name = parseNameBackward(endingAt: e, text: text) else { return nil }
            return fundedThing(name, nameText: name.text, head: nil, possessive: false, text: text)
        }
        var m = e - 1
        while m >= 0, m >= e - 3, t[m].isWord, !t[m].isCapitalized, Lexicon.fundedThingModifiers.contains(t[m].lower) { m -= 1 }
        guard let name = parseNameBackward(endingAt: m, text: text) else { return nil }
        var phrase = name
        phrase.hi = e + 1
        return fundedThing(phrase, nameText: name.text, head: t[e].lower, possessive: false, text: text)
    }

    private func fundedThing(_ phrase: NamePhrase, nameText: String, head: String?, possessive: Bool, text: ScalarText) -> FundedThing? {
        let name = FundedThing.clean(nameText)
        let key = OrganisationName.key(name)
        // A law, strategy or plan is not given money: "£2m to deliver the Modern Slavery Strategy".
        let last = key.split(separator: " ").last.map(String.init) ?? ""
        guard !name.isEmpty, !Lexicon.places.contains(key), !Self.isClassOfRecipients(key), !Lexicon.documentHeads.contains(last) else { return nil }
        // "the Home Office’s response": the owner of something unnamed is not what is funded.
        if head == nil, phrase.hi < n, t[phrase.hi].isWord, !t[phrase.hi].isCapitalized,
           nameText.hasSuffix("’s") || nameText.hasSuffix("'s") { return nil }
        let full = head == nil ? name : FundedThing.clean(text.string(t[phrase.nameStart].start, t[phrase.hi - 1].end))
        return FundedThing(phrase: phrase, name: name, fullName: full, head: head, possessive: possessive)
    }

    /// "Violence Reduction Units", "Police and Crime Commissioners": a class, not one recipient.
    static func isClassOfRecipients(_ key: String) -> Bool {
        guard let last = key.split(separator: " ").last else { return true }
        return Lexicon.genericPluralHeads.contains(String(last))
    }
}

extension FundedThing {
    /// A display name without the quotes a text puts around part of it, a leading "the" or a
    /// trailing possessive "'s" when the name is the owner of what follows.
    static func clean(_ s: String) -> String {
        let quotes: Set<Unicode.Scalar> = ["‘", "’", "“", "”", "\""]
        var scalars = String.UnicodeScalarView()
        let all = Array(s.unicodeScalars)
        for (i, c) in all.enumerated() {
            // Keep an apostrophe inside a word ("Children’s"), drop quote marks at word edges.
            if quotes.contains(c) {
                let before = i > 0 && all[i - 1].properties.isAlphabetic
                let after = i + 1 < all.count && all[i + 1].properties.isAlphabetic
                if before && after { scalars.append(c) }
                continue
            }
            scalars.append(c)
        }
        return OrganisationName.displayName(String(scalars))
    }
}
