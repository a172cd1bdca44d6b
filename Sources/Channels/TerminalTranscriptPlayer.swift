public import Foundation
public import Office
import Synchronization

/// Plays a transcript's resident lines against an office and writes the conversation that
/// actually happens, in the transcript format, for comparison with the golden file.
public struct TerminalTranscriptPlayer {
    /// The time the office sees; moved by `# clock:` and `# advance:`.
    public let clock: TranscriptClock
    /// Makes the office for one play (a fresh database each time), given the clock.
    public var makeOffice: (TranscriptClock) throws -> any TurnHandling

    /// Creates a player.
    public init(start: Date = TerminalTranscriptPlayer.defaultStart, makeOffice: @escaping (TranscriptClock) throws -> any TurnHandling) {
        self.clock = TranscriptClock(start)
        self.makeOffice = makeOffice
    }

    /// 2026-11-26 08:00 Beijing time, when a transcript says no `# clock:`.
    public static let defaultStart = Date(timeIntervalSince1970: 1_795_651_200)

    /// Plays the transcript and returns the text of what happened.
    public func play(_ transcript: TerminalTranscript) throws -> String {
        var user = "u1"
        var names: [String: String] = [:]
        var office: (any TurnHandling)?
        var out: [String] = []
        for line in transcript.lines {
            switch line {
            case .verbatim(let text, let directive):
                out.append(text)
                switch directive {
                case .user(let id)?: user = id
                case .name(let name)?: names[user] = name
                case .clock(let date)?: clock.set(date)
                case .advance(let seconds)?: clock.advance(by: seconds)
                case nil: break
                }
            case .output:
                continue
            case .resident(let text, let lineUser, let raw):
                out.append(raw)
                if office == nil { office = try makeOffice(clock) }
                let who = lineUser ?? user
                let outcomes = try office!.handle([Inbound(userID: who, userName: names[who], text: text, channel: "transcript")])
                for outcome in outcomes {
                    for reply in outcome.replies {
                        let parts = reply.text.components(separatedBy: "\n")
                        out.append("< 助手: " + parts[0])
                        out += parts.dropFirst().map { "< " + $0 }
                    }
                    for note in outcome.notifications {
                        out.append("! 通知[\(note.recipientUserID)]: " + note.text.replacingOccurrences(of: "\n", with: " / "))
                    }
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// A settable clock for transcripts.
public final class TranscriptClock: Sendable {
    private let current: Mutex<Date>

    /// Starts at `start`.
    public init(_ start: Date) { current = Mutex(start) }

    /// The current time.
    public var now: Date { current.withLock { $0 } }

    /// Sets the time.
    public func set(_ date: Date) { current.withLock { $0 = date } }

    /// Moves the time forward.
    public func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }

    /// The clock as the closure Office takes.
    public var closure: @Sendable () -> Date { { self.now } }
}
