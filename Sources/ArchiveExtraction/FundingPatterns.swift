// The funding patterns, one small function each (see `FundingPattern` for the family each reads).

extension FundingFrames {
    /// "£3.6m to establish the National County Lines Co-ordination Centre", "£1.3m to fund The
    /// Children’s Society to deliver The Prevention Programme", "£2m funding to the police to
    /// support the MSOIC programme". Only the first purpose clause after the sum is read.
    static func purposeClause(_ x: FrameInput) -> FundingFrame? {
        let t = x.t
        var k = x.q.hi
        while k < min(x.n, x.q.hi + 16) {
            if let o = x.g.owner[k] { if x.g.items[o].quantity != nil { return nil }; k = x.g.items[o].hi; continue }
            if t[k].isPunct(";") || t[k].isPunct(":") { return nil }
            if t[k].lower == "to", k + 1 < x.n, Lexicon.infinitiveVerbs.contains(t[k + 1].lower) { break }
            k += 1
        }
        guard k + 1 < x.n, t[k].lower == "to", Lexicon.purposeObjectVerbs.contains(t[k + 1].lower), isFundingClause(x) else { return nil }
        var j = k + 2
        if t[k + 1].lower == "set", j < x.n, t[j].lower == "up" { j += 1 }
        if j + 1 < x.n, t[j].lower == "and", Lexicon.purposeObjectVerbs.contains(t[j + 1].lower) { j += 2 }
        if j + 2 < x.n, ["the", "a"].contains(t[j].lower), Lexicon.establishmentNouns.contains(t[j + 1].lower), t[j + 2].lower == "of" { j += 3 }
        guard let thing = x.g.parseFundedThing(j, text: x.text), let recipient = recipient(thing, x) else { return nil }
        var frame = FundingFrame(pattern: .purposeClause, recipient: recipient, lo: x.q.lo, hi: thing.phrase.hi)
        if let (project, end) = Grants.purposeProject(x.g, thing.phrase.hi, text: x.text) { frame.project = project; frame.hi = end }
        return frame
    }

    /// "invested £17.8 million in the MSOICU", "investing over £9 million this year in the TOEX
    /// programme", "a £10m investment in X".
    static func investedIn(_ x: FrameInput) -> FundingFrame? {
        let before = skipBack(x, from: x.q.lo - 1, over: ["a", "an", "additional", "further", "extra", "total", "of", "some"])
        let byVerb = before >= 0 && Lexicon.investVerbs.contains(x.t[before].lower)
        let byNoun = x.q.hi < x.n && Lexicon.investmentNouns.contains(x.t[x.q.hi].lower)
        guard byVerb || byNoun else { return nil }
        let k = skipTime(x, from: x.q.hi + (byNoun ? 1 : 0))
        guard k + 1 < x.n, ["in", "into"].contains(x.t[k].lower), let thing = x.g.parseFundedThing(k + 1, text: x.text),
              let recipient = recipient(thing, x) else { return nil }
        return FundingFrame(pattern: .investedIn, recipient: recipient, lo: byVerb ? before : x.q.lo, hi: thing.phrase.hi)
    }

    /// "£5.87m towards their Violence Reduction Unit (VRU)", "£350,000 towards the costs of the
    /// Hope at Home scheme".
    static func towards(_ x: FrameInput) -> FundingFrame? {
        let k = skipTime(x, from: x.q.hi)
        guard k + 1 < x.n, ["towards", "toward"].contains(x.t[k].lower) else { return nil }
        var j = k + 1
        if j + 2 < x.n, x.t[j].lower == "the", Lexicon.costNouns.contains(x.t[j + 1].lower), x.t[j + 2].lower == "of" { j += 3 }
        guard let thing = x.g.parseFundedThing(j, text: x.text), let recipient = recipient(thing, x) else { return nil }
        return FundingFrame(pattern: .towards, recipient: recipient, lo: x.q.lo, hi: thing.phrase.hi)
    }

    /// "We are funding St Giles Trust £860,000", "we have allocated the London VRU £33.7m".
    static func indirectObject(_ x: FrameInput) -> FundingFrame? {
        guard x.q.lo >= 2, let thing = x.g.parseFundedThingBackward(endingAt: x.q.lo - 1, text: x.text), thing.phrase.lo >= 1,
              Lexicon.indirectObjectVerbs.contains(x.t[thing.phrase.lo - 1].lower) else { return nil }
        return FundingFrame(pattern: .indirectObject, recipient: thing.recipient, lo: thing.phrase.lo - 1, hi: x.q.hi)
    }

