/// Turns a report's table into text in one of the output formats.
public enum Renderer {
    /// `table` written `as` the given format. Every format's text ends with a newline (or is
    /// empty), so print it with `print(text, terminator: "")`. Throws when a row's length does not
    /// match the columns, when json/ndjson column names repeat, or when an SVG chart cannot be drawn.
    public static func render(_ table: ReportTable, as format: OutputFormat,
                              options: RenderOptions = RenderOptions()) throws(RenderError) -> String {
        try table.validateShape()
        switch format {
        case .table: return TableFormat.render(table, options: options)
        case .csv: return CSVFormat.render(table, options: options)
        case .json: return try JSONFormat.render(table)
        case .ndjson: return try JSONFormat.renderLines(table)
        case .markdown: return MarkdownFormat.render(table)
        case .svg:
            if let chart = options.chart { return try svg(table, chart: chart) }
            return try svg(table, chart: ChartSpec.default(for: table))
        }
    }

    /// `table` drawn as an SVG chart described by `chart`.
    public static func svg(_ table: ReportTable, chart: ChartSpec) throws(RenderError) -> String {
        try table.validateShape()
        return try SVGChart(table, spec: chart).svg()
    }
}
