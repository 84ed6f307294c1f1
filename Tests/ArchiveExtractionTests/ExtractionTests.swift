// Unit tests for the extraction grammar: money forms, percentages, periods, qualifiers, change,
// things that are not figures, tables, evidence offsets and organisation names.
import ArchiveExtraction
import Testing

private let extractor = Extractor()

private func grants(_ s: String) -> [GrantMention] { extractor.extract(from: s).grants }
private func figures(_ s: String) -> [Figure] { extractor.extract(from: s).figures }

/// The substring at the evidence's unicode-scalar offsets, as SQLite substr would return it.
private func substring(_ text: String, _ span: TextSpan) -> String {
    var v = String.UnicodeScalarView()
    v.append(contentsOf: Array(text.unicodeScalars)[span.start..<span.end])
    return String(v)
}

@Suite struct MoneyTests {
    @Test func millionsWithDecimalsAreExactPence() {
        let g = grants("We are providing £1.36m over three years to Changing Lives for their Net-Reach project.")
        #expect(g.count == 1)
        #expect(g.first?.amountPence == 136_000_000)
        #expect(g.first?.recipient == "Changing Lives")
        #expect(g.first?.project == "Net-Reach")
        #expect(g.first?.durationMonths == 36)
        #expect(g.first?.evidence.text == "£1.36m over three years to Changing Lives for their Net-Reach project")
    }

    @Test func spelledOutMillionIsTheSameAmount() {
        #expect(grants("The Home Office is providing £1.36 million to Changing Lives.").first?.amountPence == 136_000_000)
        #expect(grants("We have awarded £2 million to Barnardo’s.").first?.amountPence == 200_000_000)
    }

    @Test func poundsWithThousandsSeparatorsAreExact() {
        let g = grants("We are also providing £378,811 to Trevi Women who provide trauma-informed support.")
        #expect(g.first?.amountPence == 37_881_100)
        #expect(g.first?.recipient == "Trevi Women")
        #expect(g.first?.evidence.text == "£378,811 to Trevi Women")
    }

    @Test func billionsAndThousandsMultipliersScaleExactly() {
        #expect(figures("The settlement is worth £10.5bn in total.").first?.value == 10_500_000_000)
        #expect(grants("We gave £200k to The Salvation Army.").first?.amountPence == 20_000_000)
        #expect(grants("We gave £4.3 billion to the NHS.").first?.amountPence == 430_000_000_000)
    }

    @Test func aSumWithoutANamedRecipientIsAFigureNotAGrant() {
        let out = extractor.extract(from: "We have set up a £7 million fund to help victims. They receive £65 per week.")
        #expect(out.grants.isEmpty)
        #expect(out.figures.map(\.value) == [7_000_000, 65])
        #expect(out.figures.allSatisfy { $0.unit == .gbp })
        #expect(out.figures.last?.evidence.text == "£65 per week")
    }

    @Test func aGenericRecipientIsNotAGrant() {
        let out = extractor.extract(from: "We have provided £389,000 to organisations which help those who want to leave prostitution.")
        #expect(out.grants.isEmpty)
        #expect(out.figures.first?.value == 389_000)
    }

    @Test func recipientsBeforeTheAmountAreFound() {
        #expect(grants("Changing Lives will receive £475,000 in 2025-26.").first?.recipient == "Changing Lives")
        #expect(grants("Changing Lives will receive £475,000 in 2025-26.").first?.financialYear == "2025-26")
        #expect(grants("The NSPCC has been awarded £1.2m to run the helpline.").first?.recipient == "NSPCC")
        #expect(grants("The Department awarded Unseen a grant of £250,000.").first?.recipient == "Unseen")
        #expect(grants("We are providing funding of £300,000 for Hope for Justice.").first?.recipient == "Hope for Justice")
    }

    @Test func quotedRecipientsAreCleanedOfQuotes() {
        let g = grants("We are providing £1.36m to ‘Changing Lives’ for their Net-Reach project.")
        #expect(g.first?.recipient == "Changing Lives")
        #expect(g.first?.project == "Net-Reach")
    }

    @Test func programmesAndDeliveryPartnersAreRead() {
        let g = grants("We provided £650,000 from the Violence Against Women and Girls Service Transformation Fund to Merseyside PCC.")
        #expect(g.first?.recipient == "Merseyside PCC")
        #expect(g.first?.programme == "Violence Against Women and Girls Service Transformation Fund")
        let h = grants("The Home Office has provided £150,000 to fund this research, which will be carried out by the University of Bristol.")
        #expect(h.first?.recipient == "University of Bristol")
    }

