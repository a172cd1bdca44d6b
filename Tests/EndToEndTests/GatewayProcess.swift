import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `shangliang gateway` process (the built binary, the shipped rules) with a thread
/// collecting its stdout lines, as a gateway would run it.
/// @unchecked Sendable: `buffer` is only touched under `lock`; the rest is set in init.
final class GatewayProcess: @unchecked Sendable {
    /// The debug binary `swift build` made (`swift test` builds it too).
    static var binary: URL? {
        [".build/debug/shangliang", ".build/x86_64-unknown-linux-gnu/debug/shangliang", ".build/aarch64-unknown-linux-gnu/debug/shangliang"]
            .map { Fixtures.packageRoot.appendingPathComponent($0) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer: [UInt8] = []
    private let finished = DispatchSemaphore(value: 0)
    private var outputEnded = false

    /// Starts the gateway and waits (up to 20 s) for its first line.
    init(binary: URL, database: String, rules: URL = Fixtures.rulesDirectory, arguments: [String] = []) throws {
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = binary
        process.arguments = ["gateway", "--db", database, "--rules", rules.path, "--log-level", "error"] + arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        Thread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                lock.withLock { buffer += data }
            }
            lock.withLock { outputEnded = true }
            finished.signal()
        }.start()
        _ = waitUntil(seconds: 20) { !$0.isEmpty }
    }

    var processIdentifier: Int32 { process.processIdentifier }

    /// Complete output lines so far, parsed (a line cut by a kill is left out).
    var objects: [[String: Any]] {
        let bytes = lock.withLock { buffer }
        let complete = bytes.lastIndex(of: 0x0A).map { bytes[...$0] } ?? []
        return String(decoding: complete, as: UTF8.self).split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    func send(_ text: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    /// Polls `condition` on the output for up to `seconds`; returns whether it held.
    func waitUntil(seconds: Double = 30, _ condition: ([[String: Any]]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(objects) { return true }
            usleep(5_000)
        }
        return condition(objects)
    }

    /// SIGKILL, then waits for the process and its output to end.
    func kill() {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        waitForEndOfOutput()
        try? input.fileHandleForWriting.close()
    }

    /// Waits (up to 10 s) until the reader thread has seen the end of stdout.
    private func waitForEndOfOutput() {
        if lock.withLock({ outputEnded }) { return }
        _ = finished.wait(timeout: .now() + 10)
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits for the process to end; its exit status.
    func waitForExit() -> Int32 {
        process.waitUntilExit()
        waitForEndOfOutput()
        return process.terminationStatus
    }
}

/// A message line of protocol v1.
func gatewayMessageLine(id: String, user: String, text: String) -> String {
    let object: [String: Any] = ["v": 1, "type": "message", "id": id, "user": ["id": user], "text": text]
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
}

extension GatewayProcess {
    /// Sends a signal to the process.
    func deliver(_ number: Int32) {
        _ = Glibc.kill(processIdentifier, number)
    }
}
