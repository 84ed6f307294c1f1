@testable import ArchiveStore
import SQLite
import Testing

@Suite struct ReportDefinitionTests {
    /// The header's column list is documentation; this holds it to what the statement returns.
    @Test(arguments: ReportDefinition.all)
    func theHeaderDescribesExactlyTheColumnsTheStatementReturns(report: ReportDefinition) throws {
        let db = try Database.inMemory()
        try Migrator().migrate(db)
        let statement = try db.prepare(report.sql)
        #expect(statement.columnNames == report.columns.map(\.name))
        let kinds: Set<String> = ["text", "integer", "decimal", "money", "percent", "date"]
        #expect(report.columns.allSatisfy { kinds.contains($0.kind) && !$0.description.isEmpty })
        #expect(!report.title.isEmpty && report.description.count > 40)
        // Named parameters only, each described, none the statement does not use.
        #expect(statement.parameterNames.allSatisfy { $0 != nil })
        #expect(statement.parameterNames.compactMap { $0 } == report.parameters.map(\.name))
        #expect(report.parameters.allSatisfy { !$0.description.isEmpty })
        #expect(report.parameters.contains { $0.name == "limit" })
    }

    @Test func theReportsAreTheFilesInReports() {
        #expect(ReportDefinition.all.map(\.name) == ["answers", "bodies", "corrections", "figures", "funding",
                                                       "grants", "referrals", "search", "timeline"])
        #expect(ReportDefinition.named("funding")?.viewName == "funding_by_recipient")
        #expect(ReportDefinition.named("search")?.parameters.first?.name == "q")
    }

    @Test func migratingMakesEachViewFromItsReportAndReplacesAStaleOne() throws {
        let db = try Database.inMemory()
        try Migrator().migrate(db)
        let withViews = ReportDefinition.all.filter { $0.viewName != nil }
        #expect(withViews.map(\.name) == ["bodies", "corrections", "funding", "referrals", "timeline"])
        for report in withViews {
            #expect(try db.scalar("SELECT sql FROM sqlite_schema WHERE name = ?", [.text(report.viewName!)]) == .text(report.createViewSQL!))
        }
        try db.execute("DROP VIEW funding_by_recipient")
        try db.execute("CREATE VIEW funding_by_recipient AS SELECT 1 AS stale")
        try Migrator().migrate(db)
        #expect(try db.prepare("SELECT * FROM funding_by_recipient").columnNames.first == "name")
    }

    @Test func parametersAreFoundOutsideStringsQuotedNamesAndComments() {
        let sql = """
            SELECT ':not', "a:b", [c:d], `e:f` -- :comment
            FROM t /* :block */ WHERE x = :since AND y = @house AND z = $limit AND w = :since
            """
        #expect(SQLText.parameterNames(in: sql) == ["since", "house", "limit"])
        #expect(SQLText.replacingParameters(in: "SELECT :a, ':a', :b -- :a", with: "NULL") == "SELECT NULL, ':a', NULL -- :a")
    }

    @Test func aBadHeaderIsNamedWithItsFile() {
        #expect(throws: ReportDefinitionError.self) { try ReportDefinition(fileName: "x.sql", text: "-- title: X\nSELECT 1") }
        let undescribed = #expect(throws: ReportDefinitionError.self) {
            try ReportDefinition(fileName: "x.sql", text: "-- title: X\n-- description: d\nSELECT :mystery")
        }
        #expect(undescribed?.description == "reports/x.sql uses :mystery but no '-- param mystery:' line says what it does")
        #expect(throws: ReportDefinitionError.self) { try ReportDefinition(fileName: "x.sql", text: "-- title: X\n-- colour: red\nSELECT 1") }
    }
}
