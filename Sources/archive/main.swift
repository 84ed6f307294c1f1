// The `archive` executable: everything lives in ArchiveCLI, where tests can reach it.
import ArchiveCLI

ArchiveCommand.runMain()
