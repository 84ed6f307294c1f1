import ArchiveExtraction
import ArchiveStore
import Foundation

/// Told how a re-extraction goes, for progress bars.
public protocol ReextractionObserver: AnyObject {
    /// `total` answer versions are to be read.
    func reextractionStarted(total: Int)
    /// `done` of them are read.
    func reextracted(done: Int, total: Int)
}

/// What a re-extraction changed, the way a reviewer of an upgrade wants it; `--summary json` prints it.
public struct ReextractionSummary: Encodable, Equatable, Sendable {
    public var extractorVersion: Int
    public var dryRun: Bool
    public var versionsRead = 0
    public var figuresAdded = 0, figuresRemoved = 0
    public var grantMentionsAdded = 0, grantMentionsRemoved = 0
    public var grantsAdded = 0, grantsRemoved = 0
    /// Funding totals that changed, by recipient.
    public var totalsChanged: [TotalChange] = []

    /// A recipient's total before and after, in pounds; nil where it had none.
    public struct TotalChange: Encodable, Equatable, Sendable {
        public var recipient: String
        public var before: Double?
        public var after: Double?
    }

    /// Nothing was added or removed.
    public var changedNothing: Bool {
        figuresAdded + figuresRemoved + grantMentionsAdded + grantMentionsRemoved + grantsAdded + grantsRemoved == 0 && totalsChanged.isEmpty
    }
}

/// Re-derives the figures and grants of stored answer versions with this binary's extractor, so
/// the archive holds what a fresh ingest of the same inputs would: in storage order, a batch per
/// transaction (so a killed run keeps every batch before it and the next run carries on), the
/// extraction of a batch spread over one worker per core, and one writer.
public final class Reextractor {
    /// The extractor version this binary records.
    public static var currentVersion: Int { Extractor.version }

    private let writer: ArchiveWriter
    private let batchSize: Int
    private weak var observer: ReextractionObserver?

    /// A re-extractor writing to `archive`.
    public init(archive: WritableArchive, batchSize: Int = 256, observer: ReextractionObserver? = nil) {
        writer = ArchiveWriter(archive: archive)
        writer.extractorVersion = Extractor.version
        self.batchSize = batchSize
        self.observer = observer
    }

    /// Answer versions read by another extractor than this binary's.
    public func staleCount() throws -> Int {
        try writer.staleVersionCount(current: Extractor.version)
    }

    /// Reads every stale version again (every version with `all`); with `dryRun`, says what would
    /// change and changes nothing.
    public func run(all: Bool = false, dryRun: Bool = false) throws -> ReextractionSummary {
        var summary = ReextractionSummary(extractorVersion: Extractor.version, dryRun: dryRun)
        let total = all ? try writer.versionCount() : try staleCount()
        observer?.reextractionStarted(total: total)
        guard total > 0 else { return summary }
        let before = try writer.fundingSnapshot()
        guard dryRun else {
            summary.add(try readAll(all: all, total: total, inOneTransaction: false))
            summary.compare(before, try writer.fundingSnapshot())
            return summary
        }
        // A dry run does the work in one transaction and rolls it back.
        do {
            try writer.transaction {
                summary.add(try readAll(all: all, total: total, inOneTransaction: true))
                summary.compare(before, try writer.fundingSnapshot())
                throw DryRunRollback()
            }
        } catch is DryRunRollback {}
        return summary
    }

    private struct DryRunRollback: Error {}

    private func readAll(all: Bool, total: Int, inOneTransaction: Bool) throws -> FactsChange {
        var change = FactsChange()
        var last: Int64 = 0
        while true {
            let batch = try writer.versionsToRead(after: last, current: Extractor.version, all: all, limit: batchSize)
            guard let end = batch.last?.id else { break }
            let facts = Self.extract(batch)
            let write = { [writer] in
                var named = Set<Int64>()
                for (stored, found) in zip(batch, facts) {
                    let (one, grants) = try writer.replaceFacts(of: stored, with: found, version: Extractor.version)
                    change = change + one
                    named.formUnion(grants)
                }
                try writer.settleGrants(named)
            }
            if inOneTransaction { try write() } else { try writer.transaction(write) }
            last = end
            observer?.reextracted(done: change.versionsRead, total: total)
        }
        return change
    }

    /// The facts of each version, extracted on one worker per core.
    static func extract(_ batch: [StoredVersion]) -> [ExtractedFacts] {
        let results = ResultSlots(count: batch.count)
        let extractor = FactsExtractor()
        DispatchQueue.concurrentPerform(iterations: batch.count) { i in
            let stored = batch[i]
            results.set(i, extractor.facts(FactsKey(text: stored.text, answeringBody: stored.answeringBody, question: stored.question)))
        }
        return results.values
    }
}

/// One slot per version for the workers to fill.
// @unchecked Sendable: every slot is written by exactly one worker, under the lock, and read
// only after concurrentPerform has returned.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [ExtractedFacts]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: ExtractedFacts(), count: count) }

    func set(_ i: Int, _ value: ExtractedFacts) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [ExtractedFacts] { slots }
}

extension ReextractionSummary {
    mutating func add(_ change: FactsChange) {
        versionsRead += change.versionsRead
        figuresAdded += change.figuresAdded
        figuresRemoved += change.figuresRemoved
        grantMentionsAdded += change.mentionsAdded
        grantMentionsRemoved += change.mentionsRemoved
    }

    /// Grants and funding totals before and after.
    mutating func compare(_ before: FundingSnapshot, _ after: FundingSnapshot) {
        grantsAdded = after.grants.subtracting(before.grants).count
        grantsRemoved = before.grants.subtracting(after.grants).count
        let recipients = Set(before.totals.keys).union(after.totals.keys).sorted()
        totalsChanged = recipients.compactMap { name in
            let b = before.totals[name], a = after.totals[name]
            guard b != a else { return nil }
            return TotalChange(recipient: name, before: b.map { Double($0) / 100 }, after: a.map { Double($0) / 100 })
        }
    }
}
