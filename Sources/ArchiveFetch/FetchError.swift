/// Why a fetch stopped, or why one request was given up; every case names what it is about.
public enum FetchError: Error, Equatable, CustomStringConvertible, Sendable {
    /// An option the fetcher cannot use.
    case badOption(String)
    /// The server answered, but not with the JSON expected; nothing was written for it.
    case invalidResponse(url: String, reason: String)
    /// A request failed for good: a status that is not retried, or retries used up.
    case requestFailed(url: String, reason: String)
    /// The output directory could not be read or written.
    case output(path: String, reason: String)

    /// The message for people, naming the URL or path concerned.
    public var description: String {
        switch self {
        case .badOption(let message): return message
        case .invalidResponse(let url, let reason): return "unexpected response from \(url): \(reason)"
        case .requestFailed(let url, let reason): return "request failed: \(url): \(reason)"
        case .output(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
