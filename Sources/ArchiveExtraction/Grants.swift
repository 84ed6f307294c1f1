// The recipient grammar around a sum of money: "£X [over N years] to R [for their P project]",
// "funding of £X for R", "R will receive £X", "awarded R £X", "£X to fund ..., carried out by R",
// with programme ("from the X Fund"), funder, duration and financial year.

enum Grants {
    static let infinitiveVerbs: Set<String> = [
        "fund", "support", "help", "provide", "deliver", "run", "develop", "improve", "tackle", "address", "enable",
        "ensure", "increase", "expand", "create", "establish", "build", "research", "understand", "identify",
        "prevent", "protect", "combat", "reduce", "raise", "train", "commission", "continue", "strengthen",
        "enhance", "assist", "allow", "pay", "cover", "test", "pilot", "evaluate", "assess", "work", "set",
        "boost", "drive", "meet", "give", "offer", "make", "take", "bring", "target", "extend", "explore",
        "launch", "roll", "scale", "invest", "promote", "encourage", "respond", "end", "stop", "disrupt",
        "rescue", "safeguard", "upskill", "embed", "maintain", "sustain", "keep", "trial", "design", "produce",
        "carry", "conduct", "undertake", "gather", "collect", "map", "better", "further", "date", "be", "spend",
        "recruit", "employ", "equip", "operate", "manage", "co-ordinate", "coordinate", "lead", "fight",
        "eradicate", "end", "increase", "monitor", "review", "update", "create", "pursue", "investigate",
        "prosecute", "bolster", "double", "grow", "transform", "integrate", "reach", "engage", "educate",
        "inform", "implement", "secure", "procure", "purchase", "buy", "hire", "open", "expand", "share",
    ]

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

    /// Verbs that take the recipient as object and the sum after "with": "funded X with £Y".
    static let fundWithVerbs: Set<String> = [
        "funded", "fund", "funds", "funding", "supported", "support", "supports", "supporting", "provided", "provide",
        "provides", "providing", "awarded", "equipped", "resourced",
    ]
    /// Nouns of money given, before "for R" or "to R": "funding for Unseen", "a grant to Kalayaan".
    static let fundingNouns: Set<String> = ["funding", "grant", "grants", "award", "awards", "payment", "payments", "contribution", "money"]

    /// "to run the Modern Slavery & Exploitation Helpline": a named service the recipient is funded to
    /// deliver (a capitalised name ending in a project noun); returns its name and the end token.
    static func purposeProject(_ g: SentenceGrammar, _ k: Int, text: ScalarText) -> (String, Int)? {
        let t = g.t
        let verbs: Set<String> = ["run", "operate", "deliver", "provide", "manage", "develop", "expand", "continue", "support"]
        guard k + 2 < g.n, t[k].lower == "to", verbs.contains(t[k + 1].lower),
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
        if infinitiveVerbs.contains(tok.lower) { return false }
        return !tok.isCapitalized
    }

    /// A name that is a pot of money ("the Victims’ Fund", "the Modern Slavery Fund"): money put into it
    /// is not given to a recipient, so it is read as the programme, never as the recipient.
    static func isFundName(_ name: String) -> Bool {
        let words = name.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.last.map { Lexicon.fundHeads.contains(String($0)) } ?? false
    }

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
        let t = g.t
        let n = g.n
        var recipient: NamePhrase?
        /// The recipients one by one, when "each" says every one of them gets the sum.
        var parts: [NamePhrase] = []
        var each = q.hi < n && t[q.hi].lower == "each"
        var project: String?
        var duration: Int?
        var fy: String?
        var programme: String?
        var funder: String?
        var evLo = q.lo
        var evHi = q.hi

        func notePeriod(_ item: Item, _ p: PeriodValue, extend: Bool) {
            if p.isFinancialYear, fy == nil { fy = p.normalized }
            if p.isRange, duration == nil, let m = p.months { duration = m }
            if extend { evHi = max(evHi, item.hi) }
        }

