import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ArchiveQuery

/// A parsed XML element: just enough DOM to check a chart.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""
    init(name: String, attributes: [String: String]) { self.name = name; self.attributes = attributes }

    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
    /// This element and all below it, depth first.
    var all: [XMLNode] { [self] + children.flatMap(\.all) }
    func all(_ name: String) -> [XMLNode] { all.filter { $0.name == name } }
    func all(class name: String) -> [XMLNode] { all.filter { $0.classes.contains(name) } }
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
}

/// Parses `text` with Foundation's XMLParser; fails the test when it is not well-formed.
func parseXML(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLNode {
    final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = XMLNode(name: name, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
    let builder = Builder()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = builder
    let ok = parser.parse()
    #expect(ok, "not well-formed XML: \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
    return try #require(builder.root, sourceLocation: sourceLocation)
}

/// The referrals fixture charted by year, split by exploitation type.
private func referralsChart(_ style: ChartSpec.Style) throws -> XMLNode {
    try parseXML(try Renderer.svg(OutputFixtures.referrals, chart: ChartSpec(
        category: "year", value: "referrals", series: "exploitation_type", style: style)))
}

@Test(arguments: [ChartSpec.Style.bars, .horizontalBars, .lines])
func svgIsAWellFormedStandaloneDocument(style: ChartSpec.Style) throws {
    let svg = try referralsChart(style)
    #expect(svg.name == "svg")
    #expect(svg.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    let width = try #require(Double(svg.attributes["width"] ?? ""))
    let height = try #require(Double(svg.attributes["height"] ?? ""))
    #expect(width >= 400 && width <= 2000 && height >= 200 && height <= 1200)
    #expect(svg.attributes["viewBox"] == "0 0 \(svg.attributes["width"]!) \(svg.attributes["height"]!)")
    #expect(svg.attributes["font-family"] == "sans-serif")
    #expect(svg.child("title")?.text == "NRM referrals by year & type")
    #expect(svg.all(class: "chart-title").first?.text == "NRM referrals by year & type")
}

@Test(arguments: [ChartSpec.Style.bars, .horizontalBars, .lines])
func svgHasOneLabelledMarkPerDataPointWithATooltip(style: ChartSpec.Style) throws {
    let svg = try referralsChart(style)
    let marks = svg.all(class: "mark")
    #expect(marks.count == OutputFixtures.referrals.rows.count)
    let labels = marks.map { $0.all(class: "value-label").first?.text }
    #expect(labels == ["3,660", "4,790", "5,210", "1,750", "2,180", "2,010"])
    let tooltips = marks.map { $0.child("title")?.text }
    #expect(tooltips.first == "2021 (Labour): 3,660")
    #expect(tooltips.last == "2023 (Sexual <& \"criminal\">): 2,010")
    let shape = style == .lines ? "circle" : "rect"
    #expect(marks.allSatisfy { $0.all(shape).count == 1 })
}

@Test func svgBarsAreProportionalToTheirValuesFromZero() throws {
    let svg = try referralsChart(.bars)
    let heights = svg.all(class: "mark").map { Double($0.all("rect")[0].attributes["height"]!)! }
    // 3,660 : 1,750 measured in pixels, within rounding to a tenth of a pixel.
    #expect(abs(heights[0] / heights[3] - 3_660.0 / 1_750.0) < 0.01)
    let bottoms = svg.all(class: "mark").map { m -> Double in
        let r = m.all("rect")[0]
        return Double(r.attributes["y"]!)! + Double(r.attributes["height"]!)!
    }
    #expect(Set(bottoms).count == 1, "all bars stand on the zero line")
}

@Test func svgLinesDrawOnePathPerSeries() throws {
    let svg = try referralsChart(.lines)
    let series = svg.all(class: "series")
    #expect(series.count == 3)
    #expect(series.map { $0.all("polyline").count } == [1, 1, 0], "a single point makes no line")
    let colours = series.map { $0.all("circle").first?.attributes["fill"] }
    #expect(Set(colours).count == 3)
}

@Test func svgHasALegendEntryPerSeries() throws {
    let svg = try referralsChart(.bars)
    let entries = svg.all(class: "legend-entry")
    #expect(entries.map { $0.all("text").first?.text } == ["Labour", "Sexual", "Sexual <& \"criminal\">"])
    let swatches = entries.map { $0.all("rect").first?.attributes["fill"] }
    let barColours = svg.all(class: "series").map { $0.all("rect").first?.attributes["fill"] }
    #expect(swatches == barColours)
}

@Test func svgHasAxesWithNiceTickLabelsAndAxisTitles() throws {
    let svg = try referralsChart(.bars)
    let valueAxis = try #require(svg.all(class: "value-axis").first)
    #expect(valueAxis.all(class: "tick-label").map(\.text) == ["0", "2,000", "4,000", "6,000"])
    #expect(valueAxis.all(class: "axis-label").first?.text == "Referrals")
    let categoryAxis = try #require(svg.all(class: "category-axis").first)
    #expect(categoryAxis.all(class: "tick-label").map(\.text) == ["2021", "2022", "2023"])
    #expect(categoryAxis.all(class: "axis-label").first?.text == "Year")
}

@Test func svgHorizontalMoneyBarsUseTableMoneyLabelsAndShortMoneyTicks() throws {
    let svg = try parseXML(try Renderer.svg(OutputFixtures.funding, chart: ChartSpec(
        category: "recipient", value: "amount_gbp", style: .horizontalBars, title: "Funding, 2011–2019")))
    let marks = svg.all(class: "mark")
    #expect(marks.map { $0.all(class: "value-label").first?.text } == ["£1,360,000", "£250,000.50", "£42"])
    #expect(marks.map { $0.child("title")?.text } == [
        "The Salvation Army: £1,360,000", "Unseen UK: £250,000.50", "Café “Ἑλλάς” ‘Trust’, Ltd: £42"])
    let valueAxis = try #require(svg.all(class: "value-axis").first)
    #expect(valueAxis.all(class: "tick-label").map(\.text) == ["£0", "£500k", "£1m", "£1.5m"])
    #expect(valueAxis.all(class: "axis-label").first?.text == "Amount (£)")
    #expect(svg.all(class: "legend").isEmpty, "no series, no legend")
    #expect(svg.child("title")?.text == "Funding, 2011–2019")
    let widths = marks.map { Double($0.all("rect")[0].attributes["width"]!)! }
    #expect(widths[0] > widths[1] && widths[1] > widths[2])
}

