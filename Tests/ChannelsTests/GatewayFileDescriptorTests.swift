import Channels
import Foundation
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loop over real pipes and the real poll(2)-based input, on a thread of its own.
@Suite struct GatewayFileDescriptorTests {
    /// Result of a loop run on a background thread. @unchecked Sendable: written once by
    /// the loop's thread before `done` is signalled, read after waiting on it.
    final class Outcome: @unchecked Sendable {
        var reason: GatewayExitReason?
        var error: (any Error)?
        let done = DispatchSemaphore(value: 0)
    }

    struct Pipes {
        var inputRead: Int32, inputWrite: Int32, outputRead: Int32, outputWrite: Int32
    }

    private func makePipes() throws -> Pipes {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        try #require(pipe(&input) == 0 && pipe(&output) == 0)
        return Pipes(inputRead: input[0], inputWrite: input[1], outputRead: output[0], outputWrite: output[1])
    }

    private func start(_ pipes: Pipes, wake: GatewayWakePipe, handler: InMemoryTurnHandler) -> Outcome {
        let outcome = Outcome()
        let thread = Thread {
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let loop = GatewayLoop(
                handler: handler, input: GatewayFileDescriptorInput(fileDescriptor: pipes.inputRead, wakePipe: wake),
                output: GatewayFileDescriptorOutput(fileDescriptor: pipes.outputWrite),
                configuration: GatewayConfiguration(tickInterval: nil), logger: logger)
            do { outcome.reason = try loop.run() } catch { outcome.error = error }
            outcome.done.signal()
        }
        thread.start()
        return outcome
    }

    private func send(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
    }

    /// Reads output lines until one has type `until` (or 10 s pass).
    private func readLines(from fd: Int32, until type: String) -> [String] {
        var collected: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let text = String(decoding: collected, as: UTF8.self)
            if text.contains(#"{"type":"\#(type)""#) && text.hasSuffix("\n") { break }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            collected += buffer[0..<count]
        }
        return String(decoding: collected, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func terminateIsNoticedWhileTheLoopWaitsForInput() throws {
        let pipes = try makePipes()
        defer { [pipes.inputRead, pipes.inputWrite, pipes.outputRead, pipes.outputWrite].forEach { close($0) } }
        let wake = try GatewayWakePipe()
        let outcome = start(pipes, wake: wake, handler: InMemoryTurnHandler())
        send(messageLine(id: "1") + "\n" + #"{"type":"ping"}"# + "\n", to: pipes.inputWrite)
        var lines = readLines(from: pipes.outputRead, until: "pong")
        #expect(lines.map { $0.prefix(14) } == [#"{"type":"ready"#, #"{"type":"ack","#, #"{"type":"reply"#, #"{"type":"done""#, #"{"type":"pong""#])
        wake.post(.terminate)  // stdin stays open: the loop is blocked in poll(2)
        lines = readLines(from: pipes.outputRead, until: "bye")
        #expect(lines == [#"{"type":"bye"}"#])
        #expect(outcome.done.wait(timeout: .now() + 10) == .success)
        #expect(outcome.reason == .terminated)
        #expect(outcome.error == nil)
    }

    @Test func endOfInputAnswersTheLastLineAndSaysBye() throws {
        let pipes = try makePipes()
        defer { [pipes.inputRead, pipes.outputRead, pipes.outputWrite].forEach { close($0) } }
        let wake = try GatewayWakePipe()
        let handler = InMemoryTurnHandler()
        let outcome = start(pipes, wake: wake, handler: handler)
        send(messageLine(id: "1") + "\r\n" + messageLine(id: "2"), to: pipes.inputWrite)  // no final newline
        close(pipes.inputWrite)
        let lines = readLines(from: pipes.outputRead, until: "bye")
        #expect(lines.filter { $0.hasPrefix(#"{"type":"ack""#) }.count == 2)
        #expect(lines.last == #"{"type":"bye"}"#)
        #expect(outcome.done.wait(timeout: .now() + 10) == .success)
        #expect(outcome.reason == .endOfInput)
    }

    @Test func reloadSignalIsAnsweredWithTheNewHash() throws {
        let pipes = try makePipes()
        defer { [pipes.inputRead, pipes.outputRead, pipes.outputWrite].forEach { close($0) } }
        let wake = try GatewayWakePipe()
        let handler = InMemoryTurnHandler()
        let outcome = start(pipes, wake: wake, handler: handler)
        wake.post(.reload)
        let lines = readLines(from: pipes.outputRead, until: "reloaded")
        #expect(lines.last?.contains(handler.nextReloadHash ?? "?") == true)
        close(pipes.inputWrite)
        _ = readLines(from: pipes.outputRead, until: "bye")
        #expect(outcome.done.wait(timeout: .now() + 10) == .success)
    }
}
