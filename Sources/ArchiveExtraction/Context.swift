// The context of a figure in its sentence: period, measure words, NRM exploitation type,
// population, and whether it counts National Referral Mechanism referrals.
#if canImport(Glibc)
import Glibc  // memchr
#elseif canImport(Darwin)
import Darwin
#endif

/// True when `needle` occurs in `text`, compared as UTF-8 bytes (no Unicode normalisation needed
/// for the lower-case ASCII phrases extraction looks for), on the strings' own storage.
func containsBytes(_ text: String, _ needle: String) -> Bool {
    withUTF8Bytes(text) { haystack in
        withUTF8Bytes(needle) { needle in
            guard let first = needle.first else { return true }
            guard let start = haystack.baseAddress, haystack.count >= needle.count else { return false }
            // The C library's memchr finds each candidate first byte: a comparison of our own at
            // every byte was a visible share of extraction.
            var from = 0
            let lastStart = haystack.count - needle.count
            while from <= lastStart, let hit = memchr(start + from, Int32(first), lastStart - from + 1) {
                let i = start.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if startsWith(haystack, needle, at: i) { return true }
                from = i + 1
            }
            return false
        }
    }
}

/// True when `text` holds `byte` (the C library's memchr, not a loop of our own).
func containsByte(_ text: String, _ byte: UInt8) -> Bool {
    withUTF8Bytes(text) { bytes in bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false }
}

/// True when `needle` is in `haystack` from `i` on (the first bytes already known to match are checked again).
func startsWith<Needle: RandomAccessCollection<UInt8>>(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: Needle, at i: Int) -> Bool
where Needle.Index == Int {
    guard needle.count <= haystack.count - i else { return false }
    var k = 0
    while k < needle.count && haystack[i + k] == needle[needle.startIndex + k] { k += 1 }
    return k == needle.count
}

/// True when one of the space-separated words of `text` is one of `candidates` (given as bytes);
/// a word of the text is compared only with those of its length.
func hasSpaceSeparatedWord(_ text: String, in candidates: [[UInt8]]) -> Bool {
    withUTF8Bytes(text) { bytes in
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: " ") { end += 1 }
            if end > start {
                for candidate in candidates where candidate.count == end - start {
                    if candidate.indices.allSatisfy({ candidate[$0] == bytes[start + $0] }) { return true }
                }
            }
            start = end + 1
        }
        return false
    }
}

/// Phrases searched for together: one pass over a text tries, at each byte, only the phrases that
/// start with it and the byte after it, instead of one pass per phrase.
struct PhraseSet: Sendable {
    private var startingWith = [[[UInt8]]](repeating: [], count: 256)
    /// One bit for each pair of bytes some phrase starts with (any pair for a one-byte phrase): most
    /// places in a text are turned away by one bit, not by comparing phrases.
    private var startsPair = BytePairSet()

    init(_ phrases: [String]) {
        for phrase in phrases where !phrase.isEmpty {
            let bytes = Array(phrase.utf8)
            startingWith[Int(bytes[0])].append(bytes)
            let seconds = bytes.count > 1 ? [bytes[1]] : Array(0...UInt8.max)
            for second in seconds { startsPair.insert(Int(bytes[0]) << 8 | Int(second)) }
        }
    }

    /// True when one of the phrases occurs in `text` (as `containsBytes` would find it).
    func occurs(in text: String) -> Bool {
        withUTF8Bytes(text) { haystack in
            guard let last = haystack.indices.last else { return false }
            var i = 0
            while i < last {
                if startsPair.contains(Int(haystack[i]) << 8 | Int(haystack[i + 1])), startsAt(i, haystack) { return true }
                i += 1
            }
            return startsAt(last, haystack)  // only a one-byte phrase fits at the last byte
        }
    }

    private func startsAt(_ i: Int, _ haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        startingWith[Int(haystack[i])].contains { startsWith(haystack, $0, at: i) }
    }
}

/// `body` over the UTF-8 bytes of `text`, without a copy when the string is stored contiguously.
func withUTF8Bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
}

enum Context {
    private static let nrmWords = ["nrm", "nrms"].map { Array($0.utf8) }

    static func mentionsNRM(_ lower: String) -> Bool {
        // Byte-wise: Foundation's String.contains was a sixth of all ingest time. The words are
        // split only in a text that has "nrm" somewhere: most sentences do not.
        containsBytes(lower, "national referral mechanism")
            || (containsBytes(lower, "nrm") && hasSpaceSeparatedWord(lower, in: nrmWords))
    }

