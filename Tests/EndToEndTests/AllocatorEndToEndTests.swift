import Foundation
import Testing

/// The archive binary allocates through mimalloc, not glibc's malloc (Sources/archive/main.swift).
@Suite struct AllocatorEndToEndTests {
    @Test func anIngestAllocatesThroughMimalloc() throws {
        let work = try Workspace()
        // Asked to, mimalloc prints its heap statistics to standard error at exit; glibc's malloc
        // knows nothing of the variable and prints nothing.
        let result = try ArchiveBinary.run(["ingest", "--quiet", "--db", work.database, Fixtures.devSetItems.path],
                                           in: work.url, environment: ["MIMALLOC_SHOW_STATS": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("heap stats"), "no mimalloc statistics: \(result.stderr.prefix(500))")
        #expect(try work.scalar("SELECT count(*) FROM questions") == .integer(5))
    }

    @Test func withoutBeingAskedMimallocPrintsNothing() throws {
        let work = try Workspace()
        let result = try work.archive(["ingest", "--quiet", Fixtures.devSetItems.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