    @Test func aDateRangeGivesDurationAndFinancialYear() {
        let g = grants("The Home Office is also providing £475,000 to Changing Lives from 1 April 2025 to 31 March 2026, to address gaps.")
        #expect(g.first?.durationMonths == 12)
        #expect(g.first?.financialYear == "2025-26")
        #expect(g.first?.evidence.text == "£475,000 to Changing Lives from 1 April 2025 to 31 March 2026")
    }

    @Test func durationsInDigitsAndWordsBecomeMonths() {
        #expect(grants("We will give £2m over 5 years to Unseen.").first?.durationMonths == 60)
        #expect(grants("We will give £2m to Unseen for two years.").first?.durationMonths == 24)
        #expect(grants("We will give £2m in 2024-25 to Unseen.").first?.financialYear == "2024-25")
    }

    @Test func aNamedFunderOtherThanTheAnsweringBodyIsReported() throws {
        let text = "The Department for Education is providing £2 million to Barnardo's."
        #expect(extractor.extract(from: text, answeringBody: "Home Office").grants.first?.funder == "Department for Education")
        let own = "The Home Office is providing £2 million to Barnardo's."
        #expect(try #require(extractor.extract(from: own, answeringBody: "Home Office").grants.first).funder == nil)
        #expect(try #require(grants("We are providing £2 million to Barnardo's.").first).funder == nil)
    }

    @Test func oneSumIsNeverBothAGrantAndAFigure() {
        let out = extractor.extract(from: "We are providing £1.36m to Changing Lives.")
        #expect(out.grants.count == 1)
        #expect(out.figures.isEmpty)
    }
}

@Suite struct PercentAndQualifierTests {
    @Test func percentFormsAreAllPercent() {
        for s in ["Sexual exploitation accounted for 10% of referrals.", "Sexual exploitation accounted for 10 per cent of referrals.",
                  "Sexual exploitation accounted for 10 percent of referrals."] {
            let f = figures(s)
            #expect(f.count == 1)
            #expect(f.first?.value == 10)
            #expect(f.first?.unit == .percent)
        }
    }

    @Test func circaPercentIsApproximately() {
        let f = figures("The Home Office provides c.30% of funding, with the remaining c.70% coming from PCCs in 2025-26.")
        #expect(f.map(\.value) == [30, 70])
        #expect(f.allSatisfy { $0.qualifier == "approximately" && $0.period == "2025-26" })
        #expect(f.first?.evidence.text == "c.30%")
    }

    @Test func qualifiersAreNormalised() {
        #expect(figures("well over 100,000 individuals may be affected.").first?.qualifier == "over")
        #expect(figures("well over 100,000 individuals may be affected.").first?.evidence.text == "well over 100,000")
        #expect(figures("There were more than 500 referrals.").first?.qualifier == "more than")
        #expect(figures("There were about 500 referrals.").first?.qualifier == "approximately")
        #expect(figures("There were some 500 referrals.").first?.qualifier == "approximately")
        #expect(figures("There were nearly 500 referrals.").first?.qualifier == "nearly")
        #expect(figures("Funding of up to £5 million is available.").first?.qualifier == "up to")
        #expect(figures("There were fewer than 20 prosecutions.").first?.qualifier == "fewer than")
        #expect(figures("We spent over £37 million through the Modern Slavery Fund.").first?.qualifier == "over")
    }

    @Test func changesAreDistinguishedFromLevels() {
        let f = figures("In 2023, sexual exploitation accounted for 10% (1,679) of all referrals, a 2% increase from the previous year.")
        #expect(f.map(\.kind) == [.level, .level, .change])
        #expect(f.last?.evidence.text == "a 2% increase")
        #expect(f.last?.period == "2023")
        #expect(f.last?.direction == .increase)
        let g = figures("Referrals rose by 300 in 2022.")
        #expect(g.first?.kind == .change)
        #expect(g.first?.evidence.text == "rose by 300")
        #expect(figures("Prosecutions fell by 5% in 2021.").first?.direction == .decrease)
        #expect(figures("There was an increase of 12% in 2021.").first?.evidence.text == "an increase of 12%")
    }
}

