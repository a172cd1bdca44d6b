/// A message for someone other than the person acting (the resident when staff act, the owner
/// on dispatch, the secretary on escalation). The caller puts it in the outbox.
public struct Notice: Sendable, Hashable, Codable {
    public var recipientUserID: String
    /// Simplified Chinese, ready to show.
    public var text: String
    /// The case it is about.
    public var caseNumber: String

    public init(recipientUserID: String, text: String, caseNumber: String) {
        self.recipientUserID = recipientUserID
        self.text = text
        self.caseNumber = caseNumber
    }
}