    /// Whether a sentence speaks of modern slavery or trafficking: the NRM, slavery, trafficking,
    /// potential victims, or an exploitation type of the NRM's own (not "sexual exploitation" alone,
    /// which answers on child sexual exploitation use outside the NRM).
    static func mentionsSlavery(_ lower: String) -> Bool {
        namesSlaveryPhrase(lower) || mentionsNRM(lower)
    }

    private static let slaveryPhraseSet = PhraseSet(Lexicon.slaveryPhrases)

    /// `mentionsSlavery` without the NRM, for a sentence whose NRM mention is already known.
    static func namesSlaveryPhrase(_ lower: String) -> Bool {
        slaveryPhraseSet.occurs(in: lower)
    }

    /// The rule for NRM referrals. A count or share is one when it speaks of referrals (or of people
    /// referred), they are not referred somewhere else ("referrals to social services"), and either
    /// the answer speaks of modern slavery or trafficking (this sentence or one before it: the NRM, slavery,
    /// trafficking, potential victims; see `mentionsSlavery`), or the figure is counted by an NRM
    /// exploitation type from a table or list label ("Labour" under "Exploitation type"). In an answer
    /// about slavery, "referrals" are NRM referrals even when the NRM is never named; with no slavery
    /// context, ordinary referrals are never flagged.
    static func isNRMReferral(referrals: Bool, referredElsewhere: Bool, slaveryContext: Bool, labelledType: Bool) -> Bool {
        referrals && !referredElsewhere && (slaveryContext || labelledType)
    }

    /// Whether the referrals in `t` go somewhere other than the NRM: "referrals to social services",
    /// "referred to the police" (but not "referred to the NRM", "to the Single Competent Authority").
    /// With `near`, only the referral word nearest that token is read ("1,200 referrals to social
    /// services and 3,000 referrals in 2023": the second number's referrals go nowhere else).
    static func referredElsewhere(_ t: [Token], near: Int? = nil) -> Bool {
        var words = t.indices.filter { t[$0].lower.hasPrefix("referr") }
        if let near, let i = words.min(by: { abs($0 - near) < abs($1 - near) }) { words = [i] }
        for i in words {
            var k = i + 1
            while k < t.count, ["made", "were", "was", "being", "been", "are", "is"].contains(t[k].lower) { k += 1 }
            guard k + 1 < t.count, ["to", "into"].contains(t[k].lower), t[k + 1].lower != "as" else { continue }
            var j = k + 1
            var nrm = false
            while j < t.count, j < k + 8, t[j].kind != .punct || t[j].isPunct("’") || t[j].isPunct("'") {
                if ["nrm", "nrms", "mechanism", "competent", "sca", "home"].contains(t[j].lower) { nrm = true }
                j += 1
            }
            if !nrm { return true }
        }
        return false
    }

    /// The exploitation type a table or list label names: a full phrase ("Labour exploitation",
    /// "Forced labour"), or, where bare words are allowed (under an "exploitation type" header or
    /// caption, or in an answer about slavery), a bare type word: "Labour", "Sexual", "Criminal",
    /// "Domestic", "Organ harvesting", "Not recorded or unknown". Nil when it names none, or two.
    static func exploitationLabel(_ t: [Token], bareWordsAllowed: Bool) -> String? {
        let types = Set(exploitationMentions(t).map(\.1))
        if types.count == 1 { return types.first }
        if types.count > 1 || !bareWordsAllowed { return nil }
        let words = t.filter { $0.isWord && !["exploitation", "only", "exploited"].contains($0.lower) }.map(\.lower)
        switch words {
        case ["labour"], ["forced", "labour"]: return "labour exploitation"
        case ["sexual"]: return "sexual exploitation"
        case ["criminal"]: return "criminal exploitation"
        case ["domestic"], ["domestic", "servitude"]: return "domestic servitude"
        case ["organ"], ["organ", "harvesting"], ["organ", "removal"]: return "organ harvesting"
        case ["unknown"], ["not", "recorded"], ["not", "known"], ["not", "specified"], ["not", "recorded", "or", "unknown"],
             ["not", "specified", "or", "unknown"], ["unknown", "or", "not", "recorded"], ["other", "or", "unknown"]:
            return "unknown exploitation"
        default: return nil
        }
    }

