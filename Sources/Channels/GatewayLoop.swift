public import Logging
public import Office

/// The JSON Lines gateway: reads protocol lines, commits what has arrived as one batch through
/// a `TurnHandling`, and only then writes the acks, replies and notifications.
///
/// One thread, no shared state. Each round waits for input (or a signal, or the next tick),
/// takes whatever else is already available up to the batch size, decodes it, commits all of
/// its messages with one `handle` call, and writes all of its output with one write. Pings and
/// bad lines are answered in their place; a `control` line or a signal first commits and
/// writes what came before it.
public final class GatewayLoop {
    private let handler: any TurnHandling
    private let input: any GatewayInput
    private let output: any GatewayOutput
    private let configuration: GatewayConfiguration
    private let logger: Logger
    private let uptime: () -> Duration
    private var splitter: GatewayLineSplitter
    private var nextTick: Duration?

    /// - Parameters:
    ///   - handler: the office (or a test double).
    ///   - input: stdin and the signal pipe, or a scripted input in tests.
    ///   - output: stdout, or a collector in tests.
    ///   - logger: diagnostics (to stderr); never given residents' text.
    ///   - uptime: a monotonic clock, for the tick schedule.
    public init(
        handler: any TurnHandling, input: any GatewayInput, output: any GatewayOutput,
        configuration: GatewayConfiguration = GatewayConfiguration(), logger: Logger,
        uptime: @escaping () -> Duration = GatewayLoop.systemUptime()
    ) {
        self.handler = handler
        self.input = input
        self.output = output
        self.configuration = configuration
        self.logger = logger
        self.uptime = uptime
        self.splitter = GatewayLineSplitter(maximumLength: configuration.maximumLineLength)
    }

    /// A monotonic clock starting now.
    public static func systemUptime() -> () -> Duration {
        let start = ContinuousClock.now
        return { start.duration(to: .now) }
    }

    /// Runs until EOF, SIGTERM/SIGINT or a shutdown line; writes `bye` last.
    /// - Throws: `GatewayError` when stdin or stdout fail (not for bad input lines).
    public func run() throws -> GatewayExitReason {
        try output.write(GatewayOutputLine.ready(rulesHash: handler.rulesHash).encoded())
        try runTick()
        var exitReason: GatewayExitReason?
        repeat {
            var items: [Item] = []
            let timeout = nextTick.map { max(.zero, $0 - uptime()) }
            var isDraining = receive(try input.next(timeout: timeout), into: &items, exitReason: &exitReason)
            // Group commit: take whatever else has already arrived, up to a batch.
            while isDraining, exitReason == nil, items.count < configuration.maximumBatchSize {
                isDraining = receive(try input.next(timeout: .zero), into: &items, exitReason: &exitReason)
            }
            if try process(items) { exitReason = .shutdownRequested }
            if exitReason == nil, let due = nextTick, uptime() >= due { try runTick() }
        } while exitReason == nil
        try output.write(GatewayOutputLine.bye.encoded())
        let reason = exitReason ?? .endOfInput
        logger.info("gateway stopped", metadata: ["reason": "\(reason)"])
        return reason
    }

    // MARK: - Reading

    private enum Item {
        case piece(GatewayLineSplitter.Piece)
        case reload
    }

    /// Adds what `event` brought to `items`. Returns whether more input may be taken at once.
    private func receive(_ event: GatewayInputEvent, into items: inout [Item], exitReason: inout GatewayExitReason?) -> Bool {
        switch event {
        case .data(let bytes):
            var pieces: [GatewayLineSplitter.Piece] = []
            splitter.feed(bytes, into: &pieces)
            items.append(contentsOf: pieces.map(Item.piece))
            return true
        case .endOfInput:
            var pieces: [GatewayLineSplitter.Piece] = []
            splitter.finish(into: &pieces)
            items.append(contentsOf: pieces.map(Item.piece))
            exitReason = .endOfInput
            return false
        case .timedOut:
            return false
        case .signal(.reload):
            items.append(.reload)
            return false
        case .signal(.terminate):
            // Lines already read are still answered; a partial line is dropped unanswered.
            exitReason = .terminated
            return false
        }
    }

