public import Foundation
public import Logging
public import Store
import Synchronization
import Understanding

/// One turn for every channel: dedupe -> understand -> converse -> casework -> commit.
/// A batch of messages commits in one transaction (group commit) before any reply is returned.
public final class Office: TurnHandling {
    public let store: Store
    let clock: @Sendable () -> Date
    let loadRules: @Sendable () throws -> RuleBook
    let logger: Logger
    /// The rules in use; replaced whole by `reloadRules()`.
    let rules: Mutex<RuleBook>
    /// Decoded dialogue states (an optimisation; the database stays the truth).
    let states = StateCache()
    /// Residents (and the name stored, nil for none) written since this office started: not
    /// rewritten every message, and their name not read back.
    let knownResidents = Mutex<[String: String?]>([:])

    /// Creates the office and loads the rules once.
    /// - Parameters:
    ///   - store: the database.
    ///   - clock: the time source (inject a fixed clock in tests).
    ///   - logger: where to log (never residents' text); by default nowhere (stdout may carry a protocol).
    ///   - loadRules: builds a complete rule book from disk; called again by `reloadRules()`.
    /// - Throws: what `loadRules` throws.
    public init(
        store: Store, clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "shangliang.office", factory: { _ in SwiftLogNoOpLogHandler() }),
        loadRules: @escaping @Sendable () throws -> RuleBook
    ) throws {
        self.store = store
        self.clock = clock
        self.logger = logger
        self.loadRules = loadRules
        self.rules = Mutex(try loadRules())
    }

    /// The rule book in use.
    public var ruleBook: RuleBook { rules.withLock { $0 } }

    public var rulesHash: String { rules.withLock { $0.hash } }

    public func handle(_ batch: [Inbound]) throws -> [TurnOutcome] {
        let book = ruleBook
        let now = clock()
        let known = knownResidents.withLock { $0 }
        // Classifying is pure and the classifier serves every thread: a large batch is
        // classified on another core while its turns run here, each waiting for its own.
        let stream = batch.count >= Self.parallelClassificationThreshold
            ? ClassificationStream(batch.map(\.text), classifier: book.classifier) : nil
        let inline = stream == nil ? batch.map { book.classifier.classify($0.text) } : []
        func classification(_ index: Int) -> Classification { stream?.classification(at: index) ?? inline[index] }
        // Fast path: the turns run one after the other with no savepoint each (two statements
        // a message saved). When a turn fails for a reason of the program's own, the whole
        // transaction is rolled back and the batch runs again with each turn in its own
        // savepoint: the same turns (same clock, same classifications) give the same results,
        // and the failed one is stored with an apology, exactly as when isolated from the start.
        func runBatch(isolated: Bool) throws -> ([TurnOutcome], [String: String?]) {
            try store.write { tx in
                let turn = TurnRunner(book: book, tx: tx, now: now, logger: logger, states: states, knownResidents: known)
                let outcomes = try batch.indices.map { index in
                    let inbound = batch[index]
                    let classification = classification(index)
                    if isolated { return try turn.runIsolated(inbound, classification: classification) }
                    do {
                        return try turn.run(inbound, classification: classification)
                    } catch where !StoreTransaction.isDatabaseFailure(error) {
                        throw TurnFailedInBatch()
                    }
                }
                return (outcomes, turn.touchedResidents.value)
            }
        }
        let (outcomes, touched): ([TurnOutcome], [String: String?])
        do {
            (outcomes, touched) = try runBatch(isolated: false)
        } catch is TurnFailedInBatch {
            (outcomes, touched) = try runBatch(isolated: true)
        }
        // Only after the commit: a rolled-back batch must write its residents again.
        if !touched.isEmpty {
            knownResidents.withLock { known in
                if known.count > 100_000 { known.removeAll() }
                known.merge(touched) { _, new in new }
            }
        }
        return outcomes
    }

    /// The classifications of a batch's texts, in order; a large batch on another thread.
    static func classify(_ batch: [Inbound], with classifier: any MessageClassifying) -> [Classification] {
        guard batch.count >= parallelClassificationThreshold else { return batch.map { classifier.classify($0.text) } }
        return ClassificationStream(batch.map(\.text), classifier: classifier).all()
    }

    /// Below this many messages a batch is classified on the calling thread (a thread hand-off
    /// costs more than it saves).
    static let parallelClassificationThreshold = 16

    public func pendingNotifications(for userID: String?) throws -> [Notification] {
        try store.read { tx in try tx.pendingOutbox(for: userID).map(Notification.init) }
    }

    public func markDelivered(_ notificationIDs: [String]) throws {
        let ids = notificationIDs.compactMap { id -> Int64? in
            guard id.hasPrefix("n:") else { return nil }
            return Int64(id.dropFirst(2))
        }
        let now = clock()
        try store.write { tx in try tx.markDelivered(outboxIDs: ids, at: now) }
    }

    /// Runs the interceptors' time-limit work. (Dedupe keys are the stored inbound messages:
    /// nothing to forget.)
    public func tick() throws -> [Notification] {
        let book = ruleBook
        let now = clock()
        return try store.write { tx in
            let before = try tx.lastSeq()
            for interceptor in book.interceptors { try interceptor.tick(now: now, in: tx) }
            return try tx.outbox(after: before).map(Notification.init)
        }
    }

    public func reloadRules() throws -> String {
        let fresh = try loadRules()
        rules.withLock { $0 = fresh }
        logger.info("rules reloaded", metadata: ["hash": "\(fresh.hash)"])
        return fresh.hash
    }
}

extension Notification {
    /// The notification for an outbox entry.
    public init(_ entry: OutboxEntry) {
        self.init(id: "n:\(entry.id)", recipientUserID: entry.recipient, text: entry.text, seq: entry.seq)
    }
}

/// A turn of a batch run without savepoints failed: the batch is run again, isolated.
struct TurnFailedInBatch: Error {}
