// The extractor: segments an answer into paragraphs, sentences and tables, runs the sentence
// grammar, then reads grants (money to a named recipient) and figures (everything else) with
// their context: period, measure, NRM exploitation type and population.

// The facts extraction produces are its public API.
@_exported import ArchiveFacts

/// Extracts figures and grant mentions from the plain text of one answer.
public struct Extractor: Sendable {
    /// The version of what extraction reads: raised whenever its output can change, so archives
    /// re-read their stored answers (`archive reextract`). A test pins the dev sets' output digest
    /// beside it (Tests/Fixtures/extractor-version.txt).
    public static let version = 5

    /// Makes an extractor.
    public init() {}

    /// Extracts from an answer whose answering body is not known (any named funder is reported).
    public func extract(from text: String) -> Extraction {
        extract(from: text, answeringBody: nil)
    }

    /// Extracts from an answer; a funder matching `answeringBody` (by canonical key) is reported as nil.
    public func extract(from text: String, answeringBody: String?, question: String? = nil) -> Extraction {
        var run = ExtractionRun(text: text, answeringBody: answeringBody)
        if let question { run.discourse = Discourse.ofQuestion(question) }
        run.perform()
        return Extraction(figures: run.figures, grants: run.grants)
    }
}

/// One unit of context: a sentence of prose.
struct SentenceUnit {
    var tokens: [Token]
    var grammar: SentenceGrammar
    var clauses: [Int]
    var lowerText: String
    /// Whether the sentence names the NRM: asked of each sentence again for the ones after it, so
    /// worked out once.
    let mentionsNRM: Bool
    /// Whether the sentence speaks of modern slavery or trafficking (see `Context.isNRMReferral`).
    let mentionsSlavery: Bool

    init(tokens: [Token], grammar: SentenceGrammar, clauses: [Int], lowerText: String) {
        self.tokens = tokens
        self.grammar = grammar
        self.clauses = clauses
        self.lowerText = lowerText
        self.mentionsNRM = Context.mentionsNRM(lowerText)
        self.mentionsSlavery = mentionsNRM || Context.namesSlaveryPhrase(lowerText)
    }
}

struct ExtractionRun {
    let text: ScalarText
    let answeringKey: String?
    var figures: [Figure] = []
    var grants: [GrantMention] = []
    /// Sentences so far, for context (NRM mentions, captions).
    var sentences: [SentenceUnit] = []
    var lastPeriod: String?
    /// The subject figure of the last sentence with figures, for "Of these, ..." in the next one.
    var antecedent: Figure?
    /// What the list's heading says is counted ("Referrals in 2023:" gives "Referrals").
    var listCaption: String?
    var listNRM = false
    /// The last line, when it was a heading (short, no closing punctuation) that may introduce a list.
    var pendingHeading: SentenceUnit?
    /// The period of a sentence ending in ":" that introduces a list, inherited by its items.
    var listPeriod: String?
    var inList = false
    /// The list's heading speaks of funding ("The following grants were awarded:").
    var listIsFunding = false
    /// The list's heading speaks of offences or codes: an item opening with a number names one.
    var listNamesCodes = false
    /// Some sentence so far speaks of modern slavery or trafficking: referrals are NRM referrals.
    var slaveryContext = false
    /// The names mentioned before the current sentence, from the question on.
    var discourse = Discourse()
    /// The grants found so far, with the sentence each was found in.
    var earlierGrants: [EarlierGrant] = []

    init(text: String, answeringBody: String?) {
        self.text = ScalarText(text)
        answeringKey = answeringBody.map(OrganisationName.rememberedCanonicalKey)
    }

    mutating func perform() {
        let u = text.scalars
        var lines: [(Int, Int)] = []
        var start = 0
        for (i, c) in u.enumerated() where c == "\n" {
            lines.append((start, i))
            start = i + 1
        }
        lines.append((start, u.count))
        var tableRows: [(Int, Int)] = []
        var index = 0
        while index < lines.count {
            let (a, b) = Self.withoutCarriageReturn(lines[index], u)
            index += 1
            if isTableRow(a, b) {
                tableRows.append((a, b))
                continue
            }
            if !tableRows.isEmpty { processTable(tableRows); tableRows = [] }
            if isBlank(a, b) { continue }
            processLine(a, continuedEnd(from: b, lines: lines, index: &index))
        }
        if !tableRows.isEmpty { processTable(tableRows) }
    }

    /// The scalars a..<b are a table row (`Tables.isRow` of the trimmed line). Only a line with a
    /// "|" can be one, so no other line is made into a string and trimmed.
    func isTableRow(_ a: Int, _ b: Int) -> Bool {
        text.scalars[a..<b].contains("|") && Tables.isRow(text.string(a, b).trimmedOfSpaces)
    }

