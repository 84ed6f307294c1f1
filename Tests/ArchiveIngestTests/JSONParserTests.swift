@testable import ArchiveIngest
import Foundation
import Testing

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONKind {
        try InputBytes.json(Data(text.utf8), file: "t.json")
    }

    private func refusal(_ text: String) -> String? {
        (#expect(throws: InputError.self) { try parse(text) })?.description
    }

    @Test func eachValueKeepsTheKindTheTextGaveIt() throws {
        let value = try parse(#" {"a": true, "b": 1, "c": 1.5, "d": null, "e": "x", "f": [false, 0], "g": {}} "#)
        #expect(value == .object(["a": .bool(true), "b": .integer(1), "c": .number(1.5), "d": .null, "e": .string("x"),
                                  "f": .array([.bool(false), .integer(0)]), "g": .object([:])]))
    }

    @Test func aRepeatedMemberNameKeepsItsLastValue() throws {
        #expect(try parse(#"{"a": 1, "b": 2, "a": 3}"#) == .object(["a": .integer(3), "b": .integer(2)]))
        let many = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        guard case .object(let members) = try parse("{\(many)}") else { Issue.record("not an object"); return }
        #expect(members.count == 40)
        #expect(members["k39"] == .integer(39))
    }

    @Test func wholeNumbersAreIntegersHoweverTheyAreWritten() throws {
        #expect(try parse("12.0") == .integer(12))
        #expect(try parse("1e2") == .integer(100))
        #expect(try parse("-0") == .integer(0))
        #expect(try parse("-17") == .integer(-17))
        #expect(try parse("2.5E-1") == .number(0.25))
        #expect(try parse("9223372036854775807") == .integer(Int.max))
        #expect(try parse("92233720368547758070") == .number(92233720368547758070))
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00a3\u2019\ud83d\ude00""#) == .string("a\"b\\c/d\n\t£’😀"))
        #expect(try parse(#""Barnardo’s £1.36m""#) == .string("Barnardo’s £1.36m"))
    }

    @Test(arguments: [
        #"{"a": 1,}"#, "[1, 2,]", "01", "1.", ".5", "+1", "NaN", "tru", #"{"a" 1}"#, #"{a: 1}"#, "[1 2]",
        #""unterminated"#, "\"tab\there\"", #""\x41""#, #""\ud800""#, #""\udc00\ud800""#, #""\u12""#, "{} {}", "   ",
    ])
    func malformedJSONIsRefusedWithWhereItWentWrong(text: String) {
        let message = refusal(text)
        #expect(message?.hasPrefix("t.json: not valid JSON: ") == true, "\(text): \(message ?? "accepted")")
        #expect(message?.contains(" at byte ") == true)
    }

    @Test func nestingPastTheLimitIsRefusedAndAtTheLimitIsRead() throws {
        let limit = JSONParser.maximumDepth
        #expect(try parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)) != .null)
        let deeper = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        #expect(refusal(deeper)?.contains("nested deeper than 512 levels") == true)
    }

    /// Every JSON fixture reads as JSONSerialization read it, kind for kind (true is not 1).
    @Test func everyFixtureReadsAsJSONSerializationReadIt() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
        #expect(files.count >= 60)
        for file in files {
            let data = try Data(contentsOf: file)
            let reference = Self.kind(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
            #expect(try InputBytes.json(data, file: file.path) == reference, "\(file.lastPathComponent)")
        }
    }

    // How the readers classified JSONSerialization's values before this parser.
    private static func kind(_ value: Any) -> JSONKind {
        if let object = value as? [String: Any] { return .object(object.mapValues(kind)) }
        if let string = value as? String { return .string(string) }
        if let array = value as? [Any] { return .array(array.map(kind)) }
        if value is NSNull { return .null }
        let number = value as! NSNumber
        switch UInt8(bitPattern: number.objCType.pointee) {
        case UInt8(ascii: "c"), UInt8(ascii: "B"): return .bool(number.boolValue)
        case UInt8(ascii: "d"), UInt8(ascii: "f"):
            return Int(exactly: number.doubleValue).map(JSONKind.integer) ?? .number(number.doubleValue)
        default: return .integer(number.intValue)
        }
    }
}
