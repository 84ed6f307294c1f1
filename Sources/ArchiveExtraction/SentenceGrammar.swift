// The grammar over one sentence (or one table cell): recognises periods, durations, numbers that
// are not statistics (dates, references, list numbers, ages, phone numbers), and quantities
// (money, percentages, counts) with their qualifiers and change wording.

struct Quantity {
    /// Token range of the amount itself ("£", number, multiplier, unit, rate).
    var numStart: Int
    var numEnd: Int
    /// Token range of the evidence (amount plus qualifier and change words).
    var lo: Int
    var hi: Int
    var unit: FigureUnit
    var value: Double
    var pence: Int64?
    var qualifier: String?
    var kind: FigureKind = .level
    var direction: ChangeDirection?
    var rate: String?
}

enum ItemKind {
    case period(PeriodValue)
    /// A period stated relative to another ("the preceding quarter"): resolved against the sentence's own.
    case relativePeriod(RelativePeriod)
    case duration(Int?)
    case quantity(Quantity)
    case skip
}

struct Item {
    var lo: Int
    var hi: Int
    var kind: ItemKind

    var quantity: Quantity? { if case .quantity(let q) = kind { return q } else { return nil } }
    var period: PeriodValue? { if case .period(let p) = kind { return p } else { return nil } }
    var relativePeriod: RelativePeriod? { if case .relativePeriod(let r) = kind { return r } else { return nil } }
    var duration: Int?? { if case .duration(let d) = kind { return d } else { return nil } }
}

final class SentenceGrammar {
    let t: [Token]
    let n: Int
    let atLineStart: Bool
    /// In a table data cell a plain number is a count even when it looks like a year.
    let isDataCell: Bool
    private(set) var items: [Item] = []
    private(set) var owner: [Int?]

    init(tokens: [Token], atLineStart: Bool = false, isDataCell: Bool = false) {
        t = tokens
        n = tokens.count
        self.atLineStart = atLineStart
        self.isDataCell = isDataCell
        owner = Array(repeating: nil, count: tokens.count)
        run()
    }

    // The items are complete once `init` has run, so what is read of them is worked out once: the
    // context of every figure asks for them again.
    private(set) lazy var quantities: [(index: Int, q: Quantity)] =
        items.enumerated().compactMap { e in e.element.quantity.map { (e.offset, $0) } }
    private(set) lazy var periods: [(item: Item, p: PeriodValue)] =
        items.compactMap { item in item.period.map { (item, $0) } }
    private(set) lazy var relativePeriods: [(item: Item, r: RelativePeriod)] = findRelativePeriods()
    /// The periods the sentence states as its own: its periods less the baselines of comparisons
    /// (`Context.isBaseline`). Every figure's period is chosen among them.
    private(set) lazy var ownPeriods: [(item: Item, p: PeriodValue)] = periods.filter { !Context.isBaseline($0.item, in: self) }
    /// The last `Context.resolvedRelativePeriods` worked out, with the previous period it was
    /// counted back from: every figure of a sentence asks with the same one.
    private var lastResolved: (previous: String?, periods: [(item: Item, p: PeriodValue)])?

    /// The sentence's relative periods resolved against `previousPeriod` (`Context.resolvedRelativePeriods`).
    func resolvedRelativePeriods(previousPeriod: String?) -> [(item: Item, p: PeriodValue)] {
        if let last = lastResolved, last.previous == previousPeriod { return last.periods }
        let periods = Context.resolvedRelativePeriods(self, previousPeriod: previousPeriod)
        lastResolved = (previousPeriod, periods)
        return periods
    }
    /// The sentence's NRM exploitation types and groups, each with its token: asked once per figure.
    private(set) lazy var exploitationMentions: [(Int, String)] = Context.exploitationMentions(t)
    private(set) lazy var populationMentions: [(Int, String)] = Context.populationMentions(t)

    private func findRelativePeriods() -> [(item: Item, r: RelativePeriod)] {
        // A plain loop: the compactMap form crashes Swift 6.3.1's optimiser (CopyPropagation) in
        // release builds.
        var found: [(item: Item, r: RelativePeriod)] = []
        for item in items {
            if let relative = item.relativePeriod { found.append((item, relative)) }
        }
        return found
    }

