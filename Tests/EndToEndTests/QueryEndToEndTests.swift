import ArchiveStore
import Foundation
import SQLite
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A workspace with the sample data ingested, plus a second answer restating the seed's grant.
func sampleArchive() throws -> Workspace {
    let work = try Workspace()
    try writeHomeOfficeAnswer(in: work, as: "restated/99001.json", id: 9_000_001, uin: "99001", tabled: "2025-02-03", answered: "2025-02-10",
                              text: "<p>As set out previously, we are providing £1.36m over three years to ‘Changing Lives’ for their Net-Reach project.</p>",
                              heading: "Prostitution: Support Services")
    let result = try work.archive(["ingest", Fixtures.repository.appendingPathComponent("sample-data").path, work.path("restated").path])
    #expect(result.status == 0, "\(result.stderr)")
    return work
}

/// Ingests into `work` the API item fixture and then its correction, so the corrections report has rows.
func addACorrectedAnswer(to work: Workspace) throws {
    try work.copy(Fixtures.itemResponse, as: "a/item.json")
    try work.copy(Fixtures.repository.appendingPathComponent("Tests/Fixtures/corrections/item-corrected.json"), as: "b/item.json")
    #expect(try work.archive(["ingest", work.path("a").path]).status == 0)
    #expect(try work.archive(["ingest", work.path("b").path]).status == 0)
}

/// Writes the API item fixture as another Home Office answer with the given number, days and text.
func writeHomeOfficeAnswer(in work: Workspace, as name: String, id: Int, uin: String, tabled: String, answered: String,
                           text: String, heading: String? = nil) throws {
    let answer = try itemJSON().withValue {
        $0["id"] = id
        $0["uin"] = uin
        $0["dateTabled"] = tabled + "T00:00:00"
        $0["dateAnswered"] = answered + "T00:00:00"
        $0["answeringBodyId"] = 1
        $0["answeringBodyName"] = "Home Office"
        if let heading { $0["heading"] = heading }
        $0["answerText"] = text
    }
    try work.writeJSON(name, answer)
}

/// A strict RFC 4180 reader: fields, quotes doubled inside quoted fields, CRLF records.
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = [], field = "", record: [String] = []
    var inQuotes = false
    var characters = Array(text.unicodeScalars)[...]
    while let c = characters.popFirst() {
        if inQuotes {
            if c == "\"" {
                if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { inQuotes = false }
            } else { field.unicodeScalars.append(c) }
        } else if c == "\"" { inQuotes = true }
        else if c == "," { record.append(field); field = "" }
        else if c == "\r" && characters.first == "\n" { characters.removeFirst(); record.append(field); records.append(record); record = []; field = "" }
        else { field.unicodeScalars.append(c) }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}

func jsonArray(_ text: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
}

