import Foundation

/// A calendar day, written as the API, the archive and its users write it: `YYYY-MM-DD`.
///
/// The one check of "is this a real day" for what a user types and what a file gives: every
/// reader and every option makes its days here, so `2024-02-30` and `+202-01-01` are refused alike.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The day, when it exists (years 1 to 9999; no 30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= Day.daysIn(month: month, year: year) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Exactly `YYYY-MM-DD`, ASCII digits only.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, let day = Day(isoPrefixOf: bytes) else { return nil }
        self = day
    }

    /// The day of an ISO date or date-time: `YYYY-MM-DD`, optionally followed by
    /// `THH:MM[:SS[.fff]]` and a zone (`Z` or `±HH:MM`); nil unless all of it is well formed.
    public init?(isoDateTime text: String) {
        let bytes = Array(text.utf8)
        guard let day = Day(isoPrefixOf: bytes), bytes.count == 10 || Day.isTimeOfDay(bytes, from: 10) else { return nil }
        self = day
    }

    /// `8 October 2024` (also `8th October 2024`, `08 Oct 2024`, `8 Sept. 2024`), as pages write days.
    public init?(longForm text: String) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" })
        guard parts.count == 3 else { return nil }
        var dayText = parts[0].lowercased()
        for suffix in ["st", "nd", "rd", "th"] where dayText.hasSuffix(suffix) {
            dayText.removeLast(2)
            break
        }
        var monthText = parts[1].lowercased()
        if monthText.hasSuffix(".") { monthText.removeLast() }
        guard (1...2).contains(dayText.utf8.count), parts[2].utf8.count == 4,
              let day = Day.digits(Array(dayText.utf8), 0, dayText.utf8.count),
              let year = Day.digits(Array(parts[2].utf8), 0, 4),
              let month = Day.monthNumbers[monthText] else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The UTC day of `date`.
    public init(_ date: Date) {
        let c = Day.utc.dateComponents([.year, .month, .day], from: date)
        (year, month, day) = (c.year!, c.month!, c.day!)
    }

    /// Today in UTC.
    public static func today() -> Day { Day(Date()) }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Written digit by digit: `String(format:)` cost more than reading the day (every API record has three).
        var text: [UInt8] = Array("0000-00-00".utf8)
        for (value, end, width) in [(year, 4, 4), (month, 7, 2), (day, 10, 2)] {
            var rest = value
            for k in stride(from: end - 1, through: end - width, by: -1) {
                text[k] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// True for a real day written `YYYY-MM-DD`.
    public static func isValid(_ text: String) -> Bool { Day(text) != nil }

    /// The day part of an API date-time such as `2024-01-10T00:00:00`, when it has a valid one.
    public static func of(apiDateTime text: String?) -> String? {
        guard let text else { return nil }
        return Day(String(text.utf8.prefix(10)) ?? "")?.description
    }

    /// The one message for a day that is not one, whichever option was given it.
    public static func refusal(_ text: String, option: String) -> String {
        "\(option) takes a real day written YYYY-MM-DD, not '\(text)'"
    }

    /// The calendar of every day and moment the archive records: Gregorian, in UTC.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

// MARK: - Reading the digits

extension Day {
    private init?(isoPrefixOf b: [UInt8]) {
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = Day.digits(b, 0, 4), let month = Day.digits(b, 5, 2), let day = Day.digits(b, 8, 2) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    // `count` ASCII digits from `from`, as a number; nil if any is not a digit (so no sign).
    private static func digits(_ b: [UInt8], _ from: Int, _ count: Int) -> Int? {
        guard count > 0, from + count <= b.count else { return nil }
        var n = 0
        for c in b[from..<(from + count)] {
            guard c >= 0x30, c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }

    // `THH:MM`, then optional `:SS` and `.fraction`, then an optional zone, to the end of `b`.
    private static func isTimeOfDay(_ b: [UInt8], from start: Int) -> Bool {
        guard b.count > start + 5, b[start] == UInt8(ascii: "T") || b[start] == UInt8(ascii: " "),
              let hour = digits(b, start + 1, 2), hour < 24, b[start + 3] == UInt8(ascii: ":"),
              let minute = digits(b, start + 4, 2), minute < 60 else { return false }
        var i = start + 6
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let second = digits(b, i + 1, 2), second < 61 else { return false }
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                let fraction = i
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
                guard i > fraction else { return false }
            }
        }
        if i < b.count, b[i] == UInt8(ascii: "Z") {
            i += 1
        } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard let zoneHour = digits(b, i + 1, 2), zoneHour < 24, i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"),
                  let zoneMinute = digits(b, i + 4, 2), zoneMinute < 60 else { return false }
            i += 6
        }
        return i == b.count
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static let monthNumbers: [String: Int] = {
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
}