    private func add(_ kind: ItemKind, _ lo: Int, _ hi: Int) {
        let idx = items.count
        items.append(Item(lo: lo, hi: hi, kind: kind))
        for k in lo..<min(hi, n) { owner[k] = idx }
    }

    private func run() {
        var i = 0
        while i < n {
            if let end = match(i), end > i { i = end } else { i += 1 }
        }
    }

    func lower(_ i: Int) -> String { i >= 0 && i < n ? t[i].lower : "" }
    /// `lower(i) == word` for a word that is not empty, without copying or comparing strings.
    @inline(__always) func lowerIs(_ i: Int, _ word: String) -> Bool { i >= 0 && i < n && t[i].lowerIs(word) }
    private func free(_ i: Int) -> Bool { i >= 0 && i < n && owner[i] == nil }

    /// Tries each rule at token i; returns the end of what it consumed.
    private func match(_ i: Int) -> Int? {
        if t[i].kind == .url { return nil }
        // Money: "£1.36m", "£378,811", "GBP 5 million".
        if (t[i].isPunct("£") || t[i].lowerIs("gbp")), i + 1 < n, t[i + 1].isNumber {
            return quantity(at: i + 1, start: i, money: true)
        }
        if t[i].kind == .punct, ["$", "€", "¥"].contains(t[i].text), i + 1 < n, t[i + 1].isNumber {
            let end = amountEnd(i + 1, money: true)
            add(.skip, i, end)  // other currencies are not gbp figures
            return end
        }
        if t[i].isWord, let (r, end) = matchRelativePeriod(i) {
            add(.relativePeriod(r), i, end)
            return end
        }
        // "the financial year 2024 to 2025": the words naming the kind of year are part of the period.
        if t[i].lowerIs("financial"), lowerIs(i + 1, "year"), let (p, end) = matchPeriod(i + 2), let p, p.isFinancialYear {
            add(.period(p), i, end)
            return end
        }
        if !isDataCell || t[i].kind != .number, let (p, end0) = matchPeriod(i) {
            var end = end0
            // "the 2024 to 2025 financial year", "2023-24 financial year".
            if let p, p.isFinancialYear, lowerIs(end, "financial"), lowerIs(end + 1, "year") || lowerIs(end + 1, "years") { end += 2 }
            add(p.map { .period($0) } ?? .skip, i, end)
            return end
        }
        if t[i].kind == .code { return nil }
        if t[i].isWord { return matchWordRule(i) }
        if t[i].isPunct("+"), i + 1 < n, t[i + 1].isNumber, !t[i + 1].spaceBefore {
            var k = i + 1
            while k < n, t[k].isNumber { k += 1 }
            add(.skip, i, k)
            return k
        }
        if t[i].isNumber { return matchNumber(i) }
        return nil
    }