    /// "The Home Office is providing the Tackling Organised Exploitation (TOEX) programme with £8.8 million".
    static func withObject(_ x: FrameInput) -> FundingFrame? {
        guard x.q.lo >= 3, x.t[x.q.lo - 1].lower == "with",
              let thing = x.g.parseFundedThingBackward(endingAt: x.q.lo - 2, text: x.text), thing.phrase.lo >= 1,
              Lexicon.fundWithVerbs.contains(x.t[thing.phrase.lo - 1].lower) else { return nil }
        return FundingFrame(pattern: .withObject, recipient: thing.recipient, lo: thing.phrase.lo - 1, hi: x.q.hi)
    }

    /// "The VRU also received an additional investment of £5.5m", "the charity received a grant
    /// of £64,000", "Kalayaan was awarded funding of £90,000": the subject, through the discourse.
    static func subjectReceives(_ x: FrameInput) -> FundingFrame? {
        let t = x.t
        let j = skipBack(x, from: x.q.lo - 1, over: Lexicon.receivedSumWords)
        guard j >= 1, x.g.owner[j] == nil, Lexicon.receiveVerbs.contains(t[j].lower) else { return nil }
        var a = j - 1
        var sawAux = false
        while a >= 0, Lexicon.auxiliaries.contains(t[a].lower) { sawAux = sawAux || Lexicon.passiveAuxiliaries.contains(t[a].lower); a -= 1 }
        // "awarded", "allocated" without an auxiliary are active: "We awarded £X".
        guard a >= 0, sawAux || !Lexicon.receivingOnlyInPassive.contains(t[j].lower) else { return nil }
        if a >= 1, t[a - 1].lower == "the", t[a].isWord, !t[a].isCapitalized || a - 1 == 0,
           let name = x.discourse.resolve(descriptionHead: t[a].lower) {
            return FundingFrame(pattern: .subjectReceives, recipient: name, lo: a - 1, hi: x.q.hi)
        }
        // "It also received £2m": the pronoun opens its clause.
        if t[a].lower == "it", a == 0 || t[a - 1].isPunct(",") || t[a - 1].lower == "and",
           let name = x.discourse.resolve(descriptionHead: "it") {
            return FundingFrame(pattern: .subjectReceives, recipient: name, lo: a, hi: x.q.hi)
        }
        guard let thing = x.g.parseFundedThingBackward(endingAt: a, text: x.text) else { return nil }
        return FundingFrame(pattern: .subjectReceives, recipient: thing.recipient, lo: thing.phrase.lo, hi: x.q.hi)
    }

    /// "£250,000 for work by Anti-Slavery International", "£40,000 in support of a UNICEF project".
    static func workBy(_ x: FrameInput) -> FundingFrame? {
        let t = x.t
        var k = skipTime(x, from: x.q.hi)
        if k + 3 < x.n, t[k].lower == "in", t[k + 1].lower == "support", t[k + 2].lower == "of",
           let thing = x.g.parseFundedThing(k + 3, text: x.text), let recipient = recipient(thing, x) {
            var frame = FundingFrame(pattern: .workBy, recipient: recipient, lo: x.q.lo, hi: thing.phrase.hi)
            if thing.head != nil, thing.recipient != thing.fullName { frame.project = thing.fullName }
            return frame
        }
        guard k + 2 < x.n, t[k].lower == "for" else { return nil }
        k += 1
        if t[k].lower == "the" { k += 1 }
        guard k + 2 < x.n, Lexicon.workNouns.contains(t[k].lower) else { return nil }
        k += 1
        if Lexicon.workParticiples.contains(t[k].lower) { k += 1; if t[k].lower == "out" { k += 1 } }
        guard k + 1 < x.n, ["by", "of"].contains(t[k].lower), let thing = x.g.parseFundedThing(k + 1, text: x.text) else { return nil }
        return FundingFrame(pattern: .workBy, recipient: thing.recipient, lo: x.q.lo, hi: thing.phrase.hi)
    }

    /// "a two-year £900,000 Barnardo’s pilot": the sum inside the noun phrase of what it funds.
    static func sumInNounPhrase(_ x: FrameInput) -> FundingFrame? {
        guard x.q.hi < x.n, x.t[x.q.hi].isCapitalized || x.t[x.q.hi].kind == .punct,
              let thing = x.g.parseFundedThing(x.q.hi, text: x.text), let head = thing.head,
              Lexicon.projectOfOrganisationHeads.contains(head) else { return nil }
        var lo = x.q.lo
        if lo >= 1, let o = x.g.owner[lo - 1], x.g.items[o].duration != nil { lo = x.g.items[o].lo }
        return FundingFrame(pattern: .sumInNounPhrase, recipient: thing.recipient, lo: lo, hi: thing.phrase.hi, project: nil)
    }

