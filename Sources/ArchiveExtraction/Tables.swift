// Tables flattened to " | " rows: figures are read cell by cell, each taking its period from a
// period column of its row (or its column header), its measure from the column header, the row
// label and the caption, and its NRM type and population from the same words.

enum Tables {
    static func isRow(_ trimmed: String) -> Bool {
        containsBytes(trimmed, " | ") || (trimmed.hasPrefix("|") && trimmed.count > 1) || (trimmed.hasSuffix(" |") && trimmed.count > 2)
    }

    struct Cell {
        let start: Int
        let end: Int
        let tokens: [Token]
        let lower: String
        private let reading = CellReading()
        var isEmpty: Bool { tokens.isEmpty }

        init(start: Int, end: Int, tokens: [Token], lower: String) {
            (self.start, self.end, self.tokens, self.lower) = (start, end, tokens, lower)
        }

        /// The cell read as a sentence of its own (not as a data cell). Built on first use and kept:
        /// a header or row label is read again for every figure under or beside it.
        var grammar: SentenceGrammar { reading.grammar(of: tokens) }
    }

    /// A cell's grammar once it is built, shared by the copies of the cell.
    private final class CellReading {
        private var grammar: SentenceGrammar?

        func grammar(of tokens: [Token]) -> SentenceGrammar {
            if let grammar { return grammar }
            let built = SentenceGrammar(tokens: tokens)
            grammar = built
            return built
        }
    }

    static func cells(_ a: Int, _ b: Int, _ text: ScalarText) -> [Cell] {
        let u = text.scalars
        var bounds: [(Int, Int)] = []
        var s = a
        for i in a..<b where u[i] == "|" {
            bounds.append((s, i)); s = i + 1
        }
        bounds.append((s, b))
        var out: [Cell] = []
        for (x, y) in bounds {
            var x2 = x, y2 = y
            while x2 < y2, Tokenizer.isSpace(u[x2]) { x2 += 1 }
            while y2 > x2, Tokenizer.isSpace(u[y2 - 1]) { y2 -= 1 }
            let toks = Tokenizer.tokenize(text, x2, y2)
            out.append(Cell(start: x2, end: y2, tokens: toks, lower: Token.lowerText(toks)))
        }
        // Leading and trailing pipes make empty edge cells.
        if let f = out.first, f.isEmpty, out.count > 1 { out.removeFirst() }
        if let l = out.last, l.isEmpty, out.count > 1 { out.removeLast() }
        return out
    }

    /// The period a cell states, if the cell is a period and nothing else ("2023", "2024 (up to Q3)", "2023-24").
    static func period(of cell: Cell) -> String? {
        guard !cell.isEmpty else { return nil }
        let g = cell.grammar
        guard g.quantities.isEmpty, let p = g.periods.first else { return nil }
        return p.p.normalized
    }

    /// What the caption says the table counts, cleaned of "is set out below" and the like.
    static func captionPhrase(_ caption: SentenceUnit?, _ text: ScalarText) -> String? {
        Context.headingPhrase(caption, text)
    }

    /// The power of ten a header or caption puts on plain numbers: "£ million", "(£m)", "£000s".
    static func moneyScale(_ tokens: [Token]) -> Int? {
        guard let pound = tokens.firstIndex(where: { $0.isPunct("£") }) else { return nil }
        let after = tokens[(pound + 1)...].prefix(2).map(\.lower)
        if let first = after.first, let e = Lexicon.millionWords[first] { return e }
        if after.first == "000" || after.first == "000s" || after.first == "thousands" { return 3 }
        return nil
    }

    static func moneyScale(_ cell: Cell?) -> Int? { cell.flatMap { moneyScale($0.tokens) } }

    /// A plain number in a column whose header says "£ million" is that many millions of pounds.
    static func inMoneyColumn(_ q: Quantity, _ cell: Cell, scale: Int?) -> Quantity {
        guard let scale, q.unit == .count, q.kind == .level, q.numEnd == q.numStart + 1 else { return q }
        let tok = cell.tokens[q.numStart]
        guard let pence = Money.pence(intDigits: tok.intDigits, fracDigits: tok.fracDigits, exponent: scale) else { return q }
        var money = q
        money.unit = .gbp
        money.pence = pence
        money.value = Double(pence) / 100
        return money
    }

