// The readers of the recipient grammar (see Grants.swift): what each finds around one sum, as a
// typed reading that GrantEnrichment turns into grant mentions.

/// A recipient role filled by one reader: the name (or joint phrase), its parts when "each" gives
/// every one the sum, and how far the words stating it reach.
struct RecipientRole {
    var phrase: NamePhrase
    var parts: [NamePhrase] = []
    var each = false
    /// Where the evidence starts, when before the sum.
    var lo: Int?
    /// Where the evidence ends, when after the sum.
    var hi: Int?
}

/// What the readers found around one sum, before enrichment.
struct GrantReading {
    var recipient: NamePhrase?
    /// The recipients one by one, when "each" says every one of them gets the sum.
    var parts: [NamePhrase] = []
    var each: Bool
    var project: String?
    var duration: Int?
    var financialYear: String?
    var programme: String?
    var funder: String?
    var evidenceLo: Int
    var evidenceHi: Int

    /// Takes the recipient role a reader found, if any.
    mutating func adopt(_ role: RecipientRole?) {
        guard let role else { return }
        recipient = role.phrase
        parts = role.parts
        if role.each { each = true }
        if let lo = role.lo { evidenceLo = lo }
        if let hi = role.hi { evidenceHi = hi }
    }
}

/// The phrase after the sum: "£X [over N years] to R [for their P project]", "£X for R", "£X to
/// fund ..., delivered by R", with the programme ("from the X Fund"), funder ("funded by F"),
/// duration and financial year it names on the way.
struct AfterSumReader {
    let q: Quantity
    let g: SentenceGrammar
    let text: ScalarText
    private var reading: GrantReading
    private var k: Int
    /// After "to fund ...", only "delivered by X" names a recipient.
    private var afterPurpose = false

    init(q: Quantity, g: SentenceGrammar, text: ScalarText) {
        self.q = q
        self.g = g
        self.text = text
        reading = GrantReading(each: q.hi < g.n && g.t[q.hi].lower == "each", evidenceLo: q.lo, evidenceHi: q.hi)
        k = q.hi
    }

    /// Reads up to 32 tokens after the sum, to a clause break or another sum.
    func read() -> GrantReading {
        var reader = self
        while reader.k < g.n, reader.k < q.hi + 32 {
            if let o = g.owner[reader.k] {
                guard reader.readItem(g.items[o]) else { break }
                continue
            }
            if g.t[reader.k].isPunct(";") || g.t[reader.k].isPunct(":") { break }
            let goOn = reader.reading.recipient != nil ? reader.readAfterRecipient() : reader.readBeforeRecipient()
            if !goOn { break }
        }
        return reader.reading
    }

    /// A period, duration or other item after the sum; false at another sum of money.
    private mutating func readItem(_ item: Item) -> Bool {
        switch item.kind {
        case .quantity(let other) where other.unit == .gbp: return false
        case .duration(let d):
            if reading.duration == nil { reading.duration = d; if reading.recipient != nil { reading.evidenceHi = item.hi } }
        case .period(let p):
            if p.isFinancialYear, reading.financialYear == nil { reading.financialYear = p.normalized }
            if p.isRange, reading.duration == nil, let m = p.months { reading.duration = m }
            if reading.recipient != nil { reading.evidenceHi = max(reading.evidenceHi, item.hi) }
        default: break
        }
        k = max(item.hi, k + 1)
        return true
    }

    /// After the recipient: its project, a service it runs, time phrases; false at anything else.
    private mutating func readAfterRecipient() -> Bool {
        let w = g.t[k].lower
        if let (p, hi) = Grants.projectPhrase(g, k, text: text) {
            if reading.project == nil { reading.project = p }
            reading.evidenceHi = hi
            k = hi
            return true
        }
        if reading.project == nil, let (p, hi) = Grants.purposeProject(g, k, text: text) {
            reading.project = p
            reading.evidenceHi = hi
            k = hi
            return true
        }
        guard k + 1 < g.n, let o = g.owner[k + 1], g.items[o].quantity == nil else { return false }
        let item = g.items[o]
        if Lexicon.timePrepositionsAfterRecipient.contains(w), item.period != nil || item.duration != nil { k += 1; return true }
        if Lexicon.durationOpeners.contains(w), item.duration != nil { k += 1; return true }
        return false
    }

