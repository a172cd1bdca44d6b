import Foundation
import GRDB
import Store
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Kills the real binary with SIGKILL between two messages of a scripted chat and checks that
/// nothing is lost and the conversation resumes.
@Suite struct DurabilityTests {
    static var binary: URL? {
        [".build/debug/shangliang", ".build/x86_64-unknown-linux-gnu/debug/shangliang", ".build/aarch64-unknown-linux-gnu/debug/shangliang"]
            .map { Fixtures.packageRoot.appendingPathComponent($0) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A running `shangliang chat` with a pipe on stdin and everything on stdout collected.
    final class Chat: @unchecked Sendable {
        // @unchecked: `output` is only touched under `lock`.
        let process = Process()
        let input = Pipe()
        let outputPipe = Pipe()
        let lock = NSLock()
        var output = ""

        init(binary: URL, database: String) throws {
            process.executableURL = binary
            process.arguments = ["chat", "--user", "u1", "--name", "张阿姨", "--db", database, "--rules", Fixtures.rulesDirectory.path]
            process.standardInput = input
            process.standardOutput = outputPipe
            process.standardError = FileHandle.nullDevice
            outputPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.withLock { self.output += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

        /// Waits (up to 20 s) until the output holds `count` lines.
        func waitForLines(_ count: Int) -> Bool {
            for _ in 0..<2000 {
                if lock.withLock({ output.split(separator: "\n").count >= count }) { return true }
                usleep(10_000)
            }
            return false
        }

        func kill() {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func finish() -> String {
            input.fileHandleForWriting.closeFile()
            process.waitUntilExit()
            outputPipe.fileHandleForReading.readabilityHandler = nil
            let rest = outputPipe.fileHandleForReading.readDataToEndOfFile()
            return lock.withLock { output + String(decoding: rest, as: UTF8.self) }
        }
    }

    @Test func killingTheProcessBetweenMessagesLosesNothing() throws {
        guard let binary = Self.binary else {
            Issue.record("build the executable first (swift build): \(Fixtures.packageRoot.path)/.build/debug/shangliang")
            return
        }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let database = dir.path("var/shangliang.sqlite")

        let first = try Chat(binary: binary, database: database)
        first.send("7栋2单元电梯坏了")
        // The reply is printed only after the turn committed: once it is seen, kill at once.
        #expect(first.waitForLines(2))
        first.kill()
        #expect(first.process.terminationReason == .uncaughtSignal)

        let second = try Chat(binary: binary, database: database)
        second.send("昨天开始的")
        let resumed = second.finish()
        // The conversation resumed: the answer completed the draft and it is read back.
        #expect(resumed.contains("我跟您确认一下"))
        #expect(resumed.contains("7栋2单元"))
        #expect(resumed.contains("昨天开始的"))

        let store = try Store(path: database)
        let messages = try store.read { try $0.allMessages() }
        #expect(messages.filter { $0.direction == .inbound }.map(\.text) == ["7栋2单元电梯坏了", "昨天开始的"])
        #expect(messages.filter { $0.direction == .outbound }.count == 2)
        #expect(messages.map(\.seq) == messages.map(\.seq).sorted())
        #expect(Set(messages.map(\.seq)).count == messages.count)
        let integrity = try store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }
}