    /// What a table's header, caption and columns say about every cell.
    struct Layout {
        var header: [Cell]
        var body: [[Cell]]
        var width: Int
        var isPeriodColumn: [Bool]
        var columnPeriod: [String?]
        var caption: SentenceUnit?
        var captionText: String?
        var captionPeriod: String?
        var captionScale: Int?
        /// The caption or header speaks of funding: money against a named row label is a grant.
        var isFunding: Bool
        var nrmContext: Bool
        /// The caption's referrals go somewhere other than the NRM (`Context.referredElsewhere`).
        var captionReferredElsewhere: Bool

        init(_ table: [[Cell]], caption: SentenceUnit?, text: ScalarText, nrmContext: Bool) {
            // The first row is a header when none of its cells holds a quantity.
            let hasHeader = table[0].allSatisfy { $0.grammar.quantities.isEmpty } && table.count > 1
            header = hasHeader ? table[0] : []
            body = hasHeader ? Array(table.dropFirst()) : table
            width = table.map(\.count).max() ?? 0
            isPeriodColumn = [Bool](repeating: false, count: width)
            columnPeriod = [String?](repeating: nil, count: width)
            for j in 0..<width {
                if j < header.count {
                    let h = header[j].lower
                    if Lexicon.periodHeaderWords.contains(where: { h.hasPrefix($0) || h.hasSuffix($0) }) && h.split(separator: " ").count <= 3 {
                        isPeriodColumn[j] = true
                    }
                    columnPeriod[j] = period(of: header[j])
                }
                let column = body.compactMap { j < $0.count ? $0[j] : nil }.filter { !$0.isEmpty }
                if !column.isEmpty, column.allSatisfy({ period(of: $0) != nil }) { isPeriodColumn[j] = true }
            }
            self.caption = caption
            let captionPeriods = caption?.grammar.periods ?? []
            captionPeriod = captionPeriods.count == 1 ? captionPeriods[0].p.normalized : nil
            captionText = captionPhrase(caption, text)
            captionScale = moneyScale(caption?.tokens ?? [])
            let fundingContext = (caption?.lowerText ?? "") + " " + header.map(\.lower).joined(separator: " ")
            isFunding = Lexicon.fundingStems.contains(where: { containsBytes(fundingContext, $0) }) || containsBytes(fundingContext, "received")
            self.nrmContext = nrmContext
            captionReferredElsewhere = Context.referredElsewhere(caption?.tokens ?? [])
        }

        func isPeriod(_ j: Int) -> Bool { j < width && isPeriodColumn[j] }
    }

    static func extract(rows: [(Int, Int)], text: ScalarText, caption: SentenceUnit?, nrmContext: Bool)
        -> (figures: [Figure], grants: [GrantMention]) {
        let table = rows.map { cells($0.0, $0.1, text) }
        guard !table.isEmpty else { return ([], []) }
        let layout = Layout(table, caption: caption, text: text, nrmContext: nrmContext)
        var figures: [Figure] = []
        var grants: [GrantMention] = []
        for row in layout.body {
            let labelIndex = row.indices.first(where: { !layout.isPeriod($0) && row[$0].grammar.quantities.isEmpty && !row[$0].isEmpty })
            let label = labelIndex.map { row[$0] }
            // A row labelled by a period ("2015 - 16 | 192 | ...") is that period's row.
            let rowPeriod = row.indices.first(where: layout.isPeriod).flatMap { period(of: row[$0]) } ?? label.flatMap(period(of:))
            for (j, cell) in row.enumerated() where !cell.isEmpty && !layout.isPeriod(j) && j != labelIndex {
                let headerCell = j < layout.header.count ? layout.header[j] : nil
                let place = CellPlace(column: j, rowPeriod: rowPeriod, label: label, labelIndex: labelIndex, header: headerCell)
                let g = SentenceGrammar(tokens: cell.tokens, isDataCell: true)
                for (_, found) in g.quantities {
                    let q = inMoneyColumn(found, cell, scale: moneyScale(headerCell) ?? layout.captionScale)
                    let evidence = text.span(cell.tokens[q.lo].start, cell.tokens[q.hi - 1].end)
                    if let grant = grant(q, evidence: evidence, place, layout, text: text) { grants.append(grant); continue }
                    var found = figure(q, evidence: evidence, place, layout, text: text)
                    if let first = row.first(where: { !$0.isEmpty }), let last = row.last(where: { !$0.isEmpty }) {
                        found.context = text.span(first.start, last.end)
                    }
                    figures.append(found)
                }
            }
        }
        return (figures, grants)
    }

