import Casework
import Foundation
import GRDB

extension StoreTransaction {
    /// Records a 转人工 request. Returns its id.
    @discardableResult
    public func recordHandoff(_ handoff: HandoffRecord) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO handoffs (user_id, conversation_id, message_seq, reason, created_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [handoff.userID, handoff.conversationID, handoff.messageSeq, handoff.reason, handoff.createdAt])
        return db.lastInsertedRowID
    }

    /// Handoffs nobody answered yet, oldest first.
    public func openHandoffs() throws -> [HandoffRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM handoffs WHERE answered_at IS NULL ORDER BY created_at, id").map(Self.handoff)
    }

    /// The handoff with this id, answered or not.
    public func handoff(id: Int64) throws -> HandoffRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM handoffs WHERE id = ?", arguments: [id]).map(Self.handoff)
    }

    /// Marks a handoff answered. Returns false when it was already answered (or is unknown).
    public func answerHandoff(id: Int64, by staffUserID: String, answer: String?, at now: Date) throws -> Bool {
        try close("handoffs", id: id, columns: ("answered_at", "answered_by", "answer"), values: (now, staffUserID, answer))
    }

    /// Sets the three closing columns (time, who, words) of row `id` of `table` if its time is
    /// still NULL; false when it was closed already or does not exist.
    private func close(_ table: String, id: Int64, columns: (String, String, String), values: (Date, String, String?)) throws -> Bool {
        try db.execute(
            sql: "UPDATE \(table) SET \(columns.0) = ?, \(columns.1) = ?, \(columns.2) = ? WHERE id = ? AND \(columns.0) IS NULL",
            arguments: [values.0, values.1, values.2, id])
        return db.changesCount > 0
    }

    private static func handoff(_ row: Row) -> HandoffRecord {
        HandoffRecord(
            id: row["id"], userID: row["user_id"], conversationID: row["conversation_id"], messageSeq: row["message_seq"],
            reason: row["reason"], createdAt: row["created_at"], answeredAt: row["answered_at"], answeredBy: row["answered_by"],
            answer: row["answer"])
    }

    /// Records an emergency or non-discussable request. Returns its id.
    @discardableResult
    public func recordIncident(_ incident: IncidentRecord) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO incidents (kind, category_id, subtopic_id, priority, user_id, conversation_id, message_seq,
                                       area, building, unit, room, spot, number, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                incident.kind, incident.categoryID, incident.subtopicID, incident.priority, incident.userID,
                incident.conversationID, incident.messageSeq, incident.place.area, incident.place.building,
                incident.place.unit, incident.place.room, incident.place.spot, incident.number, incident.createdAt,
            ])
        return db.lastInsertedRowID
    }

    /// Incidents not yet handled, top priority first, then oldest first.
    public func openIncidents() throws -> [IncidentRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM incidents WHERE handled_at IS NULL ORDER BY priority, created_at, id")
            .map(Self.incident)
    }

    /// The incident with this id, handled or not.
    public func incident(id: Int64) throws -> IncidentRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM incidents WHERE id = ?", arguments: [id]).map(Self.incident)
    }

    /// Marks an incident handled. Returns false when it was already handled (or is unknown).
    public func markIncidentHandled(id: Int64, by staffUserID: String, note: String?, at now: Date) throws -> Bool {
        try close("incidents", id: id, columns: ("handled_at", "handled_by", "handled_note"), values: (now, staffUserID, note))
    }

    private static func incident(_ row: Row) -> IncidentRecord {
        IncidentRecord(
            id: row["id"], kind: row["kind"], categoryID: row["category_id"], subtopicID: row["subtopic_id"],
            priority: row["priority"], userID: row["user_id"], conversationID: row["conversation_id"],
            messageSeq: row["message_seq"],
            place: CasePlace(area: row["area"], building: row["building"], unit: row["unit"], room: row["room"], spot: row["spot"]),
            number: row["number"], createdAt: row["created_at"], handledAt: row["handled_at"], handledBy: row["handled_by"],
            handledNote: row["handled_note"])
    }

    /// What a resident said that a member of staff should read first: the text of their last
    /// message among the ten before `seq` in the conversation that was about something (classified into a
    /// category or an emergency), else their last message before it; with `including`, the
    /// message at `seq` itself.
    public func residentText(conversationID: String, before seq: Int64, including: Bool = false) throws -> String? {
        if including {
            return try String.fetchOne(
                db, sql: "SELECT text FROM messages WHERE seq = ? AND direction = 'in'", arguments: [seq])
        }
        return try String.fetchOne(
            db,
            sql: """
                SELECT text FROM (
                    SELECT text, label, seq FROM messages WHERE conversation_id = ? AND direction = 'in' AND seq < ?
                    ORDER BY seq DESC LIMIT 10)
                ORDER BY (label IS NOT NULL AND label != 'none') DESC, seq DESC LIMIT 1
                """,
            arguments: [conversationID, seq])
    }
}
