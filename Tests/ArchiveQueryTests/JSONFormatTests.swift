import Foundation
import Testing
@testable import ArchiveQuery

private func parse(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

@Test func jsonIsAnArrayOfObjectsWithRawNumbersAndNulls() throws {
    let text = try Renderer.render(OutputFixtures.funding, as: .json)
    let objects = try #require(try parse(text) as? [[String: Any]])
    #expect(objects.count == 4)
    #expect(objects[0]["recipient"] as? String == "The Salvation Army")
    #expect((objects[0]["amount_gbp"] as? NSNumber)?.int64Value == 1_360_000)
    #expect((objects[1]["amount_gbp"] as? NSNumber)?.doubleValue == 250_000.5)
    #expect((objects[1]["share"] as? NSNumber)?.doubleValue == 2.5)
    #expect(objects[0]["first_award"] as? String == "2011-07-01")
    #expect(objects[2]["recipient"] as? String == "Café “Ἑλλάς” ‘Trust’, Ltd")
    #expect(objects[2]["first_award"] is NSNull)
    #expect(objects[3]["amount_gbp"] is NSNull)
    #expect(Set(objects[3].keys) == ["recipient", "amount_gbp", "grants", "share", "first_award"])
}

@Test func jsonIsPrettyWithTwoSpacesKeysInColumnOrderAndUnescapedUTF8() throws {
    let table = ReportTable(title: "t", columns: [ReportColumn("year", .text), ReportColumn("referrals", .integer),
                                                  ReportColumn("amount_gbp", .money)],
                            rows: [[.integer(2023), .integer(17_004), .real(1_360_000)], [.text("Café"), .null, .real(0.5)]])
    #expect(try Renderer.render(table, as: .json) == """
        [
          {
            "year": 2023,
            "referrals": 17004,
            "amount_gbp": 1360000
          },
          {
            "year": "Café",
            "referrals": null,
            "amount_gbp": 0.5
          }
        ]

        """)
}

@Test func jsonEscapesQuotesBackslashesAndControlCharacters() throws {
    let nasty = "say \"hi\" \\ back\nslash\t\u{01}\u{2028}/é"
    let table = ReportTable(title: "t", columns: [ReportColumn("text", .text)], rows: [[.text(nasty)]])
    let text = try Renderer.render(table, as: .ndjson)
    #expect(text == "{\"text\":\"say \\\"hi\\\" \\\\ back\\nslash\\t\\u0001\\u2028/é\"}\n")
    let object = try #require(try parse(text) as? [String: Any])
    #expect(object["text"] as? String == nasty)
}

@Test func jsonWritesNonFiniteNumbersAsNull() throws {
    let table = ReportTable(title: "t", columns: [ReportColumn("x", .decimal)], rows: [[.real(.nan)], [.real(-.infinity)]])
    let objects = try #require(try parse(try Renderer.render(table, as: .json)) as? [[String: Any]])
    #expect(objects.count == 2)
    #expect(objects.allSatisfy { $0["x"] is NSNull })
}

@Test func ndjsonHasOneCompactObjectPerRow() throws {
    let text = try Renderer.render(OutputFixtures.funding, as: .ndjson)
    let lines = outputLines(text)
    #expect(lines.count == OutputFixtures.funding.rows.count)
    #expect(lines[0] == #"{"recipient":"The Salvation Army","amount_gbp":1360000,"grants":12,"share":10,"first_award":"2011-07-01"}"#)
    for line in lines {
        #expect(try parse(line) is [String: Any])
    }
}

@Test func emptyTableJSONIsAnEmptyArrayAndNDJSONIsEmpty() throws {
    #expect(try Renderer.render(OutputFixtures.empty, as: .json) == "[]\n")
    #expect(try parse("[]\n") is [Any])
    #expect(try Renderer.render(OutputFixtures.empty, as: .ndjson) == "")
}

@Test func jsonRejectsRepeatedColumnNames() {
    let table = ReportTable(title: "t", columns: [ReportColumn("n", .integer), ReportColumn("n", .integer)], rows: [])
    #expect(throws: RenderError.duplicateColumnName("n")) { try Renderer.render(table, as: .json) }
    #expect(throws: RenderError.duplicateColumnName("n")) { try Renderer.render(table, as: .ndjson) }
}