    /// Where a cell sits: its column, its row's period and label, its column header.
    struct CellPlace {
        var column: Int
        var rowPeriod: String?
        var label: Cell?
        var labelIndex: Int?
        var header: Cell?
    }

    /// Money against a named row label in a funding table is a grant.
    static func grant(_ q: Quantity, evidence: TextSpan, _ place: CellPlace, _ layout: Layout, text: ScalarText) -> GrantMention? {
        guard q.unit == .gbp, layout.isFunding, let label = place.label,
              let name = label.grammar.parseName(0, text: text), name.hi == label.tokens.count else { return nil }
        let j = place.column
        let fy = [place.rowPeriod, j < layout.width ? layout.columnPeriod[j] : nil].compactMap { $0 }
            .first { $0.count == 7 && $0.dropFirst(4).first == "-" && !$0.contains("Q") }
        return GrantMention(amountPence: q.pence ?? 0, recipient: OrganisationName.displayName(name.text),
                            financialYear: fy, qualifier: q.qualifier, evidence: text.span(label.start, evidence.end))
    }

    /// A cell's figure: its period from the row, the column or the caption; its measure from the
    /// caption, header and label; its type, group and NRM flag from the same words.
    static func figure(_ q: Quantity, evidence: TextSpan, _ place: CellPlace, _ layout: Layout, text: ScalarText) -> Figure {
        let j = place.column, headerCell = place.header, label = place.label
        var f = Figure(value: q.value, unit: q.unit, qualifier: q.qualifier, kind: q.kind, direction: q.direction, evidence: evidence)
        f.period = place.rowPeriod ?? (j < layout.width ? layout.columnPeriod[j] : nil) ?? layout.captionPeriod
        let headerIsPeriod = headerCell.map { period(of: $0) != nil } ?? true
        var parts: [String] = []
        let headerWords = headerCell?.tokens.filter(\.isWord).count ?? 0
        if headerWords < 3 || headerIsPeriod, let c = layout.captionText { parts.append(c) }
        if let h = headerCell.map({ text.string($0.start, $0.end) }), !headerIsPeriod, !h.isEmpty { parts.append(h) }
        if let l = label, period(of: l) == nil { parts.append(text.string(l.start, l.end)) }
        f.measure = parts.isEmpty ? nil : parts.joined(separator: " – ")
        classify(&f, q, place, layout)
        return f
    }

    /// Type, group and NRM from the row label, the column header, then the caption. A bare label
    /// ("Labour") names a type under an "exploitation type" header or caption, or in an answer about slavery.
    static func classify(_ f: inout Figure, _ q: Quantity, _ place: CellPlace, _ layout: Layout) {
        let captionTokens = layout.caption?.tokens ?? []
        let sources = [place.label?.tokens ?? [], place.header?.tokens ?? [], captionTokens]
        let labelHeader = place.labelIndex.flatMap { $0 < layout.header.count ? layout.header[$0].lower : nil } ?? ""
        let bare = layout.nrmContext || containsBytes(labelHeader, "exploitation") || containsBytes(layout.caption?.lowerText ?? "", "exploitation")
        var labelledType: String?
        for s in sources.prefix(2) where labelledType == nil {
            labelledType = Context.exploitationLabel(s, bareWordsAllowed: bare)
        }
        f.exploitationType = labelledType ?? layout.caption?.grammar.exploitationMentions.first?.1
        // The grammars' groups are worked out once per cell and caption, not once per figure.
        for g in [place.label?.grammar, place.header?.grammar, layout.caption?.grammar] where f.population == nil {
            f.population = g?.populationMentions.first?.1
        }
        guard q.unit != .gbp else { f.isNRMReferrals = false; return }
        // The words of label, header and caption as one lower-case text; the caption's is already made.
        let joined = [Token.lowerText(sources[0]), Token.lowerText(sources[1]), layout.caption?.lowerText ?? ""]
            .filter { !$0.isEmpty }.joined(separator: " ")
        let referrals = sources.contains { $0.contains { $0.lower.hasPrefix("referr") } }
        f.isNRMReferrals = Context.isNRMReferral(referrals: referrals || containsBytes(joined, "potential victims"),
                                     referredElsewhere: layout.captionReferredElsewhere,
                                     slaveryContext: layout.nrmContext || Context.mentionsSlavery(joined),
                                     labelledType: labelledType != nil)
    }
}
