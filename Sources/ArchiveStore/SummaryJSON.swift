import Foundation

/// Run summaries as `--summary json` prints them: one compact, key-sorted line, each key the
/// snake_case of its Swift name (`filesSeen` is `files_seen`), so no summary spells its keys by hand.
public enum SummaryJSON {
    /// One line of JSON for `value`.
    public static func line(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// The counts of one ingest run, as `ingest_runs` keeps them and `--summary json` prints them.
public struct RunCounts: Encodable, Sendable, Equatable {
    public var filesSeen = 0, filesSkipped = 0, filesIngested = 0, filesRejected = 0
    public var questionsNew = 0, questionsUpdated = 0, versionsAdded = 0

    public init() {}
}