@Suite struct PeriodTests {
    private func period(_ s: String) -> String? { figures(s).first?.period }

    @Test func yearsAndFinancialYearsAreNormalised() {
        #expect(period("In 2023, there were 1,679 referrals.") == "2023")
        #expect(period("In 2023-24, there were 1,679 referrals.") == "2023-24")
        #expect(period("In 2023/24, there were 1,679 referrals.") == "2023-24")
        #expect(period("In 2023-2024, there were 1,679 referrals.") == "2023-24")
        #expect(period("In the financial year 2023 to 2024, there were 1,679 referrals.") == "2023-24")
    }

    @Test func quartersAreNormalised() {
        #expect(period("In Q2 2023, there were 4,000 referrals.") == "2023-Q2")
        #expect(period("Between April and June 2023, there were 4,000 referrals.") == "2023-Q2")
        #expect(period("From April to June 2023 there were 4,000 referrals.") == "2023-Q2")
    }

    @Test func rangesAreNormalised() {
        #expect(period("Between 2019 and 2023, 50,000 people were referred.") == "2019-2023")
        #expect(period("Between October 2018 and December 2019 there were 378 males.") == "2018-10/2019-12")
    }

    @Test func thePreviousYearTakesTheSentencesYear() {
        let f = figures("In 2023 there were 17,004 referrals, a 2% increase on the previous year.")
        #expect(f.last?.period == "2023")
    }

    @Test func anaphoricPeriodsAreResolved() {
        let f = figures("Data covers October 2018 to December 2019.\n\nThe split in this timeframe is 378 males.")
        #expect(f.first?.period == "2018-10/2019-12")
    }
}

@Suite struct NotAFigureTests {
    @Test func yearsInNamesAndDatesAreNotFigures() {
        #expect(figures("The Online Safety Act 2023 sets out priority offences under the Modern Slavery Act 2015.").isEmpty)
        #expect(figures("On 17 October 2024 the Minister met NGOs. In 2023 a study was published.").isEmpty)
        #expect(figures("[holding answer 14 September 2009] The study was published on 26th June 2020.").isEmpty)
    }

    @Test func questionReferencesAndSectionsAreNotFigures() {
        #expect(figures("Pursuant to the Answer of 3 July 2017 to Question 1480 and PQ 12345, see HL1234.").isEmpty)
        #expect(figures("We are considering section 45 and Section 54 of the Act, and paragraph 3.").isEmpty)
        #expect(figures("Data is in tables Irr_D04 and Irr_D05.").isEmpty)
    }

    @Test func listNumberingIsNotAFigure() {
        #expect(figures("1. The Home Office holds data.\n2. It is not published.\n(a) women and (b) girls").isEmpty)
        #expect(figures("how many were given (1) a positive decision and (2) a negative decision").isEmpty)
    }

    @Test func phoneNumbersUrlsAndAgesAreNotFigures() {
        #expect(figures("Call the helpline on 0800 0121 700 or visit https://www.gov.uk/guidance/2023/report-12.").isEmpty)
        #expect(figures("Support is for children aged 0-13 and young people under 18.").isEmpty)
        #expect(figures("The service runs 24/7 for 18-year-olds.").isEmpty)
    }

    @Test func durationsAreNotFigures() {
        #expect(figures("Waiting times are 16 months longer over 5 years.").isEmpty)
    }
}

@Suite struct NRMTests {
    @Test func seedAnswerFiguresCarryNRMContext() {
        let text = "Victims make up a significant proportion of referrals to the National Referral Mechanism. The most recent statistics show that in 2023, sexual exploitation accounted for 10% (1,679) of all referrals, a 2% increase from the previous year, with 9% (1,470) of referrals relating to women."
        let f = figures(text)
        #expect(f.map(\.value) == [10, 1679, 2, 9, 1470])
        #expect(f.allSatisfy { $0.isNRMReferrals && $0.exploitationType == "sexual exploitation" && $0.period == "2023" })
        #expect(f[1].measure == "NRM referrals for sexual exploitation")
        #expect(f[3].population == "women")
        #expect(f[4].population == "women")
        #expect(f[0].population == nil)
    }