@Test func svgWithoutAChartSpecChartsTheFirstNumericColumnByTheFirstTextColumn() throws {
    let spec = try ChartSpec.default(for: OutputFixtures.funding)
    #expect(spec == ChartSpec(category: "recipient", value: "amount_gbp", style: .horizontalBars))
    let yearly = ReportTable(title: "By year", columns: [ReportColumn("year", .text), ReportColumn("referrals", .integer)],
                             rows: [[.integer(2022), .integer(16_938)], [.integer(2023), .integer(17_004)]])
    #expect(try ChartSpec.default(for: yearly).style == .bars)
    let svg = try parseXML(try Renderer.render(yearly, as: .svg))
    #expect(svg.all(class: "mark").map { $0.all(class: "value-label").first?.text } == ["16,938", "17,004"])
}

@Test func svgOfAnEmptyTableSaysNoData() throws {
    let svg = try parseXML(try Renderer.render(OutputFixtures.empty, as: .svg))
    #expect(svg.all(class: "no-data").first?.text == "No data")
    #expect(svg.all(class: "mark").isEmpty)
    let allNull = ReportTable(title: "t", columns: OutputFixtures.empty.columns, rows: [[.text("x"), .null]])
    #expect(try parseXML(try Renderer.render(allNull, as: .svg)).all(class: "no-data").count == 1)
}

@Test func svgHandlesNegativeValuesAndPercentTicks() throws {
    let table = ReportTable(title: "Change", columns: [ReportColumn("region", .text), ReportColumn("change", .percent)],
                            rows: [[.text("North"), .real(12.5)], [.text("South"), .real(-4)]])
    let svg = try parseXML(try Renderer.svg(table, chart: ChartSpec(category: "region", value: "change")))
    #expect(svg.all(class: "mark").map { $0.all(class: "value-label").first?.text } == ["12.5%", "-4%"])
    let ticks = svg.all(class: "value-axis").first?.all(class: "tick-label").map(\.text)
    #expect(ticks == ["-5%", "0%", "5%", "10%", "15%"])
    #expect(svg.all(class: "zero-line").count == 1)
}