    /// Exploitation types mentioned in tokens, with the token index where each starts.
    static func exploitationMentions(_ t: [Token]) -> [(Int, String)] {
        var out: [(Int, String)] = []
        for i in t.indices where Lexicon.exploitationPhraseStarts.contains(t[i].lower) {
            for (words, type) in Lexicon.exploitationPhrases where i + words.count <= t.count {
                var ok = true
                for (k, w) in words.enumerated() where t[i + k].lower != w { ok = false; break }
                if ok { out.append((i, type)) }
            }
        }
        return out
    }

    /// Population words in tokens ("women", "children", "Albanian nationals").
    static func populationMentions(_ t: [Token]) -> [(Int, String)] {
        var out: [(Int, String)] = []
        for i in t.indices {
            if Lexicon.couldNameAGroup(t[i].lower), let p = Lexicon.populationWords[t[i].lower] {
                if i + 1 < t.count, t[i + 1].lower == "and", i + 2 < t.count, let p2 = Lexicon.populationWords[t[i + 2].lower] {
                    out.append((i, p + " and " + p2))
                } else if !(i >= 2 && t[i - 1].lower == "and" && Lexicon.populationWords[t[i - 2].lower] != nil) {
                    out.append((i, p))
                }
            } else if t[i].lower == "nationals", i > 0, t[i - 1].isCapitalized || t[i - 1].lower == "foreign" {
                let nat = t[i - 1].lower == "uk" ? "UK" : t[i - 1].text
                out.append((i - 1, nat + " nationals"))
            }
        }
        return out
    }

    /// What a caption or list heading says is counted: "The number of potential victims referred to the
    /// NRM is set out below." gives "potential victims referred to the NRM"; "Referrals in 2023:" gives
    /// "Referrals". Cut at the first finite verb, period, "by" (a breakdown) or cue ("below", "as follows").
    static func headingPhrase(_ unit: SentenceUnit?, _ text: ScalarText) -> String? {
        guard let unit else { return nil }
        let t = unit.tokens
        let g = unit.grammar
        var s = 0
        if let i = t.indices.dropLast().first(where: { t[$0].lower == "number" && t[$0 + 1].lower == "of" }) { s = i + 2 }
        else {
            // Without "number of", only a sentence that introduces what follows is a caption.
            let introduces = t.last.map { $0.isPunct(":") || $0.kind != .punct } ?? false
                || ["below", "as follows", "following", "table"].contains(where: { containsBytes(unit.lowerText, $0) })
            guard introduces else { return nil }
            // "The table below shows referrals by year": what the verb shows.
            if let v = t.indices.first(where: { ["shows", "show", "sets", "gives", "provides", "contains", "lists"].contains(t[$0].lower) }) {
                s = v + 1
                if s < t.count, t[s].lower == "out" { s += 1 }
            }
        }
        let stops = Lexicon.wordsEndingATableSubject, lead = Lexicon.wordsLeadingATableSubject
        while s < t.count, t[s].isWord, lead.contains(t[s].lower) { s += 1 }
        var e = s
        while e < t.count, e < s + 12 {
            let w = t[e].lower
            if g.owner[e] != nil || (t[e].kind == .punct && !["-", "’", "'", "(", ")"].contains(t[e].text)) { break }
            if stops.contains(w) { break }
            if w == "in", e + 1 < t.count, ["the", "table", "tables", "annex"].contains(t[e + 1].lower) { break }
            if w == "by", e > s, !t[e - 1].lower.hasSuffix("ed") { break }
            e += 1
        }
        var last = e - 1
        while last >= s, Lexicon.trimWords.contains(t[last].lower) || t[last].kind == .punct { last -= 1 }
        guard last >= s else { return nil }
        return text.string(t[s].start, t[last].end)
    }

    /// Words opening a time phrase after an amount ("over the next three years", "in 2023-24").
    static let timePrepositions: Set<String> = ["over", "for", "in", "during", "across", "within", "between", "from", "until", "by"]
    static let timeDeterminers: Set<String> = ["the", "next", "coming", "following", "last", "past", "a", "this", "these",
                                               "those", "each", "every", "per", "its", "their", "current", "remaining", "first"]

    static func nearest(_ mentions: [(Int, String)], to i: Int) -> String? {
        mentions.min(by: { abs($0.0 - i) < abs($1.0 - i) })?.1
    }

    /// Words describing what is counted: the noun phrase after the number, else the words before it.
    static func measurePhrase(_ q: Quantity, _ unit: SentenceUnit, text: ScalarText) -> String? {
        measureAfter(q, unit.grammar, text: text) ?? measureBefore(q, unit, text: text)
    }

