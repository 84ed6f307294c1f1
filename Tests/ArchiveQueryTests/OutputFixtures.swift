@testable import ArchiveQuery

/// Small report tables shared by the output format tests.
enum OutputFixtures {
    /// "Funding by recipient": text with commas, quotes and non-ASCII, money whole and with pence,
    /// counts, percentages, dates, and a null in every nullable column.
    static let funding = ReportTable(
        title: "Funding by recipient",
        columns: [
            ReportColumn("recipient", .text),
            ReportColumn("amount_gbp", .money),
            ReportColumn("grants", .integer),
            ReportColumn("share", .percent),
            ReportColumn("first_award", .date),
        ],
        rows: [
            [.text("The Salvation Army"), .integer(1_360_000), .integer(12), .real(10), .text("2011-07-01")],
            [.text("Unseen UK"), .real(250_000.5), .integer(3), .real(2.5), .text("2014-03-10")],
            [.text("Café “Ἑλλάς” ‘Trust’, Ltd"), .real(42), .integer(1_204), .integer(1), .null],
            [.text("Hope for Justice"), .null, .null, .null, .text("2019-01-02")],
        ]
    )

    /// "NRM referrals by year and exploitation type": a category, a series and a count.
    static let referrals = ReportTable(
        title: "NRM referrals by year & type",
        columns: [
            ReportColumn("year", .text),
            ReportColumn("exploitation_type", .text),
            ReportColumn("referrals", .integer),
        ],
        rows: [
            [.integer(2021), .text("Labour"), .integer(3_660)],
            [.integer(2021), .text("Sexual"), .integer(1_750)],
            [.integer(2022), .text("Labour"), .integer(4_790)],
            [.integer(2022), .text("Sexual"), .integer(2_180)],
            [.integer(2023), .text("Labour"), .integer(5_210)],
            [.integer(2023), .text("Sexual <& \"criminal\">"), .integer(2_010)],
        ]
    )

    /// A table with columns but no rows.
    static let empty = ReportTable(
        title: "Nothing matched",
        columns: [ReportColumn("recipient", .text), ReportColumn("amount_gbp", .money)],
        rows: []
    )
}
