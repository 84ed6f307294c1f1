// ArchiveExtraction: see the module's files.
