import Foundation

/// Directories for tests under the system temporary directory. Every one a test process makes is
/// removed when the process exits, not when its test ends: tests hand these paths to the built
/// binary and to servers, so none is removed while something might still read it. Before this,
/// each run of the tests left a few hundred directories of archives behind.
public enum ScratchDirectory {
    /// A new, empty directory named `prefix-<UUID>`.
    public static func make(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        MadeDirectories.shared.add(url)
        return url
    }
}

/// The directories made so far, removed at exit. The first one made registers the removal.
private final class MadeDirectories: @unchecked Sendable {
    static let shared: MadeDirectories = {
        atexit { MadeDirectories.shared.removeAll() }
        return MadeDirectories()
    }()

    // Guards `made`: tests run in parallel.
    private let lock = NSLock()
    private var made: [URL] = []

    func add(_ url: URL) { lock.withLock { made.append(url) } }

    func removeAll() {
        for url in lock.withLock({ made }) { try? FileManager.default.removeItem(at: url) }
    }
}
