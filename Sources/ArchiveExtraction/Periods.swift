import Foundation

// Periods: years, financial years, quarters, months, dates and ranges between them,
// normalised to "2023", "2023-24", "2023-Q2", "2019-2023" or an ISO interval "2018-10/2019-12".

enum Periods {
    /// Whether a normalised period is a financial year ("2023-24").
    static func isFinancialYear(_ p: String) -> Bool {
        let u = Array(p.unicodeScalars)
        return u.count == 7 && u[4] == "-" && u.enumerated().allSatisfy { $0.offset == 4 || ("0"..."9").contains($0.element) }
    }
}

/// A period named by its place before another: "the preceding quarter", "the previous year",
/// "the same quarter last year", "the previous financial year". It has no value of its own; it is
/// resolved against the period it is compared with (the sentence's own, else the answer's last).
enum RelativePeriod: Equatable {
    case previousQuarter, previousMonth
    /// A year earlier at the same granularity: "the previous year", "the same quarter last year".
    case previousYear
    case previousFinancialYear

    /// The period this one names, counted back from `base` ("2024-Q1" back one quarter is "2023-Q4").
    /// "The previous year" of a quarter or a month is the same quarter or month a year earlier, so a
    /// comparison stays like for like; nil when the base does not fix the answer ("the previous
    /// quarter" of a whole year, or of a span of several years).
    func resolve(against base: String) -> String? {
        let u = Array(base.unicodeScalars)
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count, r.allSatisfy({ ("0"..."9").contains(u[$0]) }) else { return nil }
            return Int(String(String.UnicodeScalarView(u[r])))
        }
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        if let slash = u.firstIndex(of: "/") {
            // An interval "2023-07/2024-06": both ends a year back.
            guard self == .previousYear,
                  let a = resolve(against: String(String.UnicodeScalarView(u[..<slash]))),
                  let b = resolve(against: String(String.UnicodeScalarView(u[(slash + 1)...]))) else { return nil }
            return a + "/" + b
        }
        guard let y = digits(0..<4) else { return nil }
        switch u.count {
        case 4:
            return self == .previousYear ? pad(y - 1, 4) : nil
        case 7 where u[4] == "-" && u[5] == "Q":
            guard let q = digits(6..<7) else { return nil }
            switch self {
            case .previousQuarter: return q == 1 ? "\(pad(y - 1, 4))-Q4" : "\(pad(y, 4))-Q\(q - 1)"
            case .previousYear: return "\(pad(y - 1, 4))-Q\(q)"
            default: return nil
            }
        case 7 where u[4] == "-" && Periods.isFinancialYear(base):
            guard self == .previousYear || self == .previousFinancialYear else { return nil }
            return pad(y - 1, 4) + "-" + pad(y % 100, 2)
        case 7 where u[4] == "-":
            guard let m = digits(5..<7) else { return nil }
            switch self {
            case .previousMonth: return m == 1 ? pad(y - 1, 4) + "-12" : pad(y, 4) + "-" + pad(m - 1, 2)
            case .previousYear: return pad(y - 1, 4) + "-" + pad(m, 2)
            default: return nil
            }
        default:
            return nil
        }
    }
}

/// A calendar point with optional month and day.
struct CalendarPoint: Equatable {
    var year: Int?
    var month: Int?
    var day: Int?

    var formatted: String {
        guard let y = year else { return "" }
        var s = String(format: "%04d", y)
        if let m = month { s += String(format: "-%02d", m) }
        if month != nil, let d = day { s += String(format: "-%02d", d) }
        return s
    }
}

/// A recognised period expression.
struct PeriodValue {
    var normalized: String
    var isFinancialYear: Bool = false
    var from: CalendarPoint?
    var to: CalendarPoint?
    /// Stated as a span ("from 1 April 2025 to 31 March 2026"), so it also gives a duration.
    var isRange: Bool = false

    /// Whole months covered by a range (1 April 2025 to 31 March 2026 is 12).
    var months: Int? {
        guard let a = from, let b = to, let y1 = a.year, let y2 = b.year else { return nil }
        let m1 = a.month ?? 1, m2 = b.month ?? 12
        var months = (y2 - y1) * 12 + (m2 - m1)
        if (b.day ?? 31) >= 28 && (a.day ?? 1) <= 1 { months += 1 }
        return months > 0 ? months : nil
    }

