import Foundation

// The `svg` format: a bar or line chart of one numeric column of a report, for a browser.
//
// Layout: title at the top, plot in the middle with a value axis (nice 1-2-5 ticks, gridlines)
// and a category axis, a legend on the right when there is a series column. Every data point is
// a `<g class="mark">` holding a `<title>` tooltip, the shape, and a `<text class="value-label">`
// with the value formatted as in the table format. Colours are the Okabe–Ito palette, which stays
// distinguishable with the common kinds of colour blindness.

/// Which columns of a report to chart, and how.
public struct ChartSpec: Sendable, Equatable {
    /// How the data points are drawn.
    public enum Style: Sendable, Equatable {
        /// Vertical bars, grouped by category when there are series; suits years.
        case bars
        /// Horizontal bars with category names on the left; suits long names such as recipients.
        case horizontalBars
        /// One line per series across the categories in row order; suits trends over years.
        case lines
    }

    /// The column whose values name the categories (x for bars and lines, y for horizontal bars).
    public var category: String
    /// The numeric column plotted; its kind formats the labels (money as £, percent as %).
    public var value: String
    /// An optional column splitting the points into series (grouped bars, or one line each).
    public var series: String?
    /// How the points are drawn.
    public var style: Style
    /// The chart's title; nil uses the report's title.
    public var title: String?
    /// The category axis label; nil derives one from the column name ("nrm_year" → "NRM year").
    public var categoryLabel: String?
    /// The value axis label; nil derives one from the column name.
    public var valueLabel: String?
    /// A line under the chart saying what it leaves out, when it does.
    public var note: String?
    /// No chart is wider than this, so it fits a page: bars narrow, and value labels that no longer
    /// fit are left to the tooltips.
    public static let maxWidth = 1200.0

    /// A chart of `value` by `category`, optionally split by `series`.
    public init(category: String, value: String, series: String? = nil, style: Style = .bars,
                title: String? = nil, categoryLabel: String? = nil, valueLabel: String? = nil) {
        self.category = category
        self.value = value
        self.series = series
        self.style = style
        self.title = title
        self.categoryLabel = categoryLabel
        self.valueLabel = valueLabel
    }

    /// A guess for a table with no spec: the first non-numeric column as category (else the
    /// first column), the first other numeric column as value, no series; horizontal bars when
    /// some category name is longer than 12 characters, vertical bars otherwise.
    public static func `default`(for table: ReportTable) throws(RenderError) -> ChartSpec {
        let columns = table.columns
        guard let categoryIndex = columns.firstIndex(where: { !$0.kind.isNumeric }) ?? columns.indices.first,
              let valueIndex = columns.indices.first(where: { $0 != categoryIndex && columns[$0].kind.isNumeric })
        else { throw .noNumericColumn }
        let longest = table.rows.map { row in
            row.indices.contains(categoryIndex) ? DisplayWidth.of(SVGChart.plainLabel(row[categoryIndex])) : 0
        }.max() ?? 0
        return ChartSpec(category: columns[categoryIndex].name, value: columns[valueIndex].name,
                         style: longest > 12 ? .horizontalBars : .bars)
    }
}

/// A chart's data gathered from a report, ready to be drawn as SVG.
public struct SVGChart: Sendable {
    /// What to draw.
    public let spec: ChartSpec
    /// The title shown at the top.
    public let title: String
    /// Category names in order of first appearance in the rows.
    public let categories: [String]
    /// Series names in order of first appearance; one empty name when the spec has no series.
    public let seriesNames: [String]
    /// `values[s][c]`: the value of series `s` at category `c`, nil where no row gives one.
    public let values: [[Double?]]
    /// The kind of the value column, which decides how labels are formatted.
    public let valueKind: ColumnKind

