// The `archive` executable: everything lives in ArchiveCLI, where tests can reach it.
import ArchiveCLI
// Linked here, ahead of libc, mimalloc is the allocator of the whole process. Against glibc's
// malloc, an ingest of 100,000 answers took 0.955x the wall time (jemalloc and tcmalloc did
// about as well; tcmalloc took 8 MB more memory). See bench/PROFILE.md, section 0c.
import CMimalloc

ArchiveCommand.runMain()
