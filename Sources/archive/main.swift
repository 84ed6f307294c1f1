import ArchiveCLI