    private func matchWordRule(_ i: Int) -> Int? {
        let w = t[i].lower
        // References: "section 45", "Question 1480", "No. 5", "paragraphs 3 and 4". Only a number, a
        // code or "." after the word can make one, so the word is looked up only then (no later rule
        // matches a reference word: the lexicon's test says so).
        if i + 1 < n, t[i + 1].isNumber || t[i + 1].kind == .code || t[i + 1].isPunct("."), Lexicon.referenceWords.contains(w) {
            var k = i + 1
            if k < n, t[k].isPunct("."), t[i].lowerIs("no") || t[i].lowerIs("p") || t[i].lowerIs("para") || t[i].lowerIs("fig") { k += 1 }
            if k < n, t[k].isNumber || (t[k].kind == .code && !t[i].lowerIs("act")) {
                // "No" at the start of a sentence followed by a number is not a reference.
                if t[i].lowerIs("no") && k == i + 1 { return nil }
                if t[i].lowerIs("number") || t[i].lowerIs("level") || t[i].lowerIs("stage") || t[i].lowerIs("round") || t[i].lowerIs("wave") || t[i].lowerIs("act") || t[i].lowerIs("line") {
                    // "level 3", but not "the number 1,500 ..." with a separator.
                    if t[k].hasSeparator { return nil }
                }
                if t[k].isNumber, !t[i].lowerIs("act"), t[k].year != nil, ["part", "phase", "stage", "round", "wave", "number", "level", "tier", "priority", "goal", "step", "category", "version", "option", "standard", "route", "tranche", "lot", "lots", "room", "floor", "platform", "line", "c", "figure", "chart", "item", "items", "box", "key", "target", "targets", "objective", "indicator"].contains(w) {
                    return nil
                }
                while k < n {
                    if t[k].isNumber || t[k].kind == .code { k += 1; continue }
                    if ["(", ")"].contains(t[k].text), t[k].kind == .punct { k += 1; continue }
                    if t[k].isWord, t[k].text.count == 1, k > 0, t[k - 1].isPunct("(") { k += 1; continue }
                    if [",", "and", "to", "-", "–", "or", "&"].contains(t[k].lower), k + 1 < n, t[k + 1].isNumber || t[k + 1].kind == .code {
                        k += 1; continue
                    }
                    break
                }
                if k > 0, t[k - 1].isPunct("(") { k -= 1 }
                add(.skip, i, k)
                return k
            }
            return nil
        }
        // Ages after a group: "children under 10", "adults over 65".
        if i + 2 < n, t[i + 2].kind == .number, ["under", "over", "below", "above"].contains(t[i + 1].lower),
           Lexicon.populationWords[w] != nil, let age = t[i + 2].plainInt, age < 100, !(i + 3 < n && Lexicon.countNouns.contains(t[i + 3].lower)) {
            add(.skip, i + 1, i + 3)
            return i + 3
        }
        // Ranks and selections: "the top 10 nationalities" counts nothing.
        if t[i].lowerIs("top"), i + 1 < n, t[i + 1].plainInt != nil { add(.skip, i, i + 2); return i + 2 }
        // Ages: "aged 0-13", "age of 18", "aged between 18 and 25".
        if w.utf8.first == UInt8(ascii: "a"), ["aged", "age", "ages", "ageing"].contains(w) {
            var k = i + 1
            while k < n, ["of", "between", "under", "over", "from", "below", "above"].contains(t[k].lower) { k += 1 }
            guard k < n, t[k].isNumber else { return nil }
            k += 1
            while k + 1 < n, (isDash(k) || ["to", "and", "or"].contains(t[k].lower)), t[k + 1].isNumber { k += 2 }
            if k < n, t[k].isPunct("+") { k += 1 }
            if k < n, ["years", "year"].contains(t[k].lower) { k += 1 }
            if k + 1 < n, t[k].lowerIs("and"), ["over", "above", "under"].contains(t[k + 1].lower) { k += 2 }
            add(.skip, i + 1, k)
            return k
        }
        // Durations in words: "three years", "two-year", "a three-year".
        if i + 1 < n, Lexicon.couldBeATimeUnit(t[i + 1].lower), let v = Lexicon.numberWords[w], v > 0,
           let unit = Lexicon.timeUnits[t[i + 1].lower], !t[i].lowerIs("a") && !t[i].lowerIs("an") {
            add(.duration(unit.map { $0 * v }), i, i + 2)
            return i + 2
        }
        if containsByte(w, UInt8(ascii: "-")) {
            let parts = w.split(separator: "-").map(String.init)
            if parts.count >= 2, let v = Lexicon.numberWords[parts[0]], v > 0, let unit = Lexicon.timeUnits[parts[1]] {
                if parts.count == 3, parts[2] == "old" { add(.skip, i, i + 1); return i + 1 }
                add(.duration(unit.map { $0 * v }), i, i + 1)
                return i + 1
            }
        }
        return nil
    }

