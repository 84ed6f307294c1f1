import ArchiveStore
import Checksum
import Foundation

/// An input file made ready for the writer: read, hashed, and (unless already stored) parsed,
/// with the facts of every answer text extracted. Everything but the database write happens here.
enum PreparedFile: Sendable {
    /// Could not be read at all; there is no hash to record it under.
    case unreadable(path: String, reason: String)
    /// Its SHA-256 is recorded as ingested: not parsed.
    case alreadyStored(path: String)
    /// Rejected by an earlier run and unchanged since (same SHA-256): not read again.
    case stillRejected(path: String, reason: String)
    /// Read and hashed, but not a valid input.
    case invalid(path: String, sizeBytes: Int, sha256: String, reason: String)
    /// Ready to store.
    case parsed(ParsedFile)
}

/// A valid input file with its records and their extracted facts.
struct ParsedFile: Sendable {
    var path: String
    var sizeBytes: Int
    var sha256: String
    var format: InputFormat
    var records: [QuestionRecord]
    /// The facts of each answer text, by text and answering body.
    var facts: [FactsKey: ExtractedFacts]
}

/// What extraction depends on: the text, the answering body (the default funder) and the
/// question (whose names the answer may refer back to).
struct FactsKey: Hashable, Sendable {
    var text: String
    var answeringBody: String?
    var question: String?

    // Equal byte for byte: facts hold offsets into the text, so a canonically equivalent text
    // spelt with other scalars is another key.
    static func == (a: FactsKey, b: FactsKey) -> Bool {
        func same(_ x: String?, _ y: String?) -> Bool {
            guard let x, let y else { return x == nil && y == nil }
            guard x.utf8.count == y.utf8.count else { return false }
            guard !x.isEmpty else { return true }
            // Usually the same storage (the key the preparation stored): no byte to compare.
            let compared = x.utf8.withContiguousStorageIfAvailable { xs in
                y.utf8.withContiguousStorageIfAvailable { ys in
                    xs.baseAddress == ys.baseAddress || memcmp(xs.baseAddress!, ys.baseAddress!, xs.count) == 0
                }
            }
            return (compared ?? nil) ?? x.utf8.elementsEqual(y.utf8)
        }
        return same(a.text, b.text) && same(a.answeringBody, b.answeringBody) && same(a.question, b.question)
    }

    // Hashed on the texts' lengths and ends, not their whole length (an answer and its question
    // run to kilobytes, looked up three times each); equality still compares them whole.
    func hash(into hasher: inout Hasher) {
        // The ends as two runs of bytes: a combine per byte cost thousands of instructions a key.
        func combineEnds(_ part: String?) {
            var part = part ?? ""
            part.withUTF8 { bytes in
                hasher.combine(bytes.count)
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(32))))
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.suffix(32))))
            }
        }
        combineEnds(text)
        combineEnds(answeringBody)
        combineEnds(question)
        hasher.combine(answeringBody == nil)
        hasher.combine(question == nil)
    }
}

enum FilePreparation {
    /// Reads, hashes and parses one input; `recorded` says what an earlier run made of a hash
    /// (nil: never seen).
    static func prepare(_ input: InputFile, recorded: (String) -> SourceStatus?, extractor: FactsExtractor) -> PreparedFile {
        guard case .file(let path, let size) = input else {
            if case .unreadable(let path, let reason) = input { return .unreadable(path: path, reason: reason) }
            return .unreadable(path: input.path, reason: "unreadable")
        }
        guard size <= Importer.maximumFileBytes else {
            return .unreadable(path: path, reason: "file is \(size >> 20) MiB, larger than the \(Importer.maximumFileBytes >> 20) MiB an input may be; not read")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .uncached)
        } catch {
            return .unreadable(path: path, reason: "cannot read: \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
        }
        let sha256 = data.withUnsafeBytes { raw in
            var hash = SHA256()
            hash.update(raw.bindMemory(to: UInt8.self))
            return hash.finalize()
        }
        switch recorded(sha256) {
        case .ingested: return .alreadyStored(path: path)
        case .rejected(let reason): return .stillRejected(path: path, reason: reason)
        case nil: break
        }
        do {
            let (format, records) = try Importer.parse(data, file: path)
            var facts: [FactsKey: ExtractedFacts] = [:]
            facts.reserveCapacity(records.reduce(0) { $0 + $1.answerVersions.count })
            for record in records {
                for version in record.answerVersions {
                    let key = FactsKey(text: version.text, answeringBody: record.answeringBody?.name,
                                       question: record.questionTextIsTruncated ? nil : record.questionText)
                    if facts[key] == nil { facts[key] = extractor.facts(key) }
                }
            }
            return .parsed(ParsedFile(path: path, sizeBytes: data.count, sha256: sha256, format: format, records: records, facts: facts))
        } catch {
            return .invalid(path: path, sizeBytes: data.count, sha256: sha256, reason: "\(error)")
        }
    }
}

