import ArchiveStore
import Foundation

/// The output directory: `<answer day>/<id>.json` and `unanswered/<id>.json`, each written
/// whole or not at all.
///
/// A file is written as `.<id>.json.<random>.partial` in its final directory, flushed to disk,
/// then renamed over `<id>.json` (rename is atomic within a directory). A killed fetch can
/// leave only `.partial` files behind; they are removed when the next fetch opens the directory.
final class DownloadDirectory {
    /// The directory's root.
    let root: URL
    /// Where each question is stored now, by id.
    private(set) var stored: [Int: URL] = [:]
    /// The name of the folder for questions without an answer yet.
    static let unansweredFolder = "unanswered"

    /// Opens (creating) `root`, removes leftover `.partial` files and indexes stored items.
    init(root: URL) throws {
        self.root = root
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
            for folder in try manager.contentsOfDirectory(atPath: root.path).sorted() {
                guard folder == Self.unansweredFolder || Day.isValid(folder) else { continue }
                let folderURL = root.appendingPathComponent(folder, isDirectory: true)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: folderURL.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
                for name in try manager.contentsOfDirectory(atPath: folderURL.path) {
                    let file = folderURL.appendingPathComponent(name)
                    if name.hasSuffix(".partial") {
                        try? manager.removeItem(at: file)
                    } else if name.hasSuffix(".json"), let id = Int(name.dropLast(5)) {
                        // Two copies can only come from a run killed between write and clean-up:
                        // an answered copy beats an unanswered one, and a later day an earlier one.
                        if let known = stored[id], Self.rank(known) > Self.rank(file) { continue }
                        stored[id] = file
                    }
                }
            }
        } catch {
            throw FetchError.output(path: root.path, reason: "\(error)")
        }
    }

    // The folder's day, or "" for unanswered/, so answered and later copies sort higher.
    private static func rank(_ file: URL) -> String {
        let folder = file.deletingLastPathComponent().lastPathComponent
        return folder == unansweredFolder ? "" : folder
    }

    /// The relative path a question with these dates is filed under.
    static func relativePath(for dates: QuestionDates) -> String {
        "\(dates.fileDay ?? unansweredFolder)/\(dates.id).json"
    }

    /// Writes `body` as the stored copy of `dates.id`, replacing any older copy; returns its URL.
    @discardableResult
    func write(_ body: Data, for dates: QuestionDates) throws -> URL {
        let manager = FileManager.default
        let folder = root.appendingPathComponent(dates.fileDay ?? Self.unansweredFolder, isDirectory: true)
        let target = folder.appendingPathComponent("\(dates.id).json")
        let temporary = folder.appendingPathComponent(".\(dates.id).json.\(UUID().uuidString.prefix(8)).partial")
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            guard manager.createFile(atPath: temporary.path, contents: nil) else {
                throw FetchError.output(path: temporary.path, reason: "cannot create the file")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                try handle.write(contentsOf: body)
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            guard rename(temporary.path, target.path) == 0 else {
                throw FetchError.output(path: target.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? manager.removeItem(at: temporary)
            if let error = error as? FetchError { throw error }
            throw FetchError.output(path: target.path, reason: "\(error)")
        }
        // A question answered since it was stored as unanswered keeps one copy only.
        if let previous = stored[dates.id], previous.standardizedFileURL != target.standardizedFileURL {
            try? manager.removeItem(at: previous)
        }
        stored[dates.id] = target
        return target
    }
}
