@testable import ArchiveStore
import SQLite
import Testing

@Suite struct SchemaDocumentationTests {
    @Test func tablesAndColumnsAreDescribedByTheirMigrationsComments() {
        let docs = SchemaDocumentation.archive()
        #expect(docs.entries["grants"]?.description?.hasPrefix("Distinct grants") == true)
        #expect(docs.entries["grants"]?.columns["amount_pence"] == "the sum, in whole pence")
        // Added by ALTER TABLE, described by the lines above it or the comment after it.
        #expect(docs.entries["grants"]?.columns["rate"]?.contains("stated as a rate") == true)
        #expect(docs.entries["grant_mentions"]?.columns["project"] == "the project this statement names")
        // figures was made again under another name and renamed (0006): it keeps its words.
        #expect(docs.entries["figures"]?.description?.contains("Statistics quoted") == true)
        #expect(docs.entries["figures"]?.columns["context"]?.contains("sentence or table row") == true)
        #expect(docs.entries["figures_numeric"] == nil)
        // A column on a line of its own after a multi-line definition.
        #expect(docs.entries["fetch_runs"]?.columns["outcome"]?.contains("every listed item") == true)
        // Views: their comments, and report views from their reports.
        #expect(docs.entries["current_answers"]?.columns["is_first_question"] == "1 on one row per answer")
        #expect(docs.entries["funding_by_recipient"]?.columns["total_gbp"] == "the sum of the distinct grants, in pounds")
        #expect(docs.entries["referral_trends"]?.description?.hasPrefix("NRM referral figures quoted in answers:") == true)
    }

    @Test func aViewsPassedThroughColumnIsDescribedAsItsTablesIs() {
        let docs = SchemaDocumentation.archive()
        #expect(docs.description(of: "uin", in: "current_figures") == docs.entries["questions"]?.columns["uin"])
        #expect(docs.description(of: "uin", in: "current_figures") != nil)
        #expect(docs.description(of: "recipient", in: "current_grant_mentions")?.contains("canonical name") == true)
        #expect(docs.description(of: "no_such_column", in: "current_figures") == nil)
    }

    @Test func everyColumnOfEveryTableIsDescribed() throws {
        let db = try Database.inMemory()
        try Migrator().migrate(db)
        let docs = SchemaDocumentation.archive()
        let tables = try db.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search_%' AND name != 'schema_migrations'")
            .compactMap { $0[0].textValue }
        #expect(tables.count > 15)
        for table in tables {
            #expect(docs.entries[table]?.description != nil, "\(table) has no description")
            let columns = try db.rows("SELECT name FROM pragma_table_info(?)", [.text(table)])
            #expect(!columns.isEmpty, "\(table) has no columns to check")
            for row in columns {
                let column = try #require(row[0].textValue)
                #expect(docs.description(of: column, in: table) != nil, "\(table).\(column) has no description")
            }
            // And nothing else is documented as a column: a constraint's continuation line is not one.
            // (table_xinfo: generated columns such as questions.url too.)
            let names = Set(try db.rows("SELECT name FROM pragma_table_xinfo(?)", [.text(table)]).compactMap { $0[0].textValue })
            for documented in docs.entries[table]?.columns.keys ?? [:].keys {
                #expect(names.contains(documented), "\(table) documents a column '\(documented)' it does not have")
            }
        }
    }
}