    static func year(_ y: Int) -> PeriodValue {
        PeriodValue(normalized: String(y), from: CalendarPoint(year: y, month: 1, day: 1), to: CalendarPoint(year: y, month: 12, day: 31))
    }

    static func financialYear(_ y: Int) -> PeriodValue {
        PeriodValue(normalized: String(format: "%04d-%02d", y, (y + 1) % 100), isFinancialYear: true,
                    from: CalendarPoint(year: y, month: 4, day: 1), to: CalendarPoint(year: y + 1, month: 3, day: 31))
    }

    static func quarter(_ y: Int, _ q: Int) -> PeriodValue {
        PeriodValue(normalized: "\(y)-Q\(q)", from: CalendarPoint(year: y, month: (q - 1) * 3 + 1, day: 1),
                    to: CalendarPoint(year: y, month: q * 3, day: 31))
    }

    /// A range between two points, normalised to the tightest form that describes it.
    static func range(_ a: CalendarPoint, _ b: CalendarPoint) -> PeriodValue {
        guard let y1 = a.year, let y2 = b.year else { return PeriodValue(normalized: a.formatted + "/" + b.formatted) }
        // Whole years.
        if a.month == nil && b.month == nil {
            if y2 == y1 { return .year(y1) }
            return PeriodValue(normalized: "\(y1)-\(y2)", from: CalendarPoint(year: y1, month: 1, day: 1),
                               to: CalendarPoint(year: y2, month: 12, day: 31))
        }
        // A financial year given by its first and last days or months.
        if a.month == 4, (a.day ?? 1) == 1, b.month == 3, (b.day ?? 31) >= 31, y2 == y1 + 1 {
            return .financialYear(y1)
        }
        // A calendar quarter.
        if y1 == y2, let m1 = a.month, let m2 = b.month, [1, 4, 7, 10].contains(m1), m2 == m1 + 2,
           (a.day ?? 1) == 1, (b.day ?? 31) >= 30 {
            return .quarter(y1, (m1 - 1) / 3 + 1)
        }
        var from = a, to = b
        if from.month == nil { from.month = 1 }
        if to.month == nil { to.month = 12 }
        return PeriodValue(normalized: from.formatted + "/" + to.formatted, from: from, to: to)
    }
}

extension SentenceGrammar {
    func month(_ i: Int) -> Int? {
        // Asked at nearly every token: most words are told apart from a month's name before any hashing.
        guard i < n, t[i].isWord, Lexicon.couldNameAMonth(t[i].lower) else { return nil }
        // `lower.count > 3` in characters; an ASCII word has as many as bytes.
        let bytes = t[i].lower.utf8
        guard t[i].isCapitalized || (bytes.count > 3 && (bytes.allSatisfy { $0 < 0x80 } || t[i].lower.count > 3)) else { return nil }
        if t[i].lowerIs("may") && !t[i].isCapitalized { return nil }
        if t[i].lowerIs("mar") || t[i].lowerIs("jan") || t[i].lowerIs("dec") || t[i].lowerIs("sept") {
            guard t[i].isCapitalized else { return nil }
        }
        return Lexicon.months[t[i].lower]
    }

    func day(_ i: Int) -> (Int, Int)? {
        guard i < n, let v = t[i].plainInt, t[i].intDigitCount <= 2, (1...31).contains(v) else { return nil }
        var next = i + 1
        if next < n, t[next].isWord, !t[next].spaceBefore, Lexicon.ordinalSuffixes.contains(t[next].lower) { next += 1 }
        return (v, next)
    }

