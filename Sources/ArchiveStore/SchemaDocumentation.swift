import Foundation

/// What each table, view and column of the archive means, read from the comments the migrations
/// already carry: the `--` lines just above a `CREATE` or `ALTER ... ADD COLUMN`, and the `--`
/// comment at the end of a column's line. Later migrations win (a table made again, a column
/// added), and a table renamed keeps its words. The report views are described by their reports.
/// Nothing here is kept by hand: a column without a comment in its migration has no description.
public struct SchemaDocumentation: Sendable, Equatable {
    /// A table's or view's description, and its columns' (by name).
    public struct Entry: Sendable, Equatable {
        public var description: String?
        public var columns: [String: String] = [:]

        public init(description: String? = nil, columns: [String: String] = [:]) {
            self.description = description
            self.columns = columns
        }
    }

    /// Tables and views, by name.
    public private(set) var entries: [String: Entry] = [:]

    /// The documentation of the archive's schema, from the migrations and reports this binary carries.
    public static func archive(migrations: [Migration] = Migration.embedded(),
                               reports: [ReportDefinition] = ReportDefinition.all) -> SchemaDocumentation {
        var documentation = SchemaDocumentation()
        for migration in migrations { documentation.read(migration.sql) }
        for report in reports {
            guard let view = report.viewName else { continue }
            documentation.entries[view] = Entry(
                description: "\(report.title): \(report.description) (the rows of `archive query \(report.name)`)",
                columns: Dictionary(report.columns.map { ($0.name, $0.description) }, uniquingKeysWith: { $1 }))
        }
        return documentation
    }

    /// What `column` of `table` holds: its own comment, else (for a view's column that passes a
    /// table's through under the same name) the first of the archive's tables that describes it.
    public func description(of column: String, in table: String) -> String? {
        if let own = entries[table]?.columns[column] { return own }
        for source in Self.sourcesOfViewColumns {
            if let described = entries[source]?.columns[column] { return described }
        }
        return nil
    }

    /// The tables (and base view) the views take their columns from, most likely first.
    static let sourcesOfViewColumns = ["current_answers", "questions", "answer_versions", "figures", "grants",
                                       "grant_mentions", "answering_bodies", "members", "organisations"]

    /// Reads one migration's statements in order.
    mutating func read(_ sql: String) {
        var above: [String] = []
        var dropped: [String: Entry] = [:]
        var inside: (name: String, isTable: Bool)?
        var column: String?
        for raw in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let (code, comment) = Self.split(line)
            if let current = inside {
                if let name = Self.columnName(code, inView: !current.isTable) { column = name }
                if let comment, let column { entries[current.name, default: Entry()].columns[column] = comment }
                if code.hasSuffix(";") { inside = nil; column = nil }
                continue
            }
            if code.isEmpty {
                if let comment { above.append(comment) } else { above = [] }
                continue
            }
            let words = code.split(separator: " ").map { $0.uppercased() }
            let description = above.isEmpty ? nil : above.joined(separator: " ")
            above = []
            if let name = Self.created(code, words) {
                entries[name] = Entry(description: description ?? entries[name]?.description)
                inside = code.hasSuffix(";") ? nil : (name, !words.contains("VIEW"))
            } else if words.starts(with: ["ALTER", "TABLE"]), words.count > 5, words[3] == "ADD", words[4] == "COLUMN" {
                let table = Self.identifier(code, word: 2), name = Self.identifier(code, word: 5)
                entries[table, default: Entry()].columns[name] = comment ?? description
            } else if words.starts(with: ["ALTER", "TABLE"]), words.count > 5, words[3] == "RENAME", words[4] == "TO" {
                // A table made again under a new name and renamed keeps what the old one's words said.
                let target = Self.identifier(code, word: 5)
                let old = dropped[target] ?? Entry()
                let new = entries.removeValue(forKey: Self.identifier(code, word: 2)) ?? Entry()
                entries[target] = Entry(description: new.description ?? old.description,
                                        columns: old.columns.merging(new.columns) { $1 })
            } else if words.starts(with: ["DROP", "TABLE"]) || words.starts(with: ["DROP", "VIEW"]) {
                let name = Self.identifier(code, word: words.count - 1)
                dropped[name] = entries.removeValue(forKey: name)
            }
        }
    }

    /// The name a `CREATE TABLE`, `CREATE VIRTUAL TABLE` or `CREATE VIEW` line makes, if it makes one.
    private static func created(_ code: String, _ words: [String]) -> String? {
        guard words.first == "CREATE" else { return nil }
        for (index, word) in words.enumerated() where word == "TABLE" || word == "VIEW" {
            var nameIndex = index + 1
            if words.count > nameIndex + 2, words[nameIndex...].starts(with: ["IF", "NOT", "EXISTS"]) { nameIndex += 3 }
            return nameIndex < words.count ? identifier(code, word: nameIndex) : nil
        }
        return nil
    }

    /// The column a line of a table's definition (or a view's select list) starts or names.
    private static func columnName(_ code: String, inView: Bool) -> String? {
        guard !code.isEmpty else { return nil }
        if inView {
            // `expression AS name,` or `alias.name,`: the last name before the comma.
            let trimmed = code.trimmingCharacters(in: CharacterSet(charactersIn: ", "))
            guard let last = trimmed.split(separator: " ").last else { return nil }
            return String(last.split(separator: ".").last ?? last).trimmingCharacters(in: CharacterSet(charactersIn: "()"))
        }
        let first = code.split(separator: " ").first.map(String.init) ?? ""
        let keywords: Set<String> = ["CHECK", "UNIQUE", "PRIMARY", "FOREIGN", "CONSTRAINT", ")", ");"]
        guard !keywords.contains(first.uppercased()), first.first?.isLetter == true else { return nil }
        return first.trimmingCharacters(in: CharacterSet(charactersIn: ","))
    }

    /// A line's code and its trailing `--` comment (outside quotes), each trimmed.
    private static func split(_ line: String) -> (code: String, comment: String?) {
        var inQuotes = false
        var previous: Character?
        for index in line.indices {
            let character = line[index]
            if character == "'" { inQuotes.toggle() }
            if !inQuotes, character == "-", previous == "-" {
                let code = line[..<line.index(before: index)].trimmingCharacters(in: .whitespaces)
                let comment = line[line.index(after: index)...].trimmingCharacters(in: .whitespaces)
                return (code, comment.isEmpty ? nil : comment)
            }
            previous = character
        }
        return (line, nil)
    }

    /// Word `index` of `code` as a bare name: without quotes, a trailing `(` or `;`.
    private static func identifier(_ code: String, word index: Int) -> String {
        let words = code.split(separator: " ")
        guard index < words.count else { return "" }
        let word = words[index].split(separator: "(").first.map(String.init) ?? ""
        return word.trimmingCharacters(in: CharacterSet(charactersIn: "\"`[];"))
    }
}
