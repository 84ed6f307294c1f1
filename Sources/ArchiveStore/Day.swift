import Foundation

/// Days as the API, the archive and its users write them: `YYYY-MM-DD`. The one check of "is this
/// a real day" for what a user types and what a file gives.
public enum Day {
    private static func calendar() -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    /// Today in UTC.
    public static func today() -> String { string(from: Date()) }

    /// The UTC day of `date`.
    public static func string(from date: Date) -> String {
        let c = calendar().dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// True for a real day written `YYYY-MM-DD` ('2024-02-30' is not one).
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return false }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar().date(from: components) else { return false }
        return string(from: date) == text
    }

    /// The day part of an API date-time such as `2024-01-10T00:00:00`, when it has a valid one.
    public static func of(apiDateTime text: String?) -> String? {
        guard let text, text.utf8.count >= 10 else { return nil }
        let day = String(text.prefix(10))
        return isValid(day) ? day : nil
    }
}
