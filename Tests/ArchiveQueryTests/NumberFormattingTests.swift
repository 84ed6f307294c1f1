import Testing
@testable import ArchiveQuery

@Test func moneyShowsPoundsWithThousandsSeparatorsAndPenceOnlyWhenNotWhole() {
    #expect(NumberText.money(Int64(1_360_000)) == "£1,360,000")
    #expect(NumberText.money(1_360_000.0) == "£1,360,000")
    #expect(NumberText.money(1_360_000.5) == "£1,360,000.50")
    #expect(NumberText.money(0.07) == "£0.07")
    #expect(NumberText.money(999.999) == "£1,000")
    #expect(NumberText.money(-2_500.0) == "-£2,500")
    #expect(NumberText.money(Int64(-12)) == "-£12")
    #expect(NumberText.money(-0.001) == "£0")
}

@Test func integersAndDecimalsAreGroupedInThousands() {
    #expect(NumberText.grouped(Int64(0)) == "0")
    #expect(NumberText.grouped(Int64(999)) == "999")
    #expect(NumberText.grouped(Int64(17_004)) == "17,004")
    #expect(NumberText.grouped(Int64(-1_234_567)) == "-1,234,567")
    #expect(NumberText.grouped(Int64.min) == "-9,223,372,036,854,775,808")
    #expect(NumberText.groupedDecimal(1234.567, maxDecimals: 2) == "1,234.57")
    #expect(NumberText.groupedDecimal(3.0, maxDecimals: 2) == "3")
    #expect(NumberText.groupedDecimal(2.5, maxDecimals: 2) == "2.5")
}

@Test func percentIsPercentagePointsWithAtMostOneDecimal() {
    #expect(NumberText.percent(10) == "10%")
    #expect(NumberText.percent(12.34) == "12.3%")
    #expect(NumberText.percent(0.05) == "0.1%")
}

@Test func rawNumbersNeverUseExponentsOrTrailingPointZero() {
    #expect(NumberText.raw(1_360_000) == "1360000")
    #expect(NumberText.raw(1.36e16) == "13600000000000000")
    #expect(NumberText.raw(1e-5) == "0.00001")
    #expect(NumberText.raw(-2.5) == "-2.5")
    #expect(NumberText.raw(0.1) == "0.1")
    #expect(NumberText.raw(-0.0) == "0")
    #expect(NumberText.raw(123.456e-10) == "0.0000000123456")
    #expect(NumberText.raw(.nan) == nil)
    #expect(NumberText.raw(.infinity) == nil)
    // Every output parses back to the same Double.
    for value in [1e300, .leastNonzeroMagnitude, 0.30000000000000004, 123456789.125, -7e22] {
        #expect(Double(NumberText.raw(value)!) == value)
        #expect(!NumberText.raw(value)!.contains("e"))
    }
}

@Test func rawMoneyIsRoundedToPence() {
    #expect(CellText.raw(.real(0.1 + 0.2), kind: .money) == "0.3")
    #expect(CellText.raw(.real(0.1 + 0.2), kind: .decimal) == "0.30000000000000004")
    #expect(CellText.raw(.real(1_360_000), kind: .money) == "1360000")
}

@Test func compactMoneyForAxisTicks() {
    #expect(NumberText.compactMoney(0) == "£0")
    #expect(NumberText.compactMoney(500) == "£500")
    #expect(NumberText.compactMoney(250_000) == "£250k")
    #expect(NumberText.compactMoney(1_400_000) == "£1.4m")
    #expect(NumberText.compactMoney(2_000_000_000) == "£2bn")
}

@Test func displayWidthCountsGraphemesNotBytes() {
    #expect(DisplayWidth.of("“‘’£é”") == 6)
    #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute accent
    #expect(DisplayWidth.of("人身売買") == 8)  // East Asian wide
    #expect(DisplayWidth.of("👍🏽") == 2)
    #expect(DisplayWidth.of("a\u{200B}b") == 2)  // zero-width space
}

@Test func truncationEndsWithAnEllipsisWithinTheWidth() {
    #expect(DisplayWidth.truncate("Modern Slavery Helpline", to: 10) == "Modern Sl…")
    #expect(DisplayWidth.truncate("short", to: 10) == "short")
    #expect(DisplayWidth.truncate("人身売買", to: 5) == "人身…")
    #expect(DisplayWidth.of(DisplayWidth.truncate("人身売買", to: 5)) <= 5)
}
