import Foundation

/// One input the batch found: a regular file to read, or a path that cannot be read and why.
public enum InputFile: Equatable, Sendable {
    case file(path: String, sizeBytes: Int)
    case unreadable(path: String, reason: String)

    /// The path as found.
    public var path: String {
        switch self {
        case .file(let path, _), .unreadable(let path, _): return path
        }
    }
}

/// Finds the input files under the paths given to `archive ingest`: files as given, directories
/// recursively in a stable (sorted) order. Never opens anything but directories, so a FIFO cannot
/// hang the batch, and never follows a symbolic link into a directory already being walked.
public enum InputFiles {
    /// Every input under `paths`, in order, leaving out the files at `excluded` (the archive's own
    /// database and its companions, which `archive ingest .` would otherwise find).
    public static func collect(_ paths: [String], excluding excluded: [String] = []) -> [InputFile] {
        var found: [InputFile] = []
        var walking = Set<FileID>()
        let skip = Set(excluded.compactMap(FileID.init(path:)))
        for path in paths {
            visit(path, walking: &walking, skip: skip, into: &found)
        }
        return found
    }

    /// Whether `path`, or its last component, matches the shell glob `glob` (fnmatch).
    public static func matches(_ path: String, glob: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return fnmatch(glob, path, 0) == 0 || fnmatch(glob, name, 0) == 0
    }

    private struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            self.init(info)
        }
    }

    private static func visit(_ path: String, walking: inout Set<FileID>, skip: Set<FileID>, into found: inout [InputFile]) {
        var info = stat()
        // stat follows symbolic links; a link that loops or dangles fails here with its reason.
        guard stat(path, &info) == 0 else {
            found.append(.unreadable(path: path, reason: String(cString: strerror(errno)).lowercased()))
            return
        }
        if skip.contains(FileID(info)) { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            found.append(.file(path: path, sizeBytes: Int(info.st_size)))
        case S_IFDIR:
            let id = FileID(info)
            guard walking.insert(id).inserted else {
                found.append(.unreadable(path: path, reason: "symbolic link loop: this directory is already being read"))
                return
            }
            defer { walking.remove(id) }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                found.append(.unreadable(path: path, reason: "cannot list directory: \(String(cString: strerror(errno)).lowercased())"))
                return
            }
            // Hidden files (.DS_Store, editor swap files) are not inputs.
            for name in names.sorted() where !name.hasPrefix(".") {
                visit(path.hasSuffix("/") ? path + name : path + "/" + name, walking: &walking, skip: skip, into: &found)
            }
        case S_IFIFO:
            found.append(.unreadable(path: path, reason: "not a regular file (a FIFO); not read"))
        case S_IFSOCK:
            found.append(.unreadable(path: path, reason: "not a regular file (a socket); not read"))
        default:
            found.append(.unreadable(path: path, reason: "not a regular file (a device); not read"))
        }
    }
}
