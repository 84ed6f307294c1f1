@testable import ArchiveExtraction
import Testing

/// A table cell is read as a sentence once, however often its header or label is asked for, and a
/// figure's group comes from its row label, then its column header, then the caption.
@Suite struct TableCellTests {
    private let extractor = Extractor()

    @Test func aCellIsReadOnceAndItsCopiesShareTheReading() {
        let text = ScalarText("Year | Referrals")
        let cells = Tables.cells(0, text.count, text)
        let copy = cells[0]
        #expect(cells[0].grammar === cells[0].grammar)
        #expect(copy.grammar === cells[0].grammar)
        #expect(cells[1].grammar !== cells[0].grammar)
        #expect(cells.map { $0.grammar.t.map(\.lower) } == [["year"], ["referrals"]])
    }

    @Test func theGroupComesFromTheLabelThenTheHeaderThenTheCaption() {
        let byLabel = extractor.extract(from: "Referrals in 2023:\nGroup | 2023\nWomen | 40\nMen | 30").figures
        #expect(byLabel.map(\.population) == ["women", "men"])
        let byHeader = extractor.extract(from: "Referrals by age:\nYear | Adults | Children\n2022 | 100 | 200").figures
        #expect(byHeader.map(\.population) == ["adults", "children"])
        let byCaption = extractor.extract(from: "Referrals of children in 2023:\nRegion | Count\nLondon | 12\nKent | 7").figures
        #expect(byCaption.map(\.population) == ["children", "children"])
    }
}

/// A line is blank when it trims to nothing, and a table row when its trimmed text is one; a line
/// without "|" is never a row.
@Suite struct LineKindTests {
    @Test(arguments: [
        ("", true, false), ("   \t ", true, false), ("\u{2003}\u{00A0}", true, false), (" \r", false, false),
        ("Year | Referrals", false, true), ("| 2023 |", false, true), ("  |  ", false, false), ("|", false, false),
        ("a|b", false, false), ("2023 |", false, true), ("No bars here.", false, false),
    ])
    func aLineIsBlankOrARowAsItsTrimmedTextSays(line: String, blank: Bool, row: Bool) {
        let run = ExtractionRun(text: line, answeringBody: nil)
        let end = run.text.count
        #expect(run.isBlank(0, end) == blank)
        #expect(run.isBlank(0, end) == line.trimmedOfSpaces.isEmpty)
        #expect(run.isTableRow(0, end) == row)
        #expect(run.isTableRow(0, end) == Tables.isRow(line.trimmedOfSpaces))
    }
}
