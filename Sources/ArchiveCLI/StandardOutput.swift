import ArchiveQuery
import Foundation

/// Standard output, the one place the data a command prints goes through. A write that fails is an
/// error with its reason ("cannot write output: No space left on device"); a reader that has gone
/// away (`archive query figures | head -1`) ends the process quietly, whatever SIGPIPE's disposition.
enum StandardOutput {
    /// SIGPIPE is ignored from the start, so a closed pipe is a write error (EPIPE) this code sees,
    /// not a signal, and the behaviour does not depend on what the parent process left set.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Output that writes to stdout in large pieces, for rows printed as they are stepped.
    static var bytes: ByteOutput { ByteOutput { try write(bytes: $0) } }

    /// Writes `text` whole, or throws why it could not.
    static func write(_ text: String) throws {
        try write(bytes: Array(text.utf8))
    }

    /// Writes `bytes` whole, or throws why it could not.
    static func write(bytes: [UInt8]) throws {
        var bytes = bytes
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
            }
            if written >= 0 {
                offset += written
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EPIPE { exit(0) }
            throw CommandFailure("cannot write output: \(String(cString: strerror(code)))")
        }
    }

    /// Writes one line.
    static func line(_ text: String) throws {
        try write(text + "\n")
    }
}
