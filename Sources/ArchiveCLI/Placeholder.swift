// ArchiveCLI: see the module's files.
