// Enrichment: the roles every funding frame shares, filled once for all patterns: the funder (the
// agent, else a named subject of the funding verb, else the answering body), the programme or
// fund, the duration and financial year, and the qualifier and rate the sum carries.

enum Enrichment {
    /// The grant mention a frame states.
    static func mention(_ frame: FundingFrame, _ x: FrameInput) -> GrantMention {
        let lo = min(frame.lo, x.q.lo), hi = max(frame.hi, x.q.hi)
        let time = timeItems(x, lo: lo, hi: hi)
        let fys = time.compactMap(\.period).filter(\.isFinancialYear)
        let sentenceFYs = x.g.periods.filter { $0.p.isFinancialYear }
        let financialYear = fys.first?.normalized ?? (sentenceFYs.count == 1 ? sentenceFYs[0].p.normalized : nil)
        let duration = time.compactMap({ $0.duration ?? nil }).first
            ?? time.compactMap(\.period).first(where: \.isRange)?.months
        let recipientKey = OrganisationName.canonicalKey(frame.recipient)
        var funder = agent(x) ?? subjectFunder(x.g, text: x.text, before: lo)
        if let f = funder, [x.answeringKey, recipientKey].contains(OrganisationName.canonicalKey(f)) { funder = nil }
        var mention = GrantMention(amountPence: x.q.pence ?? 0, recipient: frame.recipient, project: frame.project,
                                   durationMonths: duration, financialYear: financialYear, funder: funder,
                                   programme: programme(x.g, text: x.text, from: x.q.hi, to: hi + 8), qualifier: x.q.qualifier,
                                   evidence: x.text.span(x.t[lo].start, x.t[hi - 1].end), rate: x.q.rate)
        mention.partOf = frame.partOf
        return mention
    }

    /// Periods and durations that belong to the sum: inside the frame's words, right after the
    /// sum ("£8.8 million this year"), or just before it ("a three-year £2m grant").
    static func timeItems(_ x: FrameInput, lo: Int, hi: Int) -> [Item] {
        let after = FundingFrames.skipTime(x, from: x.q.hi)
        return x.g.items.filter { item in
            if item.quantity != nil { return false }
            return (item.lo >= lo && item.hi <= hi) || (item.lo >= x.q.hi && item.hi <= after) || (item.hi <= x.q.lo && item.hi >= x.q.lo - 2)
        }
    }

    /// The agent of a passive: "£2 million has been provided by the Ministry of Justice".
    static func agent(_ x: FrameInput) -> String? {
        var k = x.q.hi
        while k < x.n, k < x.q.hi + 5, Lexicon.auxiliaries.contains(x.t[k].lower) || Lexicon.fundingParticiples.contains(x.t[k].lower) { k += 1 }
        guard k + 1 < x.n, x.t[k].lower == "by", k > x.q.hi, Lexicon.fundingParticiples.contains(x.t[k - 1].lower), let name = x.g.parseName(k + 1, text: x.text) else { return nil }
        return OrganisationName.displayName(name.text)
    }

    /// A named subject of the funding verb before `lo` ("the Ministry of Justice has granted"), not
    /// one that stands for the answering body itself ("we", "the Government").
    static func subjectFunder(_ g: SentenceGrammar, text: ScalarText, before lo: Int) -> String? {
        var j = lo - 1
        while j >= max(0, lo - 15) {
            let w = g.t[j].lower
            if Lexicon.fundingVerbPrefixes.contains(where: { w.hasPrefix($0) }) && w != "pa" && !w.hasPrefix("part") {
                var a = j - 1
                while a >= 0, Lexicon.auxiliaries.contains(g.t[a].lower) { a -= 1 }
                guard let name = g.parseNameBackward(endingAt: a, text: text) else { return nil }
                let display = OrganisationName.displayName(name.text)
                return Lexicon.selfSubjects.contains(OrganisationName.canonicalKey(display)) ? nil : display
            }
            j -= 1
        }
        return nil
    }