    // MARK: - Processing

    /// Where a line's output goes among the batch's output.
    private enum Planned {
        case message(index: Int, line: Int)
        case line(GatewayOutputLine)
    }

    private struct Batch {
        var messages: [Inbound] = []
        var plan: [Planned] = []
        var isEmpty: Bool { plan.isEmpty }
    }

    /// Answers `items` in order. Returns true when a shutdown line was reached (the items
    /// after it are left unanswered).
    private func process(_ items: [Item]) throws -> Bool {
        var batch = Batch()
        for item in items {
            switch item {
            case .reload:
                try flush(&batch)
                try reload(inReplyTo: nil, line: nil)
            case .piece(.tooLong(let number)):
                batch.plan.append(.line(.error(GatewayProtocolError(
                    code: .tooLong, line: number,
                    message: "the line is longer than \(configuration.maximumLineLength) bytes; it was skipped"))))
            case .piece(.line(let number, let bytes)):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }  // blank lines are ignored
                switch GatewayCodec.decode(bytes) {
                case .failure(var error):
                    error.line = number
                    batch.plan.append(.line(.error(error)))
                case .success(.message(let inbound)):
                    batch.messages.append(inbound)
                    batch.plan.append(.message(index: batch.messages.count - 1, line: number))
                    if batch.messages.count >= configuration.maximumBatchSize { try flush(&batch) }
                case .success(.ping(let id)):
                    batch.plan.append(.line(.pong(id: id)))
                case .success(.control(.reload, let id)):
                    try flush(&batch)
                    try reload(inReplyTo: id, line: number)
                case .success(.control(.shutdown, _)):
                    try flush(&batch)
                    return true
                }
            }
        }
        try flush(&batch)
        return false
    }

    /// Commits the batch's messages, then writes its output in input order — each message's
    /// ack, replies, done, then the notifications its turn wrote, so that seq rises along the
    /// stream — and marks those notifications delivered.
    private func flush(_ batch: inout Batch) throws {
        defer { batch = Batch() }
        guard !batch.isEmpty else { return }
        let results = commit(batch.messages)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(batch.plan.count * 512)
        var notifications: [Notification] = []
        var seenNotifications = Set<String>()
        for planned in batch.plan {
            switch planned {
            case .line(let line):
                line.encode(appendingTo: &bytes)
            case .message(let index, let line):
                let inbound = batch.messages[index]
                switch results[index] {
                case .success(let outcome):
                    append(outcome, answering: inbound, to: &bytes)
                    for notification in outcome.notifications where seenNotifications.insert(notification.id).inserted {
                        GatewayOutputLine.notify(notification).encode(appendingTo: &bytes)
                        notifications.append(notification)
                    }
                case .failure:
                    GatewayOutputLine.error(GatewayProtocolError(
                        code: .internal, inReplyTo: inbound.messageID, line: line,
                        message: "the message could not be processed and was not stored; send it again",
                        isRetryable: true)).encode(appendingTo: &bytes)
                }
            }
        }
        try output.write(bytes)
        markDelivered(notifications)
    }

    /// The ack, replies and done for one message. Conversation, user and meta are the ones of
    /// the line being answered (for a duplicate: the resent line, not the stored one).
    private func append(_ outcome: TurnOutcome, answering inbound: Inbound, to bytes: inout [UInt8]) {
        let status: GatewayAckStatus = outcome.isDuplicate ? .duplicate : .accepted
        GatewayOutputLine.ack(id: outcome.messageID, status: status, seq: outcome.seq).encode(appendingTo: &bytes)
        for reply in outcome.replies {
            GatewayOutputLine.reply(GatewayReplyLine(
                id: reply.id, inReplyTo: outcome.messageID, conversation: inbound.conversationID,
                user: inbound.userID, text: reply.text, seq: reply.seq, meta: inbound.meta,
                isReplay: outcome.isDuplicate)).encode(appendingTo: &bytes)
        }
        GatewayOutputLine.done(inReplyTo: outcome.messageID, replies: outcome.replies.count).encode(appendingTo: &bytes)
    }

    /// One `handle` call for the whole batch; if it fails, each message alone, so that one
    /// message that cannot be processed does not take the others down with it.
    private func commit(_ messages: [Inbound]) -> [Result<TurnOutcome, any Error>] {
        guard !messages.isEmpty else { return [] }
        do {
            let outcomes = try handler.handle(messages)
            guard outcomes.count == messages.count else {
                throw GatewayHandlerMismatch(expected: messages.count, got: outcomes.count)
            }
            logger.trace("batch committed", metadata: ["messages": "\(messages.count)"])
            return outcomes.map { .success($0) }
        } catch {
            logger.error("batch failed", metadata: ["messages": "\(messages.count)", "error": "\(error)"])
            if messages.count == 1 { return [.failure(error)] }
            return messages.map { message in
                do {
                    let outcomes = try handler.handle([message])
                    guard outcomes.count == 1 else { throw GatewayHandlerMismatch(expected: 1, got: outcomes.count) }
                    return .success(outcomes[0])
                } catch {
                    logger.error("message failed", metadata: ["error": "\(error)"])
                    return .failure(error)
                }
            }
        }
    }

    private func markDelivered(_ notifications: [Notification]) {
        guard !notifications.isEmpty else { return }
        do {
            try handler.markDelivered(notifications.map(\.id))
        } catch {
            // They stay pending and are sent again at the next tick (same ids).
            logger.error("marking notifications delivered failed", metadata: ["error": "\(error)"])
        }
    }

    // MARK: - Control

    private func reload(inReplyTo id: String?, line: Int?) throws {
        let answer: GatewayOutputLine
        do {
            let hash = try handler.reloadRules()
            logger.info("rules reloaded", metadata: ["rules": "\(hash)"])
            answer = .reloaded(rulesHash: hash, inReplyTo: id)
        } catch {
            let detail = String(describing: error)
            logger.error("rules reload failed; the old rules stay", metadata: ["error": "\(detail)"])
            let shortDetail = detail.count > 1000 ? String(detail.prefix(1000)) + "…" : detail
            answer = .error(GatewayProtocolError(
                code: .reloadFailed, inReplyTo: id, line: line,
                message: "the rules were not reloaded, the old rules (\(handler.rulesHash)) stay in use: \(shortDetail)"))
        }
        try output.write(answer.encoded())
    }

    /// Runs due time limits and sends every notification still pending.
    private func runTick() throws {
        if let interval = configuration.tickInterval { nextTick = uptime() + interval }
        var notifications: [Notification] = []
        var seen = Set<String>()
        do {
            for notification in try handler.tick() where seen.insert(notification.id).inserted {
                notifications.append(notification)
            }
        } catch {
            logger.error("tick failed", metadata: ["error": "\(error)"])
        }
        do {
            for notification in try handler.pendingNotifications(for: nil) where seen.insert(notification.id).inserted {
                notifications.append(notification)
            }
        } catch {
            logger.error("reading pending notifications failed", metadata: ["error": "\(error)"])
        }
        guard !notifications.isEmpty else { return }
        var bytes: [UInt8] = []
        for notification in notifications {
            GatewayOutputLine.notify(notification).encode(appendingTo: &bytes)
        }
        try output.write(bytes)
        markDelivered(notifications)
    }
}

/// The handler returned a different number of outcomes than messages.
struct GatewayHandlerMismatch: Error, CustomStringConvertible {
    var expected: Int
    var got: Int
    var description: String { "the handler returned \(got) outcomes for \(expected) messages" }
}
