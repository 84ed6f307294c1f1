internal import CLibCrypto

/// SHA-256, for recognising input files and migrations already seen, computed by OpenSSL's
/// libcrypto (the system's, reviewed by many and with the CPU's SHA instructions where it has them).
///
/// Streaming: `update` as bytes arrive, then `finalize`. Not copyable: it owns a libcrypto context.
public struct SHA256: ~Copyable {
    // EVP_MD_CTX: https://docs.openssl.org/3.0/man3/EVP_DigestInit/
    private let context: OpaquePointer

    /// A new, empty hash.
    public init() {
        // Allocation and SHA-256 initialisation fail only when memory is exhausted.
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("libcrypto could not start a SHA-256 digest")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// The hex digest of `bytes` in one call.
    public static func hex(of bytes: [UInt8]) -> String {
        var hash = SHA256()
        hash.update(bytes)
        return hash.finalize()
    }

    /// Adds `bytes` to the hash.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    /// Adds the bytes of `buffer` to the hash.
    public mutating func update(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        guard EVP_DigestUpdate(context, base, buffer.count) == 1 else { fatalError("libcrypto failed to update a SHA-256 digest") }
    }

    /// The digest as 64 lowercase hex characters; the hash is used up.
    public consuming func finalize() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else {
            fatalError("libcrypto failed to finish a SHA-256 digest")
        }
        let hexDigits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest.prefix(32) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
