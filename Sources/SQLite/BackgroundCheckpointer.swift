import Foundation
internal import CSQLite

/// Copies a writer's write-ahead log into the database file on a thread and connection of its own.
///
/// Left to itself, a WAL writer checkpoints inside a commit once the log is long enough: it
/// copies the pages back and waits for two fsyncs, and writes nothing meanwhile. A PASSIVE
/// checkpoint on another connection does the same copy without blocking the writer, which goes
/// on appending to the log (https://sqlite.org/wal.html#application_initiated_checkpoints). The
/// log starts again from its beginning at the writer's next commit after a checkpoint that
/// copied all of it. Should this thread fall behind, the writer checkpoints in its own commit
/// once the log holds `limit` pages, so the log stays bounded either way.
///
/// Its owner stops it (the thread keeps it alive until then) before the writer's connection
/// closes: that connection must be the last one open, since only the last to close copies the
/// rest of the log and removes it.
///
/// @unchecked Sendable: the flags and counts are only touched with `condition` locked.
public final class BackgroundCheckpointer: @unchecked Sendable {
    private let condition = NSCondition()
    private let writer: Database
    /// Pages written to the log since the last copy that start a background checkpoint.
    private let step: Int32
    /// Pages in the log at which the writer checkpoints itself.
    private let limit: Int32
    private var requested = false
    private var stopping = false
    private var threadRunning = false
    /// How far into the log the last background checkpoint copied (0 after the log restarts).
    private var copiedUpTo: Int32 = 0
    private var checkpointsDone = 0

    /// Starts checkpointing `writer`'s log in the background; nil for a database with no log
    /// file (in memory) or when a second connection cannot be opened.
    public init?(writer: Database, step: Int32 = 8_000, limit: Int32 = 32_000) {
        guard writer.path != ":memory:", !writer.path.isEmpty, let handle = try? writer.connection() else { return nil }
        self.writer = writer
        self.step = step
        self.limit = limit
        let checkpointer: Database
        do {
            checkpointer = try Database(path: writer.path, mode: .readWrite)
        } catch {
            return nil
        }
        threadRunning = true
        let handedOver = HandedOver(database: checkpointer)
        let thread = Thread { [self] in
            run(on: handedOver.database)
        }
        thread.name = "archive-checkpoint"
        thread.start()
        // Replaces the writer's own automatic checkpoints (sqlite3_wal_autocheckpoint is a wal hook too).
        sqlite3_wal_hook(handle, { context, db, name, pages in
            // Unsafe: `context` is this checkpointer, which removes the hook (in `stop`) before it goes.
            let me = Unmanaged<BackgroundCheckpointer>.fromOpaque(context!).takeUnretainedValue()
            me.committed(logPages: pages, db: db, name: name)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Background checkpoints finished so far.
    public var checkpointsCompleted: Int {
        condition.lock()
        defer { condition.unlock() }
        return checkpointsDone
    }

    /// Stops the thread, after the checkpoint it is running, and closes its connection; the
    /// writer checkpoints itself again from then on (SQLite's default of 1,000 pages). Safe to
    /// call more than once.
    public func stop() {
        condition.lock()
        let wasRunning = threadRunning && !stopping
        stopping = true
        condition.broadcast()
        while threadRunning { condition.wait() }
        condition.unlock()
        if wasRunning, let handle = try? writer.connection() {
            sqlite3_wal_autocheckpoint(handle, 1_000)
        }
    }

    // On the writer's thread, after each commit, with the pages now in the log.
    private func committed(logPages: Int32, db: OpaquePointer?, name: UnsafePointer<CChar>?) {
        if logPages >= limit {
            // Behind: the writer copies the log itself, as it would without this thread.
            sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            return
        }
        condition.lock()
        if logPages < copiedUpTo { copiedUpTo = 0 }  // the log started again from its beginning
        if logPages - copiedUpTo >= step && !stopping {
            requested = true
            condition.broadcast()
        }
        condition.unlock()
    }

    private func run(on database: Database) {
        while true {
            condition.lock()
            while !requested && !stopping { condition.wait() }
            if stopping {
                condition.unlock()
                break
            }
            requested = false
            condition.unlock()
            var logPages: Int32 = 0, copied: Int32 = 0
            // A failure (the disk full, say) leaves the pages in the log, where they are safe;
            // the writer's own checkpoint meets it again.
            if let handle = try? database.connection(),
               sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &logPages, &copied) == SQLITE_OK {
                condition.lock()
                copiedUpTo = max(copied, 0)
                checkpointsDone += 1
                condition.unlock()
            }
        }
        database.close()
        condition.lock()
        threadRunning = false
        condition.broadcast()
        condition.unlock()
    }
}

/// A connection opened on one thread and from then on used only by another.
private struct HandedOver: @unchecked Sendable {
    let database: Database
}
