import ArchiveStore
import SQLite

/// `archive sql`: one read-only statement, its rows shaped as a report in any format.
public enum AdHocSQL {
    /// Runs `sql` on `archive`; refuses anything that would write.
    public static func run(_ archive: ReadableArchive, sql: String) throws -> ReportTable {
        let statement = try archive.database.prepare(sql)
        // Checked before running, so the refusal is clear and certain to change nothing.
        guard statement.isReadOnly else { throw QueryError.notReadOnly(sql) }
        let names = statement.columnNames
        let rows = try statement.rows([]).map { $0.map(ReportValue.init) }
        let columns = names.enumerated().map { index, name in
            ReportColumn(name, inferredKind(rows.lazy.map { $0[index] }))
        }
        return ReportTable(title: sql, columns: columns, rows: rows)
    }

    // A column is numeric when every non-null value in it is a number.
    private static func inferredKind<Values: Sequence>(_ values: Values) -> ColumnKind where Values.Element == ReportValue {
        var sawInteger = false, sawReal = false
        for value in values {
            switch value {
            case .null: continue
            case .integer: sawInteger = true
            case .real: sawReal = true
            case .text: return .text
            }
        }
        return sawReal ? .decimal : sawInteger ? .integer : .text
    }
}