        // Forward: the phrase after the amount.
        var k = q.hi
        var afterPurpose = false  // after "to fund ...", only "delivered by X" names a recipient
        /// A place, or places joined by "and" ("the UK and Wales"), is not a recipient.
        func isPlace(_ name: NamePhrase) -> Bool {
            let key = OrganisationName.key(name.text)
            return Lexicon.places.contains(key)
                || key.components(separatedBy: " and ").allSatisfy { Lexicon.places.contains($0) || Lexicon.places.contains("the " + $0) }
        }
        /// Reads recipients starting at token j; false when there is none there.
        func takeRecipients(_ j: Int) -> Bool {
            guard let names = g.parseRecipientList(j, text: text) else { return false }
            let first = names[0], last = names[names.count - 1]
            if names.allSatisfy(isPlace) { return false }
            if names.count == 1, isFundName(OrganisationName.displayName(first.text)) {
                if programme == nil { programme = OrganisationName.displayName(first.text) }
                k = first.hi
                return true
            }
            var hi = last.hi
            if hi < n, t[hi].lower == "each" { each = true; hi += 1 }
            let jointText = names.count == 1 ? first.text : text.string(t[first.nameStart].start, t[last.hi - 1].end)
            recipient = NamePhrase(lo: first.lo, hi: hi, text: jointText, nameStart: first.nameStart)
            if each {
                for (i, name) in names.enumerated() {
                    // The last name of a list, or the only one, may join two ("B and C").
                    let mayJoin = names.count == 1 || (i == names.count - 1 && t[name.lo - 1].lower != "and")
                    parts += mayJoin ? (g.splitJoint(name, text: text) ?? [name]) : [name]
                }
            }
            evHi = hi
            k = hi
            return true
        }
        scan: while k < n, k < q.hi + 32 {
            if let o = g.owner[k] {
                let item = g.items[o]
                switch item.kind {
                case .quantity(let other) where other.unit == .gbp: break scan
                case .duration(let d): if duration == nil { duration = d; if recipient != nil { evHi = item.hi } }
                case .period(let p): notePeriod(item, p, extend: recipient != nil)
                default: break
                }
                k = max(item.hi, k + 1)
                continue
            }
            let w = t[k].lower
            if t[k].isPunct(";") || t[k].isPunct(":") { break }
            if recipient != nil {
                if let (p, hi) = projectPhrase(g, k, text: text) { if project == nil { project = p }; evHi = hi; k = hi; continue }
                if project == nil, let (p, hi) = purposeProject(g, k, text: text) { project = p; evHi = hi; k = hi; continue }
                if ["in", "for", "over", "during", "across", "from", "between", "until", "till"].contains(w),
                   k + 1 < n, let o = g.owner[k + 1], g.items[o].quantity == nil, g.items[o].period != nil || g.items[o].duration != nil {
                    k += 1; continue
                }
                if ["the", "next", "a", "period", "of"].contains(w), k + 1 < n, g.owner[k + 1] != nil, g.items[g.owner[k + 1]!].duration != nil {
                    k += 1; continue
                }
                break
            }
            if w == "to" {
                if !afterPurpose, takeRecipients(k + 1) { continue }
                if isGenericRecipient(g, k + 1) || (k + 1 < n && g.t[k + 1].lower == "the" && isGenericRecipient(g, k + 2)) { break }
                if k + 1 < n, infinitiveVerbs.contains(t[k + 1].lower) { afterPurpose = true }
                k += 1; continue
            }
            if w == "for" || w == "on" {
                if let (p, hi) = projectPhrase(g, k, text: text) { if project == nil { project = p }; k = hi; continue }
                if w == "for", !afterPurpose, takeRecipients(k + 1) { continue }
                k += 1; continue
            }
            if Lexicon.deliveryVerbs.contains(w) {
                var j = k + 1
                if j < n, t[j].lower == "out" { j += 1 }
                if j < n, t[j].lower == "by", takeRecipients(j + 1), recipient != nil { continue }
            }
            if ["from", "through", "via", "under"].contains(w), let name = g.parseName(k + 1, text: text) {
                let display = OrganisationName.displayName(name.text)
                if isProgramme(display) { if programme == nil { programme = display } }
                else if w == "from", funder == nil { funder = display }
                k = name.hi; continue
            }
            if w == "funded", k + 2 < n, t[k + 1].lower == "by", let name = g.parseName(k + 2, text: text) {
                funder = OrganisationName.displayName(name.text); k = name.hi; continue
            }
            k += 1
        }