    /// The noun phrase after the number, past an aside, a time phrase and a preposition of funding.
    static func measureAfter(_ q: Quantity, _ g: SentenceGrammar, text: ScalarText) -> String? {
        let t = g.t
        guard let (first, end) = nounPhrase(g, from: startOfNounPhrase(q, g)) else { return nil }
        var last = end
        // A measure never ends on a preposition or determiner, and is never a bare time phrase.
        while last >= first, Lexicon.trimWords.contains(t[last].lower) || Self.timeDeterminers.contains(t[last].lower)
            || Self.timePrepositions.contains(t[last].lower) { last -= 1 }
        guard last >= first,
              !(first...last).allSatisfy({ Self.timeDeterminers.contains(t[$0].lower) || Lexicon.timeUnits[t[$0].lower] != nil || Lexicon.trimWords.contains(t[$0].lower) })
        else { return nil }
        return text.string(t[first].start, t[last].end)
    }

    /// Where the words after the number start: past a parenthesised aside ("10% (1,679) of all
    /// referrals"), a time phrase ("£25 million over the next three years to support victims") and
    /// a preposition of funding ("on victim support").
    static func startOfNounPhrase(_ q: Quantity, _ g: SentenceGrammar) -> Int {
        let t = g.t
        var k = q.hi
        if k < g.n, t[k].isPunct("(") {
            var depth = 0
            while k < g.n {
                if t[k].isPunct("(") { depth += 1 }
                if t[k].isPunct(")") { depth -= 1; if depth == 0 { k += 1; break } }
                k += 1
            }
        }
        if k < g.n, t[k].isPunct(")") { k += 1 }
        while k < g.n, g.owner[k] == nil, Self.timePrepositions.contains(t[k].lower) {
            var j = k + 1
            while j < g.n, g.owner[j] == nil, Self.timeDeterminers.contains(t[j].lower) { j += 1 }
            guard j < g.n, let o = g.owner[j], g.items[o].quantity == nil else { break }
            if case .skip = g.items[o].kind { break }
            k = g.items[o].hi
        }
        if q.unit == .gbp, k + 1 < g.n, ["on", "for"].contains(t[k].lower), g.owner[k + 1] == nil, t[k + 1].isWord,
           !Lexicon.trimWords.contains(t[k + 1].lower) || t[k + 1].lower == "the" { k += 1 }
        return k
    }

    /// Up to seven words from k, to a stop word, punctuation or another item: the first and last.
    static func nounPhrase(_ g: SentenceGrammar, from start: Int) -> (Int, Int)? {
        let t = g.t
        var k = start
        var first: Int?
        var last: Int?
        var words = 0
        while k < g.n, words < 7 {
            if let o = g.owner[k] {
                if case .skip = g.items[o].kind, first != nil { last = g.items[o].hi - 1; k = g.items[o].hi; continue }
                break
            }
            let tok = t[k]
            if tok.kind == .punct {
                if ["-", "&", "’", "'"].contains(tok.text), first != nil { k += 1; continue }
                break
            }
            if tok.kind == .url { break }
            if Lexicon.measureStops.contains(tok.lower) {
                // "were referred to ...": keep the participle.
                if ["were", "was", "are", "is", "been", "have", "has"].contains(tok.lower), k + 1 < g.n,
                   t[k + 1].lower.hasSuffix("ed") || (t[k + 1].lower == "been" && k + 2 < g.n && t[k + 2].lower.hasSuffix("ed")),
                   first != nil {
                    k += 1; continue
                }
                break
            }
            if first == nil && ["of", "the", "all", "each"].contains(tok.lower) { k += 1; continue }
            if first == nil { first = k }
            last = k
            words += 1
            k += 1
        }
        guard let first, let last else { return nil }
        return (first, last)
    }

