import Foundation

/// Moments as the archive stores them: ISO-8601 UTC to the second, `2024-10-17T08:30:00Z`.
public enum Timestamp {
    /// The current moment.
    @Sendable public static func now() -> String {
        string(from: Date())
    }

    /// The moment `date` as stored.
    public static func string(from date: Date) -> String {
        let c = Day.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
