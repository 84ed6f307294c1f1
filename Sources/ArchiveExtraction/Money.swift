// Exact amounts from digit strings: integer pence for money, scaled values for counts.

enum Money {
    /// Pence for `int.frac × 10^exponent` pounds, by decimal arithmetic on the digits (no Double).
    static func pence(intDigits: String, fracDigits: String, exponent: Int) -> Int64? {
        let shift = exponent + 2
        var frac = fracDigits
        var roundUp = false
        if frac.count > shift {
            let cut = frac.index(frac.startIndex, offsetBy: shift)
            roundUp = frac[cut] >= "5"
            frac = String(frac[..<cut])
        }
        frac += String(repeating: "0", count: shift - frac.count)
        let digits = (intDigits + frac).drop(while: { $0 == "0" })
        if digits.isEmpty { return roundUp ? 1 : 0 }
        guard digits.count <= 18, var v = Int64(digits) else { return nil }
        if roundUp { v += 1 }
        return v
    }

    /// The value `int.frac × 10^exponent` as a Double, computed from the exact digit string.
    static func scaled(intDigits: String, fracDigits: String, exponent: Int) -> Double {
        var frac = fracDigits
        var int = intDigits
        var e = exponent
        while e > 0 {
            if let f = frac.first { int.append(f); frac.removeFirst() } else { int.append("0") }
            e -= 1
        }
        return Double(frac.isEmpty ? int : int + "." + frac) ?? 0
    }
}
