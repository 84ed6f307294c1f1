import ArchiveStore
import Foundation

/// What happened to one input file.
public enum FileOutcome: Equatable, Sendable {
    /// Stored: its format, how many question records it held, and what they changed.
    case ingested(format: InputFormat, records: Int, versionsAdded: Int)
    /// Already in the archive (same SHA-256): not parsed.
    case skipped
    /// Not stored, with the reason (one line, naming the record and field where there is one).
    case rejected(reason: String)
    /// Rejected by an earlier run and unchanged since: reported, not read again, not a new failure.
    case stillRejected(reason: String)
}

/// Told about each file as the batch goes, for progress bars and `--verbose`.
public protocol IngestObserver: AnyObject {
    /// The batch found `total` inputs and is about to read them.
    func batchStarted(total: Int)
    /// One input is done.
    func fileFinished(_ path: String, outcome: FileOutcome, index: Int, total: Int)
}

/// What one run did; `--summary json` prints it, its counts beside its other keys.
@dynamicMemberLookup
public struct IngestSummary: Encodable, Equatable, Sendable {
    public var runID: Int64
    public var outcome: String
    /// The counts `ingest_runs` keeps (`summary.filesSeen` reads them).
    public var counts = RunCounts()
    /// Files rejected by an earlier run and unchanged since (not counted in `filesRejected`).
    public var filesStillRejected = 0
    /// Answer versions stored earlier and read again because an older extractor had read them.
    public var versionsReextracted = 0
    /// Each rejected file and why.
    public var rejected: [Rejection] = []
    /// Each file rejected before and unchanged since, and why.
    public var stillRejected: [Rejection] = []

    /// A rejected file and its reason.
    public struct Rejection: Encodable, Equatable, Sendable {
        public var file: String
        public var reason: String
    }

    public subscript(dynamicMember count: WritableKeyPath<RunCounts, Int>) -> Int {
        get { counts[keyPath: count] }
        set { counts[keyPath: count] = newValue }
    }

    private enum CodingKeys: CodingKey {
        case runID, outcome, filesStillRejected, versionsReextracted, rejected, stillRejected
    }

    // Flat: the counts' keys beside the run's own.
    public func encode(to encoder: any Encoder) throws {
        try counts.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runID, forKey: .runID)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(filesStillRejected, forKey: .filesStillRejected)
        try container.encode(versionsReextracted, forKey: .versionsReextracted)
        try container.encode(rejected, forKey: .rejected)
        try container.encode(stillRejected, forKey: .stillRejected)
    }
}

/// Reads input files into the archive: each file in one transaction, so it lands whole or not at
/// all; a file already recorded (same SHA-256) is skipped unread; a bad file is rejected with its
/// reason and the rest of the batch still lands.
public final class Importer {
    /// The largest input file read; anything larger is rejected unread.
    public static let maximumFileBytes = InputBytes.maximumSize
    /// The longest answer or question text accepted: real answers are far shorter.
    public static let maximumTextCharacters = 1 << 20

    private let archive: WritableArchive
    private let writer: ArchiveWriter
    private let extractor = FactsExtractor()
    private weak var observer: IngestObserver?
    /// Globs of paths or file names to leave out.
    private let exclude: [String]

    /// An importer writing to `archive`.
    public init(archive: WritableArchive, observer: IngestObserver? = nil, exclude: [String] = []) {
        self.exclude = exclude
        self.archive = archive
        self.writer = ArchiveWriter(archive: archive)
        writer.extractorVersion = Reextractor.currentVersion
        self.observer = observer
    }

    /// Ingests every file under `inputs`. Throws only when the whole batch must stop (the disk is
    /// full, the database cannot be written); rejected files are in the summary.
    public func run(inputs: [String]) throws -> IngestSummary {
        let files = InputFiles.collect(inputs, excluding: ["", "-wal", "-shm", "-journal", ".ingest-lock"].map { archive.path + $0 })
            .filter { file in !exclude.contains { InputFiles.matches(file.path, glob: $0) } }
        let runID = try writer.beginRun()
        var summary = IngestSummary(runID: runID, outcome: "running")
        summary.filesSeen = files.count
        observer?.batchStarted(total: files.count)
        // Files are read, parsed and extracted on a second thread while this one writes.
        let pipeline = FilePreparationPipeline(files: files, databasePath: archive.path)
        defer { pipeline.stop() }
        var index = 0
        do {
            while let prepared = pipeline.next() {
                let (path, outcome) = try ingest(prepared, runID: runID, summary: &summary)
                switch outcome {
                case .ingested: summary.filesIngested += 1
                case .skipped: summary.filesSkipped += 1
                case .rejected(let reason):
                    summary.filesRejected += 1
                    summary.rejected.append(.init(file: path, reason: reason))
                case .stillRejected(let reason):
                    summary.filesStillRejected += 1
                    summary.stillRejected.append(.init(file: path, reason: reason))
                }
                index += 1
                observer?.fileFinished(path, outcome: outcome, index: index, total: files.count)
            }
            // Versions an older extractor read are read again, so the archive follows this binary.
            summary.versionsReextracted = try Reextractor(archive: archive).run().versionsRead
        } catch {
            summary.outcome = "failed"
            try? writer.finishRun(runID, counts: summary.counts, failed: true)
            throw error
        }
        summary.outcome = summary.filesRejected > 0 ? "rejections" : "ok"
        try writer.finishRun(runID, counts: summary.counts)
        return summary
    }

