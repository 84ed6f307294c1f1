// Number and cell formatting shared by the renderers. Locale-free on purpose: reports must print
// the same on every machine, so no NumberFormatter and no String(format:).

/// How numbers are written, for people (grouped, £, %) and for machines (raw decimal text).
enum NumberText {
    /// A Double as plain decimal text: shortest round-trip digits, never exponent notation, no
    /// trailing ".0" for integral values (1360000, 0.00001, -2.5). NaN and infinities give nil.
    static func raw(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" }
        let text = "\(value)"  // shortest round-trip, e.g. "1360000.0", "1e-05", "1.36e+16"
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let mantissa: Substring
        var exponent = 0
        if let e = unsigned.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = unsigned[..<e]
            exponent = Int(String(unsigned[unsigned.index(after: e)...].filter { $0 != "+" })) ?? 0
        } else {
            mantissa = Substring(unsigned)
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var digits = String(parts[0])
        var pointPosition = digits.count  // digits before the decimal point
        if parts.count > 1 { digits += parts[1] }
        pointPosition += exponent
        // Normalise: pad with zeros so the point falls inside or at the edge of `digits`.
        if pointPosition <= 0 {
            digits = String(repeating: "0", count: -pointPosition + 1) + digits
            pointPosition = 1
        } else if pointPosition > digits.count {
            digits += String(repeating: "0", count: pointPosition - digits.count)
        }
        var integerPart = String(digits.prefix(pointPosition))
        var fraction = String(digits.dropFirst(pointPosition))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        while integerPart.count > 1 && integerPart.hasPrefix("0") { integerPart.removeFirst() }
        let body = fraction.isEmpty ? integerPart : integerPart + "." + fraction
        return negative ? "-" + body : body
    }

    /// Digits of a non-negative whole number with commas every three places: 1360000 → 1,360,000.
    static func grouped(_ digits: String) -> String {
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// A whole number with thousands separators: -17004 → -17,004.
    static func grouped(_ value: Int64) -> String {
        let sign = value < 0 ? "-" : ""
        return sign + grouped(String(value.magnitude))
    }

    /// `value` rounded to at most `maxDecimals` places, grouped, trailing zeros dropped:
    /// (1234.5, 2) → 1,234.5; (3.0, 2) → 3. Falls back to raw text for magnitudes beyond Int64.
    static func groupedDecimal(_ value: Double, maxDecimals: Int) -> String {
        guard value.isFinite else { return raw(value) ?? "" }
        let (whole, fraction, negative) = split(value, decimals: maxDecimals)
        guard let whole else { return raw(value) ?? "" }
        var fractionText = fraction
        while fractionText.hasSuffix("0") { fractionText.removeLast() }
        let body = grouped(String(whole)) + (fractionText.isEmpty ? "" : "." + fractionText)
        return (negative && (whole != 0 || !fractionText.isEmpty) ? "-" : "") + body
    }

    /// Pounds: £1,360,000, or £1,360,000.50 when the pence are not zero; negatives as -£500.
    static func money(_ value: Double) -> String {
        guard value.isFinite else { return raw(value) ?? "" }
        let (whole, pence, negative) = split(value, decimals: 2)
        guard let whole else { return (value < 0 ? "-£" : "£") + (raw(value.magnitude) ?? "") }
        let body = "£" + grouped(String(whole)) + (pence == "00" ? "" : "." + pence)
        return (negative && (whole != 0 || pence != "00") ? "-" : "") + body
    }

    /// Pounds, whole: £1,360,000.
    static func money(_ value: Int64) -> String {
        (value < 0 ? "-£" : "£") + grouped(String(value.magnitude))
    }

    /// Percentage points with at most one decimal: 10 → 10%, 12.34 → 12.3%.
    static func percent(_ value: Double) -> String {
        groupedDecimal(value, maxDecimals: 1) + "%"
    }

    /// Short money for chart axes: £0, £500, £250k, £1.4m, £2bn.
    static func compactMoney(_ value: Double) -> String {
        let sign = value < 0 ? "-" : ""
        let m = value.magnitude
        let (scaled, suffix): (Double, String) =
            m >= 1e9 ? (m / 1e9, "bn") : m >= 1e6 ? (m / 1e6, "m") : m >= 1e3 ? (m / 1e3, "k") : (m, "")
        return sign + "£" + groupedDecimal(scaled, maxDecimals: 2) + suffix
    }

    /// The magnitude of `value` rounded to `decimals` places, as whole part, zero-padded fraction
    /// digits and sign. The whole part is nil when the value is too large for Int64 arithmetic.
    private static func split(_ value: Double, decimals: Int) -> (whole: UInt64?, fraction: String, negative: Bool) {
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.2e18 else { return (nil, "", value < 0) }
        let units = UInt64(scaled)
        var fraction = decimals == 0 ? "" : String(units % scale)
        if decimals > 0 { fraction = String(repeating: "0", count: decimals - fraction.count) + fraction }
        return (units / scale, fraction, value < 0)
    }
}

/// How one cell is written for people (table, markdown, chart labels).
enum CellText {
    /// `value` as a person should read it in a column of `kind`; null is empty.
    static func display(_ value: ReportValue, kind: ColumnKind) -> String {
        switch (value, kind) {
        case (.null, _): ""
        case (.text(let s), _): s
        case (.integer(let i), .integer), (.integer(let i), .decimal): NumberText.grouped(i)
        case (.integer(let i), .money): NumberText.money(i)
        case (.integer(let i), .percent): NumberText.percent(Double(i))
        case (.integer(let i), .text), (.integer(let i), .date): String(i)
        case (.real(let d), .integer): NumberText.groupedDecimal(d, maxDecimals: 0)
        case (.real(let d), .decimal): NumberText.groupedDecimal(d, maxDecimals: 2)
        case (.real(let d), .money): NumberText.money(d)
        case (.real(let d), .percent): NumberText.percent(d)
        case (.real(let d), .text), (.real(let d), .date): NumberText.raw(d) ?? String(d)
        }
    }

    /// `value` as raw machine text (csv): numbers undecorated, text as is, null empty.
    /// Money is rounded to pence so float noise (0.30000000000000004) does not leak out.
    static func raw(_ value: ReportValue, kind: ColumnKind) -> String {
        switch value {
        case .null: ""
        case .text(let s): s
        case .integer(let i): String(i)
        case .real(let d): rawNumber(d, kind: kind) ?? String(d)
        }
    }

    /// A Double as raw decimal text, rounded to pence for money; nil for NaN and infinities.
    static func rawNumber(_ d: Double, kind: ColumnKind) -> String? {
        if kind == .money, d.isFinite, d.magnitude < 1e15 {
            return NumberText.raw((d * 100).rounded(.toNearestOrAwayFromZero) / 100)
        }
        return NumberText.raw(d)
    }
}
