import ArchiveStore
import Foundation
import SQLite

/// Datasette's metadata for an archive (https://docs.datasette.io/en/0.65.5/metadata.html),
/// made from the archive's own definitions: what each table, view and column means from the
/// migrations' comments, one canned query per report from `reports/NAME.sql`, and the tables in
/// the file itself. Only the curation is chosen here: which column names a row, how a table sorts
/// and what it is faceted by, which tables are bookkeeping.
public enum DatasetteMetadata {
    public static let title = "Trafficking archive: UK written answers on human trafficking, modern slavery and sexual exploitation"
    public static let source = "UK Parliament written questions and answers"
    public static let sourceURL = "https://questions-statements.parliament.uk/written-questions"
    public static let license = "Open Parliament Licence v3.0"
    public static let licenseURL = "https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/"

    static let description = """
        Written questions asked in the House of Commons and the House of Lords on human trafficking, \
        modern slavery, prostitution and sexual exploitation, with every version of their answers \
        (holding answers, substantive answers, corrections). From each answer the archive reads the \
        figures it quotes (counts, percentages, money, with their period and measure) and the grants \
        it states (recipient, amount, duration, project, funder). Those are machine-read: every figure \
        and grant carries the exact words it was read from (evidence) and links to the answer, so \
        check a fact against its words before quoting it. The canned queries are the archive's \
        reports; `archive query NAME` prints the same rows.
        """

    /// Bookkeeping: hidden from the index page, still there for SQL.
    static let hidden: Set<String> = ["schema_migrations", "ingest_runs", "fetch_runs", "sqlite_stat1", "sqlite_stat4"]

    /// The column that names a row, so a foreign key shows a name, not a number.
    static let labels: [String: String] = [
        "organisations": "name", "answering_bodies": "name", "members": "name", "questions": "heading",
    ]

    /// How a table first sorts, where an index or the table's size makes that cheap (a sort on a
    /// large table without an index would read it whole on every page; views keep their order).
    static let sorts: [String: (column: String, descending: Bool)] = [
        "questions": ("date_tabled", true),          // questions_by_date_tabled (migration 0009)
        "grants": ("amount_pence", true),            // some thousands of rows
        "organisations": ("name", false), "answering_bodies": ("name", false), "members": ("name", false),
        "nrm_official_totals": ("year", true),
    ]

    /// What a table is faceted by: the few columns people filter on, on tables (a facet on a view
    /// would compute the whole view on every page).
    static let facets: [String: [String]] = [
        "questions": ["house", "answering_body_id"],
        "answer_versions": ["kind"],
        "figures": ["unit", "exploitation_type"],
        "grants": ["financial_year", "funder_id"],
    ]

    /// Tables and views whose rows are questions, searched through the `search` index by question id.
    static let searchable: [String: String] = [
        "questions": "id", "current_answers": "question_id", "question_answers": "question_id",
    ]

    /// The name each report's canned query takes: the report's own, with `_report` added where a
    /// table or view has that name (a canned query would hide it).
    public static func queryName(_ report: ReportDefinition, tables: Set<String>) -> String {
        tables.contains(report.name) ? report.name + "_report" : report.name
    }

    /// The metadata for `database`, served under `name` (Datasette names a database by its file).
    public static func metadata(for archive: ReadableArchive, name: String,
                                documentation: SchemaDocumentation = .archive(),
                                reports: [ReportDefinition] = ReportDefinition.all) throws -> [String: Any] {
        let database = archive.database
        let names = try database.rows("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'search_%'")
            .compactMap { $0[0].textValue }
        var tables: [String: Any] = [:]
        let reportViews = Set(reports.compactMap(\.viewName))
        for table in names {
            let columns = try database.rows("SELECT name FROM pragma_table_info(?)", [.text(table)]).compactMap { $0[0].textValue }
            var entry = documentation.entries[table] ?? SchemaDocumentation.Entry()
            for column in columns { entry.columns[column] = documentation.description(of: column, in: table) }
            tables[table] = self.table(table, entry, reportViews: reportViews)
        }
        var queries: [String: Any] = [:]
        for report in reports {
            queries[queryName(report, tables: Set(names))] = [
                "title": report.title,
                "description": report.description,
                "sql": report.sql,
                "params": report.parameters.map(\.name),
                // The SQL is long; the page leads with the form and the rows, the SQL a click away.
                "hide_sql": true,
            ] as [String: Any]
        }
        return [
            "title": title, "description": description,
            "source": source, "source_url": sourceURL, "license": license, "license_url": licenseURL,
            "databases": [name: ["description": description, "tables": tables, "queries": queries]],
        ]
    }

    private static func table(_ name: String, _ entry: SchemaDocumentation.Entry?, reportViews: Set<String>) -> [String: Any] {
        if hidden.contains(name) { return ["hidden": true] }
        var table: [String: Any] = [:]
        // A report's view is its canned query without parameters: listed once, as the query (a
        // view's page would also count its rows, computing the report twice).
        if reportViews.contains(name) { table["hidden"] = true }
        if let description = entry?.description { table["description"] = description }
        if let columns = entry?.columns, !columns.isEmpty { table["columns"] = columns }
        if let label = labels[name] { table["label_column"] = label }
        if let facets = facets[name] { table["facets"] = facets }
        if let sort = sorts[name] { table[sort.descending ? "sort_desc" : "sort"] = sort.column }
        if let pk = searchable[name] {
            table["fts_table"] = "search"
            table["fts_pk"] = pk
        }
        return table
    }

    /// The metadata as JSON, keys sorted so the same archive always gives the same file.
    public static func json(_ metadata: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: metadata, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The metadata as YAML: block mappings and lists, every string double-quoted (JSON's escapes
    /// are YAML's), multi-line SQL as a literal block.
    public static func yaml(_ metadata: [String: Any]) -> String {
        var out = ""
        YAMLWriter.write(metadata, indent: 0, into: &out)
        return out
    }
}

/// The small YAML the metadata needs: nested mappings, lists of strings, strings, numbers and booleans.
enum YAMLWriter {
    static func write(_ value: Any, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        if let mapping = value as? [String: Any] {
            for key in mapping.keys.sorted() {
                let child = mapping[key]!
                out += pad + scalar(key) + ":"
                if isBlock(child) {
                    out += "\n"
                    write(child, indent: indent + 1, into: &out)
                } else {
                    out += " " + inline(child, indent: indent + 1) + "\n"
                }
            }
        } else if let list = value as? [Any] {
            for item in list { out += pad + "- " + inline(item, indent: indent + 1) + "\n" }
        }
    }

    private static func isBlock(_ value: Any) -> Bool {
        if let mapping = value as? [String: Any] { return !mapping.isEmpty }
        if let list = value as? [Any] { return !list.isEmpty }
        return false
    }

    private static func inline(_ value: Any, indent: Int) -> String {
        switch value {
        case let flag as Bool: return flag ? "true" : "false"
        case let text as String where text.contains("\n"):
            let pad = String(repeating: "  ", count: indent)
            return "|-\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
        case let text as String: return scalar(text)
        case let number as Int: return String(number)
        case is [String: Any]: return "{}"
        case is [Any]: return "[]"
        default: return scalar("\(value)")
        }
    }

    /// A double-quoted YAML string.
    private static func scalar(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