    /// A fund or programme the money comes through: "from the Early Intervention Youth Fund".
    static func programme(_ g: SentenceGrammar, text: ScalarText, from lo: Int, to hi: Int) -> String? {
        var k = lo
        while k < min(hi, g.n) {
            if Lexicon.sourcePrepositions.contains(g.t[k].lower), let name = g.parseSourceName(k + 1, text: text) {
                let display = OrganisationName.displayName(name.text)
                if Grants.isProgramme(display) { return display }
            }
            k += 1
        }
        return nil
    }
}

/// The enrichment of the recipient grammar's readings: what the readers did not fill, from the
/// rest of the sentence, and the evidence's bounds.
struct GrantEnrichment {
    let q: Quantity
    let g: SentenceGrammar
    let text: ScalarText
    let answeringKey: String?

    /// One mention per recipient ("each"), else one to the (joint) recipient.
    func mentions(_ reading: GrantReading, recipientName: String) -> [GrantMention] {
        var r = reading
        if r.duration == nil { r.duration = durationBeforeSum() }
        // A single financial year in the sentence applies to its grants.
        if r.financialYear == nil {
            let years = g.periods.filter { $0.p.isFinancialYear }
            if years.count == 1 { r.financialYear = years[0].p.normalized }
        }
        if r.funder == nil, let f = Enrichment.subjectFunder(g, text: text, before: min(r.evidenceLo, q.lo)),
           OrganisationName.canonicalKey(f) != OrganisationName.canonicalKey(recipientName) {
            r.funder = f
        }
        if let f = r.funder, OrganisationName.canonicalKey(f) == answeringKey { r.funder = nil }
        if r.project == nil, r.evidenceHi <= q.hi, let (p, hi) = servicePurpose() { r.project = p; r.evidenceHi = hi }
        // "£2m to Anti-Slavery International through the Fund to End Forced Labour".
        if r.programme == nil { r.programme = Enrichment.programme(g, text: text, from: r.evidenceHi, to: r.evidenceHi + 8) }
        let lo = min(r.evidenceLo, q.lo), hi = max(evidenceEnd(r), q.hi)
        let names = r.each && r.parts.count > 1 ? r.parts.map { OrganisationName.displayName($0.text) } : [recipientName]
        return names.map { name in
            GrantMention(amountPence: q.pence ?? 0, recipient: name, project: r.project, durationMonths: r.duration,
                         financialYear: r.financialYear, funder: r.funder, programme: r.programme, qualifier: q.qualifier,
                         evidence: text.span(g.t[lo].start, g.t[hi - 1].end), rate: q.rate)
        }
    }

    /// "a three-year grant of £2m": a duration just before the sum.
    private func durationBeforeSum() -> Int? {
        var j = q.lo - 1
        while j >= 0, j >= q.lo - 4 {
            if let o = g.owner[j], let d = g.items[o].duration { return d }
            j -= 1
        }
        return nil
    }

    /// "R has been awarded £X to run the Y Helpline": the named service is the project.
    private func servicePurpose() -> (String, Int)? {
        var k = q.hi
        if k < g.n, g.t[k].lower == "each" { k += 1 }
        while k + 1 < g.n, ["in", "for", "over"].contains(g.t[k].lower), let o = g.owner[k + 1], g.items[o].quantity == nil { k = g.items[o].hi }
        return Grants.purposeProject(g, k, text: text)
    }

    /// The evidence takes in "each" after the sum and a duration right after it ("£1.5m per annum
    /// for three years").
    private func evidenceEnd(_ r: GrantReading) -> Int {
        var hi = r.evidenceHi
        if hi == q.hi, q.hi < g.n, g.t[q.hi].lower == "each" { hi = q.hi + 1 }
        var d = q.hi
        if d < g.n, ["for", "over", "across"].contains(g.t[d].lower) { d += 1 }
        if d < g.n, let o = g.owner[d], g.items[o].duration != nil, hi < g.items[o].hi,
           r.evidenceLo < q.lo || hi <= g.items[o].hi, hi <= q.hi {
            hi = g.items[o].hi
        }
        return hi
    }
}