@Test func svgExplainsWhyAChartCannotBeDrawn() {
    let referrals = OutputFixtures.referrals
    #expect(throws: RenderError.unknownColumn("count", available: ["year", "exploitation_type", "referrals"])) {
        try Renderer.svg(referrals, chart: ChartSpec(category: "year", value: "count"))
    }
    #expect(throws: RenderError.duplicateDataPoint(category: "2021", series: nil)) {
        try Renderer.svg(referrals, chart: ChartSpec(category: "year", value: "referrals"))
    }
    #expect(throws: RenderError.nonNumericValue(column: "exploitation_type", row: 0)) {
        try Renderer.svg(referrals, chart: ChartSpec(category: "year", value: "exploitation_type"))
    }
    let textOnly = ReportTable(title: "t", columns: [ReportColumn("uin", .text)], rows: [])
    #expect(throws: RenderError.noNumericColumn) { try Renderer.render(textOnly, as: .svg) }
    #expect(RenderError.noNumericColumn.description.contains("chart spec"))
}

@Test func niceScaleTicksStepBy1_2Or5TimesAPowerOfTen() {
    #expect(NiceScale(lo: 0, hi: 5_210, integral: true).ticks == [0, 2_000, 4_000, 6_000])
    #expect(NiceScale(lo: 0, hi: 1_360_000, integral: false).ticks == [0, 500_000, 1_000_000, 1_500_000])
    #expect(NiceScale(lo: 0, hi: 0.8, integral: false).step == 0.2)
    #expect(NiceScale(lo: 0, hi: 3, integral: true).step == 1, "counts never get fractional ticks")
    #expect(NiceScale(lo: 0, hi: 0, integral: true).ticks == [0, 1])
    #expect(NiceScale(lo: 100, hi: 100, integral: true).ticks.first == 0, "bars start at zero")
}

@Test func svgEscapesMarkupAndDropsCharactersXMLForbids() throws {
    let table = ReportTable(title: "<script>&\u{01}", columns: [ReportColumn("name", .text), ReportColumn("n", .integer)],
                            rows: [[.text("A & B <Ltd> 'x' \"y\"\u{0B}"), .integer(1)]])
    let text = try Renderer.svg(table, chart: ChartSpec(category: "name", value: "n"))
    #expect(!text.contains("<script>"))
    let svg = try parseXML(text)
    #expect(svg.child("title")?.text == "<script>&")
    #expect(svg.all(class: "mark").first?.child("title")?.text == "A & B <Ltd> 'x' \"y\" : 1", "vertical tab became a space")
}

@Test func niceScaleLeavesRoomBelowTheLowestNegativeValue() {
    #expect(NiceScale(lo: -5, hi: 12.5, integral: false).ticks == [-10, -5, 0, 5, 10, 15])
}

@Test func svgVerticalBarsTiltLongCategoryNamesAndCutVeryLongOnes() throws {
    let names = ["Home Office Modern Slavery Unit", "Independent Anti-Slavery Commissioner's Office, London", "Short"]
    let table = ReportTable(title: "t", columns: [ReportColumn("body", .text), ReportColumn("n", .integer)],
                            rows: names.enumerated().map { [.text($1), .integer(Int64($0 + 1))] })
    let svg = try parseXML(try Renderer.svg(table, chart: ChartSpec(category: "body", value: "n")))
    let labels = try #require(svg.all(class: "category-axis").first).all(class: "tick-label")
    try #require(labels.count == names.count)
    #expect(labels.allSatisfy { ($0.attributes["transform"] ?? "").hasPrefix("rotate(-45") })
    #expect(labels[1].text == "Independent Anti-Slavery Co…")
    #expect(svg.all(class: "mark")[1].child("title")?.text == "Independent Anti-Slavery Commissioner's Office, London: 2")
    let height = try #require(Double(svg.attributes["height"] ?? ""))
    #expect(height > 456, "taller to make room for the tilted names")
    let firstX = try #require(Double(labels[0].attributes["x"] ?? ""))
    let longest = 28 * 11 * 0.6  // the cut name's estimated width at 11px
    #expect(firstX - longest * 0.72 >= 0, "the first tilted name starts on the page")
}