    private func matchNumber(_ i: Int) -> Int? {
        let tok = t[i]
        // Times "10:30", "9am".
        if i + 2 < n, t[i + 1].isPunct(":"), !t[i + 1].spaceBefore, t[i + 2].isNumber, !t[i + 2].spaceBefore {
            add(.skip, i, i + 3); return i + 3
        }
        if i + 1 < n, ["am", "pm", "a.m", "p.m"].contains(t[i + 1].lower) { add(.skip, i, i + 2); return i + 2 }
        // Ordinals "21st", decades "1990s".
        if i + 1 < n, t[i + 1].isWord, !t[i + 1].spaceBefore, Lexicon.ordinalSuffixes.contains(t[i + 1].lower) || t[i + 1].lowerIs("s") {
            add(.skip, i, i + 2); return i + 2
        }
        // Phone numbers: "0300 123 4567".
        if tok.text.utf8.first == UInt8(ascii: "0"), tok.intDigitCount >= 3, !tok.hasFraction, !tok.hasSeparator {
            var k = i + 1
            while k < n, t[k].isNumber, t[k].spaceBefore, !t[k].hasSeparator { k += 1 }
            add(.skip, i, k); return k
        }
        // A financial year in two-digit years after a preposition: "in 23/24", "for 22/23".
        if let y = shortFinancialYear(i) { add(.period(.financialYear(2000 + y)), i, i + 3); return i + 3 }
        // Slash-joined numbers that are not financial years: "24/7", "17/10/2024".
        if i + 2 < n, t[i + 1].isPunct("/"), !t[i + 1].spaceBefore, t[i + 2].isNumber, !t[i + 2].spaceBefore {
            var k = i + 2
            while k + 1 < n, t[k + 1].isPunct("/"), k + 2 < n, t[k + 2].isNumber { k += 2 }
            add(.skip, i, k + 1); return k + 1
        }
        if i > 0, t[i - 1].isPunct("/"), !tok.spaceBefore { add(.skip, i, i + 1); return i + 1 }
        // List numbering "1." / "2)" at the start of a line, and "(1)" enumerations.
        if i == 0, atLineStart, i + 1 < n, t[i + 1].isPunct(".") || t[i + 1].isPunct(")"), tok.plainInt != nil {
            add(.skip, i, i + 2); return i + 2
        }
        // A section number heading a line: "1.1 Referrals to the NRM", "2.3.1 Funding".
        if i == 0, atLineStart, tok.hasFraction, !tok.hasSeparator, tok.intDigitCount <= 2 {
            var k = i + 1
            while k + 1 < n, t[k].isPunct("."), !t[k].spaceBefore, t[k + 1].isNumber, !t[k + 1].spaceBefore { k += 2 }
            if k < n, t[k].isCapitalized, Lexicon.millionWords[t[k].lower] == nil, Lexicon.timeUnits[t[k].lower] == nil {
                add(.skip, i, k); return k
            }
        }
        if i > 0, t[i - 1].isPunct("("), i + 1 < n, t[i + 1].isPunct(")"), let v = tok.plainInt, v < 100,
           !(i >= 2 && (t[i - 2].isNumber || t[i - 2].isPunct("%") || owner[i - 2] != nil && items[owner[i - 2]!].quantity != nil)) {
            add(.skip, i, i + 2); return i + 2
        }
        if let end = notAStatistic(i) { add(.skip, i, end); return end }
        // "18-year-old", "3-year", "12-month".
        if i + 2 < n, isDash(i + 1), !t[i + 1].spaceBefore, t[i + 2].isWord, !t[i + 2].spaceBefore {
            let parts = t[i + 2].lower.split(separator: "-").map(String.init)
            if let first = parts.first, let unit = Lexicon.timeUnits[first] {
                if parts.last == "old" || parts.last == "olds" { add(.skip, i, i + 3); return i + 3 }
                add(.duration(unit.map { $0 * (tok.plainInt ?? 0) }), i, i + 3); return i + 3
            }
        }
        // Durations: "5 years", "16 months", "45 days".
        if i + 1 < n, let unit = Lexicon.timeUnits[t[i + 1].lower], !t[i + 1].lowerIs("working") || (i + 2 < n && t[i + 2].lower.hasPrefix("day")) {
            if i + 2 < n, t[i + 2].lowerIs("old") { add(.skip, i, i + 3); return i + 3 }
            let v = tok.plainInt
            add(.duration(v.flatMap { v in unit.map { $0 * v } }), i, i + 2)
            return i + 2
        }
        return quantity(at: i, start: i, money: false)
    }

