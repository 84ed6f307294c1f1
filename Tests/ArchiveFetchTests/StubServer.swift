import ArchiveFetch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestScratch

/// The repository's Tests/ directory, found from this file.
let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

/// Failures of the test harness itself.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `stub_server.py` running on 127.0.0.1, started for one test and stopped when released.
final class StubServer: @unchecked Sendable {
    /// The API root to give the fetcher.
    let baseURL: URL
    private let process: Process
    private let transport = URLSessionTransport()

    /// Starts the server (with an optional --config object) and waits at most 10 s for its port.
    init(config: [String: Any]? = nil, idleTimeout: Int = 60) throws {
        let script = testsDirectory.appendingPathComponent("ArchiveFetchTests/stub_server.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", script.path, "--idle-timeout", String(idleTimeout)]
        if let config {
            let file = try ScratchDirectory.make("stub-config").appendingPathComponent("config.json")
            try JSONSerialization.data(withJSONObject: config).write(to: file)
            arguments += ["--config", file.path]
        }
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        let reader = output.fileHandleForReading
        let lineBox = LineBox()
        let ready = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var buffer = Data()
            while !buffer.contains(UInt8(ascii: "\n")) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
            }
            lineBox.set(String(decoding: buffer, as: UTF8.self))
            ready.signal()
        }
        guard ready.wait(timeout: .now() + 10) == .success else {
            process.terminate()
            throw HarnessError("the stub server printed no port within 10 s")
        }
        let line = lineBox.get().split(separator: "\n").first.map(String.init) ?? ""
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            process.terminate()
            throw HarnessError("the stub server's first line was '\(line)', not PORT n")
        }
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    deinit { stop() }

    /// Stops the server (SIGTERM, which it unblocks) and waits at most 5 s for it to exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    /// Requests per path the server has received (control requests aside).
    func requestCounts() throws -> [String: Int] {
        let object = try control("GET", "requests")
        return (object["counts"] as? [String: Int]) ?? [:]
    }

    /// Every request the server has received, in order: path, query and User-Agent.
    func requestLog() throws -> [[String: String]] {
        let object = try control("GET", "requests")
        return (object["log"] as? [[String: Any]] ?? []).map { entry in
            entry.compactMapValues { $0 as? String }
        }
    }

    /// Replaces the fault list.
    func setFaults(_ faults: [[String: Any]]) throws {
        _ = try control("POST", "faults", body: faults)
    }

    /// Adds or replaces questions (API `value` objects).
    func putQuestions(_ values: [[String: Any]]) throws {
        _ = try control("POST", "questions", body: values)
    }

    /// Forgets the request counts and log.
    func resetCounts() throws {
        _ = try control("POST", "reset")
    }

    @discardableResult
    private func control(_ method: String, _ name: String, body: Any? = nil) throws -> [String: Any] {
        var request = URLRequest(url: baseURL.appendingPathComponent("_control/\(name)"))
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let response = try transport.send(request, timeout: 5)
        guard response.status == 200,
              let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            throw HarnessError("control \(name) answered \(response.status)")
        }
        return object
    }
}

private final class LineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var line = ""
    func set(_ value: String) { lock.lock(); line = value; lock.unlock() }
    func get() -> String { lock.lock(); defer { lock.unlock() }; return line }
}

/// A fresh empty directory under the temporary directory, removed when the tests exit.
func temporaryDirectory(_ label: String) throws -> URL {
    try ScratchDirectory.make("fetch-tests-\(label)")
}

/// Every file under `root`, as paths relative to it, sorted.
func filesUnder(_ root: URL) -> [String] {
    let base = root.standardizedFileURL.path
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
    var files: [String] = []
    while let path = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files.append(path)
        }
    }
    return files.sorted()
}

/// The question fixture as a JSON object, for changing and putting back.
func fixtureQuestion(_ number: String) throws -> [String: Any] {
    let url = testsDirectory.appendingPathComponent("Fixtures/dev-set/inputs/api/items/\(number).json")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    guard let value = object?["value"] as? [String: Any] else { throw HarnessError("no value in \(number).json") }
    return value
}

/// The `value` of a stored item file.
func storedValue(_ url: URL) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    guard let value = object?["value"] as? [String: Any] else { throw HarnessError("no value in \(url.path)") }
    return value
}
