/// Day parsing for the readers: the API's `2024-01-05T00:00:00` and the page's `8 October 2024`,
/// both to `YYYY-MM-DD`, both checked against the calendar (no 31 February).
enum CalendarDate {
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1 else { return false }
        return day <= daysIn(month: month, year: year)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func format(year: Int, month: Int, day: Int) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `YYYY-MM-DD`, optionally followed by `THH:MM[:SS[.fff]]` and a zone (`Z` or `±HH:MM`);
    /// the day part only, or nil when the text is not such a date or the day does not exist.
    static func fromISO(_ text: String) -> String? {
        let b = Array(text.utf8)
        guard b.count >= 10 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var n = 0
            for i in from..<(from + count) {
                let c = b[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                n = n * 10 + Int(c - 0x30)
            }
            return n
        }
        guard let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let month = digits(5, 2),
              b[7] == UInt8(ascii: "-"), let day = digits(8, 2),
              isValid(year: year, month: month, day: day) else { return nil }
        if b.count > 10 {
            // A time of day: THH:MM, then optional :SS and .fraction, then an optional zone.
            var i = 10
            guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " "),
                  let hour = digits(11, 2), hour < 24, b.count > 13, b[13] == UInt8(ascii: ":"),
                  let minute = digits(14, 2), minute < 60 else { return nil }
            i = 16
            if i < b.count, b[i] == UInt8(ascii: ":") {
                guard let second = digits(i + 1, 2), second < 61 else { return nil }
                i += 3
                if i < b.count, b[i] == UInt8(ascii: ".") {
                    i += 1
                    let start = i
                    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
                    guard i > start else { return nil }
                }
            }
            if i < b.count {
                if b[i] == UInt8(ascii: "Z") {
                    i += 1
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    guard let zh = digits(i + 1, 2), zh < 24, i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"),
                          let zm = digits(i + 4, 2), zm < 60 else { return nil }
                    i += 6
                }
            }
            guard i == b.count else { return nil }
        }
        return format(year: year, month: month, day: day)
    }

    private static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            table[name] = i + 1
            table[String(name.prefix(3))] = i + 1
        }
        table["sept"] = 9
        return table
    }()

    /// `8 October 2024` (also `8th October 2024`, `08 Oct 2024`) to `2024-10-08`; nil when the text
    /// is not such a date or the day does not exist.
    static func fromLongForm(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" })
        guard parts.count == 3 else { return nil }
        var dayText = parts[0].lowercased()
        for suffix in ["st", "nd", "rd", "th"] where dayText.hasSuffix(suffix) {
            dayText.removeLast(2)
            break
        }
        var monthText = parts[1].lowercased()
        if monthText.hasSuffix(".") { monthText.removeLast() }
        let yearText = parts[2]
        guard (1...2).contains(dayText.count), dayText.allSatisfy({ $0.isASCII && $0.isNumber }),
              yearText.count == 4, yearText.allSatisfy({ $0.isASCII && $0.isNumber }),
              let day = Int(dayText), let month = months[monthText], let year = Int(yearText), isValid(year: year, month: month, day: day)
        else { return nil }
        return format(year: year, month: month, day: day)
    }
}
