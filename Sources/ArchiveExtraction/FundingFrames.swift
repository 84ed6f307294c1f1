// Funding frames: a sum read as an argument of a funding predicate in its clause, with the
// recipient role filled by one small named pattern of grammar. The recipient grammar of
// `Grants.find` ("£X to R", "R will receive £X", "awarded R £X") runs first; these patterns read the
// families it does not: purpose clauses, "invested in", "towards", indirect objects, subjects
// resolved through the discourse, appositives, the sum inside the noun phrase, and parts of a total.

/// The patterns, each a named family of phrasing.
enum FundingPattern: String, CaseIterable, Sendable {
    /// "£3.6m to establish the National County Lines Co-ordination Centre", "£1.7m to fund Operation Hydrant".
    case purposeClause
    /// "invested £17.8 million in the MSOICU", "over £14.5m into the Grip programme".
    case investedIn
    /// "£5.87m towards their Violence Reduction Unit".
    case towards
    /// "funding St Giles Trust £860,000", "allocated the London VRU £33.7m".
    case indirectObject
    /// "providing the TOEX programme with £8.8 million".
    case withObject
    /// "The VRU also received an additional investment of £5.5m", "the charity received a grant of £64,000".
    case subjectReceives
    /// "£250,000 for work by Anti-Slavery International", "in support of a UNICEF project".
    case workBy
    /// "a two-year £900,000 Barnardo's pilot".
    case sumInNounPhrase
    /// "West Midlands VRU, backed by £2.9m of investment".
    case appositive
    /// "£33.7m, including £12.6m this financial year", "(with funding of over £4.38m in 2023-2024)".
    case partOfTotal
    /// "Our funding to the Commissioner’s office was £600,000": the recipient inside the subject.
    case fundingNounIsSum
    /// "The grant for this year is £400,000": a part or restatement of the grant just stated.
    case fundingSubject
}

/// A grant found earlier in the answer: its index in the answer's grants and where it lies.
struct EarlierGrant {
    var index: Int
    var grant: GrantMention
    /// The sentence it was found in, counted from the answer's first.
    var sentence: Int
}

/// What a pattern reads: one sum in its sentence, the discourse before it, the grants before it.
struct FrameInput {
    let q: Quantity
    let g: SentenceGrammar
    let text: ScalarText
    let discourse: Discourse
    let sentence: Int
    /// The answer's grants so far, last one nearest.
    let earlier: [EarlierGrant]
    let answeringKey: String?

    var t: [Token] { g.t }
    var n: Int { g.n }
}

/// A funding predicate's roles as a pattern filled them.
struct FundingFrame {
    var pattern: FundingPattern
    var recipient: String
    /// Token range of the words stating it.
    var lo: Int
    var hi: Int
    var project: String?
    /// The answer's grant this sum is a part of.
    var partOf: Int?
}

enum FundingFrames {
    /// The patterns in the order they are tried: the most specific first.
    static let patterns: [(FundingPattern, @Sendable (FrameInput) -> FundingFrame?)] = [
        (.partOfTotal, partOfTotal), (.withObject, withObject), (.indirectObject, indirectObject),
        (.subjectReceives, subjectReceives), (.appositive, appositive), (.investedIn, investedIn),
        (.towards, towards), (.workBy, workBy), (.purposeClause, purposeClause),
        (.sumInNounPhrase, sumInNounPhrase), (.fundingNounIsSum, fundingNounIsSum), (.fundingSubject, fundingSubject),
    ]

    /// The first frame a pattern finds around the sum, with its recipient resolved through the
    /// discourse; nil when none names a recipient other than the answering body.
    static func frame(_ x: FrameInput) -> FundingFrame? {
        for (_, pattern) in patterns {
            guard var frame = pattern(x) else { continue }
            frame.recipient = resolved(frame.recipient, x.discourse)
            let key = OrganisationName.canonicalKey(frame.recipient)
            if key.isEmpty || key == x.answeringKey || Lexicon.selfSubjects.contains(key) || Grants.isFundName(frame.recipient) { continue }
            return frame
        }
        return nil
    }

    /// An acronym the answer introduced stands for its full name: "the London VRU" is the
    /// "London Violence Reduction Unit" when the text said "London Violence Reduction Unit (VRU)".
    static func resolved(_ recipient: String, _ discourse: Discourse) -> String {
        let words = recipient.split(separator: " ").map(String.init)
        guard let last = words.last, last.count > 1, last == last.uppercased(), last.contains(where: \.isLetter),
              let full = discourse.expand(acronym: last) else { return recipient }
        let fullKey = OrganisationName.key(full)
        let rest = words.dropLast().map { OrganisationName.key($0) }.filter { !$0.isEmpty }
        return rest.allSatisfy({ fullKey.contains($0) }) ? full : recipient
    }

    // MARK: - Reading around the sum

    /// Time words and items after a sum that do not end its clause: "£8.8 million this year in".
    static let timeWords: Set<String> = [
        "this", "that", "year", "years", "financial", "over", "the", "next", "last", "per", "a", "annum", "alone",
        "so", "far", "since", "between", "and", "of", "funding", "additional", "each", "period", "coming",
    ]

    /// The first token after `k` that is not a time word, a period or a duration.
    static func skipTime(_ x: FrameInput, from k: Int) -> Int {
        var k = k
        while k < x.n {
            if let o = x.g.owner[k] {
                guard x.g.items[o].quantity == nil else { return k }
                k = x.g.items[o].hi
                continue
            }
            guard timeWords.contains(x.t[k].lower) else { return k }
            k += 1
        }
        return k
    }

    /// The first token before `k` that is not one of `words`.
    static func skipBack(_ x: FrameInput, from k: Int, over words: Set<String>) -> Int {
        var j = k
        while j >= 0, x.g.owner[j] == nil, words.contains(x.t[j].lower) { j -= 1 }
        return j
    }

    /// Whether the clause of the sum speaks of funding: a funding verb or noun before it in the
    /// clause, or a funding noun right after it ("a £10 million investment to create ...").
    static func isFundingClause(_ x: FrameInput) -> Bool {
        var j = x.q.lo - 1
        while j >= 0, !x.t[j].isPunct(";"), !x.t[j].isPunct(":") {
            let w = x.t[j].lower
            if Lexicon.fundingNouns.contains(w) || Lexicon.investVerbs.contains(w) || w == "available"
                || Lexicon.fundingVerbPrefixes.contains(where: { w.hasPrefix($0) }) && w != "pa" && !w.hasPrefix("part") && !w.hasPrefix("pas") {
                return true
            }
            j -= 1
        }
        let after = x.q.hi..<min(x.n, x.q.hi + 4)
        return after.contains { Lexicon.fundingNouns.contains(x.t[$0].lower) || Lexicon.fundingParticiples.contains(x.t[$0].lower) }
    }

    /// The recipient a funded thing stands for: "their Violence Reduction Unit" after "In the
    /// West Midlands" is the "West Midlands Violence Reduction Unit".
    static func recipient(_ thing: FundedThing, _ x: FrameInput) -> String? {
        guard thing.possessive else { return thing.recipient }
        guard let owner = x.discourse.possessor(before: thing.phrase.lo, in: x.g, text: x.text) else { return nil }
        return owner + " " + thing.recipient
    }
}
