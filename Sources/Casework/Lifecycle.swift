public import Foundation
public import Rules

/// The life of a case as a pure state machine: (record, action, actor, now) -> new record,
/// events and notices. No I/O; the caller stores the outcome and sends the notices.
///
/// States: new -> dispatched -> accepted -> resolved -> closed, plus reopened, cancelled,
/// in-meeting and referred. Who may do what:
/// - 接单/办结/转办: the owner, or staff holding the owner role (for a steward or grid-worker
///   case only the person routed to, unless nobody was); residents never.
/// - 评价: only the resident who filed it; never the owner.
/// - 办结确认: only the secretary. 撤销: the filer or the secretary. 备注: any staff.
/// - 转派: the owner's side, the secretary, or the triage role when the case needs triage.
/// - 督办, reminders, closing unrated cases: only the clock (`CaseActor.system`).
public struct Lifecycle: Sendable {
    public var table: RoutingTable
    /// For names in notices and for the secretaries; without it, notices use user ids and
    /// escalations reach nobody but the case's own people.
    public var directory: CommunityDirectory?
    /// How times are written in notices (Beijing time by default).
    public var timeZone: TimeZone

    public init(table: RoutingTable, directory: CommunityDirectory? = nil, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!) {
        self.table = table
        self.directory = directory
        self.timeZone = timeZone
    }

    var deadlines: Deadlines { Deadlines(table: table) }

    // MARK: Filing

    /// Files a new case and dispatches it at once by `decision` (from `Router.route`).
    /// - Parameters:
    ///   - number: the case number the caller assigned (`2026-0012`).
    ///   - filedBy: the resident's user id (the actor: they get `summary`, not a notice).
    ///   - now: the filing time; the time limits count from here.
    public func file(_ draft: CaseDraft, number: String, filedBy: String, at now: Date, decision: RoutingDecision) -> LifecycleOutcome {
        var record = CaseRecord(number: number, draft: draft, state: .new, filedBy: filedBy, filedAt: now)
        var fx = Effects(actor: filedBy, number: number)
        fx.event(.filed, at: now, to: .new)
        dispatch(&record, decision, now: now, by: CaseActor.system.userID, fx: &fx)
        var summary = "已登记为诉求单 \(number)，"
        if record.state == .referred {
            summary += "已转\(decision.role.title)办理。"
        } else {
            summary += "已派给\(ownerLabel(record))，\(limitsSentence(record))"
        }
        return LifecycleOutcome(record: record, events: fx.events, notices: fx.notices, summary: summary)
    }

    // MARK: Actions