    /// The scalars a..<b hold nothing but spaces and tabs: the line trims to nothing.
    func isBlank(_ a: Int, _ b: Int) -> Bool {
        text.scalars[a..<b].allSatisfy(isSpaceOrTab)
    }

    static func withoutCarriageReturn(_ line: (Int, Int), _ u: [Unicode.Scalar]) -> (Int, Int) {
        line.1 > line.0 && u[line.1 - 1] == "\r" ? (line.0, line.1 - 1) : line
    }

    /// A line that stops on a word no sentence ends with ("including a") runs on into the next
    /// line of prose: a paragraph break inside a sentence, as HTML sometimes has. Returns where the
    /// joined line ends, and moves `index` past the lines it took.
    func continuedEnd(from b: Int, lines: [(Int, Int)], index: inout Int) -> Int {
        var end = b
        while let last = Tokenizer.tokenize(text, max(0, end - 16), end).last, last.isWord,
              Lexicon.wordsThatEndNoSentence.contains(last.lower) {
            var next = index
            while next < lines.count, isBlank(lines[next].0, lines[next].1) { next += 1 }
            guard next < lines.count else { break }
            let (a2, b2) = Self.withoutCarriageReturn(lines[next], text.scalars)
            if isTableRow(a2, b2) { break }
            end = b2
            index = next + 1
        }
        return end
    }

    mutating func processLine(_ a: Int, _ b: Int) {
        let tokens = Tokenizer.tokenize(text, a, b)
        // Bullet markers at the start of a list item are not part of the sentence.
        var body = tokens
        var isItem = false
        while let f = body.first, f.kind == .punct, ["-", "•", "*", "–", "·", "▪"].contains(f.text) { body.removeFirst(); isItem = true }
        if !isItem, let f = body.first, f.kind == .punct, f.text == "(", body.count > 2, body[2].isPunct(")") { isItem = true }
        // "1. Adults: 9,000", "2) Children: 7,000".
        if !isItem, body.count > 2, let v = body[0].plainInt, v < 100, body[1].isPunct(".") || body[1].isPunct(")") { isItem = true }
        if !isItem { inList = false }
        // A heading line ("2023 figures") followed by items introduces the list.
        if isItem, !inList, let h = pendingHeading { startList(h) }
        pendingHeading = nil
        let sentences = SentenceSplitter.split(body)
        for (si, sentence) in sentences.enumerated() {
            processSentence(sentence, atLineStart: si == 0, isItem: isItem)
        }
        if !isItem, sentences.count == 1, let last = sentences[0].last, last.kind != .punct || last.isPunct(")"),
           sentences[0].count <= 10, let unit = self.sentences.last {
            pendingHeading = unit
        }
    }

    /// The sentence or heading `unit` introduces a list: its items inherit its period and caption.
    mutating func startList(_ unit: SentenceUnit) {
        inList = true
        listIsFunding = Lexicon.fundingStems.contains(where: { containsBytes(unit.lowerText, $0) })
        listNamesCodes = Lexicon.codeListStems.contains(where: { containsBytes(unit.lowerText, $0) })
        let anaphora = ["this period", "same period", "this timeframe", "of these", "of those"].contains(where: { containsBytes(unit.lowerText, $0) })
        listPeriod = unit.grammar.ownPeriods.last?.p.normalized ?? (anaphora ? lastPeriod : nil)
        listCaption = Context.headingPhrase(unit, text)
        listNRM = slaveryContext || unit.mentionsSlavery
    }

    /// A list item "Adults: 9,000" or "Sexual exploitation – 1,200": the label before the separator.
    static func itemLabel(_ tokens: [Token], _ g: SentenceGrammar) -> Int? {
        var k = 0
        if k + 1 < tokens.count, tokens[k].plainInt != nil, tokens[k + 1].isPunct(".") || tokens[k + 1].isPunct(")") { k += 2 }
        let start = k
        while k < tokens.count, k < start + 7, tokens[k].isWord, g.owner[k] == nil { k += 1 }
        guard k > start, k < tokens.count, [":", "–", "-", "—"].contains(tokens[k].text), tokens[k].kind == .punct else { return nil }
        return k
    }

    /// Words that point back to the period of an earlier sentence.
    static let anaphoraPhrases = PhraseSet(["this timeframe", "this period", "same period", "that period", "this time period",
                                            "of these", "of those", "same timeframe"])

