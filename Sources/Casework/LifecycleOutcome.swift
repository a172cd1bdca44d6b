/// What an action did: the new record, the events to store, the notices to put in the outbox.
public struct LifecycleOutcome: Sendable, Hashable {
    public var record: CaseRecord
    /// In order; every transition is one event.
    public var events: [CaseEvent]
    /// For everyone who must be told, never the actor (who gets `summary` as the reply).
    public var notices: [Notice]
    /// One Chinese line for the actor: what happened.
    public var summary: String
    /// Set when 不满意 came after the reopen window: file this as a new case; the caller
    /// assigns the number, routes it and sets its `relatedCaseNumber`.
    public var followUp: FollowUp?
    /// True when this action made the case call for a 商量会议 (co-signer threshold reached).
    public var meetingSuggested: Bool

    /// A new case to file in place of reopening an old one.
    public struct FollowUp: Sendable, Hashable {
        public var draft: CaseDraft
        public var filedBy: String
        /// The old case's number: the new case's `relatedCaseNumber`.
        public var relatedCaseNumber: String

        public init(draft: CaseDraft, filedBy: String, relatedCaseNumber: String) {
            self.draft = draft
            self.filedBy = filedBy
            self.relatedCaseNumber = relatedCaseNumber
        }
    }

    public init(
        record: CaseRecord, events: [CaseEvent], notices: [Notice], summary: String, followUp: FollowUp? = nil,
        meetingSuggested: Bool = false
    ) {
        self.record = record
        self.events = events
        self.notices = notices
        self.summary = summary
        self.followUp = followUp
        self.meetingSuggested = meetingSuggested
    }
}
