public import Casework
public import Foundation
import GRDB
import Rules

extension StoreTransaction {
    /// The next case number for `year`: `2026-0001`, `2026-0002` ... (persisted counter).
    public func nextCaseNumber(year: Int) throws -> String {
        let last = try Int.fetchOne(db.cachedStatement(sql: "SELECT last FROM case_counters WHERE year = ?"), arguments: [year]) ?? 0
        try db.cachedStatement(sql: "INSERT INTO case_counters (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last")
            .execute(arguments: [year, last + 1])
        return String(format: "%04d-%04d", year, last + 1)
    }

    /// Inserts a new case (its co-signers too) and a `filed` event.
    public func insertCase(_ record: CaseRecord) throws {
        try db.cachedStatement(sql: Self.insertCaseSQL).execute(arguments: Self.caseArguments(record, updatedAt: record.filedAt))
        for userID in record.cosigners { try addCosigner(caseNumber: record.number, userID: userID, at: record.filedAt) }
        try appendEvent(CaseEvent(caseNumber: record.number, kind: .filed, actor: record.filedBy, at: record.filedAt, toState: record.state))
    }

    /// Writes every field of an existing case (not its co-signers or events).
    /// - Throws: `StoreError.unknownCase` when there is no such case.
    public func updateCase(_ record: CaseRecord, at: Date) throws {
        let values = Array(Self.caseValues(record, updatedAt: at).dropFirst()) + [record.number]
        try db.cachedStatement(sql: Self.updateCaseSQL).execute(arguments: StatementArguments(values))
        if db.changesCount == 0 { throw StoreError.unknownCase(record.number) }
    }

    /// One case with its co-signers.
    public func caseRecord(number: String) throws -> CaseRecord? {
        try fetchCases("WHERE number = ?", [number]).first
    }

    /// The most recent open case of a category at a building (and area, when given).
    public func openCase(categoryID: String, building: Int, area: String?) throws -> CaseRecord? {
        let states = CaseState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try fetchCases(
            "WHERE category_id = ? AND building = ? AND (? IS NULL OR area IS NULL OR area = ?) AND state IN (\(states)) ORDER BY filed_at DESC LIMIT 1",
            [categoryID, building, area, area]).first
    }

    /// Cases a user filed or co-signed, newest first.
    public func cases(involving userID: String) throws -> [CaseRecord] {
        // Most residents have filed nothing: that is found without building GRDB rows (whose
        // set-up for a 40-column SELECT cost more than the rest of such a turn).
        var probe = try direct(.anyCaseInvolving)
        probe.bind(userID)
        probe.bind(userID)
        guard try probe.fetchInt64() != nil else { return [] }
        return try fetchCases(
            "WHERE filed_by = ? OR number IN (SELECT case_number FROM cosigners WHERE user_id = ?) ORDER BY filed_at DESC, number DESC",
            [userID, userID])
    }

    /// Cases matching an SQL condition on the `cases` table (for casework's lists), e.g.
    /// `cases(where: "state = ?", ["new"])`. Pass an empty condition for all cases.
    public func cases(where condition: String, _ arguments: StatementArguments = []) throws -> [CaseRecord] {
        try fetchCases(condition.isEmpty ? "ORDER BY number" : "WHERE \(condition) ORDER BY number", arguments)
    }

    /// Adds a co-signer (附议). Returns false when the user had already co-signed.
    @discardableResult
    public func addCosigner(caseNumber: String, userID: String, at: Date) throws -> Bool {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO cosigners (case_number, user_id, at) VALUES (?, ?, ?)")
            .execute(arguments: [caseNumber, userID, value(at)])
        return db.changesCount > 0
    }

