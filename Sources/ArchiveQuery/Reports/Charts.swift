/// The charts `--format svg` draws from a report's rows: what to plot is a choice about the
/// report, made here once, so every caller draws the same chart.
public enum FundingChart {
    /// How many bars a funding chart shows; the rest are counted in a note under it.
    public static let maxBars = 25

    /// The largest totals as horizontal bars (by year: every year, as vertical bars, in order).
    public static func chart(_ report: ReportTable, grouping: String) -> (table: ReportTable, spec: ChartSpec) {
        let byYear = grouping == "year"
        var table = report
        var note: String?
        if !byYear, table.rows.count > maxBars {
            note = "The \(maxBars) largest of \(table.rows.count) totals; `archive query funding` lists them all."
            table.rows = Array(table.rows.prefix(maxBars))
        }
        var spec = ChartSpec(category: "name", value: "total_gbp", style: byYear ? .bars : .horizontalBars,
                             title: "Funding by \(grouping)", categoryLabel: grouping == "year" ? "Financial year" : grouping.capitalizedFirst,
                             valueLabel: "Total (£)")
        spec.note = note
        return (table, spec)
    }
}

/// NRM referrals by year: for each calendar year, the total of all referrals the latest answer
/// quoted beside the official total (revised where it was). Quarters, financial years and the
/// totals for one exploitation type or group are left out of the chart, and a note under it says
/// how many rows that leaves in the table.
public enum ReferralChart {
    public static func chart(_ report: ReportTable) -> (table: ReportTable, spec: ChartSpec) {
        func column(_ name: String) -> Int { report.columnIndex(named: name) ?? 0 }
        let (period, type, population, unit, kind, value, published, revised) =
            (column("period"), column("exploitation_type"), column("population"), column("unit"), column("kind"),
             column("value"), column("official_first_published"), column("official_revised"))
        var rows: [[ReportValue]] = []
        var leftOut = 0
        for row in report.rows {
            guard case .text(let year) = row[period], year.count == 4, year.allSatisfy(\.isNumber),
                  row[type] == .null, row[population] == .null, row[unit] == .text("count"), row[kind] == .text("level")
            else { leftOut += 1; continue }
            rows.append([.text(year), .text("quoted in answers"), row[value]])
            let official = row[revised] != .null ? row[revised] : row[published]
            if official != .null { rows.append([.text(year), .text("official total"), official]) }
        }
        var spec = ChartSpec(category: "year", value: "referrals", series: "series", style: .bars,
                             title: "NRM referrals: totals quoted in answers and official totals",
                             categoryLabel: "Year", valueLabel: "Referrals")
        if leftOut > 0 {
            spec.note = "Calendar-year totals only: \(leftOut) rows for quarters, financial years, exploitation types or groups are in `archive query referrals`."
        }
        let table = ReportTable(title: spec.title ?? "", columns: [
            ReportColumn("year", .text), ReportColumn("series", .text), ReportColumn("referrals", .integer),
        ], rows: rows)
        return (table, spec)
    }
}

extension ReportValue {
    /// The text, when the value is text.
    public var textValue: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The value as a whole number, when it is a number.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .real(let value): return Int64(value)
        default: return nil
        }
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