    mutating func processSentence(_ tokens: [Token], atLineStart: Bool, isItem: Bool = false) {
        let g = SentenceGrammar(tokens: tokens, atLineStart: atLineStart)
        let unit = SentenceUnit(tokens: tokens, grammar: g, clauses: SentenceSplitter.clauses(tokens),
                                lowerText: Token.lowerText(tokens))
        if unit.mentionsSlavery { slaveryContext = true }
        let nrmContext = slaveryContext
        var sentenceFigures: [(Quantity, Figure)] = []
        // Read only by the figures below, so not looked for in a sentence without a quantity.
        let anaphora = !g.quantities.isEmpty && Self.anaphoraPhrases.occurs(in: unit.lowerText)
        for (_, q) in g.quantities {
            if q.unit == .gbp, q.rate == nil || Grants.isTimeRate(q.rate) {
                var found = Grants.find(q, in: unit, text: text, answeringKey: answeringKey,
                                        fundingListItem: inList && listIsFunding)
                if found.isEmpty {
                    let input = FrameInput(q: q, g: g, text: text, discourse: discourse, sentence: sentences.count,
                                           earlier: earlierGrants, answeringKey: answeringKey)
                    if let frame = FundingFrames.frame(input) { found = [Enrichment.mention(frame, input)] }
                }
                if !found.isEmpty {
                    // A list item's grant takes the financial year of the list's heading.
                    for var grant in found {
                        if inList, grant.financialYear == nil, let p = listPeriod, Periods.isFinancialYear(p) { grant.financialYear = p }
                        grants.append(grant)
                        earlierGrants.append(EarlierGrant(index: grants.count - 1, grant: grant, sentence: sentences.count))
                    }
                    continue
                }
            }
            // "• 72 Human trafficking for sexual exploitation" under a list of offences: a code.
            if isItem, inList, listNamesCodes, q.unit == .count, q.lo == 0, q.hi < tokens.count, tokens[q.hi].isCapitalized { continue }
            var f = Context.figure(for: q, in: unit, text: text, nrmContext: nrmContext, previous: sentenceFigures,
                                   antecedent: antecedent, previousPeriod: lastPeriod)
            if f.period == nil, anaphora { f.period = lastPeriod }
            if f.period == nil, inList { f.period = listPeriod }
            if isItem, inList, let labelEnd = Self.itemLabel(tokens, g), q.lo > labelEnd {
                applyItemLabel(&f, Array(tokens[..<labelEnd]), q)
            }
            if let first = tokens.first, let last = tokens.last { f.context = text.span(first.start, last.end) }
            sentenceFigures.append((q, f))
            figures.append(f)
        }
        let ownPeriod = g.ownPeriods.last?.p.normalized
        if tokens.last?.isPunct(":") == true { startList(unit) }
        if let ownPeriod { lastPeriod = ownPeriod }
        // The subject of the sentence for a following "Of these": its first level count, else its first level.
        let levels = sentenceFigures.map(\.1).filter { $0.kind == .level && $0.unit != .gbp }
        if let subject = levels.first(where: { $0.unit == .count }) ?? levels.first { antecedent = subject }
        sentences.append(unit)
        discourse.observe(g, text: text)
    }

    /// A list item's label names the group or type counted ("Children: 7,000"), under the heading's caption.
    func applyItemLabel(_ f: inout Figure, _ label: [Token], _ q: Quantity) {
        let start = label.firstIndex(where: \.isWord) ?? 0
        let words = Array(label[start...])
        guard let first = words.first, let last = words.last else { return }
        if f.population == nil { f.population = Context.populationMentions(words).first?.1 }
        let caption = (listCaption ?? "").lowercased()
        let labelled = Context.exploitationLabel(words, bareWordsAllowed: listNRM || containsBytes(caption, "exploitation"))
        if f.exploitationType == nil { f.exploitationType = labelled }
        let labelText = text.string(first.start, last.end)
        if f.measure == nil { f.measure = [listCaption, labelText].compactMap { $0 }.joined(separator: " – ") }
        let context = caption + " " + labelText.lowercased()
        if q.unit != .gbp, Context.isNRMReferral(referrals: containsBytes(context, "referr") || containsBytes(context, "potential victims"),
                                                 referredElsewhere: false,
                                                 slaveryContext: listNRM || Context.mentionsSlavery(context), labelledType: labelled != nil) {
            f.isNRMReferrals = true
        }
    }

    mutating func processTable(_ rows: [(Int, Int)]) {
        let caption = sentences.last
        let out = Tables.extract(rows: rows, text: text, caption: caption,
                                 nrmContext: slaveryContext)
        figures.append(contentsOf: out.figures)
        grants.append(contentsOf: out.grants)
    }
}