    /// "West Midlands VRU, backed by £2.9m of investment, ...".
    static func appositive(_ x: FrameInput) -> FundingFrame? {
        let t = x.t
        let b = skipBack(x, from: x.q.lo - 1, over: ["a", "an", "additional", "further", "total", "of"])
        guard b >= 3, t[b].lower == "by", Lexicon.backingParticiples.contains(t[b - 1].lower), t[b - 2].isPunct(","),
              let thing = x.g.parseFundedThingBackward(endingAt: b - 3, text: x.text) else { return nil }
        return FundingFrame(pattern: .appositive, recipient: thing.recipient, lo: thing.phrase.lo, hi: x.q.hi)
    }

    /// "allocated the London VRU £33.7m, including £12.6m this financial year", "£20m to run the
    /// VRU (with funding of over £4.38m in 2023-2024)", "£10m, of which £2m ...": a part of the
    /// grant stated earlier in the sentence, never added to it.
    static func partOfTotal(_ x: FrameInput) -> FundingFrame? {
        let t = x.t
        guard let total = x.earlier.last, total.sentence == x.sentence, x.q.pence ?? 0 < total.grant.amountPence else { return nil }
        var b = skipBack(x, from: x.q.lo - 1, over: ["a", "an", "c", "."])
        var marked = false
        if b >= 0, Lexicon.partMarkers.contains(t[b].lower) { marked = t[b].lower != "which" || (b >= 1 && t[b - 1].lower == "of") }
        if !marked, b >= 2, t[b].lower == "of", Lexicon.fundingNouns.contains(t[b - 1].lower), t[b - 2].lower == "with" { marked = true; b -= 2 }
        guard marked else { return nil }
        let hi = skipTime(x, from: x.q.hi)
        return FundingFrame(pattern: .partOfTotal, recipient: total.grant.recipient, lo: b, hi: max(x.q.hi, min(hi, x.n)), partOf: total.index)
    }

    /// "Our funding to the Independent Anti-Slavery Commissioner’s office was £600,000 in 2022-23",
    /// "The grant for Kalayaan this year is £75,000", "funding for the Duty, which for Dorset amounts
    /// to £292k": a funding noun with its recipient, then the sum.
    static func fundingNounIsSum(_ x: FrameInput) -> FundingFrame? {
        let t = x.t
        let v = skipBack(x, from: x.q.lo - 1, over: ["to", "a", "of", "be", "will"])
        guard v >= 3, Lexicon.copulasOfASum.contains(t[v].lower) else { return nil }
        // "funding ..., which for Dorset amounts to £292k": the recipient between "for" and the verb.
        let e = t[v - 1].isPunct(",") ? v - 2 : v - 1
        if let thing = x.g.parseFundedThingBackward(endingAt: e, text: x.text), thing.phrase.lo >= 1, t[thing.phrase.lo - 1].lower == "for",
           (0..<thing.phrase.lo).contains(where: { Lexicon.fundingNouns.contains(t[$0].lower) }) {
            return FundingFrame(pattern: .fundingNounIsSum, recipient: thing.recipient, lo: thing.phrase.lo - 1, hi: x.q.hi)
        }
        guard let noun = (max(0, v - 14)..<v).first(where: { Lexicon.fundingNouns.contains(t[$0].lower) }),
              noun + 1 < v, ["to", "for"].contains(t[noun + 1].lower),
              let thing = x.g.parseFundedThing(noun + 2, text: x.text), thing.phrase.hi <= v,
              let recipient = recipient(thing, x) else { return nil }
        return FundingFrame(pattern: .fundingNounIsSum, recipient: recipient, lo: noun, hi: x.q.hi)
    }

    /// "The grant for this year is £400,000", "This funding totals £1.2m": the grant just stated
    /// (in this sentence or the one before), a part of it when smaller.
    static func fundingSubject(_ x: FrameInput) -> FundingFrame? {
        let t = x.t
        guard let last = x.earlier.last, last.sentence >= x.sentence - 1 else { return nil }
        let v = skipBack(x, from: x.q.lo - 1, over: ["to", "a", "of"])
        guard v >= 2, Lexicon.copulasOfASum.contains(t[v].lower) else { return nil }
        guard let s = (max(0, v - 8)..<v).first(where: { ["the", "this", "that"].contains(t[$0].lower) }),
              s + 1 < v, Lexicon.fundingNouns.contains(t[s + 1].lower) else { return nil }
        let part = (x.q.pence ?? 0) < last.grant.amountPence ? last.index : nil
        return FundingFrame(pattern: .fundingSubject, recipient: last.grant.recipient, lo: s, hi: x.q.hi, partOf: part)
    }
}
