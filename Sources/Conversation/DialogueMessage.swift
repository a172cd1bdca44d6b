public import Foundation
public import Understanding

/// One message as the dialogue sees it: who wrote it, what it says, what Understanding made of
/// it, and when (the injected clock).
public struct DialogueMessage: Sendable, Hashable {
    public var userID: String
    public var userName: String?
    /// The text as typed.
    public var text: String
    public var classification: Classification
    public var now: Date

    /// Creates a message.
    public init(userID: String, userName: String? = nil, text: String, classification: Classification, now: Date) {
        self.userID = userID
        self.userName = userName
        self.text = text
        self.classification = classification
        self.now = now
    }

    /// The normalised text (Simplified Chinese, folded), or the trimmed raw text if Understanding
    /// gave none.
    public var normalized: String {
        Dialogue.trimmingSpaces(classification.normalizedText.isEmpty ? text : classification.normalizedText)
    }

    /// The conversation moves detected.
    public var moves: [String] { classification.moves }

    /// Whether one of `ids` was detected as a move.
    public func has(_ ids: String...) -> Bool { ids.contains { classification.moves.contains($0) } }
}

/// Move ids from `rules/moves.yaml` the dialogue reacts to.
public enum MoveID {
    public static let greeting = "greeting"
    public static let help = "help"
    public static let thanks = "thanks"
    public static let yes = "yes"
    public static let no = "no"
    public static let edit = "edit"
    public static let cancel = "cancel"
    public static let myCases = "my-cases"
    public static let status = "status"
    public static let handoff = "handoff"
    public static let cosign = "cosign"
    public static let secretary = "secretary"
}