    /// Numbers that mark, name or date rather than count: the end of what to skip, or nil.
    private func notAStatistic(_ i: Int) -> Int? {
        let tok = t[i]
        // A date range "14-20 September".
        if let d = tok.plainInt, d <= 31, i + 3 < n, isDash(i + 1), let d2 = t[i + 2].plainInt, d2 <= 31, d2 > d, month(i + 3) != nil {
            var end = i + 4
            if end < n, t[end].year != nil { end += 1 }
            return end
        }
        // Section markers "{ 1 }" and footnote marks glued to others or to a word: "(1)(2)", "(3)Proceeded".
        if i > 0, t[i - 1].isPunct("{"), i + 1 < n, t[i + 1].isPunct("}") { return i + 2 }
        if i > 0, t[i - 1].isPunct("("), i + 1 < n, t[i + 1].isPunct(")"), tok.plainInt.map({ $0 < 100 }) == true,
           (i + 2 < n && !t[i + 2].spaceBefore && (t[i + 2].isPunct("(") || t[i + 2].isWord)) || (i >= 2 && t[i - 2].isPunct(")") && !t[i - 1].spaceBefore) {
            return i + 2
        }
        // Table cells run together with dashes and words: "Found guilty--119", "against-122410".
        if i >= 2, isDash(i - 1), !tok.spaceBefore, !t[i - 1].spaceBefore, t[i - 2].isWord || isDash(i - 2) { return i + 1 }
        // The number of a named operation: "Operation Sceptre 2".
        if i >= 2, t[i - 1].isCapitalized, t[i - 2].lowerIs("operation"), !tok.hasSeparator { return i + 1 }
        // A code or label in quotes: "‘106 Modern Slavery’".
        if i > 0, t[i - 1].kind == .punct, Self.openQuotes.contains(t[i - 1].text), !tok.hasSeparator, i + 1 < n,
           t[i + 1].isCapitalized, !Lexicon.countNouns.contains(t[i + 1].lower) { return i + 1 }
        return nil
    }

    /// "23/24" after "in", "for", "during", ...: the two-digit first year of a financial year.
    private func shortFinancialYear(_ i: Int) -> Int? {
        guard i >= 1, i + 2 < n, Lexicon.timePrepositionsAfterRecipient.contains(t[i - 1].lower) || t[i - 1].lowerIs("of"),
              t[i].intDigitCount == 2, let y = t[i].plainInt, t[i + 1].isPunct("/"), !t[i + 1].spaceBefore,
              t[i + 2].intDigitCount == 2, t[i + 2].plainInt == (y + 1) % 100, !t[i + 2].spaceBefore,
              !(i + 3 < n && t[i + 3].isPunct("/")) else { return nil }
        return y
    }

    /// Whether a sum in millions without "£" continues the money before it: the nearest quantity
    /// before it in the clause is money ("£1.2 million to A and 3.4 million to B", "£2m, of which 1.5
    /// million"), and no noun follows it ("£5m reached 2 million people" counts people).
    private func continuesMoney(before start: Int, after k: Int) -> Bool {
        if k < n, t[k].isWord, !Lexicon.wordsAfterASum.contains(t[k].lower) { return false }
        var j = start - 1
        while j >= 0, j >= start - 12, owner[j] == nil, !t[j].isPunct(";"), !t[j].isPunct(":") { j -= 1 }
        guard j >= 0, j >= start - 12, let o = owner[j], let previous = items[o].quantity else { return false }
        return previous.unit == .gbp
    }

    /// Where the amount starting with the number at i ends (multiplier, unit, rate).
    private func amountEnd(_ i: Int, money: Bool) -> Int {
        var k = i + 1
        if k < n, t[k].isWord, Lexicon.millionWords[t[k].lower] != nil,
           !t[k].spaceBefore || t[k].lower.count > 2 || money { k += 1 }
        return k
    }

