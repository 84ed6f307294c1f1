import ArchiveExtraction
import ArchiveStore

/// Runs extraction on an answer version's text. The store keeps extraction's own facts; the
/// answering body is the funder unless the text names another, which the store fills in.
struct FactsExtractor: Sendable {
    private let extractor = Extractor()

    /// The figures and grants in `text`, answered by `answeringBody`, asked by `question` (whose
    /// names the answer may refer back to).
    func facts(_ key: FactsKey) -> ExtractedFacts {
        extractor.extract(from: key.text, answeringBody: key.answeringBody, question: key.question)
    }
}
