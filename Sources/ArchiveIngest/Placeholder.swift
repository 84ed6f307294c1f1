// ArchiveIngest: readers, HTML to text, the importer.