    /// Gathers the spec's columns from `table`. Null values are left out; text values, unknown
    /// columns, and two rows for one category and series are errors.
    public init(_ table: ReportTable, spec: ChartSpec) throws(RenderError) {
        try table.validateShape()
        func index(_ name: String) throws(RenderError) -> Int {
            guard let i = table.columnIndex(named: name) else {
                throw .unknownColumn(name, available: table.columns.map(\.name))
            }
            return i
        }
        let categoryIndex = try index(spec.category)
        let valueIndex = try index(spec.value)
        let seriesIndex: Int?
        if let series = spec.series { seriesIndex = try index(series) } else { seriesIndex = nil }

        var categories: [String] = []
        var categoryPosition: [String: Int] = [:]
        var seriesNames: [String] = seriesIndex == nil ? [""] : []
        var seriesPosition: [String: Int] = seriesIndex == nil ? ["": 0] : [:]
        var points: [[Int: Double]] = seriesIndex == nil ? [[:]] : []
        for (rowNumber, row) in table.rows.enumerated() {
            let category = Self.plainLabel(row[categoryIndex])
            let seriesName = seriesIndex.map { Self.plainLabel(row[$0]) } ?? ""
            let c: Int
            if let known = categoryPosition[category] { c = known } else {
                c = categories.count
                categories.append(category)
                categoryPosition[category] = c
            }
            let s: Int
            if let known = seriesPosition[seriesName] { s = known } else {
                s = seriesNames.count
                seriesNames.append(seriesName)
                seriesPosition[seriesName] = s
                points.append([:])
            }
            let number: Double
            switch row[valueIndex] {
            case .null: continue
            case .text: throw .nonNumericValue(column: spec.value, row: rowNumber)
            case .integer(let i): number = Double(i)
            case .real(let d):
                guard d.isFinite else { continue }
                number = d
            }
            guard points[s][c] == nil else {
                throw .duplicateDataPoint(category: category, series: seriesIndex == nil ? nil : seriesName)
            }
            points[s][c] = number
        }
        self.spec = spec
        self.title = spec.title ?? table.title
        self.categories = categories
        self.seriesNames = seriesNames
        self.values = points.map { byCategory in categories.indices.map { byCategory[$0] } }
        self.valueKind = table.columns[valueIndex].kind
        categoryAxisTitle = spec.categoryLabel ?? Self.humanise(spec.category)
        valueAxisTitle = spec.valueLabel ?? Self.humanise(spec.value)
    }

    private let categoryAxisTitle: String
    private let valueAxisTitle: String

    /// Whether there is anything to plot.
    public var isEmpty: Bool { !values.contains { $0.contains { $0 != nil } } }

