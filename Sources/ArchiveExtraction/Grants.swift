// The recipient grammar around a sum of money: the phrase after the sum ("£X [over N years] to R
// [for their P project]", "£X to fund ..., carried out by R": AfterSumReader), the recipient before
// it ("R will receive £X", "awarded R £X": RecipientBeforeSum), a bracketed sum closing a funding
// phrase, and a list item under a funding heading. GrantEnrichment then fills the programme,
// funder, duration and financial year. The families these do not read are FundingFrames'.

enum Grants {

    /// "the/their X project" after "for": returns the project words and the end token.
    static func projectPhrase(_ g: SentenceGrammar, _ k: Int, text: ScalarText) -> (String?, Int)? {
        let t = g.t
        guard k + 2 < g.n, t[k].lower == "for" || t[k].lower == "on",
              ["their", "its", "the", "a", "his", "her", "this", "that"].contains(t[k + 1].lower) else { return nil }
        var j = k + 2
        while j < g.n, j < k + 9 {
            if Lexicon.projectNouns.contains(t[j].lower) {
                if j == k + 2 { return (nil, j + 1) }
                return (text.string(t[k + 2].start, t[j - 1].end), j + 1)
            }
            if t[j].kind == .punct && !["-", "‘", "’", "“", "”", "'"].contains(t[j].text) { return nil }
            if g.owner[j] != nil { return nil }
            j += 1
        }
        return nil
    }

    /// "to run the Modern Slavery & Exploitation Helpline": a named service the recipient is funded to
    /// deliver (a capitalised name ending in a project noun); returns its name and the end token.
    static func purposeProject(_ g: SentenceGrammar, _ k: Int, text: ScalarText) -> (String, Int)? {
        let t = g.t
        guard k + 2 < g.n, t[k].lower == "to", Lexicon.purposeVerbs.contains(t[k + 1].lower),
              let name = g.parseName(k + 2, text: text), Lexicon.projectNouns.contains(t[name.hi - 1].lower) else { return nil }
        return (OrganisationName.displayName(name.text), name.hi)
    }

    static func isProgramme(_ name: String) -> Bool {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.contains { Lexicon.programmeHeads.contains(String($0)) }
    }

    /// After "to": is this a generic (unnamed) recipient like "organisations which help" or "the police"?
    static func isGenericRecipient(_ g: SentenceGrammar, _ k: Int) -> Bool {
        guard k < g.n else { return false }
        let tok = g.t[k]
        if tok.kind != .word { return false }
        if Lexicon.infinitiveVerbs.contains(tok.lower) { return false }
        return !tok.isCapitalized
    }

    /// A name that is a pot of money ("the Victims’ Fund", "the Modern Slavery Fund"): money put into it
    /// is not given to a recipient, so it is read as the programme, never as the recipient.
    static func isFundName(_ name: String) -> Bool {
        // An ASCII name's last word is found on its bytes: splitting into Characters and asking
        // each whether it is a letter was most of a grant's cost here.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(name.utf8)
            var end = bytes.count
            while end > 0, !isASCIILetter(bytes[end - 1]) { end -= 1 }
            var start = end
            while start > 0, isASCIILetter(bytes[start - 1]) { start -= 1 }
            guard end > start else { return false }
            return Lexicon.fundHeads.contains(String(decoding: bytes[start..<end].map { $0 | 0x20 }, as: UTF8.self))
        }
        return isFundNameByCharacters(name)
    }

    /// `isFundName` for any name: its last run of letters, as Characters.
    static func isFundNameByCharacters(_ name: String) -> Bool {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.last.map { Lexicon.fundHeads.contains(String($0)) } ?? false
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a }

    /// A rate of money over time ("£1.2 million per year"): a grant when it goes to a named recipient.
    static func isTimeRate(_ rate: String?) -> Bool {
        guard let r = rate, let unit = r.split(separator: " ").last else { return false }
        return ["year", "annum", "month"].contains(String(unit))
    }

    /// Grant mentions stated by the sum q: none when it has no named recipient; one per recipient for
    /// "£X each to A and B"; one, to the joint phrase, for "£X to A and B" (the text does not say how
    /// the sum is shared, and amounts are never invented). `fundingListItem`: q is in a list item
    /// under a heading about funding ("- Unseen: £200,000").
    static func find(_ q: Quantity, in unit: SentenceUnit, text: ScalarText, answeringKey: String?,
                     fundingListItem: Bool = false) -> [GrantMention] {
        let g = unit.grammar
        var reading = AfterSumReader(q: q, g: g, text: text).read()
        if reading.recipient == nil { reading.adopt(RecipientBeforeSum.read(q, g, text: text, each: reading.each)) }
        if reading.recipient == nil, let role = bracketedSum(q, g, text: text) {
            reading.adopt(role)
            if reading.project == nil, let (p, _) = purposeProject(g, role.phrase.hi, text: text) { reading.project = p }
        }
        if reading.recipient == nil, fundingListItem { reading.adopt(listItemRecipient(q, g, text: text)) }
        guard let recipient = reading.recipient else { return [] }
        let recipientName = OrganisationName.displayName(recipient.text)
        // Money to a class ("Violence Reduction Units", "local councils") is not a grant to one
        // recipient, nor money for a law, strategy or plan ("£20m for the Serious Violence Strategy").
        let key = OrganisationName.key(recipientName)
        guard !recipientName.isEmpty, !isFundName(recipientName), !SentenceGrammar.isClassOfRecipients(key),
              !Lexicon.documentHeads.contains(key.split(separator: " ").last.map(String.init) ?? "") else { return [] }
        return GrantEnrichment(q: q, g: g, text: text, answeringKey: answeringKey).mentions(reading, recipientName: recipientName)
    }

    /// "funding for Unseen to run the Modern Slavery & Exploitation Helpline (£1.2 million)", "a
    /// grant to Kalayaan (£75,000)": a bracketed sum closing a funding phrase.
    static func bracketedSum(_ q: Quantity, _ g: SentenceGrammar, text: ScalarText) -> RecipientRole? {
        let t = g.t
        guard q.lo >= 3, t[q.lo - 1].isPunct("("), q.hi < g.n, t[q.hi].isPunct(")") else { return nil }
        var j = q.lo - 2
        while j >= max(1, q.lo - 24), g.owner[j] == nil || g.items[g.owner[j]!].quantity == nil,
              !t[j].isPunct(";"), !t[j].isPunct(":"), !t[j].isPunct(",") {
            if ["for", "to"].contains(t[j].lower), Lexicon.fundingNounsBeforeRecipient.contains(t[j - 1].lower),
               let names = g.parseRecipientList(j + 1, text: text), names.count == 1, let name = names.first,
               !Lexicon.places.contains(OrganisationName.key(name.text)) {
                return RecipientRole(phrase: name, lo: j - 1, hi: q.hi + 1)
            }
            j -= 1
        }
        return nil
    }

    /// "Unseen: £200,000", "Hope for Justice – £150,000", "Kalayaan (£75,000)" under a funding heading.
    static func listItemRecipient(_ q: Quantity, _ g: SentenceGrammar, text: ScalarText) -> RecipientRole? {
        let t = g.t
        guard q.lo >= 1 else { return nil }
        var e = q.lo - 1
        if [":", "–", "-", "—", "("].contains(t[e].text), t[e].kind == .punct { e -= 1 }
        guard let name = g.parseNameBackward(endingAt: e, text: text), name.lo == 0 else { return nil }
        return RecipientRole(phrase: name, lo: 0, hi: q.hi < g.n && t[q.hi].isPunct(")") ? q.hi + 1 : nil)
    }
}
