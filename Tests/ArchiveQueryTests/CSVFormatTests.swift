import Testing
@testable import ArchiveQuery

/// A strict RFC 4180 reader: records end with CRLF, quoted fields may hold commas, quotes
/// (doubled) and line breaks. Returns nil on anything the RFC does not allow.
func parseRFC4180(_ text: String) -> [[String]]? {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var scalars = Array(text.unicodeScalars)[...]
    var atFieldStart = true
    while let scalar = scalars.popFirst() {
        if atFieldStart && scalar == "\"" {
            // Quoted field: read to the closing quote.
            while true {
                guard let next = scalars.popFirst() else { return nil }
                if next == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { break }
                } else {
                    field.unicodeScalars.append(next)
                }
            }
            atFieldStart = false
            guard let after = scalars.first, after == "," || after == "\r" else { return nil }
            continue
        }
        switch scalar {
        case ",":
            record.append(field); field = ""; atFieldStart = true
        case "\r":
            guard scalars.popFirst() == "\n" else { return nil }
            record.append(field); records.append(record)
            field = ""; record = []; atFieldStart = true
        case "\n", "\"":
            return nil  // bare LF, or a quote inside an unquoted field
        default:
            field.unicodeScalars.append(scalar); atFieldStart = false
        }
    }
    guard field.isEmpty && record.isEmpty else { return nil }  // every record ends with CRLF
    return records
}

@Test func csvRoundTripsThroughAnRFC4180Parser() throws {
    let text = try Renderer.render(OutputFixtures.funding, as: .csv)
    let records = try #require(parseRFC4180(text))
    #expect(records == [
        ["recipient", "amount_gbp", "grants", "share", "first_award"],
        ["The Salvation Army", "1360000", "12", "10", "2011-07-01"],
        ["Unseen UK", "250000.5", "3", "2.5", "2014-03-10"],
        ["Café “Ἑλλάς” ‘Trust’, Ltd", "42", "1204", "1", ""],
        ["Hope for Justice", "", "", "", "2019-01-02"],
    ])
}

@Test func csvQuotesFieldsWithCommasAndDoublesQuotes() throws {
    let table = ReportTable(title: "t", columns: [ReportColumn("a, b", .text), ReportColumn("c", .text)],
                            rows: [[.text("He said \"no\""), .text("plain")],
                                   [.text("two\nlines"), .text("cr\rand crlf\r\n")],
                                   [.text("“curly” quotes need none"), .text("")]])
    let text = try Renderer.render(table, as: .csv)
    #expect(text == "\"a, b\",c\r\n"
        + "\"He said \"\"no\"\"\",plain\r\n"
        + "\"two\nlines\",\"cr\rand crlf\r\n\"\r\n"
        + "“curly” quotes need none,\r\n")
    #expect(parseRFC4180(text) == [["a, b", "c"], ["He said \"no\"", "plain"],
                                   ["two\nlines", "cr\rand crlf\r\n"], ["“curly” quotes need none", ""]])
}

@Test func csvPrintsRawNumbersWithoutExponentsOrPointZero() throws {
    let table = ReportTable(title: "t", columns: [ReportColumn("amount_gbp", .money), ReportColumn("x", .decimal)],
                            rows: [[.real(1_360_000), .real(1.36e16)], [.real(0.1 + 0.2), .real(0.1 + 0.2)],
                                   [.real(-5e-7), .real(.nan)], [.integer(-3), .real(.infinity)]])
    let records = try #require(parseRFC4180(try Renderer.render(table, as: .csv, options: RenderOptions(headers: false))))
    #expect(records == [["1360000", "13600000000000000"], ["0.3", "0.30000000000000004"],
                        ["0", ""], ["-3", ""]])
}

@Test func csvWithoutHeadersDropsTheHeaderRow() throws {
    let text = try Renderer.render(OutputFixtures.funding, as: .csv, options: RenderOptions(headers: false))
    #expect(text.hasPrefix("The Salvation Army,1360000,12,10,2011-07-01\r\n"))
    #expect(parseRFC4180(text)?.count == OutputFixtures.funding.rows.count)
}

@Test func emptyTableCSVIsTheHeaderOnly() throws {
    #expect(try Renderer.render(OutputFixtures.empty, as: .csv) == "recipient,amount_gbp\r\n")
    #expect(try Renderer.render(OutputFixtures.empty, as: .csv, options: RenderOptions(headers: false)) == "")
}
