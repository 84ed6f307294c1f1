import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP response, whole: status, headers (names lower-cased) and body.
public struct HTTPResponse: Sendable {
    /// The status code, e.g. 200.
    public var status: Int
    /// Header values by lower-cased name.
    public var headers: [String: String]
    /// The body as received (after any content decoding the transport does).
    public var body: Data

    /// A response from its parts; header names are lower-cased.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }
}

/// Why a request got no whole response: these are retried.
public enum TransportError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No complete response within the timeout.
    case timedOut(seconds: Double)
    /// The body ended before the length the server announced.
    case truncated(expected: Int, received: Int)
    /// The connection failed or dropped.
    case connection(String)

    /// The reason as the summary and retry messages give it.
    public var description: String {
        switch self {
        case .timedOut(let seconds): return "no response within \(Self.seconds(seconds))"
        case .truncated(let expected, let received): return "body cut short: \(received) of \(expected) bytes"
        case .connection(let message): return "connection failed: \(message)"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Sends one request and waits for its whole response: the seam tests and other clients plug into.
public protocol HTTPTransport: Sendable {
    /// The response, or a `TransportError` when none came whole within `timeout` seconds.
    func send(_ request: URLRequest, timeout: TimeInterval) throws -> HTTPResponse
}

/// `HTTPTransport` over URLSession (FoundationNetworking on Linux), waited on synchronously.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
    private let session: URLSession

    /// A transport with no cache, no cookies and no stored credentials.
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    deinit { session.invalidateAndCancel() }

    /// Sends `request` and waits at most `timeout` seconds for the whole response.
    public func send(_ request: URLRequest, timeout: TimeInterval) throws -> HTTPResponse {
        var request = request
        // URLSession's own timeout is an idle timer; the wait below bounds the whole exchange.
        request.timeoutInterval = timeout
        let box = CompletionBox()
        let task = session.dataTask(with: request) { data, response, error in
            box.complete(data: data, response: response, error: error)
        }
        task.resume()
        guard box.wait(seconds: timeout) else {
            task.cancel()
            throw TransportError.timedOut(seconds: timeout)
        }
        let (data, response, error) = box.result
        if let error {
            if let urlError = error as? URLError, urlError.code == .timedOut {
                throw TransportError.timedOut(seconds: timeout)
            }
            throw TransportError.connection(Self.describe(error))
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportError.connection("the response was not HTTP")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        let body = data ?? Data()
        // A body shorter than Content-Length is a dropped connection, whatever the session made of it.
        // Only checkable when the body was not decompressed on the way (then the length is the wire's).
        let encoding = headers["content-encoding"]?.lowercased() ?? "identity"
        if encoding == "identity", let announced = headers["content-length"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
           announced != body.count, request.httpMethod != "HEAD" {
            throw TransportError.truncated(expected: announced, received: body.count)
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: body)
    }

    private static func describe(_ error: Error) -> String {
        if let urlError = error as? URLError {
            return "\(urlError.localizedDescription) (URLError \(urlError.code.rawValue))"
        }
        return "\(error)"
    }
}

// The completion handler's result, handed from URLSession's queue to the waiting thread.
private final class CompletionBox: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var data: Data?
    private var response: URLResponse?
    private var error: Error?

    func complete(data: Data?, response: URLResponse?, error: Error?) {
        lock.lock()
        self.data = data
        self.response = response
        self.error = error
        lock.unlock()
        done.signal()
    }

    func wait(seconds: TimeInterval) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }

    var result: (Data?, URLResponse?, Error?) {
        lock.lock()
        defer { lock.unlock() }
        return (data, response, error)
    }
}
