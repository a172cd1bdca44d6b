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
        try Row.fetchAll(db, sql: "SELECT * FROM handoffs WHERE answered_at IS NULL ORDER BY created_at, id").map { row in
            HandoffRecord(
                id: row["id"], userID: row["user_id"], conversationID: row["conversation_id"], messageSeq: row["message_seq"],
                reason: row["reason"], createdAt: row["created_at"], answeredAt: row["answered_at"], answeredBy: row["answered_by"])
        }
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
        try Row.fetchAll(db, sql: "SELECT * FROM incidents WHERE handled_at IS NULL ORDER BY priority, created_at, id").map { row in
            IncidentRecord(
                id: row["id"], kind: row["kind"], categoryID: row["category_id"], subtopicID: row["subtopic_id"],
                priority: row["priority"], userID: row["user_id"], conversationID: row["conversation_id"],
                messageSeq: row["message_seq"],
                place: CasePlace(area: row["area"], building: row["building"], unit: row["unit"], room: row["room"], spot: row["spot"]),
                number: row["number"], createdAt: row["created_at"], handledAt: row["handled_at"])
        }
    }
}