    /// Applies an action to a case.
    /// - Throws: `CaseworkError` when the state does not allow it or the actor may not do it.
    public func apply(_ action: CaseAction, to original: CaseRecord, by actor: CaseActor, at now: Date) throws -> LifecycleOutcome {
        var record = original
        let n = record.number
        var fx = Effects(actor: actor.userID, number: n)
        var summary = ""
        var followUp: LifecycleOutcome.FollowUp?
        var meetingSuggested = false
        let state = record.state

        func require(_ states: Set<CaseState>) throws {
            guard states.contains(state) else { throw CaseworkError.wrongState(caseNumber: n, action: action.title, state: state) }
        }
        func forbid(_ reason: String) -> CaseworkError { .forbidden(caseNumber: n, action: action.title, reason: reason) }

        switch action {
        case .dispatch(let decision):
            try require([.new])
            guard actor.isSystem || actor.isSecretary || actor.roles.contains(table.triageRole) else {
                throw forbid("只有系统、书记或\(table.triageRole.title)可以派单")
            }
            dispatch(&record, decision, now: now, by: actor.userID, fx: &fx)
            summary = "诉求单 \(n) 已派给\(ownerLabel(record))。"

        case .accept:
            try require([.dispatched, .reopened])
            try checkHandler(record, actor, forbid)
            accept(&record, by: actor, now: now, fx: &fx)
            summary = "已接单：诉求单 \(n)，请在\(time(record.resolveBy))前办结。"

        case .resolve(let note):
            try require([.accepted, .dispatched, .reopened])
            if !actor.isStaff && !actor.isSystem { throw forbid("居民不能办结诉求单；办结后会请您评价") }
            try checkHandler(record, actor, forbid)
            if state != .accepted {
                accept(&record, by: actor, now: now, fx: &fx)
                // One message each: "resolved, please rate", not "accepted" first (a notice per
                // person per outcome, so the accept notices would shadow the request to rate).
                fx.notices.removeAll()
            }
            let from = record.state
            record.state = .resolved
            record.resolvedAt = now
            record.rating = nil
            record.ratingComment = nil
            record.ratingRemindedAt = nil
            fx.event(.resolved, at: now, note: note, from: from, to: .resolved)
            let detail = Self.remark(note)
            fx.tell(record.filedBy, "您的诉求单 \(n) 已办结\(detail)请回复「满意」「基本满意」或「不满意」评价（可以附一句意见）。")
            fx.tell(record.cosigners, "您附议的诉求单 \(n) 已办结\(detail)")
            fx.tell(record.followerUserID, "您首问负责的诉求单 \(n) 已由\(name(actor.userID))办结。")
            summary = "已办结：诉求单 \(n)，已请居民评价。"

        case .rate(let rating, let comment):
            try require([.resolved, .closed])
            if actor.userID == record.ownerUserID || actor.userID == record.followerUserID {
                throw forbid("办理人不能评价自己办理的诉求单")
            }
            guard actor.userID == record.filedBy else { throw forbid("只有提出诉求的居民可以评价") }
            record.rating = rating
            record.ratingComment = comment
            var event = CaseEvent(caseNumber: n, kind: .rated, actor: actor.userID, at: now, note: comment, fromState: state, toState: state)
            event.rating = rating
            fx.events.append(event)
            let inWindow = record.resolvedAt.map { now.timeIntervalSince($0) <= table.reopenWindow } ?? true
            let remark = comment.map { "，意见：\($0)" } ?? ""
            if rating == .unsatisfied && inWindow {
                reopen(&record, now: now, fx: &fx)
                fx.tell(record.ownerUserID, "【重新办理】诉求单 \(n) 居民评价「不满意」\(remark)。已重新交给您，请在\(time(record.acceptBy))前接单。")
                fx.tell(record.followerUserID, "【重新办理】您首问负责的诉求单 \(n) 居民评价「不满意」，已重新办理。")
                fx.tell(secretaryIDs, "【不满意】诉求单 \(n)（\(record.draft.summary)）居民评价「不满意」\(remark)，已重新办理。")
                summary = "很抱歉没有让您满意。诉求单 \(n) 已重新交给\(ownerLabel(record))办理，\(limitsSentence(record))"
            } else if rating == .unsatisfied {
                followUp = .init(draft: record.draft, filedBy: record.filedBy, relatedCaseNumber: n)
                fx.tell(record.ownerUserID, "诉求单 \(n) 居民评价「不满意」\(remark)（已超过重新办理期限，另立新单跟进）。")
                summary = "诉求单 \(n) 办结已超过\(Deadlines.describe(table.reopenWindow))，我们为您另立一张新单跟进。"
            } else {
                fx.tell(record.ownerUserID, "诉求单 \(n) 居民评价「\(rating.rawValue)」\(remark)。")
                if state == .resolved {
                    fx.tell(secretaryIDs, "【待办结确认】诉求单 \(n)（\(record.draft.summary)）居民评价「\(rating.rawValue)」，请回复「办结确认 \(n)」。")
                }
                summary = "感谢您的评价！"
            }

        case .confirmClose(let note):
            try require([.resolved])
            guard actor.isSecretary else { throw forbid("只有社区党委书记可以办结确认") }
            close(&record, kind: .closed, now: now, note: note, fx: &fx)
            fx.tell(residents(record), "您的诉求单 \(n) 已办结确认，感谢您的参与和监督。")
            fx.tell([record.ownerUserID, record.followerUserID], "诉求单 \(n) 已办结确认。")
            summary = "已办结确认：诉求单 \(n)。"

        case .cancel(let note):
            try require([.new, .dispatched, .accepted, .reopened, .inMeeting])
            guard actor.userID == record.filedBy || actor.isSecretary else { throw forbid("只有提出诉求的居民或书记可以撤销") }
            close(&record, kind: .cancelled, now: now, note: note, fx: &fx)
            fx.tell([record.ownerUserID, record.followerUserID], "诉求单 \(n) 已撤销，无需继续办理。")
            fx.tell(residents(record), "诉求单 \(n) 已撤销。")
            summary = "诉求单 \(n) 已撤销。"

        case .refer(let target, let note):
            try require([.new, .dispatched, .accepted, .reopened, .inMeeting])
            if !actor.isSecretary { try checkHandler(record, actor, forbid) }
            close(&record, kind: .referred, now: now, note: note, fx: &fx)
            let whereTo = target?.title ?? "相关部门"
            let detail = Self.remark(note)
            fx.tell(residents(record), "您的诉求单 \(n) 已转\(whereTo)办理\(detail)")
            fx.tell([record.ownerUserID, record.followerUserID], "诉求单 \(n) 已转\(whereTo)办理。")
            summary = "已转办：诉求单 \(n) 转\(whereTo)。"

        case .reassign(let decision, let note):
            try require([.new, .dispatched, .accepted, .reopened])
            let triager = record.needsTriage && actor.roles.contains(table.triageRole)
            if !actor.isSecretary && !triager { try checkHandler(record, actor, forbid) }
            if decision.role == record.ownerRole && decision.personUserID == record.ownerUserID && decision.personUserID != nil {
                throw CaseworkError.redundant(caseNumber: n, reason: "已经派给\(ownerLabel(record))了")
            }
            let oldOwner = record.ownerUserID
            let oldLabel = ownerLabel(record)
            record.ownerRole = decision.role
            record.ownerUserID = decision.personUserID
            record.informedUserIDs = decision.informedUserIDs
            record.needsTriage = decision.needsTriage
            record.routingReason = decision.reason + "（\(name(actor.userID))转派\(note.map { "：\($0)" } ?? "")）"
            record.state = .dispatched
            record.dispatchedAt = now
            let urgency = record.effectiveUrgency ?? record.draft.urgency
            record.acceptBy = deadlines.acceptBy(record.draft, urgency: urgency, from: now)
            if record.resolveBy == nil { record.resolveBy = deadlines.resolveBy(record.draft, urgency: urgency, from: now) }
            record.acceptEscalatedAt = nil
            fx.event(.reassigned, at: now, note: "\(oldLabel) → \(ownerLabel(record))" + (note.map { "：\($0)" } ?? ""), from: state, to: .dispatched)
            fx.tell(record.ownerUserID, newCaseText(record, prefix: "【转派】"))
            fx.tell(oldOwner, "诉求单 \(n) 已转派给\(ownerLabel(record))。")
            fx.tell(record.followerUserID, "诉求单 \(n) 已转派给\(ownerLabel(record))，您是首问负责人，请继续跟进。")
            if record.needsTriage { fx.tell(decision.triageUserIDs, triageText(record)) }
            fx.tell(record.informedUserIDs, informText(record))
            fx.tell(residents(record), "您的诉求单 \(n) 已转派给\(ownerLabel(record))办理。")
            summary = "已转派：诉求单 \(n) → \(ownerLabel(record))。"

        case .note(let text):
            guard actor.isStaff else { throw forbid("备注仅限工作人员") }
            fx.event(.noted, at: now, note: text)
            fx.tell([record.ownerUserID, record.followerUserID], "【备注】诉求单 \(n)，\(name(actor.userID))：\(text)")
            summary = "已备注：诉求单 \(n)。"

        case .cosign:
            guard state.isOpen, state != .resolved else { throw CaseworkError.wrongState(caseNumber: n, action: action.title, state: state) }
            if actor.userID == record.filedBy { throw CaseworkError.redundant(caseNumber: n, reason: "这是您自己提出的诉求") }
            if record.cosigners.contains(actor.userID) { throw CaseworkError.redundant(caseNumber: n, reason: "您已经附议过了") }
            record.cosigners.append(actor.userID)
            fx.event(.cosigned, at: now)
            fx.tell(record.filedBy, "有邻居附议了您的诉求单 \(n)，目前共 \(record.cosigners.count) 人附议。")
            summary = "已附议诉求单 \(n)，办理进展会告诉您。"
            if record.cosigners.count >= table.meetingCosignerThreshold && !record.needsMeeting {
                record.needsMeeting = true
                meetingSuggested = true
                let text = "【建议商量】诉求单 \(n)（\(record.draft.summary)）附议已达 \(record.cosigners.count) 人，建议召开商量会议。"
                fx.tell(secretaryIDs, text)
                fx.tell(record.ownerUserID, text)
            }

        case .openMeeting(let note):
            try require([.new, .dispatched, .accepted, .reopened])
            try checkMeetingHost(record, actor, forbid)
            record.state = .inMeeting
            record.needsMeeting = true
            fx.event(.meetingOpened, at: now, note: note, from: state, to: .inMeeting)
            fx.tell(residents(record), "您的诉求单 \(n) 将提交商量会议协商，会议安排会另行通知您。")
            fx.tell(record.ownerUserID, "诉求单 \(n) 已提交商量会议。")
            summary = "诉求单 \(n) 已提交商量会议。"

        case .concludeMeeting(let note):
            try require([.inMeeting])
            try checkMeetingHost(record, actor, forbid)
            let next: CaseState = record.acceptedAt == nil ? .dispatched : .accepted
            record.state = next
            let urgency = record.effectiveUrgency ?? record.draft.urgency
            if next == .dispatched {
                record.acceptBy = deadlines.acceptBy(record.draft, urgency: urgency, from: now)
                record.acceptEscalatedAt = nil
            }
            record.resolveBy = deadlines.resolveBy(record.draft, urgency: urgency, from: now)
            record.resolveEscalatedAt = nil
            fx.event(.meetingConcluded, at: now, note: note, from: state, to: next)
            let detail = Self.remark(note)
            fx.tell(residents(record), "您的诉求单 \(n) 商量会议已结束\(detail)接下来由\(ownerLabel(record))按会议结果办理。")
            fx.tell(record.ownerUserID, "诉求单 \(n) 商量会议已结束，请按会议结果在\(time(record.resolveBy))前办结。")
            summary = "诉求单 \(n) 商量会议已结束，恢复办理。"

        case .escalate(let kind):
            guard actor.isSystem else { throw forbid("督办由系统按时限自动发起") }
            switch kind {
            case .accept:
                try require([.new, .dispatched, .reopened])
                if record.acceptEscalatedAt != nil { throw CaseworkError.redundant(caseNumber: n, reason: "已经督办过") }
                record.acceptEscalatedAt = now
            case .resolve:
                try require([.new, .dispatched, .accepted, .reopened])
                if record.resolveEscalatedAt != nil { throw CaseworkError.redundant(caseNumber: n, reason: "已经督办过") }
                record.resolveEscalatedAt = now
            }
            record.isOverdue = true
            let limit = kind == .accept ? "接单" : "办结"
            let due = kind == .accept ? record.acceptBy : record.resolveBy
            fx.event(.escalated, at: now, note: "超过\(limit)时限（\(time(due))）")
            let follower = record.followerUserID.map { "，首问负责人：\(name($0))" } ?? ""
            fx.tell(secretaryIDs, "【督办】诉求单 \(n)（\(record.draft.summary)，\(CasePlace.describe(record.draft.place))）超过\(limit)时限（\(time(due))），责任：\(ownerLabel(record))\(follower)。")
            fx.tell(record.ownerUserID, "【催办】诉求单 \(n) 已超过\(limit)时限，已报书记直通车督办，请尽快\(limit)。")
            fx.tell(record.followerUserID, "【催办】您首问负责的诉求单 \(n) 已超过\(limit)时限，请跟进。")
            if record.ownerUserID == nil { fx.tell(triageIDs, triageText(record)) }
            fx.tell(residents(record), "您的诉求单 \(n) 超过了\(limit)时限，已报社区党委书记督办，我们会尽快给您答复。")
            summary = "诉求单 \(n) 超过\(limit)时限，已督办。"

        case .remindRating:
            guard actor.isSystem else { throw forbid("提醒评价由系统自动发出") }
            try require([.resolved])
            if record.rating != nil || record.ratingRemindedAt != nil {
                throw CaseworkError.redundant(caseNumber: n, reason: "已评价或已提醒过")
            }
            record.ratingRemindedAt = now
            fx.event(.reminded, at: now)
            fx.tell(record.filedBy, "您的诉求单 \(n) 已办结，还没收到您的评价。请回复「满意」「基本满意」或「不满意」。")
            summary = "已提醒评价：诉求单 \(n)。"

        case .closeUnrated:
            guard actor.isSystem else { throw forbid("逾期未评价由系统自动办结") }
            try require([.resolved])
            if record.rating != nil { throw CaseworkError.redundant(caseNumber: n, reason: "居民已评价") }
            close(&record, kind: .closed, now: now, note: "逾期未评价，按未评价办结", fx: &fx)
            fx.tell(record.filedBy, "您的诉求单 \(n) 未收到评价，已按办结处理。如仍有问题，\(Deadlines.describe(table.reopenWindow))内回复「不满意」可重新办理。")
            fx.tell(record.ownerUserID, "诉求单 \(n) 居民未评价，已按未评价办结。")
            summary = "诉求单 \(n) 逾期未评价，已办结。"
        }

        return LifecycleOutcome(
            record: record, events: fx.events, notices: fx.notices, summary: summary, followUp: followUp,
            meetingSuggested: meetingSuggested)
    }