    /// Nothing after the number: the words before it in its clause, without the verb of change,
    /// and nothing when they only name the giver ("The Government has committed £10 million").
    static func measureBefore(_ q: Quantity, _ unit: SentenceUnit, text: ScalarText) -> String? {
        let g = unit.grammar, t = g.t
        let clause = unit.clauses[q.lo]
        var j = q.lo - 1
        var b: Int?
        var count = 0
        while j >= 0, unit.clauses[j] == clause, count < 6 {
            if g.owner[j] != nil || t[j].kind != .word { break }
            b = j; count += 1; j -= 1
        }
        guard var s = b else { return nil }
        var e = q.lo - 1
        while s <= e, Lexicon.trimWords.contains(t[s].lower) { s += 1 }
        while e >= s, Lexicon.trimWords.contains(t[e].lower) || Lexicon.changeVerbs[t[e].lower] != nil { e -= 1 }
        if s + 1 <= e, ["number", "numbers"].contains(t[s].lower), t[s + 1].lower == "of" { s += 2 }
        while s <= e, Lexicon.trimWords.contains(t[s].lower) { s += 1 }
        guard s <= e else { return nil }
        let isFundingVerb = { (i: Int) in
            Lexicon.fundingVerbPrefixes.contains(where: { t[i].lower.hasPrefix($0) }) || Lexicon.receiveVerbs.contains(t[i].lower)
        }
        // "We will spend £6.2 million": the verb of funding names nothing counted.
        if (s...e).allSatisfy({ Lexicon.auxiliaries.contains(t[$0].lower) || Lexicon.measureStops.contains(t[$0].lower) || isFundingVerb($0) }) { return nil }
        if q.unit == .gbp, isFundingVerb(e) { return nil }
        guard !(s == e && ["number", "numbers", "figure", "total"].contains(t[s].lower)) else { return nil }
        return text.string(t[s].start, t[e].end)
    }

    /// The quantity whose parenthesised breakdown q sits in: "378 males (243 DW and 135 RPC)".
    static func parentIndex(of q: Quantity, _ previous: [(Quantity, Figure)], _ t: [Token]) -> Int? {
        var depth = 0
        var j = q.numStart - 1
        while j >= 0 {
            if t[j].isPunct(")") { depth += 1 }
            if t[j].isPunct("(") {
                if depth == 0 { return previous.lastIndex(where: { $0.0.hi == j }) }
                depth -= 1
            }
            j -= 1
        }
        return nil
    }

    /// A period stated as the baseline of a comparison ("a 1% increase on 2022", "compared with 2022",
    /// "fewer than in 2021"): the figure describes another period, so this one is never its own.
    static func isBaseline(_ item: Item, in g: SentenceGrammar) -> Bool {
        let t = g.t
        var j = item.lo - 1
        if j >= 0, t[j].lower == "in" || t[j].lower == "the" { j -= 1 }
        guard j >= 0 else { return false }
        let w = t[j].lower
        if ["than", "against", "versus", "vs"].contains(w) { return true }
        if ["with", "to"].contains(w), j >= 1, ["compared", "comparison", "relative"].contains(t[j - 1].lower) { return true }
        // "on 2022", "from 2022" after a change in the same sentence ("up 7% on 2022").
        if ["on", "from", "over"].contains(w) {
            return g.quantities.contains { $0.q.kind == .change && $0.q.hi <= j }
        }
        return false
    }

    /// The period a quantity binds to right after it, in its clause, before the next quantity and any
    /// conjunction: "12,727 in 2021 and 16,938 in 2022" gives each number its own year.
    static func trailingPeriod(_ q: Quantity, in unit: SentenceUnit, _ ps: [(item: Item, p: PeriodValue)]) -> Item? {
        let g = unit.grammar
        let clause = unit.clauses[q.numStart]
        let nextLo = g.quantities.lazy.map(\.q.lo).filter { $0 > q.lo }.min() ?? g.n
        guard let p = ps.first(where: { $0.item.lo >= q.hi }), p.item.lo < nextLo, p.item.lo - q.hi <= 6,
              unit.clauses[p.item.lo] == clause else { return nil }
        if (q.hi..<p.item.lo).contains(where: { ["and", "or", "but", "while", "whereas"].contains(g.t[$0].lower) }) { return nil }
        return p.item
    }

    /// The sentence's relative periods ("the preceding quarter") with their values, each counted back
    /// from the nearest own period before it (else after it), else from `previousPeriod`, the last
    /// period of the answer so far. One that cannot be resolved has the empty value: a figure bound
    /// to it has no period, rather than the sentence's.
    static func resolvedRelativePeriods(_ g: SentenceGrammar, previousPeriod: String?) -> [(item: Item, p: PeriodValue)] {
        let rel = g.relativePeriods
        guard !rel.isEmpty else { return [] }
        let own = g.ownPeriods
        return rel.map { r in
            let base = own.last(where: { $0.item.hi <= r.item.lo })?.p.normalized
                ?? own.first(where: { $0.item.lo >= r.item.hi })?.p.normalized ?? previousPeriod
            let v = base.flatMap { r.r.resolve(against: $0) } ?? ""
            return (r.item, PeriodValue(normalized: v, isFinancialYear: Periods.isFinancialYear(v)))
        }
    }

