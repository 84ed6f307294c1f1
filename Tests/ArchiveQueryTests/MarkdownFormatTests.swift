import Testing
@testable import ArchiveQuery

@Test func markdownIsAGitHubTableWithNumbersRightAligned() throws {
    let lines = outputLines(try Renderer.render(OutputFixtures.funding, as: .markdown))
    #expect(lines == [
        "| recipient                 |  amount_gbp | grants | share | first_award |",
        "| ------------------------- | ----------: | -----: | ----: | ----------- |",
        "| The Salvation Army        |  £1,360,000 |     12 |   10% | 2011-07-01  |",
        "| Unseen UK                 | £250,000.50 |      3 |  2.5% | 2014-03-10  |",
        "| Café “Ἑλλάς” ‘Trust’, Ltd |         £42 |  1,204 |    1% |             |",
        "| Hope for Justice          |             |        |       | 2019-01-02  |",
    ])
}

@Test func markdownEscapesPipesBackslashesAndLineBreaks() throws {
    let table = ReportTable(title: "t", columns: [ReportColumn("a|b", .text)],
                            rows: [[.text("x | y")], [.text("one\ntwo\r\nthree")], [.text(#"C:\path\|"#)]])
    let lines = outputLines(try Renderer.render(table, as: .markdown))
    #expect(lines == [
        #"| a\|b                |"#,
        #"| ------------------- |"#,
        #"| x \| y              |"#,
        #"| one<br>two<br>three |"#,
        #"| C:\\path\\\|        |"#,
    ])
    // Each line has exactly the unescaped pipes that delimit its cells.
    for line in lines {
        let delimiters = line.replacingOccurrences(of: #"\\"#, with: "").replacingOccurrences(of: #"\|"#, with: "")
        #expect(delimiters.filter { $0 == "|" }.count == 2)
    }
}

@Test func emptyTableMarkdownIsTheHeaderAndAlignmentRow() throws {
    #expect(try Renderer.render(OutputFixtures.empty, as: .markdown) ==
        "| recipient | amount_gbp |\n| --------- | ---------: |\n")
}
