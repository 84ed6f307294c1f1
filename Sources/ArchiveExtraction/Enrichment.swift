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
        var funder = agent(x) ?? subjectFunder(x, before: lo)
        if let f = funder, [x.answeringKey, recipientKey].contains(OrganisationName.canonicalKey(f)) { funder = nil }
        var mention = GrantMention(amountPence: x.q.pence ?? 0, recipient: frame.recipient, project: frame.project,
                                   durationMonths: duration, financialYear: financialYear, funder: funder,
                                   programme: programme(x, from: x.q.hi, to: hi + 8), qualifier: x.q.qualifier,
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

    /// A named subject of the funding verb before the sum: "the Ministry of Justice has granted".
    static func subjectFunder(_ x: FrameInput, before lo: Int) -> String? {
        var j = lo - 1
        while j >= max(0, lo - 14) {
            let w = x.t[j].lower
            if Lexicon.fundingVerbPrefixes.contains(where: { w.hasPrefix($0) }) && w != "pa" && !w.hasPrefix("part") {
                var a = j - 1
                while a >= 0, Lexicon.auxiliaries.contains(x.t[a].lower) { a -= 1 }
                guard let name = x.g.parseNameBackward(endingAt: a, text: x.text) else { return nil }
                let display = OrganisationName.displayName(name.text)
                return Lexicon.selfSubjects.contains(OrganisationName.canonicalKey(display)) ? nil : display
            }
            j -= 1
        }
        return nil
    }

    /// A fund or programme the money comes through: "from the Early Intervention Youth Fund".
    static func programme(_ x: FrameInput, from lo: Int, to hi: Int) -> String? {
        var k = lo
        while k < min(hi, x.n) {
            if ["from", "through", "via", "under"].contains(x.t[k].lower), let name = x.g.parseName(k + 1, text: x.text) {
                let display = OrganisationName.displayName(name.text)
                if Grants.isProgramme(display) { return display }
            }
            k += 1
        }
        return nil
    }
}
