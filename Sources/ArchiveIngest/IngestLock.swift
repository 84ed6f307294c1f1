import Foundation

/// One ingest at a time per database: an exclusive `flock` on `<database>.ingest-lock`, which the
/// kernel releases however the process ends, so a killed ingest never leaves a stale lock.
public final class IngestLock {
    private let descriptor: Int32
    /// The lock file's path.
    public let path: String

    /// Takes the lock for `databasePath`, waiting up to `timeout` seconds for another ingest.
    public init(databasePath: String, timeout: TimeInterval) throws {
        path = databasePath + ".ingest-lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw IngestFailure.cannotLock(path: path, reason: String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(descriptor)
                throw IngestFailure.anotherIngestHoldsTheDatabase(databasePath)
            }
            usleep(50_000)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Why a whole ingest run stopped.
public enum IngestFailure: Error, Equatable, CustomStringConvertible {
    /// Another `archive ingest` is writing to the same database.
    case anotherIngestHoldsTheDatabase(String)
    /// The lock file could not be opened.
    case cannotLock(path: String, reason: String)
    /// The disk (or the database's page limit) is full; the file in flight was rolled back.
    case diskFull(file: String, detail: String)
    /// The database could not be written for a reason that would fail every file.
    case databaseError(file: String, detail: String)

    public var description: String {
        switch self {
        case .anotherIngestHoldsTheDatabase(let path):
            return "another ingest holds the database \(path); try again when it has finished"
        case .cannotLock(let path, let reason):
            return "cannot open the ingest lock \(path): \(reason)"
        case .diskFull(let file, let detail):
            return "the disk is full: \(file) was rolled back and the batch stopped; everything stored before it is intact (\(detail))"
        case .databaseError(let file, let detail):
            return "cannot write the archive while storing \(file); it was rolled back and the batch stopped: \(detail)"
        }
    }
}
