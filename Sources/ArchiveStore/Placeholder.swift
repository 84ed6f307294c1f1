// ArchiveStore: see the module's files.
