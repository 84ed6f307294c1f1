// Discourse: what carries from one sentence to the next, and from the question into the answer.
// The names mentioned so far (with the acronyms they were given) let a later "the VRU", "the
// charity", "the programme" or "their unit" stand for the nearest compatible named antecedent, or
// for nothing when there is none.

/// What kind of thing a named antecedent is, so a description resolves only to a compatible one.
enum AntecedentKind: Equatable {
    case organisation
    /// A programme, project, scheme, service or operation ("Operation Hydrant", "the Grip programme").
    case programme
    /// A place named as such ("the West Midlands", "London").
    case place
    /// A government department, agency or force ("the Home Office"): never "the charity".
    case publicBody
    /// A document, law or event ("the Modern Slavery Act 2015"): no funding description stands for it.
    case other
}

/// One name mentioned in the question or the answer so far.
struct Antecedent: Equatable {
    /// The name as it is best displayed: "London Violence Reduction Unit".
    var name: String
    /// The acronym given in brackets after it: "VRU".
    var acronym: String?
    var kind: AntecedentKind
}

/// The sentences read so far, nearest last, whose names a later description may stand for; a value:
/// a copy handed to a pattern keeps what was read when it was made. Names are read only when asked
/// for, from the nearest sentence back, since most sums find their recipient without the discourse.
struct Discourse {
    private var sentences: [(grammar: SentenceGrammar, text: ScalarText)] = []

    /// The question the answer replies to, read only if the answer's own sentences name nothing
    /// that a description asks for.
    private var question: String?

    /// The discourse the question text opens.
    static func ofQuestion(_ question: String) -> Discourse {
        var discourse = Discourse()
        discourse.question = question
        return discourse
    }

    /// The question's sentences.
    private static func sentences(of question: String) -> [(grammar: SentenceGrammar, text: ScalarText)] {
        let text = ScalarText(question)
        let tokens = Tokenizer.tokenize(text, 0, text.scalars.count)
        return SentenceSplitter.split(tokens).enumerated().map { (SentenceGrammar(tokens: $0.element, atLineStart: $0.offset == 0), text) }
    }

    /// Adds one more sentence. Appended in place: returning a new value copied every sentence read
    /// so far at each sentence, quadratic in the answer's length.
    mutating func observe(_ g: SentenceGrammar, text: ScalarText) {
        sentences.append((g, text))
    }

    /// The nearest antecedent, from the last sentence back, that `matches`.
    private func nearest(where matches: (Antecedent) -> Bool) -> Antecedent? {
        for sentence in sentences.reversed() {
            if let found = Self.names(in: sentence.grammar, text: sentence.text).last(where: matches) { return found }
        }
        guard let question else { return nil }
        for sentence in Self.sentences(of: question).reversed() {
            if let found = Self.names(in: sentence.grammar, text: sentence.text).last(where: matches) { return found }
        }
        return nil
    }

    /// The named antecedents of one sentence, in text order.
    static func names(in g: SentenceGrammar, text: ScalarText) -> [Antecedent] {
        spans(in: g, text: text).map(\.antecedent)
    }

    /// The names of one sentence with the token where each starts: a funded thing with its head
    /// ("the Slavery Safe Homes scheme") where there is one, else a name (places included).
    static func spans(in g: SentenceGrammar, text: ScalarText) -> [(lo: Int, antecedent: Antecedent)] {
        var found: [(lo: Int, antecedent: Antecedent)] = []
        var k = 0
        while k < g.n {
            guard g.owner[k] == nil, g.t[k].isCapitalized || g.t[k].lower == "the" else { k += 1; continue }
            var phrase: NamePhrase
            var display: String
            if let thing = g.parseFundedThing(k, text: text), thing.head != nil {
                phrase = thing.phrase
                display = thing.fullName
            } else if let name = g.parseName(k, text: text) {
                phrase = name
                display = OrganisationName.displayName(name.text)
                if let end = g.acronymEnd(name.hi) { phrase.hi = end }
            } else {
                k += 1
                continue
            }
            let acronym = (phrase.lo..<max(phrase.lo, phrase.hi - 2)).first { g.acronymEnd($0) == $0 + 3 }.map { g.t[$0 + 1].text }
            if !display.isEmpty {
                found.append((phrase.lo, Antecedent(name: display, acronym: acronym, kind: kind(of: display, in: g, at: phrase.lo))))
            }
            k = max(phrase.hi, k + 1)
        }
        return found
    }

    /// Programme-like names end in a programme word or start with "Operation"; places are known or
    /// follow "in".
    static func kind(of name: String, in g: SentenceGrammar, at lo: Int) -> AntecedentKind {
        let words = name.lowercased().split(separator: " ").map(String.init)
        if Lexicon.places.contains(OrganisationName.key(name)) || (lo >= 1 && ["in", "across", "throughout"].contains(g.t[lo - 1].lower))
            || (lo >= 2 && g.t[lo - 1].lower == "the" && g.t[lo - 2].lower == "in") { return .place }
        if let last = words.last, Lexicon.documentHeads.contains(last) { return .other }
        if let last = words.last, Lexicon.publicBodyHeads.contains(last) { return .publicBody }
        if words.first == "operation" || words.last.map({ Lexicon.projectNouns.contains($0) || Lexicon.programmeHeads.contains($0) }) == true {
            return .programme
        }
        return .organisation
    }

    /// The full name an acronym was given for ("VRU" after "the London Violence Reduction Unit (VRU)").
    func expand(acronym: String) -> String? {
        nearest(where: { $0.acronym == acronym })?.name
    }

    /// The nearest antecedent a definite description's head noun can stand for: "the charity" an
    /// organisation, "the programme" a programme; nil when the head is not one the lexicon knows.
    func resolve(descriptionHead head: String) -> String? {
        if Lexicon.organisationDescriptions.contains(head) {
            // "The Snowdrop Project" is a charity's name as often as a programme's.
            return nearest(where: { $0.kind == .organisation || $0.kind == .programme && $0.name.first?.isUppercase == true })?.name
        }
        if Lexicon.programmeDescriptions.contains(head) {
            // "the scheme" is the nearest named scheme, else the nearest programme of any kind.
            return (nearest(where: { $0.kind == .programme && $0.name.lowercased().hasSuffix(head) })
                ?? nearest(where: { $0.kind == .programme }))?.name
        }
        // "It received £2m": the nearest organisation or named programme.
        if head == "it" {
            return nearest(where: { $0.kind == .organisation || $0.kind == .programme })?.name
        }
        return nil
    }

    /// Who "their" or "its" stands for at token k of a sentence: the nearest name before it in
    /// the sentence, else the nearest place or organisation before the sentence.
    func possessor(before k: Int, in g: SentenceGrammar, text: ScalarText) -> String? {
        let possessors: [AntecedentKind] = [.place, .organisation, .publicBody]
        // A name itself introduced by a possessive ("their Violence Reduction Unit") owns nothing.
        let before = Self.spans(in: g, text: text).filter {
            $0.lo < k && possessors.contains($0.antecedent.kind) && !($0.lo >= 1 && ["their", "its", "our"].contains(g.t[$0.lo - 1].lower))
        }
        return before.last?.antecedent.name ?? nearest(where: { possessors.contains($0.kind) })?.name
    }
}