    /// Before the recipient: "to R", "for R", "delivered by R", "from the X Fund", "funded by F".
    /// False where the phrase can name no recipient ("to the police").
    private mutating func readBeforeRecipient() -> Bool {
        let t = g.t, w = t[k].lower
        if w == "to" {
            if !afterPurpose, takeRecipients(k + 1) { return true }
            if Grants.isGenericRecipient(g, k + 1) || (k + 1 < g.n && t[k + 1].lower == "the" && Grants.isGenericRecipient(g, k + 2)) { return false }
            if k + 1 < g.n, Lexicon.infinitiveVerbs.contains(t[k + 1].lower) { afterPurpose = true }
        } else if w == "for" || w == "on" {
            if let (p, hi) = Grants.projectPhrase(g, k, text: text) {
                if reading.project == nil { reading.project = p }
                k = hi
                return true
            }
            if w == "for", !afterPurpose, takeRecipients(k + 1) { return true }
        } else if Lexicon.deliveryVerbs.contains(w), deliveredBy() {
            return true
        } else if readSource() {
            return true
        }
        k += 1
        return true
    }

    /// "delivered by R", "carried out by R".
    private mutating func deliveredBy() -> Bool {
        var j = k + 1
        if j < g.n, g.t[j].lower == "out" { j += 1 }
        return j < g.n && g.t[j].lower == "by" && takeRecipients(j + 1) && reading.recipient != nil
    }

    /// "from the X Fund" (a programme), "from the Ministry of Justice" or "funded by F" (a funder).
    private mutating func readSource() -> Bool {
        let t = g.t, w = t[k].lower
        if Lexicon.sourcePrepositions.contains(w), let name = g.parseSourceName(k + 1, text: text) {
            let display = OrganisationName.displayName(name.text)
            if Grants.isProgramme(display) {
                if reading.programme == nil { reading.programme = display }
            } else if w == "from", reading.funder == nil {
                reading.funder = display
            }
            k = name.hi
            return true
        }
        if w == "funded", k + 2 < g.n, t[k + 1].lower == "by", let name = g.parseName(k + 2, text: text) {
            reading.funder = OrganisationName.displayName(name.text)
            k = name.hi
            return true
        }
        return false
    }

    /// Reads recipients starting at token j; false when there is none there. A fund named there is
    /// the programme, not a recipient.
    private mutating func takeRecipients(_ j: Int) -> Bool {
        guard let names = g.parseRecipientList(j, text: text), !names.allSatisfy(Grants.isPlace) else { return false }
        let first = names[0], last = names[names.count - 1]
        if names.count == 1, Grants.isFundName(OrganisationName.displayName(first.text)) {
            if reading.programme == nil { reading.programme = OrganisationName.displayName(first.text) }
            k = first.hi
            return true
        }
        var hi = last.hi
        if hi < g.n, g.t[hi].lower == "each" { reading.each = true; hi += 1 }
        reading.recipient = Grants.joint(names, hi: hi, g, text: text)
        if reading.each {
            for (i, name) in names.enumerated() {
                // The last name of a list, or the only one, may join two ("B and C").
                let mayJoin = names.count == 1 || (i == names.count - 1 && g.t[name.lo - 1].lower != "and")
                reading.parts += mayJoin ? (g.splitJoint(name, text: text) ?? [name]) : [name]
            }
        }
        reading.evidenceHi = hi
        k = hi
        return true
    }
}