    /// The period of a quantity: the one bound right after it; else the nearest in its clause before it
    /// (then after it) not bound to another quantity; else the nearest in the sentence before (then after).
    /// A relative period ("the previous quarter") is a baseline: it is the period only of a level bound
    /// to it ("4,991 in the previous quarter", "the preceding quarter (4,991)"), never of a change.
    static func period(for q: Quantity, in unit: SentenceUnit, previousPeriod: String? = nil) -> String? {
        let g = unit.grammar
        let relative = g.resolvedRelativePeriods(previousPeriod: previousPeriod)
        // "compared with 2021 (12,727)": the number in brackets is the level of the period before it.
        if q.lo >= 2, g.t[q.lo - 1].isPunct("("),
           let p = g.periods.first(where: { $0.item.hi == q.lo - 1 }) ?? relative.first(where: { $0.item.hi == q.lo - 1 }) {
            return p.p.normalized.isEmpty ? nil : p.p.normalized
        }
        let ps = g.ownPeriods
        let bound = relative.isEmpty ? ps : (ps + (q.kind == .level ? relative : [])).sorted { $0.item.lo < $1.item.lo }
        if let own = trailingPeriod(q, in: unit, bound), let p = bound.first(where: { $0.item.lo == own.lo })?.p.normalized {
            return p.isEmpty ? nil : p
        }
        let clause = unit.clauses[q.numStart]
        // A period bound right after another quantity is that one's. Only a quantity ending at most
        // six tokens before the period can be bound to it (`trailingPeriod`), so only those are
        // asked: asking every quantity for every figure was quadratic in a sentence's numbers.
        func claimed(_ p: Item) -> Bool {
            g.quantities.contains { other in
                other.q.lo != q.lo && other.q.hi <= p.lo && p.lo - other.q.hi <= 6
                    && trailingPeriod(other.q, in: unit, bound)?.lo == p.lo
            }
        }
        let inClause = ps.filter { unit.clauses[$0.item.lo] == clause && !claimed($0.item) }
        if let p = inClause.last(where: { $0.item.hi <= q.lo }) ?? inClause.first(where: { $0.item.lo >= q.hi }) {
            return p.p.normalized
        }
        if let p = ps.last(where: { $0.item.hi <= q.lo }) ?? ps.first(where: { $0.item.lo >= q.hi }) { return p.p.normalized }
        return nil
    }

    /// The figure a partitive clause ("Of these, 7,432 were children") is a share of: the figure before
    /// it in the sentence, or for a sentence opening with it, `antecedent` (the previous sentence's subject).
    static func partitiveParent(of q: Quantity, in unit: SentenceUnit, previous: [(Quantity, Figure)], antecedent: Figure?) -> Figure? {
        let t = unit.grammar.t
        let clause = unit.clauses[q.numStart]
        let clauseStart = t.indices.first { unit.clauses[$0] == clause } ?? 0
        let opener = t[clauseStart..<min(t.count, clauseStart + 2)].map(\.lower)
        let pronouns = ["which", "whom", "these", "those", "them"]
        if opener.count == 2, opener[0] == "of", pronouns.contains(opener[1]) {
            return previous.last?.1 ?? antecedent
        }
        // "Of these, 7,432 ...": the opener is a clause of its own; "Of the 17,004 referrals, 7,432 ...".
        guard clause == 1, t.count > 2, t[0].lower == "of" else { return nil }
        if pronouns.contains(t[1].lower), t[2].isPunct(",") { return previous.last?.1 ?? antecedent }
        if ["the", "all"].contains(t[1].lower), let prev = previous.last, unit.clauses[prev.0.numStart] == 0 { return prev.1 }
        return nil
    }

    /// `nrmContext`: the answer speaks of modern slavery or trafficking, in this sentence or before it.
    /// Three stages: what the figure's own words say, what it takes from a figure quoted before it
    /// (the inheritance rules, in order), and the name of its measure.
    static func figure(for q: Quantity, in unit: SentenceUnit, text: ScalarText, nrmContext: Bool,
                       previous: [(Quantity, Figure)], antecedent: Figure? = nil, previousPeriod: String? = nil) -> Figure {
        let x = FigureContext(q: q, unit: unit, text: text, previous: previous, antecedent: antecedent)
        var draft = FigureDraft(figure: ownReading(x, nrmContext: nrmContext, previousPeriod: previousPeriod),
                                measure: measurePhrase(q, unit, text: text))
        for rule in FigureDraft.inheritanceRules { rule(x, &draft) }
        draft.figure.measure = FigureDraft.measureName(draft, q)
        return draft.figure
    }