    /// Builds a quantity whose number is at i; `start` is the "£" for money.
    private func quantity(at i: Int, start: Int, money: Bool) -> Int? {
        var k = i + 1
        var exponent = 0
        func multiplier(_ k: inout Int) {
            if k < n, t[k].isWord, let e = Lexicon.millionWords[t[k].lower],
               !t[k].spaceBefore || t[k].lower.count > 2 || (money && !t[k].lowerIs("b") && !t[k].lowerIs("k")) {
                exponent = e
                k += 1
            }
        }
        multiplier(&k)
        var money = money
        // "£1.2 million and 3.4 million": a sum in millions joined to a sum of money is money too.
        if !money, exponent >= 6, continuesMoney(before: start, after: k) { money = true }
        // "5 million pounds", "500 pounds sterling".
        if !money, k < n, t[k].lowerIs("pounds") {
            money = true
            k += 1
            if k < n, t[k].lowerIs("sterling") { k += 1 }
        }
        var unit: FigureUnit = money ? .gbp : .count
        func percentUnit(_ k: inout Int) -> Bool {
            if k < n, t[k].isPunct("%") { k += 1; return true }
            if k < n, t[k].lowerIs("percent") || t[k].lowerIs("per-cent") || t[k].lowerIs("pc") && !t[k].spaceBefore { k += 1; return true }
            if k + 1 < n, t[k].lowerIs("per"), t[k + 1].lowerIs("cent") { k += 2; return true }
            if k + 1 < n, t[k].lowerIs("percentage"), t[k + 1].lower.hasPrefix("point") { k += 2; return true }
            return false
        }
        if !money {
            if percentUnit(&k) { unit = .percent }
            // "10-15%": the first number of a range takes the unit of the second.
            else if k + 2 < n, isDash(k) || t[k].lowerIs("to"), t[k + 1].isNumber {
                var j = k + 2
                let saved = exponent
                multiplier(&j)
                if percentUnit(&j) { unit = .percent } else { exponent = saved == 0 ? exponent : saved }
            }
        }
        // A year-like number on its own is a year, unless this is a table data cell or a count noun
        // follows it ("over 2100 individuals").
        if !money, unit == .count, exponent == 0, t[i].year != nil, !isDataCell,
           !(k < n && Lexicon.countNouns.contains(t[k].lower)) {
            add(.skip, i, i + 1)
            return i + 1
        }
        var rate: String?
        if money {
            if k + 1 < n, ["per", "a", "an", "each", "every", "/"].contains(t[k].lower), Lexicon.rateWords.contains(t[k + 1].lower) {
                rate = t[k].lowerIs("/") ? "per " + t[k + 1].lower : t[k].lower + " " + t[k + 1].lower
                k += 2
            }
        }
        let numEnd = k
        // Value: exact decimal arithmetic on the digit string for money.
        var q = Quantity(numStart: start, numEnd: numEnd, lo: start, hi: numEnd, unit: unit, value: 0, rate: rate)
        if money {
            guard let pence = Money.pence(intDigits: t[i].intDigits, fracDigits: t[i].fracDigits, exponent: exponent) else {
                add(.skip, start, numEnd); return numEnd
            }
            q.pence = pence
            q.value = Double(pence) / 100
        } else {
            q.value = Money.scaled(intDigits: t[i].intDigits, fracDigits: t[i].fracDigits, exponent: exponent)
        }
        applyQualifierAndChange(&q)
        // "under 18" and "over 18" on their own are ages.
        if unit == .count, exponent == 0, let qual = q.qualifier, ["under", "over"].contains(qual),
           [16, 17, 18, 21, 25].contains(Int(q.value)), !(numEnd < n && Lexicon.countNouns.contains(t[numEnd].lower)) {
            add(.skip, q.lo, numEnd); return numEnd
        }
        add(.quantity(q), q.lo, q.hi)
        return q.hi
    }

