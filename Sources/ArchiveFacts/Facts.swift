// The facts of one written answer, one model from text to table: the figures (statistics) and
// grant mentions that extraction finds, each tied to the exact span of text that states it, and
// that the store keeps as they are. A small module below both, so neither copies the other.

/// What a figure counts: a plain count, a percentage, or a sum of money in pounds sterling.
public enum FigureUnit: String, Sendable { case count, percent, gbp }

/// Whether a figure states a level ("1,679 referrals") or a change ("a 2% increase", "rose by 300").
public enum FigureKind: String, Sendable { case level, change }

/// The direction of a change figure ("a 2% increase" is up, "fell by 300" is down).
public enum ChangeDirection: String, Sendable { case increase, decrease }

/// A span of the answer text. Offsets count Unicode scalars (text.unicodeScalars) from 0, end exclusive — so SQLite's substr(text, start+1, end-start) returns `text`.
public struct TextSpan: Sendable, Equatable {
    /// Offset of the first scalar of the span.
    public var start: Int
    /// Offset one past the last scalar of the span.
    public var end: Int
    /// The spanned text itself.
    public var text: String

    /// Makes a span from its offsets and text.
    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// One statistic quoted in an answer: a count, a percentage or a sum of money that is not a grant.
public struct Figure: Sendable, Equatable {
    /// The normalised value: "1,679" is 1679, "10%" is 10, "£4.3 million" is 4300000.
    public var value: Double
    /// The unit of `value`.
    public var unit: FigureUnit
    /// A hedge word: over, more than, up to, approximately, nearly, almost, around, at least, fewer than, less than, under.
    public var qualifier: String?
    /// Level or change.
    public var kind: FigureKind
    /// For a change, whether it is an increase or a decrease (the value itself is kept as written, unsigned).
    public var direction: ChangeDirection?
    /// The period the figure refers to: "2023", "2023-24", "2023-Q2", "2019-2023", or an ISO interval "2018-10/2019-12".
    public var period: String?
    /// A few words saying what is counted, e.g. "NRM referrals for sexual exploitation".
    public var measure: String?
    /// For NRM figures: "sexual exploitation", "labour exploitation", "criminal exploitation", "domestic servitude", ...
    public var exploitationType: String?
    /// The group counted: "women", "children", "adults", "males", "females", "UK nationals", ...
    public var population: String?
    /// True for counts/percentages of National Referral Mechanism referrals (or potential victims referred).
    public var isNRMReferrals: Bool
    /// The exact words stating the figure ("10%", "1,679", "a 2% increase", "over 1,000").
    public var evidence: TextSpan
    /// The sentence (or table row) the figure is quoted in, so it can be cited with its meaning.
    public var context: TextSpan?

    /// Makes a figure; only value, unit and evidence are required.
    public init(value: Double, unit: FigureUnit, qualifier: String? = nil, kind: FigureKind = .level,
                direction: ChangeDirection? = nil, period: String? = nil, measure: String? = nil,
                exploitationType: String? = nil, population: String? = nil, isNRMReferrals: Bool = false,
                evidence: TextSpan) {
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.kind = kind
        self.direction = direction
        self.period = period
        self.measure = measure
        self.exploitationType = exploitationType
        self.population = population
        self.isNRMReferrals = isNRMReferrals
        self.evidence = evidence
    }
}

/// A sum of money the answer says is given, provided or awarded to a named recipient.
public struct GrantMention: Sendable, Equatable {
    /// The amount in integer pence (£1.36m is exactly 136000000).
    public var amountPence: Int64
    /// The recipient as written, cleaned of surrounding quotes and a leading "the": "Changing Lives".
    public var recipient: String
    /// A named project: "Net-Reach" from "for their Net-Reach project".
    public var project: String?
    /// The stated duration in months: "over three years" is 36.
    public var durationMonths: Int?
    /// The financial year stated for the money: "2024-25".
    public var financialYear: String?
    /// Nil means the answering body; set only when the text names another funder.
    public var funder: String?
    /// A named fund or programme the money comes from, when stated.
    public var programme: String?
    /// A hedge word on the amount ("up to", "over", "approximately").
    public var qualifier: String?
    /// The words stating the grant, e.g. "£1.36m over three years to Changing Lives for their Net-Reach project".
    public var evidence: TextSpan
    /// For a sum stated as a rate ("£1.5m per annum"), the rate words: `amountPence` is then the
    /// amount per period, not the total (which the text may not state).
    public var rate: String?
    /// For a part of a larger sum stated in the same answer ("£10m, of which £2m this year"): the
    /// index, in the extraction's `grants`, of the grant it is part of. Totals count it once.
    public var partOf: Int?
    /// True when this mention is a part of another grant of the same answer.
    public var isPartOfTotal: Bool { partOf != nil }

    /// Makes a grant mention; only amount, recipient and evidence are required.
    public init(amountPence: Int64, recipient: String, project: String? = nil, durationMonths: Int? = nil,
                financialYear: String? = nil, funder: String? = nil, programme: String? = nil,
                qualifier: String? = nil, evidence: TextSpan, rate: String? = nil) {
        self.rate = rate
        self.amountPence = amountPence
        self.recipient = recipient
        self.project = project
        self.durationMonths = durationMonths
        self.financialYear = financialYear
        self.funder = funder
        self.programme = programme
        self.qualifier = qualifier
        self.evidence = evidence
    }
}

/// Everything extracted from one answer.
public struct Extraction: Sendable, Equatable {
    /// Statistics quoted in the answer, in text order.
    public var figures: [Figure]
    /// Grants to named recipients, in text order.
    public var grants: [GrantMention]

    /// Makes an extraction from its parts.
    public init(figures: [Figure] = [], grants: [GrantMention] = []) {
        self.figures = figures
        self.grants = grants
    }
}
