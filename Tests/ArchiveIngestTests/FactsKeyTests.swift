import Foundation
import Testing
@testable import ArchiveIngest

/// The key an answer's extracted facts are found by, between the preparation and the writer.
@Suite struct FactsKeyTests {
    private func hash(_ key: FactsKey) -> Int {
        var hasher = Hasher()
        key.hash(into: &hasher)
        return hasher.finalize()
    }

    private let long = String(repeating: "The Home Office is providing £1.2 million to the Salvation Army. ", count: 20)

    @Test func equalKeysFromDifferentStorageHashAlike() {
        let built = (0..<20).map { _ in "The Home Office is providing £1.2 million to the Salvation Army. " }.joined()
        let sliced = String(("xx" + long + "yy").dropFirst(2).dropLast(2))
        let bridged = NSString(string: long) as String
        let keys = [long, built, sliced, bridged].map { FactsKey(text: $0, answeringBody: "Home Office", question: "To ask?") }
        for key in keys {
            #expect(key == keys[0])
            #expect(hash(key) == hash(keys[0]))
        }
    }

    @Test func textsThatDifferOnlyInTheMiddleAreDifferentKeys() {
        var middle = Array(long.utf8)
        middle[middle.count / 2] = UInt8(ascii: "#")
        let other = FactsKey(text: String(decoding: middle, as: UTF8.self), answeringBody: nil, question: nil)
        let key = FactsKey(text: long, answeringBody: nil, question: nil)
        #expect(hash(other) == hash(key))  // hashed on the ends only: equality must tell them apart
        #expect(other != key)
        var facts = [key: 1]
        facts[other] = 2
        #expect(facts.count == 2)
    }

    @Test func noAnsweringBodyIsNotAnEmptyOne() {
        let none = FactsKey(text: "text", answeringBody: nil, question: nil)
        let empty = FactsKey(text: "text", answeringBody: "", question: nil)
        #expect(none != empty)
        #expect(hash(none) != hash(empty))
    }
}