    // MARK: Transitions

    private func dispatch(_ record: inout CaseRecord, _ decision: RoutingDecision, now: Date, by actor: String, fx: inout Effects) {
        let from = record.state
        record.ownerRole = decision.role
        record.ownerUserID = decision.personUserID
        record.informedUserIDs = decision.informedUserIDs
        record.routingReason = decision.reason
        record.needsTriage = decision.needsTriage
        record.effectiveUrgency = decision.urgency
        record.needsMeeting = record.needsMeeting || decision.needsMeeting
        record.dispatchedAt = now
        deadlines.apply(to: &record, from: now)
        if CommunityLoader.externalRoles.contains(decision.role) {
            record.state = .referred
            record.closedAt = now
            fx.event(.referred, by: actor, at: now, note: decision.reason, from: from, to: .referred)
            fx.tell(residents(record), "您的诉求单 \(record.number) 已转\(decision.role.title)办理。")
            return
        }
        record.state = .dispatched
        fx.event(.dispatched, by: actor, at: now, note: decision.reason, from: from, to: .dispatched)
        fx.tell(record.ownerUserID, newCaseText(record, prefix: "【新派单】"))
        if record.needsTriage { fx.tell(decision.triageUserIDs, triageText(record)) }
        fx.tell(record.informedUserIDs, informText(record))
        fx.tell(residents(record), "您的诉求单 \(record.number) 已派给\(ownerLabel(record))，\(limitsSentence(record))")
    }

