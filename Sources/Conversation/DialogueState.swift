public import Foundation

/// Where one conversation is: the whole memory of the dialogue between two messages.
/// Codable, so the Store keeps it as JSON and a restarted program resumes where it was.
public struct DialogueState: Sendable, Hashable, Codable {
    /// The step of the dialogue.
    public enum Phase: Sendable, Hashable, Codable {
        /// Nothing in progress.
        case idle
        /// 问诉求: asking for what the draft's category needs (`Draft.pending`).
        case collecting
        /// The summary was read back; waiting for 是 / 不是 / 修改.
        case confirming
        /// The resident wants to change something; waiting for what.
        case editing
        /// An open case of the same category at the same building exists: 附议 or file anew?
        case offeringCosign(caseNumber: String)
        /// Transient: a `fileCase` effect is out; `Dialogue.resume` completes it.
        case filing
        /// Transient: a `cosign` effect is out; `Dialogue.resume` completes it.
        case cosigning(caseNumber: String)
        /// 提方案: the case is filed; waiting for an optional proposal.
        case proposing(caseNumber: String)
        /// The message was ambiguous: waiting for which of these categories it is.
        case choosing(categoryIDs: [String])
    }

    public var phase: Phase
    /// The request being put together (问诉求), kept while choosing, collecting and confirming.
    public var draft: Draft?

    /// When the dialogue last moved (the clock of the last message).
    public var updatedAt: Date?

    /// A fresh conversation.
    public init(phase: Phase = .idle, draft: Draft? = nil) {
        self.phase = phase
        self.draft = draft
    }

    /// True when nothing is in progress.
    public var isIdle: Bool { phase == .idle }
}
