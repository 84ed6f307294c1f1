// swift-tools-version: 6.0
// trafficking-archive: an SQLite archive of UK parliamentary written answers on human trafficking,
// modern slavery, prostitution and sexual exploitation.
//
// The arrows point down: archive (CLI) -> ArchiveIngest / ArchiveQuery -> ArchiveStore -> SQLite -> CSQLite.
// ArchiveExtraction knows nothing of SQL; ArchiveStore knows nothing of HTML; both share the
// value types of ArchiveFacts.
import PackageDescription

let package = Package(
    name: "trafficking-archive",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "archive", targets: ["archive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // MARK: - C modules over system libraries
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The allocator of the whole process (see Sources/archive/main.swift).
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),

        // MARK: - The thin SQLite wrapper: the only code that calls sqlite3_*
        .target(name: "SQLite", dependencies: ["CSQLite"]),

        // MARK: - SHA-256 of input files and migrations, by OpenSSL's libcrypto
        .target(name: "Checksum", dependencies: ["CLibCrypto"]),

        // MARK: - The archive's schema, migrator, and the one place that reads and writes its tables
        .executableTarget(name: "EmbedMigrationsTool", path: "Sources/EmbedMigrationsTool"),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["EmbedMigrationsTool"]
        ),
        .target(
            name: "ArchiveStore",
            dependencies: ["SQLite", "Checksum", "ArchiveFacts"],
            plugins: ["EmbedMigrations"]
        ),

        // MARK: - The facts of an answer (figures, grants, organisation names): the model that
        // extraction produces and the store keeps
        .target(name: "ArchiveFacts"),

        // MARK: - Figures and grants from answer text (pure Swift, no SQL, no HTML)
        .target(name: "ArchiveExtraction", dependencies: ["ArchiveFacts"]),

        // MARK: - Input readers, HTML to text, the importer
        .target(
            name: "ArchiveIngest",
            dependencies: ["ArchiveStore", "ArchiveExtraction", "Checksum", "CLibXML2"]
        ),

        // MARK: - Canned reports, output formats, exports
        .target(name: "ArchiveQuery", dependencies: ["ArchiveStore", "SQLite", "Checksum"]),

        // MARK: - Fetching new and corrected answers from the Parliament API
        .target(name: "ArchiveFetch", dependencies: ["ArchiveStore"]),

        // MARK: - The command tree and the thin executable
        .target(
            name: "ArchiveCLI",
            dependencies: [
                "ArchiveStore", "ArchiveIngest", "ArchiveQuery", "ArchiveFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "archive", dependencies: ["ArchiveCLI", "CMimalloc"]),

        // MARK: - Tests
        // Scratch directories removed when the test process exits, shared by the test targets below.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite", "TestScratch"]),
        .testTarget(name: "ChecksumTests", dependencies: ["Checksum"]),
        .testTarget(name: "ArchiveStoreTests", dependencies: ["ArchiveStore", "ArchiveFacts", "SQLite", "TestScratch"]),
        // Scoring against the labelled development set, shared by two test targets.
        .target(name: "DevSetScoring", dependencies: ["ArchiveExtraction"], path: "Tests/DevSetScoring"),
        .testTarget(name: "ArchiveExtractionTests", dependencies: ["ArchiveExtraction", "ArchiveFacts", "DevSetScoring", "Checksum"]),
        .testTarget(name: "ArchiveIngestTests", dependencies: ["ArchiveIngest", "ArchiveStore"]),
        .testTarget(name: "ArchiveQueryTests", dependencies: ["ArchiveQuery", "ArchiveStore", "SQLite"]),
        .testTarget(name: "EndToEndTests", dependencies: ["archive", "ArchiveStore", "SQLite", "DevSetScoring", "TestScratch"]),
        .testTarget(name: "ArchiveFetchTests", dependencies: ["archive", "ArchiveFetch", "ArchiveStore", "SQLite", "TestScratch"],
                    exclude: ["stub_server.py"]),
    ],
    swiftLanguageModes: [.v6]
)
