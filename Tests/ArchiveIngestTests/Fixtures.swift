import ArchiveStore
import Foundation

/// The shared fixtures under Tests/Fixtures, found from this source file's path.
enum Fixtures {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests", url.pathComponents.count > 1 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Fixtures")
    }()

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func data(_ path: String) throws -> Data { try Data(contentsOf: url(path)) }

    static func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// The files in a fixture folder with the given extension, sorted by name.
    static func files(in folder: String, ext: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(folder).path)
            .filter { $0.hasSuffix(".\(ext)") }
            .sorted()
            .map { "\(folder)/\($0)" }
    }

    /// dev-set/inputs/keys.json: file number ("001") to the UIN and house it was given.
    static func keys() throws -> [String: (uin: String, house: String)] {
        let object = try JSONSerialization.jsonObject(with: data("dev-set/inputs/keys.json")) as! [String: [String: String]]
        var result: [String: (uin: String, house: String)] = [:]
        for (name, entry) in object {
            result[String(name.prefix { $0 != "." })] = (entry["uin"]!, entry["house"]!)
        }
        return result
    }
}

/// JSON text for tests, from a dictionary, so a test can change one field of a real record.
enum JSONText {
    static func data(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// The first record of api-examples/item-response.json's "value", for editing.
    static func itemValue() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Fixtures.data("api-examples/item-response.json")) as! [String: Any]
        return object["value"] as! [String: Any]
    }

    static func item(_ value: [String: Any]) throws -> Data { try data(["value": value, "links": []]) }

    static func list(_ values: [[String: Any]]) throws -> Data {
        try data(["totalResults": values.count, "results": values.map { ["value": $0, "links": []] }])
    }
}