    /// What the figure's own sentence says: period, exploitation type, population, NRM referrals.
    static func ownReading(_ x: FigureContext, nrmContext: Bool, previousPeriod: String?) -> Figure {
        let q = x.q, unit = x.unit, g = unit.grammar, t = g.t
        var f = Figure(value: q.value, unit: q.unit, qualifier: q.qualifier, kind: q.kind, direction: q.direction,
                       evidence: x.text.span(t[q.lo].start, t[q.hi - 1].end))
        f.period = period(for: q, in: unit, previousPeriod: previousPeriod)
        // Exploitation type: nearest in the clause, else the only one in the sentence.
        let types = g.exploitationMentions
        let clauseTypes = types.filter { unit.clauses[$0.0] == x.clause }
        if let ty = nearest(clauseTypes, to: q.lo) { f.exploitationType = ty }
        else if Set(types.map(\.1)).count == 1 { f.exploitationType = types[0].1 }
        f.population = population(x)
        // NRM referrals: the clause speaks of referrals and the NRM is in view.
        let clauseIndices = t.indices.filter { unit.clauses[$0] == x.clause }
        let speaksOfReferrals = clauseIndices.contains { t[$0].lower.hasPrefix("referr") || t[$0].lower == "nrm" }
        let here = clauseIndices.firstIndex(of: q.numStart)
        f.isNRMReferrals = q.unit != .gbp && isNRMReferral(referrals: speaksOfReferrals, referredElsewhere: referredElsewhere(clauseIndices.map { t[$0] }, near: here),
                                                           slaveryContext: nrmContext, labelledType: false)
        return f
    }

    /// The group counted: the word right after the number ("9,350 (55%) were adults"), else the
    /// parent figure's, else the nearest in the clause not separated from it by another quantity.
    static func population(_ x: FigureContext) -> String? {
        let q = x.q, g = x.unit.grammar, t = g.t
        let pops = g.populationMentions.filter { x.unit.clauses[$0.0] == x.clause }
        let asideStart = q.hi < g.n && t[q.hi].isPunct("(") ? q.hi + 1 : -1
        let others = g.quantities.map(\.q).filter { $0.lo != q.lo && $0.lo != asideStart }
        let reachable = pops.filter { p in !others.contains { o in (o.lo > min(p.0, q.lo) && o.lo < max(p.0, q.hi)) } }
        var after = q.hi
        if after < g.n, t[after].isPunct("("), let close = t[after...].firstIndex(where: { $0.isPunct(")") }) { after = close + 1 }
        if let p = pops.first(where: { $0.0 == after || ($0.0 == after + 1 && after < g.n && Lexicon.copulas.contains(t[after].lower)) }) { return p.1 }
        return x.parent?.population ?? nearest(reachable, to: q.lo)
    }
}

/// One figure's sentence and the figures quoted before it, for the stages of `Context.figure`.
struct FigureContext {
    let q: Quantity
    let unit: SentenceUnit
    let text: ScalarText
    let previous: [(Quantity, Figure)]
    let antecedent: Figure?
    let clause: Int
    /// The figure this one is a bracketed breakdown of.
    let parent: Figure?

    init(q: Quantity, unit: SentenceUnit, text: ScalarText, previous: [(Quantity, Figure)], antecedent: Figure?) {
        self.q = q
        self.unit = unit
        self.text = text
        self.previous = previous
        self.antecedent = antecedent
        clause = unit.clauses[q.numStart]
        parent = Context.parentIndex(of: q, previous, unit.grammar.t).map { previous[$0].1 }
    }

    /// The first word of the figure's clause: "compared", "of", ...
    var clauseOpener: String {
        let t = unit.grammar.t
        let start = t.indices.first { unit.clauses[$0] == clause } ?? 0
        return t[start].lower
    }
}

/// A figure being read, and the words of its measure before they are named.
struct FigureDraft {
    var figure: Figure
    var measure: String?

    /// The rules by which a figure takes context from one quoted before it, applied in this order.
    static let inheritanceRules: [@Sendable (FigureContext, inout FigureDraft) -> Void] = [
        shareOfEarlier, secondLevelOfFromTo, breakdownOfParent, comparedWithEarlier, changeOfEarlier,
    ]

