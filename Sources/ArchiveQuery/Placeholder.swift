// ArchiveQuery: see the module's files.
