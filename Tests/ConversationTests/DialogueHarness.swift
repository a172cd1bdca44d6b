import Casework
import Conversation
import Foundation
import Rules
import TestSupport
import Understanding

/// Drives the dialogue like Office does, without I/O: keeps the state, completes two-phase
/// effects with made-up records, and remembers every effect.
struct DialogueHarness {
    var dialogue = Dialogue(catalog: Fixtures.catalog, replies: Fixtures.replies())
    var state = DialogueState()
    var cases = FakeCases()
    var effects: [DialogueEffect] = []
    var userID = "u1"
    var now = FixedClock.date("2026-11-26T10:00:00+08:00")
    var nextNumber = 1

    /// Sends one message; returns the replies of the turn.
    @discardableResult
    mutating func say(_ text: String, _ classification: Classification) -> [String] {
        let message = DialogueMessage(userID: userID, userName: "张阿姨", text: text, classification: classification, now: now)
        var step = dialogue.handle(message, in: state, lookup: cases)
        var replies = step.replies
        effects += step.effects
        for effect in step.effects where step.awaitsOutcome {
            switch effect {
            case .fileCase(let draft):
                let number = String(format: "2026-%04d", nextNumber)
                nextNumber += 1
                let record = CaseRecord(
                    number: number, draft: draft, state: .dispatched, filedBy: userID, filedAt: now, ownerRole: .property,
                    acceptBy: now.addingTimeInterval(24 * 3600), resolveBy: now.addingTimeInterval(7 * 24 * 3600))
                cases.all.append(CaseSummary(record))
                step = dialogue.resume(step.state, with: .filed(record), now: now)
                replies += step.replies
                effects += step.effects
            case .cosign(let number):
                guard let index = cases.all.firstIndex(where: { $0.number == number }) else { continue }
                cases.all[index].cosigners.append(userID)
                let summary = cases.all[index]
                step = dialogue.resume(step.state, with: .cosigned(summary), now: now)
                replies += step.replies
            default:
                continue
            }
        }
        state = step.state
        return replies
    }

    /// The case drafts filed so far.
    var filed: [CaseDraft] {
        effects.compactMap { if case .fileCase(let draft) = $0 { draft } else { nil } }
    }
}