    /// Takes the measure and what is counted of an earlier figure of the same measure.
    mutating func takeMeasure(of prev: Figure) {
        measure = prev.measure
        figure.isNRMReferrals = prev.isNRMReferrals
        if figure.exploitationType == nil { figure.exploitationType = prev.exploitationType }
        if figure.population == nil { figure.population = prev.population }
    }

    /// "of which 52% were adults", "Of these, 3,745": a share of the figure before, or of the
    /// previous sentence's subject: its period, NRM flag, type and kind of count.
    static func shareOfEarlier(_ x: FigureContext, _ d: inout FigureDraft) {
        guard let prev = Context.partitiveParent(of: x.q, in: x.unit, previous: x.previous, antecedent: x.antecedent),
              prev.unit != .gbp, x.q.unit != .gbp else { return }
        if prev.isNRMReferrals { d.figure.isNRMReferrals = true }
        if d.figure.exploitationType == nil { d.figure.exploitationType = prev.exploitationType }
        if d.figure.period == nil { d.figure.period = prev.period }
        // "Of the 4,746 children referred, 2,452 ...": a share of a group is of that group.
        if d.figure.population == nil { d.figure.population = prev.population }
        if d.measure == nil, !prev.isNRMReferrals, let m = prev.measure { d.measure = x.q.unit == .percent ? "share of " + m : m }
    }

    /// "fell from 1,000 in 2022 to 800 in 2023": two levels of one measure (the change is not computed).
    static func secondLevelOfFromTo(_ x: FigureContext, _ d: inout FigureDraft) {
        let q = x.q, g = x.unit.grammar, t = g.t
        guard q.kind == .level, q.lo >= 1, t[q.lo - 1].lower == "to",
              let (pq, prev) = x.previous.last(where: { $0.0.unit == q.unit }), pq.lo >= 1, t[pq.lo - 1].lower == "from",
              !g.quantities.contains(where: { $0.q.lo > pq.lo && $0.q.lo < q.lo }) else { return }
        d.takeMeasure(of: prev)
    }

    /// A figure in a parenthesised breakdown inherits its group and kind of count.
    static func breakdownOfParent(_ x: FigureContext, _ d: inout FigureDraft) {
        guard let parent = x.parent else { return }
        if d.figure.population == nil { d.figure.population = parent.population }
        if d.figure.exploitationType == nil { d.figure.exploitationType = parent.exploitationType }
        if !d.figure.isNRMReferrals, parent.isNRMReferrals, x.q.unit != .gbp { d.figure.isNRMReferrals = true }
    }

    /// "compared to 1,000 in 2021": the same measure as the figure it is compared with.
    static func comparedWithEarlier(_ x: FigureContext, _ d: inout FigureDraft) {
        guard x.q.kind == .level, ["compared", "against", "from"].contains(x.clauseOpener),
              let prev = x.previous.last(where: { $0.1.unit == x.q.unit })?.1 else { return }
        d.takeMeasure(of: prev)
    }

    /// A change with no noun of its own ("a 2% increase from the previous year") describes the figure before it.
    static func changeOfEarlier(_ x: FigureContext, _ d: inout FigureDraft) {
        let q = x.q, g = x.unit.grammar
        guard q.kind == .change, let prev = x.previous.last(where: { $0.1.unit == q.unit }) ?? x.previous.last else { return }
        let after = q.hi < g.n ? g.t[q.hi].lower : ""
        if d.measure == nil || Lexicon.changeBaselineWords.contains(after)
            || d.measure!.lowercased().hasPrefix("from") || d.measure!.lowercased().hasPrefix("on ") {
            d.takeMeasure(of: prev.1)
        }
    }

    /// The measure's name: NRM referrals named as such (by type and group), a change as "increase
    /// in ..." or "decrease in ...", a rate after it.
    static func measureName(_ d: FigureDraft, _ q: Quantity) -> String? {
        var measure = d.measure
        let f = d.figure
        if f.isNRMReferrals {
            var base = "NRM referrals"
            if let ty = f.exploitationType { base += " for " + ty }
            if let p = f.population { base += " relating to " + p }
            if q.kind == .change, let m = measure, m.hasPrefix("share of") || m.hasPrefix("NRM") {
                base = m
            } else if q.unit == .percent {
                base = "share of " + base
            }
            measure = base
        }
        if q.kind == .change, let m = measure {
            measure = (q.direction == .decrease ? "decrease in " : "increase in ") + m
        }
        if let r = q.rate { measure = (measure.map { $0 + " " } ?? "") + r }
        return measure
    }
}