    /// A calendar point starting at token i: "17 October 2024", "October 17, 2024", "March 2023", "2023", "October".
    func point(_ i: Int) -> (CalendarPoint, Int)? {
        guard i < n else { return nil }
        if let (d, next) = day(i), t[i].year == nil {
            var k = next
            if k < n, t[k].lowerIs("of") { k += 1 }
            if let m = month(k) {
                if k + 1 < n, let y = t[k + 1].year { return (CalendarPoint(year: y, month: m, day: d), k + 2) }
                return (CalendarPoint(year: nil, month: m, day: d), k + 1)
            }
            return nil
        }
        if let m = month(i) {
            var k = i + 1
            var d: Int?
            if let (dd, next) = day(k), t[k].year == nil { d = dd; k = next; if k < n, t[k].isPunct(",") { k += 1 } }
            if k < n, let y = t[k].year { return (CalendarPoint(year: y, month: m, day: d), k + 1) }
            if d != nil { return (CalendarPoint(year: nil, month: m, day: d), k) }
            return (CalendarPoint(year: nil, month: m, day: nil), i + 1)
        }
        if let y = t[i].year { return (CalendarPoint(year: y), i + 1) }
        return nil
    }

    func quarterNumber(_ i: Int) -> Int? {
        guard i < n, t[i].kind == .code else { return nil }
        let s = t[i].lower
        guard s.count == 2, s.hasPrefix("q"), let q = Int(s.dropFirst()), (1...4).contains(q) else { return nil }
        return q
    }

    /// "2015 - 16", as table row labels write a financial year: spaced, the second year in two digits.
    static func isSpacedFinancialYear(_ y: Int, _ second: Token) -> Bool {
        second.intDigitCount == 2 && second.plainInt == (y + 1) % 100
    }

    func isDash(_ i: Int) -> Bool {
        i < n && t[i].kind == .punct && ["-", "–", "—", "‐", "‑"].contains(t[i].text)
    }

    /// "the preceding quarter", "the previous year", "the prior financial year", "the year before",
    /// "the same quarter last year", "the same period of the previous year", "a year earlier".
    func matchRelativePeriod(_ i: Int) -> (RelativePeriod, Int)? {
        var k = i
        if lowerIs(k, "the") || lowerIs(k, "a") { k += 1 }
        // Asked at every word: only a word starting with "p" can be one of them.
        if k < n, t[k].lower.utf8.first == UInt8(ascii: "p"), Lexicon.backwardWords.contains(t[k].lower) {
            switch lower(k + 1) {
            case "quarter": return (.previousQuarter, k + 2)
            case "month": return (.previousMonth, k + 2)
            case "year": return (.previousYear, k + 2)
            case "financial" where lowerIs(k + 2, "year"): return (.previousFinancialYear, k + 3)
            default: return nil
            }
        }
        // "the year before", "a year earlier".
        if k > i, lowerIs(k, "year"), ["before", "earlier"].contains(lower(k + 1)) { return (.previousYear, k + 2) }
        // "the same quarter/period/month last year", "... of/in the previous year", "... a year earlier".
        if lowerIs(k, "same"), ["quarter", "period", "month", "time"].contains(lower(k + 1)) {
            var j = k + 2
            if ["of", "in"].contains(lower(j)) { j += 1 }
            if lowerIs(j, "last"), lowerIs(j + 1, "year") { return (.previousYear, j + 2) }
            if let (r, end) = matchRelativePeriod(j), r == .previousYear || r == .previousFinancialYear { return (.previousYear, end) }
        }
        return nil
    }

    /// Only a number, a code ("Q2") or one of a few words can start a period: asked at every token,
    /// before the rules of `matchPeriod`.
    private func mayStartPeriod(_ i: Int) -> Bool {
        switch t[i].kind {
        case .punct, .url: return false
        case .word: return Lexicon.couldStartAPeriod(t[i].lower)
        case .number, .code: return true
        }
    }