@Suite(.tags(.slow)) struct QueryEndToEndTests {
    @Test func fundingCountsARestatedGrantOnce() throws {
        let work = try sampleArchive()
        let result = try work.archive(["query", "funding", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try jsonArray(result.stdout)
        let changingLives = try #require(rows.first { $0["name"] as? String == "Changing Lives" })
        let netReach = try work.rows("SELECT count(*) FROM grants g JOIN organisations r ON r.id = g.recipient_id WHERE r.name = 'Changing Lives' AND g.amount_pence = 136000000")
        #expect(netReach == [[.integer(1)]])
        #expect(try work.scalar("SELECT count(*) FROM grant_mentions m JOIN grants g ON g.id = m.grant_id WHERE g.amount_pence = 136000000") == .integer(2))
        let grantsForRecipient = try #require(try work.scalar("SELECT sum(g.amount_pence) FROM grants g JOIN organisations r ON r.id = g.recipient_id WHERE r.name = 'Changing Lives'")?.integerValue)
        #expect(changingLives["total_gbp"] as? Double == Double(grantsForRecipient) / 100)
        #expect(changingLives["funders"] as? String == "Home Office")
        #expect((changingLives["answers"] as? Int ?? 0) >= 2)
        #expect(changingLives["last_stated"] as? String == "2025-02-10")
    }

    @Test(arguments: ReportDefinition.all.filter { $0.viewName != nil })
    func everyReportViewGivesTheReportsRows(report: ReportDefinition) throws {
        let work = try sampleArchive()
        if report.name == "corrections" { try addACorrectedAnswer(to: work) }
        let fromReport = try work.archive(["query", report.name, "--format", "csv"])
        let fromView = try work.archive(["sql", "SELECT * FROM \(report.viewName!)", "--format", "csv"])
        #expect(fromReport.status == 0 && fromView.status == 0, "\(fromReport.stderr) \(fromView.stderr)")
        #expect(fromReport.stdout == fromView.stdout)
        #expect(parseCSV(fromReport.stdout).count > 1, "\(report.name) has no rows to compare")
    }

    /// Datasette passes a parameter left blank as ''; every report reads that as no filter.
    @Test(arguments: ReportDefinition.all.filter { $0.name != "search" })
    func aBlankParameterIsNoFilter(report: ReportDefinition) throws {
        let work = try sampleArchive()
        if report.name == "corrections" { try addACorrectedAnswer(to: work) }
        let db = try Database(path: work.database, mode: .readOnly)
        defer { db.close() }
        let statement = try db.prepare(report.sql)
        try statement.bind(named: [:])
        var unbound: [[SQLiteValue]] = []
        while let row = try statement.step() { unbound.append(row.values) }
        try statement.bind(named: Dictionary(uniqueKeysWithValues: report.parameters.map { ($0.name, SQLiteValue.text("")) }))
        var blank: [[SQLiteValue]] = []
        while let row = try statement.step() { blank.append(row.values) }
        #expect(blank == unbound)
        #expect(!unbound.isEmpty, "\(report.name) has no rows to compare")
    }

    @Test func searchTakesWordsAsTypedAndRawFTS5WithAFlag() throws {
        let work = try sampleArchive()
        for words in ["Net-Reach", "Barnardo's", "net-reach project"] {
            let result = try work.archive(["query", "search", words, "--format", "csv", "--no-headers"])
            #expect(result.status == 0, "\(words): \(result.stderr)")
            #expect(!parseCSV(result.stdout).isEmpty, "nothing found for \(words)")
        }
        #expect(try work.archive(["query", "search", "Net-Reach", "--format", "csv"]).stdout.contains("7814"))
        let raw = try work.archive(["query", "search", "--raw", "modern AND slavery NOT county", "--format", "json"])
        #expect(raw.status == 0, "\(raw.stderr)")
        #expect(!(try jsonArray(raw.stdout)).isEmpty)
        func uins(_ arguments: [String]) throws -> Set<String> {
            Set(try jsonArray(try work.archive(["query", "search"] + arguments + ["--format", "json"]).stdout).compactMap { $0["uin"] as? String })
        }
        let both = try uins(["modern slavery"]), children = try uins(["children"])
        #expect(!both.intersection(children).isEmpty && !both.subtracting(children).isEmpty)
        #expect(try uins(["--raw", "modern AND slavery NOT children"]) == both.subtracting(children))
        #expect(try uins(["Barnard"]).isEmpty && !(try uins(["--raw", "Barnard*"])).isEmpty)
        // Without --raw, FTS5 operators are words to find.
        let literal = try work.archive(["query", "search", "modern AND slavery NOT county", "--format", "csv", "--no-headers"])
        #expect(literal.status == 0 && literal.stdout.isEmpty)
        let bad = try work.archive(["query", "search", "--raw", "modern AND"])
        #expect(bad.status == 1 && bad.stderr.contains("not a valid FTS5 query: modern AND"))
        #expect(bad.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
        #expect(try work.archive(["query", "funding", "--topic", "Net-Reach", "--format", "csv"]).stdout.contains("Changing Lives"))
    }

    @Test func theCorrectionsReportShowsEachChangedFigureWithBothVersions() throws {
        let work = try Workspace()
        try work.copy(Fixtures.itemResponse, as: "a/item.json")
        try work.copy(Fixtures.repository.appendingPathComponent("Tests/Fixtures/corrections/item-corrected.json"), as: "b/item.json")
        #expect(try work.archive(["ingest", work.path("a").path]).status == 0)
        #expect(try work.archive(["query", "corrections", "--format", "csv", "--no-headers"]).stdout.isEmpty)
        #expect(try work.archive(["ingest", work.path("b").path]).status == 0)
        let rows = try jsonArray(try work.archive(["query", "corrections", "--format", "json"]).stdout)
        #expect(rows.count == 2)
        let count = try #require(rows.first { $0["unit"] as? String == "count" })
        #expect(count["uin"] as? String == "7926")
        #expect(count["change"] as? String == "changed" && count["fact"] as? String == "figure")
        #expect(count["value_before"] as? Int == 44 && count["value_after"] as? Int == 45)
        #expect(count["evidence_before"] as? String == "44" && count["evidence_after"] as? String == "45")
        #expect(count["answered_before"] as? String == "2024-01-10" && count["answered_after"] as? String == "2024-01-20")
        let money = try #require(rows.first { $0["unit"] as? String == "gbp" })
        #expect(money["value_before"] as? Int == 4_300_000 && money["value_after"] as? Int == 4_400_000)
        // Figures the correction left alone are not listed.
        #expect(!rows.contains { ($0["value_before"] as? Int) == 97 })
        #expect(try work.archive(["query", "corrections", "--since", "2024-02-01", "--format", "csv", "--no-headers"]).stdout.isEmpty)
    }


    @Test(arguments: ReportDefinition.all.map(\.name).filter { $0 != "search" && $0 != "corrections" })
    func everyReportPrintsEveryFormat(report: String) throws {
        let work = try sampleArchive()
        let json = try work.archive(["query", report, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let objects = try jsonArray(json.stdout)
        #expect(!objects.isEmpty, "\(report) has no rows on the sample data")
        let csv = try work.archive(["query", report, "--format", "csv"])
        let records = parseCSV(csv.stdout)
        #expect(records.count == objects.count + 1)
        #expect(Set(records[0]) == Set(objects[0].keys))
        #expect(records.dropFirst().allSatisfy { $0.count == records[0].count })
        let noHeaders = try work.archive(["query", report, "--format", "csv", "--no-headers"])
        #expect(parseCSV(noHeaders.stdout).count == objects.count)
        let ndjson = try work.archive(["query", report, "--format", "ndjson"])
        #expect(ndjson.stdout.split(separator: "\n").count == objects.count)
        let markdown = try work.archive(["query", report, "--format", "markdown"])
        #expect(markdown.stdout.split(separator: "\n").count == objects.count + 2)
        let table = try work.archive(["query", report, "--format", "table"])
        #expect(table.status == 0)
        #expect(table.stdout.split(separator: "\n").count == objects.count + 2)
        #expect(!table.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func grantsCarryTheOutputContract() throws {
        let work = try sampleArchive()
        let rows = try jsonArray(try work.archive(["query", "grants", "--format", "json"]).stdout)
        let seed = try #require(rows.first { $0["uin"] as? String == "7814" && $0["recipient"] as? String == "Changing Lives" })
        #expect(seed["house"] as? String == "Commons")
        #expect(seed["date_answered"] as? String == "2024-10-17")
        #expect(seed["answering_body"] as? String == "Home Office")
        #expect(seed["amount_gbp"] as? Double == 1_360_000)
        #expect(seed["duration_months"] as? Int == 36)
        #expect(seed["project"] as? String == "Net-Reach")
        #expect(seed["grant_id"] is Int)
        #expect((seed["evidence"] as? String)?.contains("£1.36m") == true)
        let trevi = try #require(rows.first { $0["recipient"] as? String == "Trevi Women" })
        #expect(trevi["duration_months"] is NSNull)
        #expect(trevi["amount_gbp"] as? Double == 378_811)
    }

    @Test func figuresCarryTheOutputContract() throws {
        let work = try sampleArchive()
        let rows = try jsonArray(try work.archive(["query", "figures", "--format", "json", "--since", "2024-10-17", "--until", "2024-10-17"]).stdout)
        #expect(rows.allSatisfy { $0["uin"] as? String == "7814" })
        let values = Set(rows.compactMap { ($0["value"] as? Double).map { "\($0)-\($0 == 2 ? "change" : "level")" } })
        for expected in ["1679.0-level", "10.0-level", "2.0-change", "9.0-level", "1470.0-level"] {
            #expect(values.contains(expected), "missing figure \(expected)")
        }
        let first = try #require(rows.first { $0["value"] as? Double == 1679 })
        for key in ["uin", "house", "date_answered", "value", "unit", "qualifier", "period", "measure", "kind", "evidence"] {
            #expect(first.keys.contains(key), "figures json lacks \(key)")
        }
        #expect(first["unit"] as? String == "count")
        #expect(first["period"] as? String == "2023")
        #expect(first["qualifier"] is NSNull)
    }

    @Test func referralsCheckQuotedTotalsAgainstTheOfficialOnes() throws {
        let work = try sampleArchive()
        let rows = try jsonArray(try work.archive(["query", "referrals", "--format", "json"]).stdout)
        let seed = try #require(rows.first { $0["value"] as? Double == 1679 })
        #expect(seed["period"] as? String == "2023")
        #expect(seed["exploitation_type"] as? String == "sexual exploitation")
        #expect(seed["last_quoted_in"] as? String == "Commons 7814")
        #expect(seed["answers"] as? Int == 1 && seed["values_quoted"] as? Int == 1 && seed["conflicting"] as? Int == 0)
        #expect(seed["all_values"] as? String == "1679")
        // A total quoted against an official year is checked; a sub-total is not.
        #expect(seed["official_check"] is NSNull)
        let totals = rows.filter { $0["exploitation_type"] is NSNull && $0["population"] is NSNull
            && $0["unit"] as? String == "count" && $0["kind"] as? String == "level" && $0["official_first_published"] is Int }
        #expect(!totals.isEmpty, "the sample data quotes no total for a year with an official one")
        for row in totals {
            #expect(["matches first published", "matches revised", "differs from official totals"].contains(row["official_check"] as? String ?? ""))
        }
    }

    @Test func referralsShowTheLatestValueAndEveryValueWhenAnswersDisagree() throws {
        let work = try sampleArchive()
        try writeHomeOfficeAnswer(in: work, as: "later/99002.json", id: 9_000_002, uin: "99002", tabled: "2025-03-03", answered: "2025-03-10",
                                  text: "<p>The most recent National Referral Mechanism statistics show that in 2023, sexual exploitation accounted for 10% (1,697) of all referrals.</p>")
        #expect(try work.archive(["ingest", work.path("later").path]).status == 0)
        let rows = try jsonArray(try work.archive(["query", "referrals", "--format", "json"]).stdout)
        let row = try #require(rows.first { $0["period"] as? String == "2023" && $0["exploitation_type"] as? String == "sexual exploitation"
            && $0["population"] is NSNull && $0["unit"] as? String == "count" && $0["kind"] as? String == "level" })
        #expect(row["value"] as? Int == 1697)
        #expect(row["all_values"] as? String == "1679,1697")
        #expect(row["values_quoted"] as? Int == 2 && row["conflicting"] as? Int == 1 && row["answers"] as? Int == 2)
        #expect(row["first_quoted"] as? String == "2024-10-17" && row["last_quoted"] as? String == "2025-03-10")
        #expect(row["last_quoted_in"] as? String == "Commons 99002")
        // Filtered to answers before the later one, only the seed's value is left.
        let before = try jsonArray(try work.archive(["query", "referrals", "--until", "2025-01-01", "--format", "json"]).stdout)
        #expect(before.contains { $0["value"] as? Int == 1679 && $0["population"] is NSNull && $0["conflicting"] as? Int == 0 })
    }

    @Test func referralsChartIsValidSVGWithALabelledMarkPerYear() throws {
        let work = try sampleArchive()
        let result = try work.archive(["query", "referrals", "--format", "svg"])
        #expect(result.status == 0, "\(result.stderr)")
        let parser = XMLParser(data: Data(result.stdout.utf8))
        #expect(parser.parse(), "the chart is not well-formed XML")
        #expect(result.stdout.contains("<svg"))
        // Every calendar year with a quoted total of all referrals has its axis label; the rest
        // (types, groups, other periods) are left out, and a note says so.
        let years = try work.rows("""
            SELECT DISTINCT period FROM referral_trends WHERE unit = 'count' AND kind = 'level'
            AND exploitation_type IS NULL AND population IS NULL AND period GLOB '[12][0-9][0-9][0-9]'
            """)
        #expect(!years.isEmpty)
        for year in years {
            let period = try #require(year[0].textValue)
            #expect(result.stdout.contains(">\(period)<"), "no axis label for \(period)")
        }
        #expect(result.stdout.contains("quoted in answers") && result.stdout.contains("official total"))
        #expect(result.stdout.contains("class=\"chart-note\""))
        #expect(try #require(svgWidth(result.stdout)) <= 1200)
        let funding = try work.archive(["query", "funding", "--format", "svg"])
        #expect(XMLParser(data: Data(funding.stdout.utf8)).parse())
        #expect(funding.stdout.contains("Changing Lives"))
        #expect(try work.archive(["query", "grants", "--format", "svg"]).status != 0)
    }

    @Test func searchRanksAndHighlights() throws {
        let work = try sampleArchive()
        let rows = try jsonArray(try work.archive(["query", "search", "--raw", "\"Net-Reach\" OR \"Changing Lives\"", "--format", "json"]).stdout)
        #expect(rows.count >= 2)
        #expect(rows.contains { $0["uin"] as? String == "7814" })
        #expect(rows.allSatisfy { ($0["snippet"] as? String)?.contains("[") == true })
        let bad = try work.archive(["query", "search", "--raw", "\"unclosed"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("not a valid FTS5 query: \"unclosed"))
        #expect(bad.stderr.split(separator: "\n").count == 1, "one line: \(bad.stderr)")
    }

    @Test func filtersAreBoundParametersNotSQL() throws {
        let work = try sampleArchive()
        let before = try work.scalar("SELECT count(*) FROM grants")
        let injected = try work.archive(["query", "funding", "--recipient", "'; DROP TABLE grants; --", "--format", "json"])
        #expect(injected.status == 0)
        #expect(try jsonArray(injected.stdout).isEmpty)
        for option in ["--body", "--house", "--topic"] {
            _ = try work.archive(["query", "grants", option, "x' OR '1'='1", "--format", "json"])
        }
        #expect(try work.scalar("SELECT count(*) FROM grants") == before)
        let lords = try jsonArray(try work.archive(["query", "answers", "--house", "Lords", "--format", "json"]).stdout)
        #expect(!lords.isEmpty && lords.allSatisfy { $0["house"] as? String == "Lords" })
        let limited = try jsonArray(try work.archive(["query", "answers", "--limit", "2", "--format", "json"]).stdout)
        #expect(limited.count == 2)
        let topic = try jsonArray(try work.archive(["query", "grants", "--topic", "\"Net-Reach\"", "--format", "json"]).stdout)
        #expect(!topic.isEmpty && topic.allSatisfy { ($0["uin"] as? String).map { ["7814", "99001"].contains($0) } == true })
    }

    @Test func sqlIsReadOnly() throws {
        let work = try sampleArchive()
        let before = try work.scalar("SELECT count(*) FROM grants")
        let delete = try work.archive(["sql", "DELETE FROM grants"])
        #expect(delete.status == 1)
        #expect(delete.stderr.contains("read-only"))
        #expect(try work.scalar("SELECT count(*) FROM grants") == before)
        let rows = try jsonArray(try work.archive(["sql", "SELECT uin, house FROM questions WHERE uin = '7814'", "--format", "json"]).stdout)
        #expect(rows.count == 1 && rows[0]["house"] as? String == "Commons")
    }

    @Test func threeSixtyGivingExportHasTheStandardColumnsAndValidates() throws {
        let work = try sampleArchive()
        let csv = try work.archive(["export", "360giving", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let records = parseCSV(csv.stdout)
        #expect(records[0] == ["Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date",
                               "Planned Dates:Duration (months)", "Recipient Org:Identifier", "Recipient Org:Name",
                               "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Title", "Data Source", "Last Modified"])
        let distinctGrants = try #require(try work.scalar("SELECT count(DISTINCT grant_id) FROM grant_mentions m JOIN answer_versions v ON v.id = m.answer_version_id AND v.is_current")?.integerValue)
        #expect(records.count - 1 == Int(distinctGrants))
        let netReach = try #require(records.first { $0[8] == "Changing Lives" && $0[4] == "1360000" })
        #expect(netReach[3] == "GBP" && netReach[6] == "36" && netReach[5] == "2024-10-17")
        #expect(netReach[12] == "https://questions-statements.parliament.uk/written-questions/detail/2024-10-08/7814")
        #expect(netReach[2].contains("no award date"))

        let json = try work.archive(["export", "360giving", "--format", "json"])
        #expect(json.status == 0)
        let package = work.path("grants.json")
        try Data(json.stdout.utf8).write(to: package)
        let validator = Process()
        validator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validator.arguments = ["python3", Fixtures.repository.appendingPathComponent("Tests/tools/validate_360giving.py").path,
                               Fixtures.root.appendingPathComponent("360giving").path, package.path]
        let output = Pipe()
        validator.standardOutput = output
        validator.standardError = output
        try validator.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        validator.waitUntilExit()
        #expect(validator.terminationStatus == 0, "360Giving validation failed: \(said)")
        #expect(said.hasPrefix("valid: \(distinctGrants) grants"))
    }

    @Test func aReportOnAMissingDatabaseSaysHowToMakeOne() throws {
        let work = try Workspace()
        let result = try work.archive(["query", "funding"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no archive at"))
        #expect(!FileManager.default.fileExists(atPath: work.database))
    }
}

/// The width an SVG document declares.
func svgWidth(_ svg: String) -> Double? {
    guard let range = svg.range(of: "<svg[^>]* width=\"([0-9.]+)\"", options: .regularExpression) else { return nil }
    let tag = svg[range]
    guard let start = tag.range(of: " width=\"")?.upperBound, let end = tag[start...].firstIndex(of: "\"") else { return nil }
    return Double(tag[start..<end])
}

extension ReportDefinition: CustomTestStringConvertible {
    public var testDescription: String { name }
}