    private func accept(_ record: inout CaseRecord, by actor: CaseActor, now: Date, fx: inout Effects) {
        let from = record.state
        let previous = record.ownerUserID
        record.ownerUserID = actor.userID
        if record.followerUserID == nil { record.followerUserID = actor.userID }
        if record.acceptedAt == nil { record.acceptedAt = now }
        record.needsTriage = false
        record.state = .accepted
        fx.event(.accepted, at: now, from: from, to: .accepted)
        fx.tell(residents(record), "您的诉求单 \(record.number) 已由\(ownerLabel(record))接单，将在\(time(record.resolveBy))前办结。")
        fx.tell(previous, "诉求单 \(record.number) 已由\(name(actor.userID))接单。")
        fx.tell(record.followerUserID, "您首问负责的诉求单 \(record.number) 已由\(name(actor.userID))接单。")
    }

    private func reopen(_ record: inout CaseRecord, now: Date, fx: inout Effects) {
        let from = record.state
        record.state = .reopened
        record.closedAt = nil
        record.isOverdue = false
        record.acceptEscalatedAt = nil
        record.resolveEscalatedAt = nil
        record.ratingRemindedAt = nil
        record.dispatchedAt = now
        deadlines.apply(to: &record, from: now)
        fx.event(.reopened, at: now, note: "居民评价不满意", from: from, to: .reopened)
    }

