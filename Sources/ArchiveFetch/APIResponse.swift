import ArchiveStore
import Foundation

/// The dates of one question that decide whether a stored copy is out of date.
public struct QuestionDates: Sendable, Equatable {
    /// The question's API id.
    public var id: Int
    /// `dateAnswered` as given, e.g. `2024-01-10T00:00:00`; nil while unanswered.
    public var dateAnswered: String?
    /// `dateAnswerCorrected` as given; nil when never corrected.
    public var dateAnswerCorrected: String?

    /// The later of the two dates (they share one format, so text order is time order).
    public var latestChange: String? {
        [dateAnswered, dateAnswerCorrected].compactMap { $0 }.max()
    }

    /// The day the file is filed under: the day first answered, so a correction replaces the
    /// file in place; nil while unanswered.
    public var fileDay: String? { Day.of(apiDateTime: dateAnswered) }
}

/// One page of `GET /api/writtenquestions/questions`, checked.
struct ListPage {
    /// The total match count the API reports.
    var totalResults: Int
    /// The records on this page.
    var results: [QuestionDates]
}

/// Checks responses against the shape in API-SCHEMA.md before anything is written.
enum APIResponse {
    private struct ItemEnvelope: Decodable {
        struct Value: Decodable {
            var id: Int
            var dateAnswered: String?
            var dateAnswerCorrected: String?
            var dates: QuestionDates { QuestionDates(id: id, dateAnswered: dateAnswered, dateAnswerCorrected: dateAnswerCorrected) }
        }
        var value: Value
    }

    private struct ListEnvelope: Decodable {
        var totalResults: Int
        var results: [ItemEnvelope]
    }

    /// A list page, or `FetchError.invalidResponse` naming `url`.
    static func listPage(_ body: Data, url: String) throws -> ListPage {
        let envelope = try decode(ListEnvelope.self, body, url: url, what: "a list response")
        guard envelope.totalResults >= 0 else {
            throw FetchError.invalidResponse(url: url, reason: "a list response with a negative `totalResults`")
        }
        return ListPage(totalResults: envelope.totalResults, results: envelope.results.map(\.value.dates))
    }

    /// An item's dates, or `FetchError.invalidResponse` naming `url`; its id must be `expectedID`.
    static func item(_ body: Data, url: String, expectedID: Int) throws -> QuestionDates {
        let envelope = try decode(ItemEnvelope.self, body, url: url, what: "an item response")
        guard envelope.value.id == expectedID else {
            throw FetchError.invalidResponse(url: url, reason: "an item response for question \(envelope.value.id), not \(expectedID)")
        }
        return envelope.value.dates
    }

    /// The dates recorded in a stored item file, or nil if it cannot be read as one.
    static func storedItem(at url: URL) -> QuestionDates? {
        guard let data = try? Data(contentsOf: url),
              let envelope = try? JSONDecoder().decode(ItemEnvelope.self, from: data) else { return nil }
        return envelope.value.dates
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ body: Data, url: String, what: String) throws -> T {
        guard (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) != nil else {
            let start = String(decoding: body.prefix(40), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            throw FetchError.invalidResponse(url: url, reason: "not JSON (\(body.count) bytes starting \"\(start)\")")
        }
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch let error as DecodingError {
            throw FetchError.invalidResponse(url: url, reason: "\(what) of the wrong shape: \(describe(error))")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, _ last: CodingKey? = nil) -> String {
            let keys = context.codingPath + (last.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "the top level" : text)
        }
        switch error {
        case .keyNotFound(let key, let context): return "no `\(path(context, key))`"
        case .typeMismatch(_, let context): return "`\(path(context))` has the wrong type"
        case .valueNotFound(_, let context): return "`\(path(context))` is null"
        case .dataCorrupted(let context): return "`\(path(context))`: \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
