import Foundation
import SQLite
import Testing

// What users and cron jobs rely on: output errors are errors, a closed pipe is not a crash, and a
// database that is not an archive is refused and left as it was.

@Suite(.tags(.slow)) struct OutputAndForeignDatabaseTests {
    @Test func aFullDiskOnStdoutIsAOneLineErrorNotACrash() throws {
        let work = try Workspace()
        #expect(try work.archive(["ingest", "--quiet", Fixtures.seed.path]).status == 0)
        let result = try ArchiveBinary.run(["-c", "exec \"$0\" sql 'select 1' --db \"$1\" > /dev/full", ArchiveBinary.url.path, work.database],
                                           executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot write output: No space left on device\n")
    }

    @Test func aClosedPipeEndsTheProcessQuietlyWhateverSIGPIPEsDisposition() throws {
        let work = try Workspace()
        _ = try writeCorpus(into: work.path("corpus"), count: 600)
        #expect(try work.archive(["ingest", "--quiet", work.path("corpus").path]).status == 0)
        // Larger than a pipe's buffer, so the reader goes away while the report is still writing.
        #expect(try work.archive(["query", "figures", "--format", "csv"]).stdout.utf8.count > 1 << 16)
        for trap in ["trap '' PIPE;", ""] {
            // `head -c 1` reads one byte and exits; the report is larger than a pipe's buffer.
            let script = "\(trap) \"$0\" query figures --db \"$1\" --format csv 2>err | head -c 1 >/dev/null; echo ${PIPESTATUS[0]:-$?}; cat err"
            let result = try ArchiveBinary.run(["-c", script, ArchiveBinary.url.path, work.database], in: work.url,
                                               executable: URL(fileURLWithPath: "/bin/bash"))
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(["0", "141"].contains(String(lines.first ?? "")), "exit status \(lines.first ?? "") with `\(trap)`")
            #expect(!result.stdout.contains("Fatal error") && !result.stdout.contains("Error"), "\(result.stdout)")
        }
    }

    @Test func aForeignSQLiteFileIsRefusedAndLeftByteForByteUnchanged() throws {
        let work = try Workspace()
        let notes = work.path("notes.db").path
        let db = try Database(path: notes, mode: .readWriteCreate)
        try db.execute("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')")
        db.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: notes))
        for command in [["ingest", Fixtures.seed.path], ["query", "funding"], ["sql", "select 1"], ["migrate"], ["reextract"],
                        ["export", "360giving"]] {
            let result = try ArchiveBinary.run(command + ["--db", notes], in: work.url)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("is not a trafficking-archive database"), "\(command): \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: notes)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.url.path).sorted() == ["notes.db"])
    }
}

