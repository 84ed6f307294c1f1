/// What extraction found in one answer version's text, in the terms the store keeps.
public struct ExtractedFacts: Sendable, Equatable {
    /// Statistics quoted in the text.
    public var figures: [FigureRow]
    /// Sums the text says are given to a named recipient.
    public var grants: [GrantMentionRow]

    /// Facts found in a text.
    public init(figures: [FigureRow] = [], grants: [GrantMentionRow] = []) {
        self.figures = figures
        self.grants = grants
    }
}

/// The exact words of an answer that state a fact, by Unicode-scalar offsets into its text.
public struct EvidenceSpan: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// One figure to store: see the `figures` table for the meaning of each field.
public struct FigureRow: Sendable, Equatable {
    public var value: Double
    /// `count`, `percent` or `gbp`.
    public var unit: String
    public var qualifier: String?
    /// `level` or `change`.
    public var kind: String
    public var period: String?
    public var measure: String?
    public var exploitationType: String?
    public var population: String?
    public var isNRMReferrals: Bool
    public var evidence: EvidenceSpan

    public init(value: Double, unit: String, qualifier: String?, kind: String, period: String?, measure: String?,
                exploitationType: String?, population: String?, isNRMReferrals: Bool, evidence: EvidenceSpan) {
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.kind = kind
        self.period = period
        self.measure = measure
        self.exploitationType = exploitationType
        self.population = population
        self.isNRMReferrals = isNRMReferrals
        self.evidence = evidence
    }
}

/// An organisation as a text names it: how it was written, its display name and its matching key.
public struct OrganisationRef: Sendable, Equatable {
    /// Exactly as written, e.g. "‘Changing Lives’".
    public var asWritten: String
    /// The canonical display name, e.g. "Changing Lives".
    public var name: String
    /// The folded key that decides which organisation it is.
    public var key: String

    public init(asWritten: String, name: String, key: String) {
        self.asWritten = asWritten
        self.name = name
        self.key = key
    }
}

/// One statement of a grant to store.
public struct GrantMentionRow: Sendable, Equatable {
    public var recipient: OrganisationRef
    /// Who gives the money (the importer puts the answering body here unless the text names
    /// another); nil when unknown.
    public var funder: OrganisationRef?
    public var amountPence: Int64
    public var durationMonths: Int?
    public var financialYear: String?
    public var project: String?
    public var programme: String?
    public var evidence: EvidenceSpan

    public init(recipient: OrganisationRef, funder: OrganisationRef?, amountPence: Int64, durationMonths: Int?,
                financialYear: String?, project: String?, programme: String?, evidence: EvidenceSpan) {
        self.recipient = recipient
        self.funder = funder
        self.amountPence = amountPence
        self.durationMonths = durationMonths
        self.financialYear = financialYear
        self.project = project
        self.programme = programme
        self.evidence = evidence
    }
}