/// The recipient before the sum: "R will receive £X", "R was awarded £X", "has funded R with £X",
/// "awarded R £X", "funding to R of £X".
enum RecipientBeforeSum {
    static func read(_ q: Quantity, _ g: SentenceGrammar, text: ScalarText, each: Bool) -> RecipientRole? {
        let t = g.t
        var j = q.lo - 1
        var with: Int?
        while j >= 0, g.owner[j] == nil, Lexicon.sumWordsAfterVerb.contains(t[j].lower) {
            if t[j].lower == "with", with == nil { with = j }
            j -= 1
        }
        guard j >= 0, g.owner[j] == nil else { return nil }
        if Lexicon.receiveVerbs.contains(t[j].lower) { return receivingSubject(verb: j, g, text: text, each: each) }
        // "has funded the MSOICU with £1.4 million", "supported the British Red Cross with a grant of £1.1m".
        if let with, with >= 1, let name = g.parseNameBackward(endingAt: with - 1, text: text),
           name.lo >= 1, Lexicon.fundWithVerbs.contains(t[name.lo - 1].lower) {
            return RecipientRole(phrase: name, lo: name.lo - 1)
        }
        guard let name = g.parseNameBackward(endingAt: j, text: text) else { return nil }
        if name.lo >= 1, Lexicon.giveVerbs.contains(t[name.lo - 1].lower) { return RecipientRole(phrase: name, lo: name.lo) }
        if name.lo >= 2, t[name.lo - 1].lower == "to", Lexicon.fundingNounsBeforeTo.contains(t[name.lo - 2].lower) {
            return RecipientRole(phrase: name, lo: name.lo - 2)
        }
        return nil
    }

    /// "Unseen, Hope for Justice and Kalayaan will each receive £50,000" (one grant to each), "The
    /// Salvation Army, which holds the contract, received £X", "Kalayaan was awarded £X".
    static func receivingSubject(verb j: Int, _ g: SentenceGrammar, text: ScalarText, each eachAfterSum: Bool) -> RecipientRole? {
        let t = g.t
        var a = j - 1
        var passive = false, each = eachAfterSum
        while a >= 0, Lexicon.auxiliaries.contains(t[a].lower) {
            passive = passive || Lexicon.passiveAuxiliaries.contains(t[a].lower)
            if t[a].lower == "each" { each = true }
            a -= 1
        }
        // A relative clause between subject and verb.
        if a >= 0, t[a].isPunct(","), let c = (0..<a).last(where: { t[$0].isPunct(",") }),
           c + 1 < a, Lexicon.relativePronouns.contains(t[c + 1].lower) {
            a = c - 1
            while a >= 0, Lexicon.auxiliaries.contains(t[a].lower) { a -= 1 }
        }
        // "We awarded £X" is active: these verbs receive only in the passive.
        guard !Lexicon.receivingOnlyInPassive.contains(t[j].lower) || passive,
              let names = g.parseRecipientListBackward(endingAt: a, text: text) else { return nil }
        var role = RecipientRole(phrase: Grants.joint(names, hi: names[names.count - 1].hi, g, text: text), lo: names[0].lo)
        role.each = each
        if each {
            for (i, name) in names.enumerated() {
                let mayJoin = names.count == 1 || i == names.count - 1
                role.parts += mayJoin ? (g.splitJoint(name, text: text) ?? [name]) : [name]
            }
        }
        return role
    }
}

extension Grants {
    /// One recipient phrase for a list of names: the name itself, or the joint words "A, B and C".
    static func joint(_ names: [NamePhrase], hi: Int, _ g: SentenceGrammar, text: ScalarText) -> NamePhrase {
        let first = names[0], last = names[names.count - 1]
        let jointText = names.count == 1 ? first.text : text.string(g.t[first.nameStart].start, g.t[last.hi - 1].end)
        return NamePhrase(lo: first.lo, hi: hi, text: jointText, nameStart: first.nameStart)
    }

    /// A place, or places joined by "and" ("the UK and Wales"), is not a recipient.
    static func isPlace(_ name: NamePhrase) -> Bool {
        let key = OrganisationName.key(name.text)
        return Lexicon.places.contains(key)
            || key.components(separatedBy: " and ").allSatisfy { Lexicon.places.contains($0) || Lexicon.places.contains("the " + $0) }
    }
}

extension SentenceGrammar {
    /// The name of where money comes from, at token j: "the Early Intervention Youth Fund", "the
    /// Global Fund to End Modern Slavery" (a capitalised purpose is part of a fund's name).
    func parseSourceName(_ j: Int, text: ScalarText) -> NamePhrase? {
        guard var name = parseName(j, text: text) else { return nil }
        if name.hi + 1 < n, t[name.hi].lower == "to", t[name.hi + 1].isCapitalized, Lexicon.infinitiveVerbs.contains(t[name.hi + 1].lower),
           let rest = parseName(name.hi + 1, text: text) {
            name = NamePhrase(lo: name.lo, hi: rest.hi, text: text.string(t[name.lo].start, t[rest.hi - 1].end))
        }
        return name
    }
}