    private func close(_ record: inout CaseRecord, kind: CaseEvent.Kind, now: Date, note: String?, fx: inout Effects) {
        let from = record.state
        let to: CaseState = switch kind {
        case .cancelled: .cancelled
        case .referred: .referred
        default: .closed
        }
        record.state = to
        record.closedAt = now
        fx.event(kind, at: now, note: note, from: from, to: to)
    }

    // MARK: Permissions

    /// The owner's side: the person routed to, or staff holding the owner role (for a steward or
    /// grid-worker case only when nobody was routed to).
    private func checkHandler(_ record: CaseRecord, _ actor: CaseActor, _ forbid: (String) -> CaseworkError) throws {
        if actor.userID == record.ownerUserID { return }
        guard actor.isStaff else { throw forbid("这是工作人员的操作，居民不能办理诉求单") }
        if let role = record.ownerRole, actor.roles.contains(role) {
            let placeRole = role == .steward || role == .gridWorker
            if !placeRole || record.ownerUserID == nil { return }
        }
        throw forbid("这张诉求单派给了\(ownerLabel(record))，不在您的职责范围内；如需调整请用「转派」或联系书记")
    }

    private func checkMeetingHost(_ record: CaseRecord, _ actor: CaseActor, _ forbid: (String) -> CaseworkError) throws {
        if actor.isSystem || actor.isSecretary || actor.roles.contains(.residentsCommittee) || actor.roles.contains(.branch) { return }
        try checkHandler(record, actor, forbid)
    }

