// Tables flattened to " | " rows: figures are read cell by cell, each taking its period from a
// period column of its row (or its column header), its measure from the column header, the row
// label and the caption, and its NRM type and population from the same words.

enum Tables {
    static func isRow(_ trimmed: String) -> Bool {
        containsBytes(trimmed, " | ") || (trimmed.hasPrefix("|") && trimmed.count > 1) || (trimmed.hasSuffix(" |") && trimmed.count > 2)
    }

    struct Cell {
        var start: Int
        var end: Int
        var tokens: [Token]
        var lower: String
        var isEmpty: Bool { tokens.isEmpty }
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
            out.append(Cell(start: x2, end: y2, tokens: toks, lower: toks.map(\.lower).joined(separator: " ")))
        }
        // Leading and trailing pipes make empty edge cells.
        if let f = out.first, f.isEmpty, out.count > 1 { out.removeFirst() }
        if let l = out.last, l.isEmpty, out.count > 1 { out.removeLast() }
        return out
    }

    /// The period a cell states, if the cell is a period and nothing else ("2023", "2024 (up to Q3)", "2023-24").
    static func period(of cell: Cell) -> String? {
        guard !cell.isEmpty else { return nil }
        let g = SentenceGrammar(tokens: cell.tokens)
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

    static func extract(rows: [(Int, Int)], text: ScalarText, caption: SentenceUnit?, nrmContext: Bool)
        -> (figures: [Figure], grants: [GrantMention]) {
        let table = rows.map { cells($0.0, $0.1, text) }
        guard !table.isEmpty else { return ([], []) }
        // The first row is a header when none of its cells holds a quantity.
        let hasHeader = table[0].allSatisfy { SentenceGrammar(tokens: $0.tokens).quantities.isEmpty } && table.count > 1
        let header = hasHeader ? table[0] : []
        let body = hasHeader ? Array(table.dropFirst()) : table
        let width = table.map(\.count).max() ?? 0
        let periodWords = ["year", "period", "quarter", "month", "date"]
        var isPeriodColumn = [Bool](repeating: false, count: width)
        var columnPeriod = [String?](repeating: nil, count: width)
        for j in 0..<width {
            if j < header.count {
                let h = header[j].lower
                if periodWords.contains(where: { h.hasPrefix($0) || h.hasSuffix($0) }) && h.split(separator: " ").count <= 3 {
                    isPeriodColumn[j] = true
                }
                columnPeriod[j] = period(of: header[j])
            }
            let column = body.compactMap { j < $0.count ? $0[j] : nil }.filter { !$0.isEmpty }
            if !column.isEmpty, column.allSatisfy({ period(of: $0) != nil }) { isPeriodColumn[j] = true }
        }
        let captionTokens = caption?.tokens ?? []
        let captionPeriods = caption?.grammar.periods ?? []
        let captionPeriod = captionPeriods.count == 1 ? captionPeriods[0].p.normalized : nil
        let captionText = captionPhrase(caption, text)
        let fundingContext = (caption?.lowerText ?? "") + " " + header.map(\.lower).joined(separator: " ")
        let fundingCaption = ["fund", "grant", "award", "allocat", "paid", "received", "payment"].contains { word in
            containsBytes(fundingContext, word)
        }
        let captionScale = moneyScale(captionTokens)
        var figures: [Figure] = []
        var grants: [GrantMention] = []
        for row in body {
            let rowPeriod = row.indices.first(where: { $0 < width && isPeriodColumn[$0] }).flatMap { period(of: row[$0]) }
            let labelIndex = row.indices.first(where: { !(($0 < width && isPeriodColumn[$0])) && SentenceGrammar(tokens: row[$0].tokens).quantities.isEmpty && !row[$0].isEmpty })
            for (j, cell) in row.enumerated() where !cell.isEmpty {
                if j < width && isPeriodColumn[j] { continue }
                if j == labelIndex { continue }
                let g = SentenceGrammar(tokens: cell.tokens, isDataCell: true)
                let headerCell = j < header.count ? header[j] : nil
                let label = labelIndex.map { row[$0] }
                for (_, found) in g.quantities {
                    let q = inMoneyColumn(found, cell, scale: moneyScale(headerCell) ?? captionScale)
                    let evidence = text.span(cell.tokens[q.lo].start, cell.tokens[q.hi - 1].end)
                    // Money against a named row label in a funding table is a grant.
                    if q.unit == .gbp, fundingCaption, let label {
                        let lg = SentenceGrammar(tokens: label.tokens)
                        if let name = lg.parseName(0, text: text), name.hi == label.tokens.count {
                            let fy = [rowPeriod, j < width ? columnPeriod[j] : nil].compactMap { $0 }.first { $0.count == 7 && $0.dropFirst(4).first == "-" && !$0.contains("Q") }
                            grants.append(GrantMention(amountPence: q.pence ?? 0, recipient: OrganisationName.displayName(name.text),
                                                       financialYear: fy, qualifier: q.qualifier,
                                                       evidence: text.span(label.start, evidence.end)))
                            continue
                        }
                    }
                    var f = Figure(value: q.value, unit: q.unit, qualifier: q.qualifier, kind: q.kind, direction: q.direction,
                                   evidence: evidence)
                    f.period = rowPeriod ?? (j < width ? columnPeriod[j] : nil) ?? captionPeriod
                    let headerIsPeriod = headerCell.map { period(of: $0) != nil } ?? true
                    var parts: [String] = []
                    let headerText = headerCell.map { text.string($0.start, $0.end) }
                    let headerWords = headerCell?.tokens.filter(\.isWord).count ?? 0
                    if (headerWords < 3 || headerIsPeriod), let c = captionText { parts.append(c) }
                    if let h = headerText, !headerIsPeriod, !h.isEmpty { parts.append(h) }
                    if let l = label, period(of: l) == nil { parts.append(text.string(l.start, l.end)) }
                    f.measure = parts.isEmpty ? nil : parts.joined(separator: " – ")
                    // Type, group and NRM from the row label, the column header, then the caption. A bare
                    // label ("Labour") names a type under an "exploitation type" header or caption, or in an
                    // answer about slavery.
                    let sources = [label?.tokens ?? [], headerCell?.tokens ?? [], captionTokens]
                    let labelHeader = labelIndex.flatMap { $0 < header.count ? header[$0].lower : nil } ?? ""
                    let bare = nrmContext || containsBytes(labelHeader, "exploitation") || containsBytes(caption?.lowerText ?? "", "exploitation")
                    var labelledType: String?
                    for s in sources.prefix(2) where labelledType == nil {
                        labelledType = Context.exploitationLabel(s, bareWordsAllowed: bare)
                    }
                    f.exploitationType = labelledType ?? Context.exploitationMentions(captionTokens).first?.1
                    for s in sources where f.population == nil {
                        f.population = Context.populationMentions(s).first?.1
                    }
                    let context = sources.flatMap { $0 }.map(\.lower)
                    let joined = context.joined(separator: " ")
                    f.isNRMReferrals = q.unit != .gbp
                        && Context.isNRMReferral(referrals: context.contains { $0.hasPrefix("referr") } || containsBytes(joined, "potential victims"),
                                                 referredElsewhere: Context.referredElsewhere(captionTokens),
                                                 slaveryContext: nrmContext || Context.mentionsSlavery(joined),
                                                 labelledType: labelledType != nil)
                    figures.append(f)
                }
            }
        }
        return (figures, grants)
    }
}
