// The class `Office` has its module's name, so `Office.Notification` written outside the module
// (to tell it from Foundation's `Notification`) finds the class first. These aliases make such
// module-qualified names keep meaning the contract types of Turn.swift.

/// The contract's `Notification` under a name that cannot clash with Foundation's.
public typealias TurnNotification = Notification

extension Office {
    /// The contract type `Notification` (Turn.swift), so that `Office.Notification` works.
    public typealias Notification = TurnNotification
    /// The contract type `Inbound`.
    public typealias Inbound = TurnInbound
    /// The contract type `Reply`.
    public typealias Reply = TurnReply
    /// The contract type `TurnOutcome`.
    public typealias TurnOutcome = TurnOutcomeAlias
}

/// `Inbound` under a second name (see `Office.Inbound`).
public typealias TurnInbound = Inbound
/// `Reply` under a second name (see `Office.Reply`).
public typealias TurnReply = Reply
/// `TurnOutcome` under a second name (see `Office.TurnOutcome`).
public typealias TurnOutcomeAlias = TurnOutcome