/// Prepares a batch's files on worker threads (one per core), a few files ahead of the writer,
/// so parsing and extraction (most of the work) run beside the database writes. Files come out
/// in input order. Memory stays bounded: at most `lookahead` prepared files wait at any moment.
///
/// @unchecked Sendable: the queue, counters and flags are only touched with `condition` locked.
final class FilePreparationPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Int: PreparedFile] = [:]
    private var nextToTake = 0
    private var nextToHandOut = 0
    private var cancelled = false
    private var runningWorkers = 0
    private let count: Int
    private let lookahead: Int

    /// Starts preparing `files`. `databasePath` is opened read-only on each worker to skip files
    /// already stored without parsing them. The workers run up to `lookahead` files ahead, enough
    /// to keep working while the writer waits on a checkpoint's fsync: at 8 they stopped, and
    /// 100,000 answers took 1.02x the time of 24 (farm-bench, 4 pairs), for 8 MB less memory.
    init(files: [InputFile], databasePath: String, workers: Int = ProcessInfo.processInfo.activeProcessorCount, lookahead: Int = 24) {
        count = files.count
        self.lookahead = max(lookahead, workers)
        for worker in 0..<max(1, min(workers, files.count)) {
            runningWorkers += 1
            let thread = Thread { [self] in
                // The writer is the one serial stage: when the workers shared the cores with it as
                // equals, they ran ahead, filled the lookahead and waited, and the writer finished
                // late. Niced (this thread only, on Linux), they take the CPU the writer leaves.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
                // A ledger of its own: SQLite connections are not shared between threads here.
                let ledger = SourceLedger(archivePath: databasePath)
                let extractor = FactsExtractor()
                while let index = self.take() {
                    let prepared = FilePreparation.prepare(files[index], recorded: { ledger?.status(sha256: $0) }, extractor: extractor)
                    self.put(prepared, at: index)
                }
                ledger?.close()
                self.workerFinished()
            }
            thread.name = "archive-ingest-prepare-\(worker)"
            thread.start()
        }
    }

    /// The next prepared file, in input order; nil when all are done. Blocks until it is ready.
    func next() -> PreparedFile? {
        condition.lock()
        defer { condition.unlock() }
        guard nextToHandOut < count, !cancelled else { return nil }
        while ready[nextToHandOut] == nil { condition.wait() }
        let file = ready.removeValue(forKey: nextToHandOut)
        nextToHandOut += 1
        condition.broadcast()
        return file
    }

    /// Stops the workers (the writer has given up on the batch, or is done) and waits until each
    /// has closed its connection: the writer's must be the last one open, because only the last to
    /// close checkpoints the WAL into the database file, and a reader of the file alone (a copy,
    /// `datasette -i`) would otherwise miss the batch.
    func stop() {
        condition.lock()
        cancelled = true
        ready.removeAll()
        condition.broadcast()
        while runningWorkers > 0 { condition.wait() }
        condition.unlock()
    }

    private func workerFinished() {
        condition.lock()
        runningWorkers -= 1
        condition.broadcast()
        condition.unlock()
    }

    // The index of the next file to prepare, waiting while enough are prepared ahead; nil when done.
    private func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && nextToTake < count && nextToTake >= nextToHandOut + lookahead { condition.wait() }
        guard !cancelled, nextToTake < count else { return nil }
        nextToTake += 1
        return nextToTake - 1
    }

    private func put(_ file: PreparedFile, at index: Int) {
        condition.lock()
        if !cancelled { ready[index] = file }
        condition.broadcast()
        condition.unlock()
    }
}