    /// Whether the chart has named series (and so a legend).
    public var hasSeries: Bool { spec.series != nil }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        if isEmpty { return emptyChart() }
        switch spec.style {
        case .bars, .lines: return verticalChart()
        case .horizontalBars: return horizontalChart()
        }
    }

    // MARK: - Sizes and colours

    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static let fontSize = 12.0
    static let smallFont = 11.0
    static let titleFont = 16.0
    static let ink = "#222222"
    static let gridColour = "#DDDDDD"
    static let axisColour = "#444444"

    private func colour(_ series: Int) -> String { Self.palette[series % Self.palette.count] }

    /// An estimate of the rendered width of `text` in a sans-serif font of `size` pixels.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(DisplayWidth.of(text)) * size * 0.6
    }

    /// A point's label: the value formatted as the table format shows it.
    private func label(_ value: Double) -> String {
        CellText.display(.real(value), kind: valueKind)
    }

    private func tooltip(category c: Int, series s: Int, value: Double) -> String {
        let name = hasSeries ? "\(categories[c]) (\(seriesNames[s]))" : categories[c]
        return "\(name): \(label(value))"
    }

    // MARK: - Charts

    private func emptyChart() -> String {
        let width = 640.0, height = 240.0
        var doc = SVGDocument(width: width, height: height, title: title)
        doc.text(title, x: width / 2, y: 32, size: Self.titleFont, anchor: "middle", attributes: ["font-weight": "bold", "class": "chart-title"])
        doc.text("No data", x: width / 2, y: height / 2 + 6, size: Self.titleFont, anchor: "middle", attributes: ["fill": "#666666", "class": "no-data"])
        return doc.finish()
    }

    /// Vertical bars or lines: categories along the bottom, values up the left.
    private func verticalChart() -> String {
        let allValues = values.flatMap { $0.compactMap { $0 } }
        let scale = NiceScale(lo: allValues.min() ?? 0, hi: allValues.max() ?? 0, integral: valueKind == .integer)
        let tickLabels = scale.ticks.map { scale.tickLabel($0, kind: valueKind) }
        let valueLabelWidth = allValues.map { Self.textWidth(label($0), size: Self.smallFont) }.max() ?? 0
        let shownCategories = categories.map { DisplayWidth.truncate($0, to: 28) }
        let categoryWidth = shownCategories.map { Self.textWidth($0, size: Self.smallFont) }.max() ?? 0
        let seriesCount = Double(seriesNames.count)

        let naturalBarWidth = min(96, max(18, valueLabelWidth + 4))
        let slot: Double = spec.style == .lines
            ? max(56, valueLabelWidth + 12, categoryWidth + 8)
            : seriesCount * naturalBarWidth + max(12, naturalBarWidth / 2)
        let tickWidth = tickLabels.map { Self.textWidth($0, size: Self.smallFont) }.max() ?? 0
        let legendWidth = hasSeries ? 36 + (seriesNames.map { Self.textWidth($0, size: Self.fontSize) }.max() ?? 0) : 0
        // The widest plot that keeps the chart within maxWidth, leaving room for tilted names.
        let widestPlot = ChartSpec.maxWidth - max(36 + tickWidth + 8, categoryWidth * 0.72 + 12) - 24 - legendWidth
        let plotWidth = min(max(360, slot * Double(categories.count)), widestPlot)
        let slotWidth = plotWidth / Double(categories.count)
        let barWidth = min(naturalBarWidth, max(2, (slotWidth - 6) / seriesCount))
        let showValueLabels = barWidth >= valueLabelWidth || spec.style == .lines
        let rotate = categoryWidth > slotWidth - 6
        let plotHeight = 320.0

        // Tilted names run down and to the left of their tick; keep the first one on the page.
        let left = max(36 + tickWidth + 8, rotate ? categoryWidth * 0.72 - slotWidth / 2 + 12 : 0)
        let top = 56.0 + 18
        let bottomLabels = rotate ? categoryWidth * 0.72 + 18 : 22
        let width = (left + plotWidth + 24 + legendWidth).rounded(.up)
        let height = (top + plotHeight + bottomLabels + 40 + noteHeight).rounded(.up)
        let bottom = top + plotHeight
        func y(_ v: Double) -> Double { bottom - (v - scale.lo) / (scale.hi - scale.lo) * plotHeight }

        var doc = SVGDocument(width: width, height: height, title: title)
        doc.text(title, x: width / 2, y: 30, size: Self.titleFont, anchor: "middle", attributes: ["font-weight": "bold", "class": "chart-title"])

        // Value axis: gridlines, ticks, labels, and its title rotated up the left edge.
        doc.open("g", ["class": "axis value-axis"])
        for (tick, text) in zip(scale.ticks, tickLabels) {
            doc.line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), stroke: Self.gridColour, attributes: ["class": "gridline"])
            doc.line(x1: left - 5, y1: y(tick), x2: left, y2: y(tick), stroke: Self.axisColour)
            doc.text(text, x: left - 8, y: y(tick) + 4, size: Self.smallFont, anchor: "end", attributes: ["class": "tick-label"])
        }
        doc.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Self.axisColour)
        doc.text(valueAxisTitle, x: 16, y: top + plotHeight / 2, size: Self.fontSize, anchor: "middle",
                 attributes: ["class": "axis-label", "transform": "rotate(-90 16 \(fmt(top + plotHeight / 2)))"])
        doc.close("g")

        // Category axis along the zero line's bottom edge.
        doc.open("g", ["class": "axis category-axis"])
        doc.line(x1: left, y1: bottom, x2: left + plotWidth, y2: bottom, stroke: Self.axisColour)
        for (c, name) in shownCategories.enumerated() {
            let x = left + slotWidth * (Double(c) + 0.5)
            doc.line(x1: x, y1: bottom, x2: x, y2: bottom + 5, stroke: Self.axisColour)
            if rotate {
                doc.text(name, x: x, y: bottom + 16, size: Self.smallFont, anchor: "end",
                         attributes: ["class": "tick-label", "transform": "rotate(-45 \(fmt(x)) \(fmt(bottom + 16)))"])
            } else {
                doc.text(name, x: x, y: bottom + 18, size: Self.smallFont, anchor: "middle", attributes: ["class": "tick-label"])
            }
        }
        doc.text(categoryAxisTitle, x: left + plotWidth / 2, y: height - 12 - noteHeight, size: Self.fontSize, anchor: "middle", attributes: ["class": "axis-label"])
        doc.close("g")
        if scale.lo < 0 {
            doc.line(x1: left, y1: y(0), x2: left + plotWidth, y2: y(0), stroke: Self.axisColour, attributes: ["class": "zero-line"])
        }

        for (s, byCategory) in values.enumerated() {
            doc.open("g", ["class": "series", "data-series": seriesNames[s]])
            if spec.style == .lines {
                // One path per run of consecutive values; a missing value breaks the line.
                var runs: [[(Double, Double)]] = [[]]
                for (c, value) in byCategory.enumerated() {
                    if let value { runs[runs.count - 1].append((left + slotWidth * (Double(c) + 0.5), y(value))) }
                    else if !runs[runs.count - 1].isEmpty { runs.append([]) }
                }
                for run in runs where run.count > 1 {
                    doc.element("polyline", ["points": run.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " "),
                                             "fill": "none", "stroke": colour(s), "stroke-width": "2.5", "class": "line"])
                }
            }
            for (c, value) in byCategory.enumerated() {
                guard let value else { continue }
                let text = label(value)
                doc.open("g", ["class": "mark", "data-category": categories[c]])
                doc.title(tooltip(category: c, series: s, value: value))
                if spec.style == .lines {
                    let x = left + slotWidth * (Double(c) + 0.5)
                    doc.element("circle", ["cx": fmt(x), "cy": fmt(y(value)), "r": "4", "fill": colour(s),
                                           "stroke": "#FFFFFF", "stroke-width": "1"])
                    doc.text(text, x: x, y: y(value) - 9, size: Self.smallFont, anchor: "middle", attributes: ["class": "value-label"])
                } else {
                    let groupLeft = left + slotWidth * Double(c) + (slotWidth - seriesCount * barWidth) / 2
                    let x = groupLeft + Double(s) * barWidth
                    let top = min(y(value), y(0)), height = abs(y(value) - y(0))
                    doc.element("rect", ["x": fmt(x + 1), "y": fmt(top), "width": fmt(barWidth - 2),
                                         "height": fmt(height), "fill": colour(s)])
                    let labelY = value >= 0 ? top - 4 : top + height + 13
                    if showValueLabels {
                        doc.text(text, x: x + barWidth / 2, y: labelY, size: Self.smallFont, anchor: "middle", attributes: ["class": "value-label"])
                    }
                }
                doc.close("g")
            }
            doc.close("g")
        }
        if hasSeries { legend(&doc, x: left + plotWidth + 24, y: top) }
        drawNote(&doc, height: height)
        return doc.finish()
    }

    /// Room kept along the bottom for the spec's note.
    private var noteHeight: Double { spec.note == nil ? 0 : 22 }

    /// The spec's note, small, along the bottom edge.
    private func drawNote(_ doc: inout SVGDocument, height: Double) {
        guard let note = spec.note else { return }
        doc.text(note, x: 16, y: height - 8, size: Self.smallFont, anchor: "start", attributes: ["fill": "#555555", "class": "chart-note"])
    }

    /// Horizontal bars: category names down the left, values along the bottom.
    private func horizontalChart() -> String {
        let allValues = values.flatMap { $0.compactMap { $0 } }
        let scale = NiceScale(lo: allValues.min() ?? 0, hi: allValues.max() ?? 0, integral: valueKind == .integer)
        let tickLabels = scale.ticks.map { scale.tickLabel($0, kind: valueKind) }
        let valueLabelWidth = allValues.map { Self.textWidth(label($0), size: Self.smallFont) }.max() ?? 0
        let shownCategories = categories.map { DisplayWidth.truncate($0, to: 40) }
        let categoryWidth = shownCategories.map { Self.textWidth($0, size: Self.smallFont) }.max() ?? 0
        let seriesCount = Double(seriesNames.count)

        let barHeight = 20.0
        let slotHeight = seriesCount * barHeight + 12
        let plotHeight = slotHeight * Double(categories.count)
        let plotWidth = 480.0
        let left = 36 + categoryWidth + 10
        let top = 56.0
        let hasNegative = scale.lo < 0
        let legendWidth = hasSeries ? 36 + (seriesNames.map { Self.textWidth($0, size: Self.fontSize) }.max() ?? 0) : 0
        let right = valueLabelWidth + 16
        let width = (left + (hasNegative ? valueLabelWidth + 8 : 0) + plotWidth + right + legendWidth).rounded(.up)
        let plotLeft = left + (hasNegative ? valueLabelWidth + 8 : 0)
        let bottom = top + plotHeight
        let height = (bottom + 62 + noteHeight).rounded(.up)
        func x(_ v: Double) -> Double { plotLeft + (v - scale.lo) / (scale.hi - scale.lo) * plotWidth }

        var doc = SVGDocument(width: width, height: height, title: title)
        doc.text(title, x: width / 2, y: 30, size: Self.titleFont, anchor: "middle", attributes: ["font-weight": "bold", "class": "chart-title"])

        doc.open("g", ["class": "axis value-axis"])
        for (tick, text) in zip(scale.ticks, tickLabels) {
            doc.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: Self.gridColour, attributes: ["class": "gridline"])
            doc.line(x1: x(tick), y1: bottom, x2: x(tick), y2: bottom + 5, stroke: Self.axisColour)
            doc.text(text, x: x(tick), y: bottom + 18, size: Self.smallFont, anchor: "middle", attributes: ["class": "tick-label"])
        }
        doc.line(x1: plotLeft, y1: bottom, x2: plotLeft + plotWidth, y2: bottom, stroke: Self.axisColour)
        doc.text(valueAxisTitle, x: plotLeft + plotWidth / 2, y: height - 12 - noteHeight, size: Self.fontSize, anchor: "middle", attributes: ["class": "axis-label"])
        doc.close("g")

        doc.open("g", ["class": "axis category-axis"])
        doc.line(x1: x(0), y1: top, x2: x(0), y2: bottom, stroke: Self.axisColour)
        for (c, name) in shownCategories.enumerated() {
            let y = top + slotHeight * (Double(c) + 0.5)
            doc.text(name, x: left - 8, y: y + 4, size: Self.smallFont, anchor: "end", attributes: ["class": "tick-label"])
        }
        doc.text(categoryAxisTitle, x: 16, y: top + plotHeight / 2, size: Self.fontSize, anchor: "middle",
                 attributes: ["class": "axis-label", "transform": "rotate(-90 16 \(fmt(top + plotHeight / 2)))"])
        doc.close("g")

        for (s, byCategory) in values.enumerated() {
            doc.open("g", ["class": "series", "data-series": seriesNames[s]])
            for (c, value) in byCategory.enumerated() {
                guard let value else { continue }
                let y = top + slotHeight * Double(c) + 6 + Double(s) * barHeight
                let start = min(x(value), x(0)), length = abs(x(value) - x(0))
                doc.open("g", ["class": "mark", "data-category": categories[c]])
                doc.title(tooltip(category: c, series: s, value: value))
                doc.element("rect", ["x": fmt(start), "y": fmt(y + 1), "width": fmt(length),
                                     "height": fmt(barHeight - 2), "fill": colour(s)])
                if value >= 0 {
                    doc.text(label(value), x: start + length + 4, y: y + barHeight / 2 + 4, size: Self.smallFont, anchor: "start", attributes: ["class": "value-label"])
                } else {
                    doc.text(label(value), x: start - 4, y: y + barHeight / 2 + 4, size: Self.smallFont, anchor: "end", attributes: ["class": "value-label"])
                }
                doc.close("g")
            }
            doc.close("g")
        }
        if hasSeries { legend(&doc, x: plotLeft + plotWidth + right, y: top) }
        drawNote(&doc, height: height)
        return doc.finish()
    }

    private func legend(_ doc: inout SVGDocument, x: Double, y: Double) {
        doc.open("g", ["class": "legend"])
        for (s, name) in seriesNames.enumerated() {
            let rowY = y + Double(s) * 20
            doc.open("g", ["class": "legend-entry"])
            doc.element("rect", ["x": fmt(x), "y": fmt(rowY), "width": "12", "height": "12", "fill": colour(s)])
            doc.text(name, x: x + 18, y: rowY + 10, size: Self.fontSize, anchor: "start", attributes: [:])
            doc.close("g")
        }
        doc.close("g")
    }

    // MARK: - Labels

    /// A category or series value as plain text: numbers unadorned (2023), null as "(blank)".
    static func plainLabel(_ value: ReportValue) -> String {
        if case .null = value { return "(blank)" }
        return DisplayWidth.singleLine(CellText.display(value, kind: .text))
    }

    /// A column name made readable: "nrm_referrals" → "NRM referrals", "amount_gbp" → "Amount (£)".
    static func humanise(_ name: String) -> String {
        let words = name.split(separator: "_").map { word -> String in
            switch word.lowercased() {
            case "gbp": "(£)"
            case "pct", "percent": "(%)"
            case "nrm", "uk", "uin", "id", "ngo": word.uppercased()
            default: String(word)
            }
        }
        let spaced = words.joined(separator: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}

/// Axis bounds and ticks at 1, 2 or 5 × 10ⁿ steps, always including zero.
struct NiceScale {
    /// The lowest and highest tick.
    let lo: Double, hi: Double
    /// The distance between ticks.
    let step: Double
    /// The tick values, from `lo` to `hi`.
    let ticks: [Double]

    init(lo dataLo: Double, hi dataHi: Double, integral: Bool, target: Int = 5) {
        var lo = min(0, dataLo), hi = max(0, dataHi)
        if lo == hi { hi = 1 }
        let raw = (hi - lo) / Double(target)
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        var step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude
        if integral { step = max(step, 1) }
        lo = (lo / step).rounded(.down) * step
        hi = (hi / step).rounded(.up) * step
        // Leave room below the lowest negative bar for its label.
        if lo < 0 && lo == dataLo { lo -= step }
        let count = Int(((hi - lo) / step).rounded())
        self.lo = lo
        self.hi = hi
        self.step = step
        self.ticks = (0...count).map { lo + Double($0) * step }
    }

    /// The decimals needed to tell ticks apart.
    var decimals: Int { step >= 1 ? 0 : Int((-log10(step)).rounded(.up)) }

    /// A tick's label: money short (£1.4m), percent with %, counts grouped.
    func tickLabel(_ value: Double, kind: ColumnKind) -> String {
        let v = abs(value) < step / 1e6 ? 0 : value
        switch kind {
        case .money: return NumberText.compactMoney(v)
        case .percent: return NumberText.groupedDecimal(v, maxDecimals: decimals) + "%"
        default: return NumberText.groupedDecimal(v, maxDecimals: decimals)
        }
    }
}

/// A coordinate written with at most one decimal.
private func fmt(_ value: Double) -> String {
    NumberText.raw((value * 10).rounded() / 10) ?? "0"
}

/// A small writer of well-formed SVG: escapes text and attribute values, drops characters XML 1.0
/// forbids, and keeps elements balanced.
struct SVGDocument {
    private var out: String
    private var open: [String] = []

    init(width: Double, height: Double, title: String) {
        let w = fmt(width), h = fmt(height)
        out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
        out += "font-family=\"sans-serif\" font-size=\"\(fmt(SVGChart.fontSize))\" fill=\"\(SVGChart.ink)\" role=\"img\">\n"
        open = ["svg"]
        self.title(title)
        element("rect", ["width": "100%", "height": "100%", "fill": "#FFFFFF"])
    }

    mutating func open(_ name: String, _ attributes: [String: String]) {
        out += String(repeating: "  ", count: open.count) + "<" + name + Self.attributes(attributes) + ">\n"
        open.append(name)
    }

    mutating func close(_ name: String) {
        precondition(open.last == name, "closing <\(name)> inside <\(open.last ?? "")>")
        open.removeLast()
        out += String(repeating: "  ", count: open.count) + "</" + name + ">\n"
    }

    mutating func element(_ name: String, _ attributes: [String: String]) {
        out += String(repeating: "  ", count: open.count) + "<" + name + Self.attributes(attributes) + "/>\n"
    }

    mutating func title(_ text: String) {
        out += String(repeating: "  ", count: open.count) + "<title>" + Self.escape(text) + "</title>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, attributes: [String: String] = [:]) {
        element("line", attributes.merging(["x1": fmt(x1), "y1": fmt(y1), "x2": fmt(x2), "y2": fmt(y2), "stroke": stroke]) { a, _ in a })
    }

    mutating func text(_ text: String, x: Double, y: Double, size: Double, anchor: String, attributes: [String: String]) {
        let all = attributes.merging(["x": fmt(x), "y": fmt(y), "font-size": fmt(size), "text-anchor": anchor]) { a, _ in a }
        out += String(repeating: "  ", count: open.count) + "<text" + Self.attributes(all) + ">" + Self.escape(text) + "</text>\n"
    }

    mutating func finish() -> String {
        while let name = open.last { close(name) }
        return out
    }

    /// Attributes in a stable (sorted) order, values escaped.
    private static func attributes(_ attributes: [String: String]) -> String {
        attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
    }

    /// Text safe inside an element or a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\r", "\t": out += " "
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }  // not allowed in XML 1.0
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