        // Backward: "R will receive £X", "R was awarded £X", "awarded R £X", "funding to R of £X".
        if recipient == nil {
            var j = q.lo - 1
            let skippable: Set<String> = ["a", "an", "total", "grant", "funding", "sum", "additional", "further", "extra",
                                          "worth", "with", "new", "of", "in", "grants", "award", "package", "contract", "contracts", "valued", "at"]
            while j >= 0, g.owner[j] == nil, skippable.contains(t[j].lower) { j -= 1 }
            if j >= 0, g.owner[j] == nil {
                let w = t[j].lower
                if Lexicon.receiveVerbs.contains(w) {
                    var a = j - 1
                    var sawAux = false
                    while a >= 0, Lexicon.auxiliaries.contains(t[a].lower) {
                        sawAux = sawAux || Lexicon.passiveAuxiliaries.contains(t[a].lower)
                        if t[a].lower == "each" { each = true }
                        a -= 1
                    }
                    // A relative clause between subject and verb: "The Salvation Army, which holds the contract, received".
                    if a >= 0, t[a].isPunct(","), let c = (0..<a).last(where: { t[$0].isPunct(",") }),
                       c + 1 < a, ["which", "who", "that", "whose"].contains(t[c + 1].lower) {
                        a = c - 1
                        while a >= 0, Lexicon.auxiliaries.contains(t[a].lower) { a -= 1 }
                    }
                    let needsAux: Set<String> = ["awarded", "allocated", "granted", "given", "paid", "offered"]
                    // "Unseen, Hope for Justice and Kalayaan will each receive £50,000": one grant to each.
                    if !needsAux.contains(w) || sawAux, let names = g.parseRecipientListBackward(endingAt: a, text: text) {
                        let first = names[0], last = names[names.count - 1]
                        let jointText = names.count == 1 ? first.text : text.string(t[first.nameStart].start, t[last.hi - 1].end)
                        recipient = NamePhrase(lo: first.lo, hi: last.hi, text: jointText, nameStart: first.nameStart)
                        evLo = first.lo
                        if each {
                            for (i, name) in names.enumerated() {
                                let mayJoin = names.count == 1 || i == names.count - 1
                                parts += mayJoin ? (g.splitJoint(name, text: text) ?? [name]) : [name]
                            }
                        }
                    }
                } else if q.lo >= 2, t[q.lo - 1].lower == "with", let name = g.parseNameBackward(endingAt: q.lo - 2, text: text),
                          name.lo >= 1, Self.fundWithVerbs.contains(t[name.lo - 1].lower) {
                    // "has funded the MSOICU with £1.4 million", "provided Unseen with £200,000".
                    recipient = name; evLo = name.lo - 1
                } else if let name = g.parseNameBackward(endingAt: j, text: text), name.lo >= 1,
                          Lexicon.giveVerbs.contains(t[name.lo - 1].lower) {
                    recipient = name; evLo = name.lo
                } else if let name = g.parseNameBackward(endingAt: j, text: text), name.lo >= 2, t[name.lo - 1].lower == "to",
                          ["funding", "grant", "grants", "award", "payment", "payments"].contains(t[name.lo - 2].lower) {
                    recipient = name; evLo = name.lo - 2
                }
            }
        }
        // A bracketed sum closing a funding phrase: "funding for Unseen to run the Modern Slavery &
        // Exploitation Helpline (£1.2 million)", "a grant to Kalayaan (£75,000)".
        if recipient == nil, q.lo >= 3, t[q.lo - 1].isPunct("("), q.hi < n, t[q.hi].isPunct(")") {
            var j = q.lo - 2
            let stop = max(1, q.lo - 24)
            while j >= stop, g.owner[j] == nil || g.items[g.owner[j]!].quantity == nil, !t[j].isPunct(";"), !t[j].isPunct(":"), !t[j].isPunct(",") {
                if ["for", "to"].contains(t[j].lower), Self.fundingNouns.contains(t[j - 1].lower),
                   let names = g.parseRecipientList(j + 1, text: text), names.count == 1, let name = names.first,
                   !Lexicon.places.contains(OrganisationName.key(name.text)) {
                    recipient = name; evLo = j - 1; evHi = q.hi + 1
                    if project == nil, let (p, _) = purposeProject(g, name.hi, text: text) { project = p }
                    break
                }
                j -= 1
            }
        }
        // A list item under a funding heading: "Unseen: £200,000", "Hope for Justice – £150,000", "Kalayaan (£75,000)".
        if recipient == nil, fundingListItem, q.lo >= 1 {
            var e = q.lo - 1
            if [":", "–", "-", "—", "("].contains(t[e].text), t[e].kind == .punct { e -= 1 }
            if let name = g.parseNameBackward(endingAt: e, text: text), name.lo == 0 {
                recipient = name; evLo = 0
                if q.hi < n, t[q.hi].isPunct(")") { evHi = q.hi + 1 }
            }
        }
        guard let recipient else { return [] }
        let recipientName = OrganisationName.displayName(recipient.text)
        // Money to a class ("Violence Reduction Units", "local councils") is not a grant to one recipient.
        guard !recipientName.isEmpty, !isFundName(recipientName),
              !SentenceGrammar.isClassOfRecipients(OrganisationName.key(recipientName)) else { return [] }