    /// Recognises a period expression starting at token i; returns the item (nil value = date/name to skip).
    func matchPeriod(_ i: Int) -> (PeriodValue?, Int)? {
        guard i < n, mayStartPeriod(i) else { return nil }
        // "between A and B", "from A to B"
        if (t[i].lowerIs("between") || t[i].lowerIs("from")), let (a, next) = point(i + 1), next < n,
           ["and", "to", "until", "till", "-", "–"].contains(t[next].lower),
           let (b, end) = point(next + 1), b.year != nil {
            if a.year == nil && a.month == nil { return nil }
            var a2 = a
            if a2.year == nil { a2.year = b.year }
            // "from 2023 to 2024" with years only and one apart is read as a year range, not a financial year.
            var v = PeriodValue.range(a2, b)
            v.isRange = true
            return (v, end)
        }
        // "year ending March 2023", "year to June 2023"
        if t[i].lowerIs("year"), i + 1 < n, ["ending", "to", "ended"].contains(t[i + 1].lower), let (p, end) = point(i + 2),
           let y = p.year, let m = p.month {
            if m == 3 { return (.financialYear(y - 1), end) }
            let startMonth = m % 12 + 1
            let startYear = m == 12 ? y : y - 1
            // Month precision: "the year to June 2024" is 2023-07/2024-06 (no invented day of the month).
            return (.range(CalendarPoint(year: startYear, month: startMonth), CalendarPoint(year: y, month: m)), end)
        }
        // "Q2 2023"
        if let q = quarterNumber(i), i + 1 < n, let y = t[i + 1].year { return (.quarter(y, q), i + 2) }
        // "first quarter of 2023"
        if i + 1 < n, t[i + 1].lowerIs("quarter"), let q = Lexicon.quarterOrdinals[t[i].lower] {
            var k = i + 2
            if k < n, t[k].lowerIs("of") { k += 1 }
            if k < n, t[k].lowerIs("the") { k += 1 }
            if k < n, let y = t[k].year { return (.quarter(y, q), k + 1) }
        }
        guard let (p, next) = point(i) else { return nil }
        if p.month == nil, let y = p.year {
            // Financial years "2023-24", "2023/24", "2023-2024"; ranges "2019-2023".
            if isDash(next) || (next < n && t[next].isPunct("/")), next + 1 < n, let v = t[next + 1].plainInt,
               (!t[next].spaceBefore && !t[next + 1].spaceBefore) || Self.isSpacedFinancialYear(y, t[next + 1]) {
                let digits = t[next + 1].intDigitCount
                let y2 = digits == 2 ? (y / 100) * 100 + v : (digits == 4 ? v : -1)
                if y2 == y + 1 { return (.financialYear(y), next + 2) }
                if y2 > y + 1 && y2 < y + 50 {
                    return (.range(CalendarPoint(year: y), CalendarPoint(year: y2)), next + 2)
                }
            }
            // "2023 to 2024" (a financial year) and "2019 to 2023" (a range).
            if next + 1 < n, t[next].lowerIs("to"), let y2 = t[next + 1].year, y2 > y {
                if y2 == y + 1 { return (.financialYear(y), next + 2) }
                return (.range(CalendarPoint(year: y), CalendarPoint(year: y2)), next + 2)
            }
            // "2023 Q2"
            if let q = quarterNumber(next) { return (.quarter(y, q), next + 1) }
            // "2024 (up to Q3)"
            if next + 4 < n, t[next].isPunct("("), t[next + 1].lowerIs("up"), t[next + 2].lowerIs("to"),
               let q = quarterNumber(next + 3), t[next + 4].isPunct(")") {
                return (.range(CalendarPoint(year: y, month: 1), CalendarPoint(year: y, month: q * 3)), next + 5)
            }
            // A year that is part of a name ("Modern Slavery Act 2015").
            if i > 0, Lexicon.namedYearHeads.contains(t[i - 1].lower), t[i - 1].isCapitalized { return (nil, next) }
            // "2000 victims" is a count, not a year.
            if next < n, Lexicon.countNouns.contains(t[next].lower) { return nil }
            return (.year(y), next)
        }
        if p.month != nil {
            // "April to June 2023", "October 2018 to December 2019"
            if next < n, ["to", "-", "–", "until"].contains(t[next].lower), let (b, end) = point(next + 1), b.year != nil {
                var a = p
                if a.year == nil { a.year = b.year }
                var v = PeriodValue.range(a, b)
                v.isRange = true
                return (v, end)
            }
            if let y = p.year {
                if let d = p.day {
                    return (PeriodValue(normalized: CalendarPoint(year: y, month: p.month, day: d).formatted,
                                        from: p, to: p), next)
                }
                return (PeriodValue(normalized: CalendarPoint(year: y, month: p.month).formatted,
                                    from: CalendarPoint(year: y, month: p.month, day: 1),
                                    to: CalendarPoint(year: y, month: p.month, day: 31)), next)
            }
            if p.day != nil { return (nil, next) }  // "17 October": a date, not a figure
            return nil
        }
        return nil
    }
}
