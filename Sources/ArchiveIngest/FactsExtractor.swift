import ArchiveExtraction
import ArchiveStore

/// Runs extraction on an answer version's text and puts what it finds in the store's terms:
/// organisations with their canonical names and keys, the answering body as the funder unless the
/// text names another.
struct FactsExtractor: Sendable {
    private let extractor = Extractor()

    /// The figures and grants in `text`, answered by `answeringBody`.
    func facts(text: String, answeringBody: String?) -> ExtractedFacts {
        let extraction = extractor.extract(from: text, answeringBody: answeringBody)
        let figures = extraction.figures.map { figure in
            FigureRow(value: figure.value, unit: figure.unit.rawValue, qualifier: figure.qualifier, kind: figure.kind.rawValue,
                      period: figure.period, measure: figure.measure, exploitationType: figure.exploitationType,
                      population: figure.population, isNRMReferrals: figure.isNRMReferrals, evidence: Self.span(figure.evidence))
        }
        let grants = extraction.grants.map { grant in
            GrantMentionRow(recipient: Self.organisation(grant.recipient), funder: (grant.funder ?? answeringBody).map(Self.organisation),
                            amountPence: grant.amountPence, durationMonths: grant.durationMonths,
                            financialYear: grant.financialYear, project: grant.project, programme: grant.programme,
                            evidence: Self.span(grant.evidence))
        }
        return ExtractedFacts(figures: figures, grants: grants)
    }

    private static func span(_ span: TextSpan) -> EvidenceSpan {
        EvidenceSpan(start: span.start, end: span.end, text: span.text)
    }

    private static func organisation(_ written: String) -> OrganisationRef {
        OrganisationRef(asWritten: written, name: OrganisationName.displayName(written), key: OrganisationName.canonicalKey(written))
    }
}
