import Testing
@testable import ArchiveQuery

/// The lines of `text`, which must end with a newline.
func outputLines(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.last == "", "output ends with a newline", sourceLocation: sourceLocation)
    lines.removeLast()
    return lines
}

@Test func tableLinesAllHaveTheSameDisplayWidth() throws {
    let lines = outputLines(try Renderer.render(OutputFixtures.funding, as: .table))
    #expect(lines.count == 2 + OutputFixtures.funding.rows.count)
    let widths = Set(lines.map { DisplayWidth.of($0) })
    #expect(widths == [66])
}

@Test func tableShowsHeaderRuleAndFormattedValuesWithNumbersRightAligned() throws {
    let lines = outputLines(try Renderer.render(OutputFixtures.funding, as: .table))
    #expect(lines == [
        "recipient                   amount_gbp  grants  share  first_award",
        "─────────────────────────  ───────────  ──────  ─────  ───────────",
        "The Salvation Army          £1,360,000      12    10%  2011-07-01 ",
        "Unseen UK                  £250,000.50       3   2.5%  2014-03-10 ",
        "Café “Ἑλλάς” ‘Trust’, Ltd          £42   1,204     1%             ",
        "Hope for Justice                                       2019-01-02 ",
    ])
}

@Test func tableAlignsWideAndCombiningCharactersByDisplayWidth() throws {
    let table = ReportTable(title: "t", columns: [ReportColumn("name", .text), ReportColumn("n", .integer)],
                            rows: [[.text("人身売買"), .integer(1)], [.text("Cafe\u{301}"), .integer(22)], [.text("x"), .integer(333)]])
    let lines = outputLines(try Renderer.render(table, as: .table))
    #expect(lines == [
        "name        n",
        "────────  ───",
        "人身売買    1",
        "Café       22",
        "x         333",
    ])
}

@Test func tableWithoutHeadersDropsTheHeaderAndRule() throws {
    let lines = outputLines(try Renderer.render(OutputFixtures.funding, as: .table, options: RenderOptions(headers: false)))
    #expect(lines.count == OutputFixtures.funding.rows.count)
    #expect(lines[0] == "The Salvation Army          £1,360,000     12   10%  2011-07-01")
}

@Test func tableColourWrapsOnlyTheHeaderInAnsiBold() throws {
    let lines = outputLines(try Renderer.render(OutputFixtures.funding, as: .table, options: RenderOptions(colour: true)))
    try #require(lines.count == 2 + OutputFixtures.funding.rows.count)
    #expect(lines[0].hasPrefix("\u{1B}[1mrecipient"))
    #expect(lines[0].hasSuffix("first_award\u{1B}[0m"))
    #expect(lines.dropFirst().allSatisfy { !$0.contains("\u{1B}") })
    let plain = try Renderer.render(OutputFixtures.funding, as: .table)
    #expect(!plain.contains("\u{1B}"))
}

@Test func tableCutsLongTextCellsWithAnEllipsisToFitTheTerminal() throws {
    let evidence = "The Minister said that funding for the Modern Slavery Victim Care Contract would rise to £100m over five years."
    let table = ReportTable(
        title: "Evidence",
        columns: [ReportColumn("uin", .text), ReportColumn("evidence", .text), ReportColumn("amount_gbp", .money)],
        rows: [[.text("HL14174"), .text(evidence), .integer(100_000_000)],
               [.text("7814"), .text("Short."), .null]])
    let lines = outputLines(try Renderer.render(table, as: .table, options: RenderOptions(terminalWidth: 60)))
    try #require(lines.count == 4)
    #expect(lines.allSatisfy { DisplayWidth.of($0) == 60 })
    #expect(lines[2].hasPrefix("HL14174  The Minister said that funding for t…"))
    #expect(lines[2].hasSuffix("£100,000,000"))
    #expect(lines[3].hasPrefix("7814     Short.  "))
    // Without a width nothing is cut.
    let wide = outputLines(try Renderer.render(table, as: .table))
    #expect(wide[2].contains(evidence))
}

@Test func tableCutsTheWidestTextColumnsFirstAndNeverBelowTheirHeader() throws {
    let table = ReportTable(
        title: "t",
        columns: [ReportColumn("heading", .text), ReportColumn("answer_text", .text)],
        rows: [[.text(String(repeating: "h", count: 30)), .text(String(repeating: "a", count: 60))]])
    let lines = outputLines(try Renderer.render(table, as: .table, options: RenderOptions(terminalWidth: 50)))
    // 30 + 2 + 60 into 50: the 60 comes down to 30 first, then both share the rest evenly.
    #expect(lines[2] == String(repeating: "h", count: 23) + "…  " + String(repeating: "a", count: 23) + "…")
    let tiny = outputLines(try Renderer.render(table, as: .table, options: RenderOptions(terminalWidth: 5)))
    #expect(tiny[0] == "heading  answer_text", "cannot fit: columns stop at their header widths")
}

@Test func tableCellsStayOnOneLineAndCannotInjectEscapes() throws {
    let table = ReportTable(title: "t", columns: [ReportColumn("text", .text)],
                            rows: [[.text("line one\nline two\r\nthree\tfour \u{1B}[31mred")]])
    let lines = outputLines(try Renderer.render(table, as: .table, options: RenderOptions(headers: false)))
    #expect(lines == ["line one line two three four [31mred"])
}

@Test func emptyTablePrintsJustTheHeader() throws {
    let lines = outputLines(try Renderer.render(OutputFixtures.empty, as: .table))
    #expect(lines == ["recipient  amount_gbp", "─────────  ──────────"])
    #expect(try Renderer.render(OutputFixtures.empty, as: .table, options: RenderOptions(headers: false)) == "")
}

@Test func rowsWithTheWrongNumberOfValuesAreRejectedInEveryFormat() {
    let table = ReportTable(title: "t", columns: [ReportColumn("a", .text), ReportColumn("b", .integer)],
                            rows: [[.text("x"), .integer(1)], [.text("y")]])
    for format in OutputFormat.allCases {
        #expect(throws: RenderError.rowLengthMismatch(row: 1, expected: 2, actual: 1)) {
            try Renderer.render(table, as: format, options: RenderOptions(chart: ChartSpec(category: "a", value: "b")))
        }
    }
}
