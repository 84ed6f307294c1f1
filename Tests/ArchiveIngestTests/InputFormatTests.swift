import ArchiveStore
import Foundation
import Testing
@testable import ArchiveIngest

@Suite struct InputFormatTests {
    @Test func apiItemIsRecognisedByContent() throws {
        #expect(InputFormat.detect(try Fixtures.data("api-examples/item-response.json")) == .apiItem)
        let items = try Fixtures.files(in: "dev-set/inputs/api/items", ext: "json")
        #expect(items.count == 5)
        for file in items {
            #expect(InputFormat.detect(try Fixtures.data(file)) == .apiItem, "\(file)")
        }
    }

    /// An API item whose answer is `text` in one paragraph.
    private func itemAnswering(_ text: String) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: try Fixtures.data("api-examples/item-response.json")) as! [String: Any]
        var value = object["value"] as! [String: Any]
        value["answerText"] = "<p>\(text)</p>"
        object["value"] = value
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// The limit counts characters (scalars), not bytes: a text over it is refused by name, and one
    /// under it in characters but over it in UTF-8 bytes is read.
    @Test func aTextIsMeasuredInCharactersAgainstTheLimit() throws {
        let limit = Importer.maximumTextCharacters
        #expect {
            try Importer.parse(try itemAnswering(String(repeating: "a", count: limit + 1)), file: "long.json")
        } throws: { "\($0)".contains("a text of \(limit + 1) characters is longer than the \(limit)") && "\($0)".contains("long.json") }
        let accented = String(repeating: "é", count: limit - 10)
        #expect(accented.utf8.count > limit)
        let (_, records) = try Importer.parse(try itemAnswering(accented), file: "accented.json")
        #expect(records.first?.answerVersions.last?.text.unicodeScalars.count == limit - 10)
    }

    @Test func apiListIsRecognisedByContent() throws {
        #expect(InputFormat.detect(try Fixtures.data("api-examples/list-response.json")) == .apiList)
        #expect(InputFormat.detect(try Fixtures.data("dev-set/inputs/api/page-1.json")) == .apiList)
    }

    @Test func savedPagesAreRecognisedByContent() throws {
        #expect(InputFormat.detect(try Fixtures.data(PageTextReaderTests.seed)) == .pageText)
        let pages = try Fixtures.files(in: "dev-set/inputs/pages", ext: "txt")
        #expect(pages.count == 5)
        for file in pages {
            #expect(InputFormat.detect(try Fixtures.data(file)) == .pageText, "\(file)")
        }
    }

    @Test func jsonFileNamedTxtIsStillRecognisedAsJSON() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("readers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let misnamed = directory.appendingPathComponent("answer.txt")
        try Fixtures.data("api-examples/item-response.json").write(to: misnamed)
        let data = try Data(contentsOf: misnamed)
        #expect(InputFormat.detect(data) == .apiItem)
        #expect(try InputReader.records(from: data, file: misnamed.lastPathComponent).first?.uin == "7926")
    }

    @Test func pageTextNamedJSONIsStillRecognisedAsAPage() throws {
        let data = try Fixtures.data(PageTextReaderTests.seed)
        #expect(InputFormat.detect(data) == .pageText)
        #expect(try InputReader.records(from: data, file: "page.json").first?.uin == "7814")
    }

    @Test func unknownContentIsNotRecognised() {
        let samples = ["", "hello world", "{}", #"{"value": 3}"#, #"{"results": []}"#, "[1,2,3]", "{not json",
                       "UIN 7814 appears in prose but no page around it."]
        for sample in samples {
            #expect(InputFormat.detect(Data(sample.utf8)) == nil, "\(sample)")
        }
        #expect(InputFormat.detect(Data([0xFF, 0xFE, 0x00, 0x41])) == nil)
    }

    @Test func byteOrderMarkAndLeadingSpaceDoNotHideJSON() throws {
        var data = Data([0xEF, 0xBB, 0xBF, 0x0A, 0x20])
        data.append(try Fixtures.data("api-examples/item-response.json"))
        #expect(InputFormat.detect(data) == .apiItem)
        #expect(try InputReader.records(from: data, file: "bom.json").count == 1)
    }

    @Test func inputReaderReadsEveryFixtureWhateverItsFormat() throws {
        var count = 0
        for folder in ["api-examples", "dev-set/inputs/api", "dev-set/inputs/api/items"] {
            for file in try Fixtures.files(in: folder, ext: "json") {
                count += try InputReader.records(from: Fixtures.data(file), file: file).count
            }
        }
        for file in try Fixtures.files(in: "dev-set/inputs/pages", ext: "txt") + [PageTextReaderTests.seed] {
            count += try InputReader.records(from: Fixtures.data(file), file: file).count
        }
        #expect(count == 1 + 20 + 5 + 5 + 5 + 1)
    }

    @Test func inputReaderNamesTheFileForUnreadableInput() {
        let cases: [(Data, String)] = [
            (Data(), "x: empty file"),
            (Data([0x41, 0xFF]), "x: not valid UTF-8 (bad byte at offset 1)"),
            (Data("[]".utf8), "x: expected an API response object, found an array"),
        ]
        for (data, message) in cases {
            let error = #expect(throws: InputError.self) { try InputReader.records(from: data, file: "x") }
            #expect(error?.description == message)
        }
        let error = #expect(throws: InputError.self) { try InputReader.records(from: Data("just some notes".utf8), file: "x") }
        #expect(error?.field == "uin")
    }
}
