// The extractor's version follows its output: a digest of everything it reads in both dev sets is
// pinned beside the version, so a change in output without a new version fails here, and archives
// built by this binary re-read their answers when the version moves (`archive reextract`).
import ArchiveExtraction
import Checksum
import DevSetScoring
import Foundation
import Testing

@Suite struct ExtractorVersionTests {
    static let pinned = DevSet.fixtures.appendingPathComponent("extractor-version.txt")

    /// Every fact of every dev-set answer, every field, one line each.
    static func outputDigest() throws -> String {
        var hash = SHA256()
        let extractor = Extractor()
        for answer in try DevSet.allAnswers() {
            let out = extractor.extract(from: answer.text, answeringBody: answer.answeringBody, question: answer.questionText)
            for f in out.figures {
                let fields: [String] = [answer.name, "figure", String(f.value), f.unit.rawValue, f.qualifier ?? "", f.kind.rawValue,
                                        f.direction?.rawValue ?? "", f.period ?? "", f.measure ?? "", f.exploitationType ?? "",
                                        f.population ?? "", String(f.isNRMReferrals), String(f.evidence.start), String(f.evidence.end),
                                        f.context.map { "\($0.start)-\($0.end)" } ?? ""]
                hash.update(Array((fields.joined(separator: "\u{1F}") + "\n").utf8))
            }
            for g in out.grants {
                let fields: [String] = [answer.name, "grant", String(g.amountPence), g.recipient, g.project ?? "",
                                        g.durationMonths.map(String.init) ?? "", g.financialYear ?? "", g.funder ?? "", g.programme ?? "",
                                        g.qualifier ?? "", g.rate ?? "", g.partOf.map(String.init) ?? "",
                                        String(g.evidence.start), String(g.evidence.end)]
                hash.update(Array((fields.joined(separator: "\u{1F}") + "\n").utf8))
            }
        }
        return hash.finalize()
    }

    @Test func theVersionIsRaisedWheneverTheOutputChanges() throws {
        let digest = try Self.outputDigest()
        let current = "\(Extractor.version) \(digest)"
        if ProcessInfo.processInfo.environment["UPDATE_EXTRACTOR_DIGEST"] == "1" {
            try (current + "\n").write(to: Self.pinned, atomically: true, encoding: .utf8)
        }
        let parts = try String(contentsOf: Self.pinned, encoding: .utf8).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let pinnedVersion = Int(parts.first ?? ""), pinnedDigest = parts.count > 1 ? parts[1] : ""
        if pinnedDigest != digest {
            #expect(pinnedVersion != Extractor.version,
                    "extraction output changed but Extractor.version is still \(Extractor.version): raise it to \(Extractor.version + 1) in Sources/ArchiveExtraction/Extractor.swift, then pin the new output with UPDATE_EXTRACTOR_DIGEST=1 swift test --filter ExtractorVersionTests")
        }
        #expect(pinnedVersion == Extractor.version && pinnedDigest == digest,
                "Tests/Fixtures/extractor-version.txt pins \(parts.joined(separator: " ")); this build is \(current): after raising the version, pin it with UPDATE_EXTRACTOR_DIGEST=1 swift test --filter ExtractorVersionTests")
    }
}
