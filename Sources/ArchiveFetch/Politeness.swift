import Foundation

/// Spaces request starts so that no more than `perSecond` begin in any second.
final class RateLimiter {
    private let interval: Duration
    private let clock = ContinuousClock()
    private var nextStart: ContinuousClock.Instant?

    /// A limiter for `perSecond` requests a second (above 0).
    init(perSecond: Double) {
        interval = .nanoseconds(Int64(1_000_000_000 / perSecond))
    }

    /// Blocks until the next request may start, and books that start.
    func waitForTurn(sleep: (TimeInterval) -> Void) {
        let now = clock.now
        if let nextStart, nextStart > now {
            let wait = now.duration(to: nextStart)
            sleep(Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
            self.nextStart = nextStart + interval
        } else {
            nextStart = now + interval
        }
    }
}

/// When to try a request again, and how long to wait first.
struct RetryPolicy: Sendable {
    /// Retries after the first try.
    var maxRetries: Int
    /// The first backoff delay.
    var baseDelay: TimeInterval
    /// The longest backoff delay.
    var maxBackoff: TimeInterval
    /// The longest `Retry-After` honoured.
    var maxRetryAfter: TimeInterval

    /// Statuses worth another try: too many requests, and server errors.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }

    /// The delay before retry number `retry` (from 1): exponential backoff with jitter, bounded;
    /// a `Retry-After` header, when given, is honoured instead (capped at `maxRetryAfter`).
    func delay(beforeRetry retry: Int, retryAfter: String?, now: Date = Date(),
               random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }) -> TimeInterval {
        if let retryAfter, let seconds = Self.seconds(fromRetryAfter: retryAfter, now: now) {
            return min(max(seconds, 0), maxRetryAfter)
        }
        let exponential = min(maxBackoff, baseDelay * pow(2, Double(max(retry - 1, 0))))
        // "Equal jitter": between half and all of the exponential delay, so clients spread out.
        return exponential * random(0.5...1.0)
    }

    /// The seconds a `Retry-After` value asks for: delta-seconds, or an HTTP-date less `now`.
    static func seconds(fromRetryAfter value: String, now: Date = Date()) -> TimeInterval? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return TimeInterval(seconds) }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return date.timeIntervalSince(now) }
        }
        return nil
    }
}
