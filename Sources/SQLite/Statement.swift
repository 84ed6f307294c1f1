internal import CSQLite

/// One compiled SQL statement: prepared once, bound and stepped many times, finalised when released.
public final class Statement {
    /// The SQL it was compiled from.
    public let sql: String
    /// Keeps the connection alive as long as the statement is.
    public let database: Database
    private let handle: OpaquePointer

    init(database: Database, sql: String) throws {
        self.database = database
        self.sql = sql
        let db = try database.connection()
        var compiled: OpaquePointer?
        var hasMoreSQL = false
        // https://sqlite.org/c3ref/prepare.html: PERSISTENT hints that the statement is reused.
        // The tail points into the C string, so it is read before the string goes away.
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(db, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &compiled, &tail)
            if let tail {
                hasMoreSQL = !String(cString: tail).allSatisfy { $0.isWhitespace || $0 == ";" }
            }
            return code
        }
        guard code == SQLITE_OK else { throw database.lastError(sql: sql) }
        guard let compiled else {
            throw SQLiteError(code: .misuse, message: "no statement in the SQL", sql: sql)
        }
        // Only one statement may be compiled: a second one after `;` would be silently ignored.
        // (Checked before `handle` is set: once it is, a throw would run deinit and finalise it twice.)
        if hasMoreSQL {
            sqlite3_finalize(compiled)
            throw SQLiteError(code: .misuse, message: "more than one statement given; run scripts with execute()", sql: sql)
        }
        handle = compiled
    }

    deinit { sqlite3_finalize(handle) }

    /// How many parameters the statement takes (`?`, `?NNN`, or one per distinct `:name`).
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// The names of its parameters without their prefix (`:since` is "since"), in order; nil for a
    /// positional `?`. A name used twice in the SQL is one parameter.
    public var parameterNames: [String?] {
        (0..<parameterCount).map { offset in
            sqlite3_bind_parameter_name(handle, Int32(offset + 1)).map { String(String(cString: $0).dropFirst()) }
        }
    }

    /// The names of the columns it returns.
    public var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// True when the statement cannot change the database (https://sqlite.org/c3ref/stmt_readonly.html).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    // MARK: - Binding

    /// Resets the statement and binds `values` to its parameters, in order; their number must match.
    public func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        guard values.count == parameterCount else {
            sqlite3_clear_bindings(handle)
            throw SQLiteError(code: .misuse,
                              message: "statement takes \(parameterCount) parameters, \(values.count) given", sql: sql)
        }
        // Every parameter is bound again, so the last call's values need no clearing first
        // (a writer binds thousands of statements an answer file); a failed bind clears them all.
        do {
            for (offset, value) in values.enumerated() {
                try bind(value, at: Int32(offset + 1))
            }
        } catch {
            sqlite3_clear_bindings(handle)
            throw error
        }
    }

    /// Resets the statement and binds its named parameters (`:since`, `@since` or `$since`) from
    /// `values`, keyed by name without the prefix; a parameter not in `values` is NULL. A name in
    /// `values` the statement does not take, or a positional `?` in the SQL, is an error, so a
    /// misspelt filter cannot be silently ignored.
    public func bind(named values: [String: SQLiteValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let names = parameterNames
        if names.contains(where: { $0 == nil }) {
            throw SQLiteError(code: .misuse, message: "statement has positional parameters; bind them in order", sql: sql)
        }
        let known = Set(names.compactMap { $0 })
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
            throw SQLiteError(code: .misuse, message: "statement has no parameter :\(unknown)", sql: sql)
        }
        for (offset, name) in names.enumerated() {
            if let name, let value = values[name] { try bind(value, at: Int32(offset + 1)) }
        }
    }

    private func bind(_ value: SQLiteValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let integer): code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real): code = sqlite3_bind_double(handle, index, real)
        case .text(let text):
            // Bound with its UTF-8 length, so text containing NUL is stored whole.
            code = text.withCString {
                sqlite3_bind_text(handle, index, $0, Int32(text.utf8.count), csqlite_transient())
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), csqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw database.lastError(sql: sql) }
    }

    // MARK: - Stepping

    /// Advances to the next row: the row, or nil when the statement is done. Throws on any error.
    /// The row is valid until the next call to `step`, `bind` or `reset`.
    public func step() throws -> Row? {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return Row(statement: self)
        case SQLITE_DONE: return nil
        default:
            let error = database.lastError(sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Binds `parameters` and steps to completion, discarding rows.
    public func run(_ parameters: [SQLiteValue] = []) throws {
        try bind(parameters)
        while try step() != nil {}
        sqlite3_reset(handle)
    }

    /// Binds `parameters` and returns every row's values.
    public func rows(_ parameters: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        try bind(parameters)
        var result: [[SQLiteValue]] = []
        while let row = try step() { result.append(row.values) }
        sqlite3_reset(handle)
        return result
    }

    /// Resets the statement so it can run again; bindings are kept.
    public func reset() { sqlite3_reset(handle) }

    // MARK: - Reading columns

    fileprivate var columnCount: Int { Int(sqlite3_column_count(handle)) }

    fileprivate func value(at index: Int) -> SQLiteValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            // Read with its byte length, so text containing NUL comes back whole.
            let count = Int(sqlite3_column_bytes(handle, column))
            guard let bytes = sqlite3_column_text(handle, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard let bytes = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    fileprivate func type(at index: Int) -> ColumnType {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    fileprivate func withUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let column = Int32(index)
        let start = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: start, count: start == nil ? 0 : count))
    }

    fileprivate func double(at index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }
    fileprivate func int64(at index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }
    fileprivate func isNull(at index: Int) -> Bool { sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL }
}

/// The current row of a statement being stepped. Valid until the statement steps again.
public struct Row {
    fileprivate let statement: Statement

    /// How many columns the row has.
    public var count: Int { statement.columnCount }

    /// The value of column `index` (from 0).
    public subscript(index: Int) -> SQLiteValue { statement.value(at: index) }

    /// Every column's value.
    public var values: [SQLiteValue] { (0..<count).map { statement.value(at: $0) } }

    /// Column `index` as an integer, or nil for NULL.
    public func int(_ index: Int) -> Int64? { statement.isNull(at: index) ? nil : statement.int64(at: index) }

    /// Column `index` as text, or nil for NULL.
    public func text(_ index: Int) -> String? { self[index].textValue }

    /// Column `index` as a number, or nil for NULL.
    public func double(_ index: Int) -> Double? { self[index].doubleValue }

    /// The storage class of column `index`'s value in this row.
    public func type(_ index: Int) -> ColumnType { statement.type(at: index) }

    /// Column `index`'s integer value, without a check of its type.
    public func integerValue(_ index: Int) -> Int64 { statement.int64(at: index) }

    /// Column `index`'s real value, without a check of its type.
    public func realValue(_ index: Int) -> Double { statement.double(at: index) }

    /// Calls `body` with column `index`'s text as UTF-8 bytes, borrowed from SQLite (no copy):
    /// valid only inside `body`. For printing many rows without a String per cell.
    public func withUTF8<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try statement.withUTF8(at: index, body)
    }
}

/// SQLite's storage classes (https://sqlite.org/datatype3.html).
public enum ColumnType: Sendable, Equatable {
    case null, integer, real, text, blob
}
