internal import SQLite

/// A Swift value as one SQLite column holds it.
protocol ColumnValue {
    var sqliteValue: SQLiteValue { get }
    /// The value a column gave; nil when it holds another type.
    init?(sqliteValue: SQLiteValue)
}

extension String: ColumnValue {
    var sqliteValue: SQLiteValue { .text(self) }
    init?(sqliteValue: SQLiteValue) {
        guard let text = sqliteValue.textValue else { return nil }
        self = text
    }
}

extension Int64: ColumnValue {
    var sqliteValue: SQLiteValue { .integer(self) }
    init?(sqliteValue: SQLiteValue) {
        guard let number = sqliteValue.integerValue else { return nil }
        self = number
    }
}

extension Int: ColumnValue {
    var sqliteValue: SQLiteValue { .integer(Int64(self)) }
    init?(sqliteValue: SQLiteValue) {
        guard let number = sqliteValue.integerValue else { return nil }
        self = Int(number)
    }
}

// SQLite has no booleans: 0 and 1, as the schema's CHECK constraints require.
extension Bool: ColumnValue {
    var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }
    init?(sqliteValue: SQLiteValue) {
        guard let number = sqliteValue.integerValue else { return nil }
        self = number != 0
    }
}

extension Optional: ColumnValue where Wrapped: ColumnValue {
    var sqliteValue: SQLiteValue { map(\.sqliteValue) ?? .null }
    init?(sqliteValue: SQLiteValue) {
        if case .null = sqliteValue { self = .none; return }
        guard let value = Wrapped(sqliteValue: sqliteValue) else { return nil }
        self = .some(value)
    }
}

/// The columns of a table that a typed row is written to and read from, each named once, so the
/// INSERT, the SELECT and the UPDATE cannot disagree about which value goes where.
struct ColumnList<Row>: Sendable {
    struct Column: Sendable {
        let name: String
        let read: @Sendable (Row) -> SQLiteValue
        let write: @Sendable (inout Row, SQLiteValue) -> Void

        /// The column `name`, holding the row's `field`.
        static func column<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Row, Value> & Sendable) -> Column {
            Column(name: name, read: { $0[keyPath: field].sqliteValue },
                   write: { row, value in if let typed = Value(sqliteValue: value) { row[keyPath: field] = typed } })
        }
    }

    let table: String
    let columns: [Column]
    /// `INSERT INTO table (every column) VALUES (?, ...)`.
    let insertSQL: String
    /// `SELECT every column FROM table WHERE id = ?`.
    let selectByIDSQL: String
    /// `UPDATE table SET every column = ? WHERE id = ?`.
    let updateByIDSQL: String

    // The statements are made once: a new question used to build its INSERT text again.
    init(table: String, _ columns: [Column]) {
        self.table = table
        self.columns = columns
        let names = columns.map(\.name).joined(separator: ", ")
        insertSQL = "INSERT INTO \(table) (\(names)) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        selectByIDSQL = "SELECT \(names) FROM \(table) WHERE id = ?"
        updateByIDSQL = "UPDATE \(table) SET \(columns.map { "\($0.name) = ?" }.joined(separator: ", ")) WHERE id = ?"
    }

    /// The row's values, in column order.
    func values(of row: Row) -> [SQLiteValue] { columns.map { $0.read(row) } }

    /// `row` with every column set from `values`, given in column order.
    func row(from values: [SQLiteValue], into row: Row) -> Row {
        var row = row
        for (column, value) in zip(columns, values) { column.write(&row, value) }
        return row
    }
}
