import Channels
import Foundation
import Logging
import Office
import Testing

/// A scripted `GatewayInput`: each step is what one `next(timeout:)` call returns.
final class ScriptedInput: GatewayInput {
    enum Step {
        /// Bytes arrive.
        case data([UInt8])
        /// Nothing more is available right now (ends a group-commit batch).
        case pause
        /// Time passes with no input (advances `clock`).
        case idle(Duration)
        case signal(GatewaySignal)
    }

    private var steps: [Step]
    let clock: ManualUptime

    init(_ steps: [Step], clock: ManualUptime = ManualUptime()) {
        self.steps = steps
        self.clock = clock
    }

    func next(timeout: Duration?) throws -> GatewayInputEvent {
        guard !steps.isEmpty else { return .endOfInput }
        switch steps.removeFirst() {
        case .data(let bytes): return .data(bytes)
        case .pause: return .timedOut
        case .idle(let duration):
            clock.now += duration
            return .timedOut
        case .signal(let signal): return .signal(signal)
        }
    }
}

/// A monotonic clock the test moves by hand.
final class ManualUptime: @unchecked Sendable {  // used on the test's thread only
    var now: Duration = .zero
}

/// Collects what the loop writes; one element per `write` call (= one flush).
final class CollectingOutput: GatewayOutput {
    private(set) var writes: [[UInt8]] = []

    func write(_ bytes: [UInt8]) throws { writes.append(bytes) }

    var text: String { String(decoding: writes.joined(), as: UTF8.self) }
    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    /// Every line parsed by Foundation (an independent check that the output is valid JSON).
    var objects: [[String: Any]] {
        lines.map { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
            return object as? [String: Any] ?? ["type": "<not JSON>", "raw": line]
        }
    }
}

/// Input bytes for `lines`, each terminated by LF.
func jsonl(_ lines: [String]) -> [UInt8] {
    Array(lines.map { $0 + "\n" }.joined().utf8)
}

/// A message line with the usual fields.
func messageLine(id: String, user: String = "wx:u1", text: String = "3栋电梯坏了", extra: String = "") -> String {
    #"{"v":1,"type":"message","id":"\#(id)","user":{"id":"\#(user)"},"text":"\#(text)"\#(extra)}"#
}

struct GatewayRun {
    var output: CollectingOutput
    var exitReason: GatewayExitReason
    var objects: [[String: Any]] { output.objects }
    var types: [String] { objects.map { $0["type"] as? String ?? "?" } }
}

/// Runs the loop over scripted input with the in-memory test double.
func runGateway(
    _ steps: [ScriptedInput.Step], handler: InMemoryTurnHandler = InMemoryTurnHandler(),
    configuration: GatewayConfiguration = GatewayConfiguration(tickInterval: nil)
) throws -> GatewayRun {
    let input = ScriptedInput(steps)
    let output = CollectingOutput()
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let loop = GatewayLoop(
        handler: handler, input: input, output: output, configuration: configuration, logger: logger,
        uptime: { input.clock.now })
    let reason = try loop.run()
    return GatewayRun(output: output, exitReason: reason)
}