    @Test func referredFemalesGetTypeAndPopulation() {
        let f = figures("In 2022, 479 females were referred to the National Referral Mechanism (NRM) who reported criminal exploitation.")
        #expect(f.first?.population == "females")
        #expect(f.first?.exploitationType == "criminal exploitation")
        #expect(f.first?.isNRMReferrals == true)
        #expect(f.first?.evidence.text == "479")
    }

    @Test func nonNRMCountsAreNotNRM() {
        #expect(figures("NGOs estimate that well over 100,000 individuals may be affected.").first?.isNRMReferrals == false)
    }
}

@Suite struct TableTests {
    @Test func tableCellsTakePeriodFromTheYearColumnAndMeasureFromTheHeader() {
        let text = """
        The following table shows the number of referrals to the National Referral Mechanism for sexual exploitation for children.
        Year | NRM referrals for sexual exploitation for children |
        2020 | 824 |
        2021 | 943 |
        2024 (up to Q3) | 1036 |
        """
        let f = figures(text)
        #expect(f.map(\.value) == [824, 943, 1036])
        #expect(f.map(\.period) == ["2020", "2021", "2024-01/2024-09"])
        #expect(f.allSatisfy { $0.isNRMReferrals && $0.population == "children" && $0.exploitationType == "sexual exploitation" })
        #expect(f.first?.measure == "NRM referrals for sexual exploitation for children")
        #expect(f.first?.evidence.text == "824")
    }

    @Test func yearColumnHeadersGivePeriodsAndRowLabelsGiveMeasures() {
        let text = "Referrals by type:\nType | 2022 | 2023\nLabour exploitation | 1,200 | 1,350\nSexual exploitation | 900 | 10%"
        let f = figures(text)
        #expect(f.map(\.value) == [1200, 1350, 900, 10])
        #expect(f.map(\.period) == ["2022", "2023", "2022", "2023"])
        #expect(f[0].exploitationType == "labour exploitation")
        #expect(f[3].unit == .percent)
        #expect(f[2].measure?.contains("Sexual exploitation") == true)
    }

    @Test func moneyAgainstNamedRowsInAFundingTableAreGrants() {
        let text = "Funding awarded in 2024-25:\nOrganisation | Amount\nChanging Lives | £1.36m\nThe Salvation Army | £200,000"
        let g = grants(text)
        #expect(g.map(\.recipient) == ["Changing Lives", "Salvation Army"])
        #expect(g.map(\.amountPence) == [136_000_000, 20_000_000])
    }
}

@Suite struct EvidenceOffsetTests {
    @Test func evidenceOffsetsAreUnicodeScalarOffsets() {
        let text = "“Quoted” intro — with ‘curly’ quotes. We gave £1.36m to ‘Changing Lives’ and 10% (1,679) were referred to the NRM in 2023 — about £4.3 million."
        let out = extractor.extract(from: text)
        #expect(!out.grants.isEmpty && out.figures.count == 3)
        for g in out.grants { #expect(substring(text, g.evidence) == g.evidence.text) }
        for f in out.figures { #expect(substring(text, f.evidence) == f.evidence.text) }
        #expect(out.figures.map(\.evidence.text) == ["10%", "1,679", "about £4.3 million"])
        #expect(out.figures.last?.value == 4_300_000)
    }
}

@Suite struct OrganisationNameTests {
    @Test func quotesTheAndCaseDoNotMakeANewOrganisation() {
        #expect(OrganisationName.key("‘The Salvation Army’") == OrganisationName.key("salvation army"))
        #expect(OrganisationName.key("Barnardo’s") == OrganisationName.key("Barnardos"))
        #expect(OrganisationName.key("Changing  Lives.") == "changing lives")
    }

    @Test func displayNamesKeepCaseButLoseQuotesAndLeadingThe() {
        #expect(OrganisationName.displayName("‘The Salvation Army’") == "Salvation Army")
        #expect(OrganisationName.displayName("  “Changing   Lives” ") == "Changing Lives")
    }

    @Test func knownAliasesShareACanonicalKey() {
        #expect(OrganisationName.canonicalKey("TSA") == OrganisationName.canonicalKey("The Salvation Army"))
        #expect(OrganisationName.canonicalKey("Home Office") == OrganisationName.canonicalKey("the Home Department"))
        #expect(OrganisationName.canonicalKey("NCA") == "national crime agency")
        #expect(OrganisationName.canonicalKey("MSVCC") == OrganisationName.canonicalKey("Modern Slavery Victim Care Contract"))
    }
}
