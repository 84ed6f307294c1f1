import Foundation
internal import CSQLite

/// An error reported by SQLite, with everything needed to understand it: the extended result
/// code, SQLite's own message, and the SQL that was running.
///
/// Printed as `SQLite error 19: UNIQUE constraint failed: answers.id - while executing INSERT ...`.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The extended result code (https://sqlite.org/rescode.html), e.g. 2067 for SQLITE_CONSTRAINT_UNIQUE.
    public let extendedCode: Int32
    /// `sqlite3_errmsg` at the time of the failure, or a message of the wrapper's own.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    /// Creates an error from its parts.
    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of the extended code), e.g. 19 for any constraint.
    public var primaryCode: Int32 { extendedCode & 0xff }

    /// Another connection holds a lock this one needed, even after the busy timeout.
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    /// The disk, or the database's page limit, is full.
    public var isFull: Bool { primaryCode == SQLITE_FULL }
    /// A constraint (UNIQUE, CHECK, FOREIGN KEY, NOT NULL) failed.
    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }
    /// A write was attempted on a read-only connection or file.
    public var isReadOnly: Bool { primaryCode == SQLITE_READONLY }

    public var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql {
            let oneLine = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            text += " - while executing \(oneLine.count > 200 ? String(oneLine.prefix(200)) + "..." : oneLine)"
        }
        return text
    }

    /// The wrapper's own code for misuse it detects before SQLite sees it (wrong parameter count).
    static let misuse = SQLITE_MISUSE
}