    /// Appends an event to a case's history.
    public func appendEvent(_ event: CaseEvent) throws {
        try db.cachedStatement(sql: "INSERT INTO case_events (case_number, kind, actor, at, note, from_state, to_state, rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [
                event.caseNumber, event.kind.rawValue, event.actor, value(event.at), event.note, event.fromState?.rawValue,
                event.toState?.rawValue, event.rating?.rawValue,
            ])
    }

    /// A case's history, oldest first.
    public func events(caseNumber: String) throws -> [CaseEvent] {
        try fetchEvents("WHERE case_number = ? ORDER BY id", [caseNumber])
    }

    /// The events of every case filed in `[start, end)` (for the monthly figures), in order.
    public func events(ofCasesFiledFrom start: Date, to end: Date) throws -> [CaseEvent] {
        try fetchEvents(
            "WHERE case_number IN (SELECT number FROM cases WHERE filed_at >= ? AND filed_at < ?) ORDER BY id", [start, end])
    }

    func fetchEvents(_ clause: String, _ arguments: StatementArguments) throws -> [CaseEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM case_events " + clause, arguments: arguments).map { row in
            var event = CaseEvent(
                caseNumber: row["case_number"], kind: CaseEvent.Kind(rawValue: row["kind"]) ?? .noted, actor: row["actor"],
                at: row["at"], note: row["note"], fromState: (row["from_state"] as String?).flatMap(CaseState.init(rawValue:)),
                toState: (row["to_state"] as String?).flatMap(CaseState.init(rawValue:)))
            event.rating = (row["rating"] as String?).flatMap(Rating.init(rawValue:))
            return event
        }
    }

    // MARK: - Mapping

    static let caseColumns = [
        "number", "category_id", "subtopic_id", "area", "building", "unit", "room", "spot", "summary", "detail", "since",
        "households", "proposal", "urgency", "state", "filed_by", "filed_at", "owner_role", "owner_user_id",
        "follower_user_id", "informed_user_ids", "routing_reason", "needs_triage", "accept_by", "resolve_by", "is_overdue",
        "rating", "rating_comment", "related_case_number", "updated_at", "dispatched_at", "accepted_at", "resolved_at",
        "closed_at", "accept_escalated_at", "resolve_escalated_at", "rating_reminded_at", "effective_urgency", "needs_meeting",
    ]

    static let insertCaseSQL =
        "INSERT INTO cases (\(caseColumns.joined(separator: ", "))) VALUES (\(caseColumns.map { _ in "?" }.joined(separator: ", ")))"
    static let updateCaseSQL = "UPDATE cases SET \(caseColumns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")) WHERE number = ?"

    static func caseArguments(_ r: CaseRecord, updatedAt: Date) -> StatementArguments {
        StatementArguments(caseValues(r, updatedAt: updatedAt))
    }

    static func caseValues(_ r: CaseRecord, updatedAt: Date) -> [(any DatabaseValueConvertible)?] {
        let d = r.draft
        let informed = (try? String(data: JSONEncoder().encode(r.informedUserIDs), encoding: .utf8)) ?? "[]"
        let values: [(any DatabaseValueConvertible)?] = [
            r.number, d.categoryID, d.subtopicID, d.place.area, d.place.building, d.place.unit, d.place.room, d.place.spot,
            d.summary, d.detail, d.since, d.households, d.proposal, d.urgency.rawValue, r.state.rawValue, r.filedBy, r.filedAt,
            r.ownerRole?.rawValue, r.ownerUserID, r.followerUserID, informed, r.routingReason, r.needsTriage, r.acceptBy,
            r.resolveBy, r.isOverdue, r.rating?.rawValue, r.ratingComment, r.relatedCaseNumber, updatedAt, r.dispatchedAt, r.acceptedAt, r.resolvedAt,
            r.closedAt, r.acceptEscalatedAt, r.resolveEscalatedAt, r.ratingRemindedAt, r.effectiveUrgency?.rawValue,
            r.needsMeeting,
        ]
        return values
    }

    func fetchCases(_ clause: String, _ arguments: StatementArguments) throws -> [CaseRecord] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM cases " + clause), arguments: arguments)
        return try rows.map { row in
            let number: String = row["number"]
            guard let state = CaseState(rawValue: row["state"]), let urgency = Urgency(rawValue: row["urgency"]) else {
                throw StoreError.corruptRecord(table: "cases", key: number)
            }
            let place = CasePlace(area: row["area"], building: row["building"], unit: row["unit"], room: row["room"], spot: row["spot"])
            let draft = CaseDraft(
                categoryID: row["category_id"], subtopicID: row["subtopic_id"], place: place, summary: row["summary"],
                detail: row["detail"], since: row["since"], households: row["households"], proposal: row["proposal"], urgency: urgency)
            let informedJSON: String = row["informed_user_ids"]
            let informed = (try? JSONDecoder().decode([String].self, from: Data(informedJSON.utf8))) ?? []
            let cosigners = try String.fetchAll(
                db.cachedStatement(sql: "SELECT user_id FROM cosigners WHERE case_number = ? ORDER BY at, user_id"), arguments: [number])
            var record = CaseRecord(
                number: number, draft: draft, state: state, filedBy: row["filed_by"], filedAt: row["filed_at"],
                ownerRole: (row["owner_role"] as String?).flatMap(OwnerRole.init(rawValue:)), ownerUserID: row["owner_user_id"],
                followerUserID: row["follower_user_id"], informedUserIDs: informed, routingReason: row["routing_reason"],
                needsTriage: row["needs_triage"], cosigners: cosigners, acceptBy: row["accept_by"], resolveBy: row["resolve_by"],
                isOverdue: row["is_overdue"], rating: (row["rating"] as String?).flatMap(Rating.init(rawValue:)),
                ratingComment: row["rating_comment"], relatedCaseNumber: row["related_case_number"])
            record.dispatchedAt = row["dispatched_at"]
            record.acceptedAt = row["accepted_at"]
            record.resolvedAt = row["resolved_at"]
            record.closedAt = row["closed_at"]
            record.acceptEscalatedAt = row["accept_escalated_at"]
            record.resolveEscalatedAt = row["resolve_escalated_at"]
            record.ratingRemindedAt = row["rating_reminded_at"]
            record.effectiveUrgency = (row["effective_urgency"] as String?).flatMap(Urgency.init(rawValue:))
            record.needsMeeting = row["needs_meeting"]
            return record
        }
    }
}