    // MARK: Texts

    private var secretaryIDs: [String] { directory?.secretaries.map(\.userID) ?? [] }
    private var triageIDs: [String] { directory?.people(in: table.triageRole).map(\.userID) ?? [] }

    private func residents(_ record: CaseRecord) -> [String] { [record.filedBy] + record.cosigners }

    /// A user id as staff read it: the person's name from the directory, else the id.
    public func name(_ userID: String) -> String {
        directory?.person(userID: userID)?.name ?? userID
    }

    /// "3栋红色管家孙玉兰", "物业服务企业王磊", or the role alone when nobody is named.
    func ownerLabel(_ record: CaseRecord) -> String {
        let role = record.ownerRole?.title ?? "待分派"
        guard let user = record.ownerUserID else { return role }
        if record.ownerRole == .steward, let building = record.draft.place.building { return "\(building)栋\(role)\(name(user))" }
        return role + name(user)
    }

    private func limitsSentence(_ record: CaseRecord) -> String {
        let urgency = (record.effectiveUrgency ?? record.draft.urgency).title
        return "\(urgency)事项将在\(time(record.acceptBy))前接单、\(time(record.resolveBy))前办结。"
    }

    private func newCaseText(_ record: CaseRecord, prefix: String) -> String {
        var text = "\(prefix)诉求单 \(record.number)：\(record.draft.summary)（\(CasePlace.describe(record.draft.place))）。"
        text += "\((record.effectiveUrgency ?? record.draft.urgency).title)事项，请在\(time(record.acceptBy))前接单、\(time(record.resolveBy))前办结。"
        if let follower = record.followerUserID, follower != record.ownerUserID { text += "首问负责人：\(name(follower))。" }
        text += "回复「接单 \(record.number)」接单。"
        return text
    }

    private func triageText(_ record: CaseRecord) -> String {
        "【待分派】诉求单 \(record.number)：\(record.draft.summary)（\(CasePlace.describe(record.draft.place))）。\(record.routingReason ?? "")。请回复「转派 \(record.number) 角色或工作人员」分派。"
    }

    private func informText(_ record: CaseRecord) -> String {
        "【知会】诉求单 \(record.number)：\(record.draft.summary)（\(CasePlace.describe(record.draft.place))），已派给\(ownerLabel(record))。"
    }

    /// "：已清理完毕。" for a note (ending in one full stop), "。" without one: the end of a
    /// sentence that goes on ("……已办结：已清理完毕。请回复……").
    static func remark(_ note: String?) -> String {
        guard var text = note?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return "。" }
        while let last = text.last, "。.！!；;，,".contains(last) { text.removeLast() }
        return "：\(text)。"
    }

    /// "11月28日 10:00" in the lifecycle's time zone; "—" for nil.
    public func time(_ date: Date?) -> String {
        guard let date else { return "—" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        return "\(c.month!)月\(c.day!)日 " + String(format: "%02d:%02d", c.hour!, c.minute!)
    }
}

/// Events and notices collected while applying one action.
struct Effects {
    let actor: String
    let number: String
    var events: [CaseEvent] = []
    var notices: [Notice] = []

    mutating func event(
        _ kind: CaseEvent.Kind, by who: String? = nil, at: Date, note: String? = nil, from: CaseState? = nil, to: CaseState? = nil
    ) {
        events.append(CaseEvent(caseNumber: number, kind: kind, actor: who ?? actor, at: at, note: note, fromState: from, toState: to))
    }

    /// Tells someone, unless it is the actor or they were already told in this outcome.
    mutating func tell(_ userID: String?, _ text: String) {
        guard let userID, userID != actor, !notices.contains(where: { $0.recipientUserID == userID }) else { return }
        notices.append(Notice(recipientUserID: userID, text: text, caseNumber: number))
    }

    mutating func tell(_ userIDs: [String?], _ text: String) {
        for userID in userIDs { tell(userID, text) }
    }

    mutating func tell(_ userIDs: [String], _ text: String) {
        for userID in userIDs { tell(userID, text) }
    }
}
