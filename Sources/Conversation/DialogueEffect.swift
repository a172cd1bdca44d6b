public import Casework
import Foundation

/// Something the dialogue wants done outside itself. The caller (Office) performs each effect in
/// the turn's transaction. `fileCase` and `cosign` produce a result the resident must hear (the
/// case number, who handles it): the caller passes it back with `Dialogue.resume(_:with:now:)`.
public enum DialogueEffect: Sendable, Hashable {
    /// File a new case (诉求单). Complete with `EffectOutcome.filed`.
    case fileCase(CaseDraft)
    /// Add the resident to an open case (附议). Complete with `EffectOutcome.cosigned`.
    case cosign(caseNumber: String)
    /// Store the resident's proposal (提方案) with a filed case.
    case addProposal(caseNumber: String, text: String)
    /// The resident withdraws their own open case.
    case cancelCase(caseNumber: String)
    /// Record an emergency or a non-discussable request for staff.
    case recordIncident(Incident)
    /// 转人工: record a handoff for staff.
    case requestHandoff(reason: HandoffReason)
}

/// Why a person is asked to take over.
public enum HandoffReason: String, Sendable, Hashable, Codable {
    /// The resident asked (转人工).
    case asked
    /// The resident asked for the secretary (书记直通车).
    case secretary
    /// The assistant did not understand and the resident accepted a person.
    case notUnderstood = "not-understood"
}

/// An emergency or a non-discussable request, recorded for staff.
public struct Incident: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case emergency
        case nonDiscussable = "non-discussable"
    }

    public var kind: Kind
    public var categoryID: String
    public var subtopicID: String?
    public var place: CasePlace
    /// 0 is the top priority (emergencies).
    public var priority: Int
    /// The number the resident was told to call, for emergencies.
    public var number: String?

    /// Creates an incident.
    public init(kind: Kind, categoryID: String, subtopicID: String? = nil, place: CasePlace = CasePlace(), priority: Int, number: String? = nil) {
        self.kind = kind
        self.categoryID = categoryID
        self.subtopicID = subtopicID
        self.place = place
        self.priority = priority
        self.number = number
    }
}

/// The result of a `fileCase` or `cosign` effect, fed back into the dialogue.
public enum EffectOutcome: Sendable, Hashable {
    case filed(CaseRecord)
    case cosigned(CaseSummary)
    /// The effect could not be done (the case closed meanwhile, ...).
    case failed
}
