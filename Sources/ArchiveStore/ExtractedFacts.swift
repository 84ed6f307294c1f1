import ArchiveFacts

/// What extraction found in one answer version's text. The store keeps extraction's own types
/// (ArchiveFacts), so nothing found is lost between the text and the table.
public typealias ExtractedFacts = Extraction