    private func applyQualifierAndChange(_ q: inout Quantity) {
        var lo = q.numStart
        // Qualifiers before the amount.
        if lo >= 2, free(lo - 1), free(lo - 2), t[lo - 1].isPunct("."), ["c", "ca", "approx", "circa"].contains(t[lo - 2].lower) {
            q.qualifier = "approximately"; lo -= 2
        } else if lo >= 2, free(lo - 1), free(lo - 2),
                  let m = Lexicon.qualifiers2.first(where: { $0.0 == t[lo - 2].lower && $0.1 == t[lo - 1].lower }) {
            q.qualifier = m.2; lo -= 2
            if m.0 == "excess", lo >= 1, t[lo - 1].lowerIs("in") { lo -= 1 }
            if m.0 == "in", lo >= 0, lo + 2 < n, t[lo + 2].lowerIs("of") { lo += 0 }
        } else if lo >= 1, free(lo - 1), let qual = Lexicon.qualifiers1[t[lo - 1].lower], !t[lo - 1].lowerIs("c"), !t[lo - 1].lowerIs("ca") {
            q.qualifier = qual; lo -= 1
        }
        var hi = q.numEnd
        // Change wording.
        if hi < n, let d = Lexicon.changeNouns[t[hi].lower] {
            q.kind = .change; q.direction = d; hi += 1
            if lo >= 1, free(lo - 1), ["a", "an"].contains(t[lo - 1].lower) { lo -= 1 }
        } else if hi + 1 < n, t[hi + 1].lowerIs("than"), let d = ["more": ChangeDirection.increase, "higher": .increase,
                  "greater": .increase, "lower": .decrease, "fewer": .decrease, "less": .decrease][t[hi].lower] {
            q.kind = .change; q.direction = d; hi += 1
        } else if lo >= 2, free(lo - 1), free(lo - 2), t[lo - 1].lowerIs("by"), let d = Lexicon.changeVerbs[t[lo - 2].lower] {
            q.kind = .change; q.direction = d; lo -= 2
            if lo >= 1, free(lo - 1), ["went", "gone", "go", "goes", "has", "have", "had"].contains(t[lo - 1].lower),
               t[lo].lowerIs("up") || t[lo].lowerIs("down") { lo -= 1 }
        } else if lo >= 2, free(lo - 1), free(lo - 2), t[lo - 1].lowerIs("of"), let d = Lexicon.changeNouns[t[lo - 2].lower] {
            q.kind = .change; q.direction = d; lo -= 2
            if lo >= 1, free(lo - 1), ["a", "an"].contains(t[lo - 1].lower) { lo -= 1 }
        } else if lo >= 1, free(lo - 1), q.unit == .percent, ["up", "down"].contains(t[lo - 1].lower) {
            q.kind = .change; q.direction = t[lo - 1].lowerIs("up") ? .increase : .decrease; lo -= 1
        }
        q.lo = lo
        q.hi = hi
    }
}

/// Splitting a line's tokens into sentences.
enum SentenceSplitter {
    static func split(_ tokens: [Token]) -> [[Token]] {
        var out: [[Token]] = []
        // Sentences are cut from `tokens` whole, each from `start` to the token that ends it.
        var start = 0
        for i in tokens.indices {
            guard tokens[i].kind == .punct else { continue }
            let tok = tokens[i]
            guard [".", "?", "!"].contains(tok.text) else { continue }
            let next = i + 1 < tokens.count ? tokens[i + 1] : nil
            if let next {
                let startsNew = next.isCapitalized || next.kind == .number || next.isPunct("£")
                    || ["‘", "“", "\"", "'", "("].contains(next.text)
                if !startsNew { continue }
                if tok.text == "." && i > 0 {
                    let prev = tokens[i - 1]
                    if prev.isWord && Lexicon.abbreviations.contains(prev.lower) { continue }
                    if prev.isWord && prev.text.count == 1 && prev.isCapitalized { continue }
                    if prev.isNumber && next.kind == .number && !next.spaceBefore { continue }
                }
            }
            out.append(Array(tokens[start...i]))
            start = i + 1
        }
        if start < tokens.count { out.append(Array(tokens[start...])) }
        return out
    }

    /// Clause numbers for the tokens of a sentence: commas, semicolons and "with"/"while" start a new clause.
    static func clauses(_ tokens: [Token]) -> [Int] {
        var c = 0
        var out: [Int] = []
        out.reserveCapacity(tokens.count)
        for i in tokens.indices {
            // Only a word starting with w, b or c can open a clause: the others are not compared.
            if tokens[i].isWord, let first = tokens[i].lower.utf8.first,
               first == UInt8(ascii: "w") || first == UInt8(ascii: "b") || first == UInt8(ascii: "c") {
                switch tokens[i].lower {
                case "with", "while", "whereas", "but", "compared":
                    // "compared with" is one clause opener, not two.
                    let afterCompared = i > 0 && (tokens[i - 1].lower == "compared" || tokens[i - 1].lower == "comparison")
                    if !afterCompared { c += 1 }
                default: break
                }
            }
            out.append(c)
            if tokens[i].kind == .punct {
                switch tokens[i].text {
                case ",", ";", ":", "–", "—": c += 1
                default: break
                }
            }
        }
        return out
    }
}