        // Duration stated before the amount: "a three-year grant of £2m".
        if duration == nil {
            var j = q.lo - 1
            while j >= 0, j >= q.lo - 4 {
                if let o = g.owner[j], let d = g.items[o].duration { duration = d; break }
                j -= 1
            }
        }
        // A single financial year in the sentence applies to its grants.
        if fy == nil {
            let fys = g.periods.filter { $0.p.isFinancialYear }
            if fys.count == 1 { fy = fys[0].p.normalized }
        }
        // The funder: the named subject of the funding verb, unless it is the answering body.
        if funder == nil {
            var j = min(evLo, q.lo) - 1
            let stop = max(0, j - 14)
            while j >= stop {
                let w = t[j].lower
                if Lexicon.fundingVerbPrefixes.contains(where: { w.hasPrefix($0) }) && (w != "pa" && !w.hasPrefix("part")) {
                    var a = j - 1
                    while a >= 0, Lexicon.auxiliaries.contains(t[a].lower) { a -= 1 }
                    if let name = g.parseNameBackward(endingAt: a, text: text) {
                        let display = OrganisationName.displayName(name.text)
                        let key = OrganisationName.canonicalKey(display)
                        if key != answeringKey, !Lexicon.selfSubjects.contains(key),
                           key != OrganisationName.canonicalKey(recipientName) {
                            funder = display
                        }
                    }
                    break
                }
                j -= 1
            }
        }
        if let f = funder, OrganisationName.canonicalKey(f) == answeringKey { funder = nil }
        // "R has been awarded £X to run the Y Helpline": the named service is the project.
        if project == nil, evHi <= q.hi {
            var k = q.hi
            if k < n, t[k].lower == "each" { k += 1 }
            while k + 1 < n, ["in", "for", "over"].contains(t[k].lower), let o = g.owner[k + 1], g.items[o].quantity == nil { k = g.items[o].hi }
            if let (p, hi) = purposeProject(g, k, text: text) { project = p; evHi = hi }
        }
        if evHi == q.hi, q.hi < n, t[q.hi].lower == "each" { evHi = q.hi + 1 }
        // A duration right after the sum belongs to its words: "£1.5m per annum for three years".
        var d = q.hi
        if d < n, ["for", "over", "across"].contains(t[d].lower) { d += 1 }
        if d < n, let o = g.owner[d], g.items[o].duration != nil, evHi < g.items[o].hi, evLo < q.lo || evHi <= g.items[o].hi {
            if evHi <= q.hi { evHi = g.items[o].hi }
        }
        let lo = min(evLo, q.lo)
        let hi = max(evHi, q.hi)
        let names = each && parts.count > 1 ? parts.map { OrganisationName.displayName($0.text) } : [recipientName]
        return names.map { name in
            GrantMention(amountPence: q.pence ?? 0, recipient: name, project: project, durationMonths: duration,
                         financialYear: fy, funder: funder, programme: programme, qualifier: q.qualifier,
                         evidence: text.span(t[lo].start, t[hi - 1].end), rate: q.rate)
        }
    }
}