    // MARK: - One file

    private func ingest(_ prepared: PreparedFile, runID: Int64, summary: inout IngestSummary) throws -> (String, FileOutcome) {
        let file: ParsedFile
        switch prepared {
        case .unreadable(let path, let reason):
            return (path, .rejected(reason: reason))
        case .alreadyStored(let path):
            return (path, .skipped)
        case .stillRejected(let path, let reason):
            return (path, .stillRejected(reason: reason))
        case .invalid(let path, let size, let sha256, let reason):
            return (path, try reject(path: path, size: size, sha256: sha256, format: nil, runID: runID, reason: reason))
        case .parsed(let parsed):
            file = parsed
        }
        // Checked again here: an earlier file of this batch may have had the same content.
        if try writer.sourceStatus(sha256: file.sha256) == .ingested { return (file.path, .skipped) }
        do {
            var added = 0, new = 0, updated = 0
            try writer.transaction {
                let sourceID = try writer.recordSource(path: file.path, sizeBytes: file.sizeBytes, sha256: file.sha256,
                                                       format: file.format.sourceName, error: nil, runID: runID)
                for record in file.records {
                    let outcome = try writer.store(record, sourceID: sourceID) { text, body, question in
                        let key = FactsKey(text: text, answeringBody: body, question: question)
                        return file.facts[key] ?? extractor.facts(key)
                    }
                    added += outcome.versionsAdded
                    if outcome.questionIsNew { new += 1 } else if outcome.questionWasUpdated { updated += 1 }
                }
            }
            summary.versionsAdded += added
            summary.questionsNew += new
            summary.questionsUpdated += updated
            return (file.path, .ingested(format: file.format, records: file.records.count, versionsAdded: added))
        } catch let error as StoreError {
            // The data broke a rule of the schema that the readers did not catch: this file's fault.
            guard case .ruleBroken = error else { throw Self.batchFailure(error, file: file.path) }
            return (file.path, try reject(path: file.path, size: file.sizeBytes, sha256: file.sha256, format: file.format, runID: runID,
                                          reason: "\(error)"))
        }
    }

    /// Records a rejected file (in its own transaction) so `sources` shows why, and says so.
    private func reject(path: String, size: Int, sha256: String, format: InputFormat?, runID: Int64, reason: String) throws -> FileOutcome {
        // One line, without the path: `sources.path` and the printed message carry it already.
        var line = reason.replacingOccurrences(of: "\n", with: " ")
        if line.hasPrefix(path + ": ") { line.removeFirst(path.count + 2) }
        do {
            try writer.transaction {
                _ = try writer.recordSource(path: path, sizeBytes: size, sha256: sha256, format: format?.sourceName,
                                            error: line, runID: runID)
            }
        } catch let error as StoreError {
            throw Self.batchFailure(error, file: path)
        }
        return .rejected(reason: line)
    }

    private static func batchFailure(_ error: StoreError, file: String) -> IngestFailure {
        switch error {
        case .full(let detail): return .diskFull(file: file, detail: detail)
        case .busy: return .anotherIngestHoldsTheDatabase(file)
        default: return .databaseError(file: file, detail: "\(error)")
        }
    }

    // MARK: - Parsing

    /// Recognises `data` by its content and reads its question records.
    public static func parse(_ data: Data, file: String) throws -> (InputFormat, [QuestionRecord]) {
        let (format, records) = try InputReader.formatAndRecords(from: data, file: file)
        for record in records {
            let texts = [record.questionText ?? ""] + record.answerVersions.map(\.text)
            // A text has no more characters than UTF-8 bytes, and its byte count is known: the
            // characters are counted only for a text that might be too long.
            guard texts.contains(where: { $0.utf8.count > maximumTextCharacters }) else { continue }
            let longest = texts.map(\.unicodeScalars.count).max() ?? 0
            guard longest <= maximumTextCharacters else {
                throw InputError(file: file, record: "uin \(record.uin)", reason: "a text of \(longest) characters is longer than the \(maximumTextCharacters) an answer may be")
            }
        }
        return (format, records)
    }
}

extension InputFormat {
    /// The name `sources.format` records: `api-item`, `api-list` or `page-text`.
    public var sourceName: String {
        switch self {
        case .apiItem: return "api-item"
        case .apiList: return "api-list"
        case .pageText: return "page-text"
        }
    }
}