@Suite struct CronTellsTheTruthTests {
    @Test func aFileRejectedBeforeAndUnchangedIsReportedWithoutFailingTheNextNight() throws {
        let work = try Workspace()
        let bad = try work.writeJSON("downloads/bad.json", ["neither": "value nor results"])
        let first = try work.archive(["ingest", "--summary", "json", bad])
        #expect(first.status == 1)
        let second = try work.archive(["ingest", "--summary", "json", bad, Fixtures.seed.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("still rejected"))
        let summary = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as! [String: Any]
        #expect(summary["files_still_rejected"] as? Int == 1 && summary["files_rejected"] as? Int == 0)
        // A new bad file still fails the run.
        let other = try work.writeJSON("downloads/other.json", ["still": "not an answer"])
        #expect(try work.archive(["ingest", bad, other]).status == 1)
    }

    @Test func everySummaryIsOneCompactLineAndAnEmptyInputSetIsAWarning() throws {
        let work = try Workspace()
        try FileManager.default.createDirectory(at: work.path("empty"), withIntermediateDirectories: true)
        let empty = try work.archive(["ingest", "--summary", "json", work.path("empty").path])
        #expect(empty.status == 0)
        #expect(empty.stderr.contains("warning: no input files found"))
        #expect(empty.stdout.split(separator: "\n").count == 1)
        let excluded = try work.archive(["ingest", "--summary", "json", "--exclude", "*.txt", Fixtures.seed.deletingLastPathComponent().path])
        let summary = try JSONSerialization.jsonObject(with: Data(excluded.stdout.utf8)) as! [String: Any]
        #expect(summary["files_seen"] as? Int == 0)
    }

    @Test func sinceAfterUntilIsAUsageError() throws {
        let work = try Workspace()
        #expect(try work.archive(["ingest", "--quiet", Fixtures.seed.path]).status == 0)
        let query = try work.archive(["query", "funding", "--since", "2025-01-01", "--until", "2024-01-01"])
        #expect(query.status == 64 && query.stderr.contains("is after --until"))
        let fetch = try work.archive(["fetch", "--since", "2025-01-01", "--until", "2024-01-01"])
        #expect(fetch.status == 64 && fetch.stderr.contains("is after --until"))
    }

    /// Slow (about 20 s): every refused request is retried with backoff before the run gives up.
    @Test(.tags(.slow)) func fetchWithTheAPIUnreachablePrintsOneJSONLineWithTheFailure() throws {
        let work = try Workspace()
        // Nothing listens on port 9 of loopback: every request is refused.
        let result = try work.archive(["fetch", "--since", "2024-01-01", "--until", "2024-01-02", "--base-url", "http://127.0.0.1:9",
                                       "--timeout", "1", "--quiet", "--summary", "json", "--out", work.path("downloads").path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stdout)")
        let summary = try JSONSerialization.jsonObject(with: Data((lines.first.map(String.init) ?? "").utf8)) as? [String: Any]
        #expect(summary?["outcome"] as? String == "failed")
    }
}

@Suite struct CitableRowsAndHonestTotalsTests {
    @Test func showPrintsTheSeedAnswerWholeWithBothGrantsTheirEvidenceAndItsLink() throws {
        let work = try Workspace()
        #expect(try work.archive(["ingest", "--quiet", Fixtures.seed.path]).status == 0)
        let shown = try work.archive(["show", "7814"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("https://questions-statements.parliament.uk/written-questions/detail/2024-10-08/7814"))
        #expect(shown.stdout.contains("⟦£1.36m over three years to Changing Lives for their Net-Reach project⟧"))
        #expect(shown.stdout.contains("⟦£378,811 to Trevi Women⟧"))
        #expect(shown.stdout.contains("£1,360,000 to Changing Lives") && shown.stdout.contains("£378,811 to Trevi Women"))
        #expect(try work.archive(["show", "99999"]).status == 1)
    }

    @Test func everyGrantAndFigureRowCarriesItsURLAndEveryFigureItsSentence() throws {
        let work = try Workspace()
        #expect(try work.archive(["ingest", "--quiet", Fixtures.devSetItems.path, Fixtures.seed.path]).status == 0)
        for report in ["grants", "figures"] {
            let rows = try JSONSerialization.jsonObject(with: Data(try work.archive(["query", report, "--format", "json"]).stdout.utf8)) as! [[String: Any]]
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { ($0["url"] as? String)?.hasPrefix("https://questions-statements.parliament.uk/written-questions/detail/") == true }, "\(report)")
        }
        let figures = try JSONSerialization.jsonObject(with: Data(try work.archive(["query", "figures", "--format", "json"]).stdout.utf8)) as! [[String: Any]]
        let share = try #require(figures.first { $0["evidence"] as? String == "1,679" })
        #expect((share["context"] as? String)?.contains("sexual exploitation accounted for 10% (1,679) of all referrals") == true)
        #expect(share["value"] as? Int == 1679)
    }

    @Test func fundingByYearCountsEachGrantInItsOwnFinancialYearInOrder() throws {
        let work = try Workspace()
        #expect(try work.archive(["ingest", "--quiet", Fixtures.devSetItems.path, Fixtures.devSetPages.path, Fixtures.seed.path]).status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(try work.archive(["query", "funding", "--by", "year", "--format", "json"]).stdout.utf8)) as! [[String: Any]]
        let years = rows.compactMap { $0["name"] as? String }
        #expect(years.last == "(period not stated)")
        #expect(Array(years.dropLast()) == Array(years.dropLast()).sorted())
        let changingLives = try work.rows("""
            SELECT g.financial_year FROM grants g JOIN organisations r ON r.id = g.recipient_id
            WHERE r.key = 'changing lives' AND g.amount_pence = 47500000
            """)
        #expect(changingLives == [[.text("2025-26")]])
        #expect(years.contains("2025-26"))
    }
}

@Suite struct StableIdentifiersTests {
    private func exportIDs(_ work: Workspace, prefix: [String] = []) throws -> [String] {
        let json = try work.archive(["export", "360giving", "--format", "json"] + prefix).stdout
        let package = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        return (package["grants"] as! [[String: Any]]).map { grant in
            let recipient = (grant["recipientOrganization"] as! [[String: Any]])[0]["id"] as! String
            return "\(grant["id"] as! String) \(recipient)"
        }.sorted()
    }

    @Test func twoArchivesBuiltFromTheSameInputsInDifferentOrdersExportTheSameIdentifiers() throws {
        let inputs = try FileManager.default.contentsOfDirectory(at: Fixtures.devSetItems, includingPropertiesForKeys: nil)
            .map(\.path).sorted() + [Fixtures.seed.path]
        let forward = try Workspace(), backward = try Workspace()
        for input in inputs { _ = try forward.archive(["ingest", "--quiet", input]) }
        for input in inputs.reversed() { _ = try backward.archive(["ingest", "--quiet", input]) }
        #expect(try forward.rows("SELECT id FROM grants ORDER BY amount_pence") != backward.rows("SELECT id FROM grants ORDER BY amount_pence"),
                "the row ids should differ, or the test proves nothing")
        let ids = try exportIDs(forward)
        #expect(!ids.isEmpty)
        #expect(ids == (try exportIDs(backward)))
        let prefixed = try exportIDs(forward, prefix: ["--prefix", "360G-example"])
        #expect(prefixed.count == ids.count && prefixed.allSatisfy { $0.hasPrefix("360G-example-grant-") })
        #expect(try forward.archive(["export", "360giving", "--prefix", "not-a-prefix"]).status == 64)
    }

    @Test func knownOrganisationsCarryTheirOrgIDGuideCodes() throws {
        let work = try Workspace()
        let item = try itemJSON().withValue {
            $0["answerText"] = "<p>We have awarded £900,000 to Barnardo’s and £40,000 to Anti-Slavery International in 2024-25.</p>"
        }
        let path = try work.writeJSON("item.json", item)
        #expect(try work.archive(["ingest", "--quiet", path]).status == 0)
        let ids = try exportIDs(work)
        #expect(ids.contains { $0.hasSuffix(" GB-CHC-216250") })
        #expect(ids.contains { $0.hasSuffix(" GB-CHC-1049160") })
        #expect(try work.scalar("SELECT org_id FROM organisations WHERE key = 'barnardos'") == .text("GB-CHC-216250"))
    }
}

@Suite struct OneDayRuleTests {
    @Test func aDayWithASignOrAnImpossibleDateIsRefusedLikeAnyBadDay() throws {
        let work = try Workspace()
        #expect(try work.archive(["ingest", "--quiet", Fixtures.seed.path]).status == 0)
        for bad in ["+202-01-01", "2024-+1-05", "2024-02-30", "24-01-01"] {
            let result = try work.archive(["query", "funding", "--since", bad])
            #expect(result.status == 64, "\(bad)")
            #expect(result.stderr.contains("--since takes a real day written YYYY-MM-DD, not '\(bad)'"), "\(bad): \(result.stderr)")
            let fetch = try work.archive(["fetch", "--since", "2024-01-01", "--until", bad])
            #expect(fetch.status == 64, "\(bad)")
            #expect(fetch.stderr.contains("--until takes a real day written YYYY-MM-DD, not '\(bad)'"), "\(bad): \(fetch.stderr)")
        }
        #expect(try work.archive(["query", "funding", "--since", "2024-02-29"]).status == 0)
    }
}

@Suite struct MembersInReportsTests {
    @Test func aPagesAskedByNameShowsInAnswersAndSearch() throws {
        let work = try Workspace()
        let page = """
            Skip to main content
            Modern Slavery: Victims
            Question for Home Office
            UIN HL1234, tabled on 3rd March 2025
            Question
            Asked by
            Baroness Example
            Crossbench
            To ask His Majesty's Government how many victims of modern slavery were referred.

            Answer
            Answered on 10 March 2025
            There were 19,125 referrals in 2024.
            """
        let path = try work.write("page.txt", Data(page.utf8))
        #expect(try work.archive(["ingest", "--quiet", path]).status == 0)
        for command in [["query", "answers"], ["query", "search", "victims"]] {
            let rows = try JSONSerialization.jsonObject(with: Data(try work.archive(command + ["--format", "json"]).stdout.utf8)) as! [[String: Any]]
            #expect(rows.first?["asking_member"] as? String == "Baroness Example", "\(command)")
        }
        #expect(try work.archive(["show", "HL1234"]).stdout.contains("Asked by: Baroness Example"))
    }
}
