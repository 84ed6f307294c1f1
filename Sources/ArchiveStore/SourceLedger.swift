internal import SQLite

/// What an earlier run made of an input file with a given SHA-256.
public enum SourceStatus: Equatable, Sendable {
    /// Stored: the file need not be read again.
    case ingested
    /// Rejected, for this reason; unchanged since, it would be rejected again.
    case rejected(reason: String)

    // The one query for a file's record, used by the writer and by the ledger.
    static let lookupSQL = "SELECT status, error FROM sources WHERE sha256 = ?"

    init(row: [SQLiteValue]) {
        self = row[0].textValue == "ingested" ? .ingested : .rejected(reason: row[1].textValue ?? "rejected")
    }
}

/// The archive's record of input files, read on a connection of its own, so the ingest's worker
/// threads can skip files already seen without waiting for the writer.
///
/// One per thread: an SQLite connection is not shared between threads here.
public final class SourceLedger {
    private let database: Database
    private var lookup: Statement?

    /// Opens the record of the archive at `path` read-only; nil when there is none to read yet.
    public init?(archivePath path: String) {
        guard path != ":memory:", !path.isEmpty,
              let database = try? Database(path: path, mode: .readOnly),
              let lookup = try? database.prepare(SourceStatus.lookupSQL) else { return nil }
        self.database = database
        self.lookup = lookup
    }

    /// What an earlier run made of a file with this SHA-256; nil if none has seen it (or the
    /// record cannot be read, in which case the writer checks again).
    public func status(sha256: String) -> SourceStatus? {
        guard let row = (try? lookup?.rows([.text(sha256)]))??.first else { return nil }
        return SourceStatus(row: row)
    }

    /// Closes the connection, at once: its statement is released first, since SQLite keeps a
    /// connection with a live statement open until the statement goes, and the writer's connection
    /// must close last for the WAL to be checkpointed into the database file.
    public func close() {
        lookup = nil
        database.close()
    }
}
