import Dispatch
import Understanding

/// The classifications of a batch, made in input order on another thread while the batch's
/// turns run: turn `i` waits only until message `i` is classified. Classifying is pure and
/// the classifier serves every thread; the turns (one transaction) stay on the calling thread.
///
/// One semaphore signal per message classified, one wait per message taken: the semaphore
/// orders each result's write before its read.
final class ClassificationStream: @unchecked Sendable {
    private let results: UnsafeMutableBufferPointer<Classification>
    private let ready = DispatchSemaphore(value: 0)
    /// How many results the reading thread has taken a signal for (that thread only).
    private var taken = 0

    /// Starts classifying `texts` on a worker thread.
    init(_ texts: [String], classifier: any MessageClassifying) {
        results = .allocate(capacity: texts.count)
        // The worker holds this object until it has written every result, so `deinit` (which
        // deinitialises them) never runs before it is done.
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            for (index, text) in texts.enumerated() {
                (results.baseAddress! + index).initialize(to: classifier.classify(text))
                ready.signal()
            }
        }
    }

    deinit {
        results.deinitialize()
        results.deallocate()
    }

    var count: Int { results.count }

    /// The classification of message `index`, waiting for it if needed. One reading thread.
    func classification(at index: Int) -> Classification {
        while taken <= index {
            ready.wait()
            taken += 1
        }
        return results[index]
    }

    /// Every classification, in order (waits for all).
    func all() -> [Classification] {
        (0..<count).map { classification(at: $0) }
    }
}
