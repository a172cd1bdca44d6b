public import Foundation
import Synchronization

/// A clock tests set and advance by hand.
public final class FixedClock: Sendable {
    private let current: Mutex<Date>

    /// Starts at `start`.
    public init(_ start: Date) { current = Mutex(start) }

    /// Starts at an ISO 8601 time such as `2026-11-26T08:00:00+08:00`.
    public convenience init(iso: String) {
        self.init(FixedClock.date(iso))
    }

    /// The current time.
    public var now: Date { current.withLock { $0 } }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }

    /// Sets the clock.
    public func set(_ date: Date) { current.withLock { $0 = date } }

    /// The clock as the closure Office takes.
    public var closure: @Sendable () -> Date { { self.now } }

    /// Parses an ISO 8601 date (with offset); traps on a malformed literal (test code only).
    public static func date(_ iso: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: iso) else { preconditionFailure("bad ISO 8601 date \(iso)") }
        return date
    }
}
