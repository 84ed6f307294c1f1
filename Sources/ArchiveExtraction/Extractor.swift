// The extractor: segments an answer into paragraphs, sentences and tables, runs the sentence
// grammar, then reads grants (money to a named recipient) and figures (everything else) with
// their context: period, measure, NRM exploitation type and population.

/// Extracts figures and grant mentions from the plain text of one answer.
public struct Extractor: Sendable {
    /// Makes an extractor.
    public init() {}

    /// Extracts from an answer whose answering body is not known (any named funder is reported).
    public func extract(from text: String) -> Extraction {
        extract(from: text, answeringBody: nil)
    }

    /// Extracts from an answer; a funder matching `answeringBody` (by canonical key) is reported as nil.
    public func extract(from text: String, answeringBody: String?) -> Extraction {
        var run = ExtractionRun(text: text, answeringBody: answeringBody)
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

    var mentionsNRM: Bool { Context.mentionsNRM(lowerText) }
}

struct ExtractionRun {
    let text: ScalarText
    let answeringKey: String?
    var figures: [Figure] = []
    var grants: [GrantMention] = []
    /// Sentences so far, for context (NRM mentions, captions).
    var sentences: [SentenceUnit] = []
    var lastPeriod: String?
    /// The period of a sentence ending in ":" that introduces a list, inherited by its items.
    var listPeriod: String?
    var inList = false
    /// The list's heading speaks of funding ("The following grants were awarded:").
    var listIsFunding = false

    init(text: String, answeringBody: String?) {
        self.text = ScalarText(text)
        answeringKey = answeringBody.map(OrganisationName.canonicalKey)
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
        for (a, b0) in lines {
            var b = b0
            if b > a, u[b - 1] == "\r" { b -= 1 }
            let line = text.string(a, b)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if Tables.isRow(trimmed) {
                tableRows.append((a, b))
                continue
            }
            if !tableRows.isEmpty { processTable(tableRows); tableRows = [] }
            if trimmed.isEmpty { continue }
            processLine(a, b)
        }
        if !tableRows.isEmpty { processTable(tableRows) }
    }

    mutating func processLine(_ a: Int, _ b: Int) {
        let tokens = Tokenizer.tokenize(text, a, b)
        // Bullet markers at the start of a list item are not part of the sentence.
        var body = tokens
        var isItem = false
        while let f = body.first, f.kind == .punct, ["-", "•", "*", "–", "·", "▪"].contains(f.text) { body.removeFirst(); isItem = true }
        if !isItem, let f = body.first, f.kind == .punct, f.text == "(", body.count > 2, body[2].isPunct(")") { isItem = true }
        if !isItem { inList = false }
        for (si, sentence) in SentenceSplitter.split(body).enumerated() {
            processSentence(sentence, atLineStart: si == 0)
        }
    }

    mutating func processSentence(_ tokens: [Token], atLineStart: Bool) {
        let g = SentenceGrammar(tokens: tokens, atLineStart: atLineStart)
        let unit = SentenceUnit(tokens: tokens, grammar: g, clauses: SentenceSplitter.clauses(tokens),
                                lowerText: tokens.map(\.lower).joined(separator: " "))
        let nrmContext = unit.mentionsNRM || sentences.suffix(2).contains(where: \.mentionsNRM)
        var sentenceFigures: [(Quantity, Figure)] = []
        let anaphora = ["this timeframe", "this period", "same period", "that period", "this time period",
                        "of these", "of those", "same timeframe"].contains(where: unit.lowerText.contains)
        for (_, q) in g.quantities {
            if q.unit == .gbp, q.rate == nil || Grants.isTimeRate(q.rate) {
                let found = Grants.find(q, in: unit, text: text, answeringKey: answeringKey,
                                        fundingListItem: inList && listIsFunding)
                if !found.isEmpty {
                    // A list item's grant takes the financial year of the list's heading.
                    for var grant in found {
                        if inList, grant.financialYear == nil, let p = listPeriod, Periods.isFinancialYear(p) { grant.financialYear = p }
                        grants.append(grant)
                    }
                    continue
                }
            }
            var f = Context.figure(for: q, in: unit, text: text, nrmContext: nrmContext, previous: sentenceFigures)
            if f.period == nil, anaphora { f.period = lastPeriod }
            if f.period == nil, inList { f.period = listPeriod }
            sentenceFigures.append((q, f))
            figures.append(f)
        }
        let ownPeriod = g.periods.last?.p.normalized
        if tokens.last?.isPunct(":") == true {
            inList = true
            listIsFunding = ["fund", "grant", "award", "allocat", "paid", "payment"].contains(where: unit.lowerText.contains)
            listPeriod = ownPeriod ?? (anaphora ? lastPeriod : nil)
        }
        if let ownPeriod { lastPeriod = ownPeriod }
        sentences.append(unit)
    }

    mutating func processTable(_ rows: [(Int, Int)]) {
        let caption = sentences.last
        let out = Tables.extract(rows: rows, text: text, caption: caption,
                                 nrmContext: caption?.mentionsNRM ?? false || sentences.suffix(2).contains(where: \.mentionsNRM))
        figures.append(contentsOf: out.figures)
        grants.append(contentsOf: out.grants)
    }
}
