import Foundation
import GRDB
import Testing
import TestSupport

/// The chaos test of issue #5, on the built binary with the real office and the shipped rules:
/// residents' conversations stream into `shangliang gateway`, which is SIGKILLed at random
/// points (with messages in flight and sometimes half a line written), restarted on the same
/// database, and sent every message it has not acknowledged again, as a gateway does. Then:
/// every message was processed exactly once (one inbound row and at most one `accepted` ack
/// per id), every reply can be recovered by resending (`duplicate`, same ids, seqs and texts),
/// seq only grew across restarts, each conversation was handled in input order, and
/// `PRAGMA integrity_check` says ok.
@Suite(.serialized) struct GatewayKillRestartTests {
    /// What each resident says, in turn: cases get filed (with notifications), and chatter.
    static let script = [
        "{b}栋电梯坏了", "昨天开始的", "是", "{b}号楼楼道灯不亮好几天了", "上周", "是", "我的诉求", "谢谢", "你好",
    ]

    @Test func everyMessageIsProcessedExactlyOnceThroughKills() throws {
        let binary = try #require(GatewayProcess.binary, "build the executable first (swift build)")
        let dir = try TemporaryDirectory("gw-chaos")
        defer { dir.remove() }
        let database = dir.path("var/db.sqlite")

        let seed = UInt64.random(in: 1...UInt64.max)
        var rng = SplitMix64(seed: seed)
        let users = 30, count = 700
        var turnOf = [Int](repeating: 0, count: users)
        let messages: [(id: String, user: String, line: String)] = (0..<count).map { index in
            let user = Int(rng.next() % UInt64(users))
            let text = Self.script[turnOf[user] % Self.script.count].replacingOccurrences(of: "{b}", with: "\(user % 12 + 1)")
            turnOf[user] += 1
            let id = "k:\(index)", userID = "wx:u\(user)"
            return (id, userID, gatewayMessageLine(id: id, user: userID, text: text))
        }
        let kills = 5
        let killPoints = Set((0..<kills).map { _ in Int(1 + rng.next() % UInt64(count - 1)) }).sorted()

        var runs: [[[String: Any]]] = []
        func acked(_ objects: [[String: Any]]) -> Set<String> {
            Set(objects.filter { $0["type"] as? String == "ack" }.compactMap { $0["id"] as? String })
        }
        var child = try GatewayProcess(binary: binary, database: database)
        var sent = 0
        var resent = Set<String>()
        var seenByGateway = Set<String>()
        for killPoint in killPoints + [count] {
            var sentThisRun = 0
            while sent < killPoint {
                let end = min(killPoint, sent + Int(1 + rng.next() % 40))
                child.send(messages[sent..<end].map(\.line).joined())
                sentThisRun += end - sent
                sent = end
            }
            guard killPoint < count else { break }
            // Kill after a random share of this run's messages is answered (often none): the
            // rest are in flight (read or not, committed or not). Sometimes in the middle of a line.
            let target = rng.next() % 3 == 0 ? 0 : Int(rng.next() % UInt64(sentThisRun + 1))
            _ = child.waitUntil(seconds: 20) { acked($0).count >= target }
            if rng.next() % 2 == 0 { child.send(String(messages[sent].line.prefix(30))) }
            // The gateway goes down too: the acks it had not read yet are lost to it, so it
            // resends messages that were committed (they must come back as duplicates).
            seenByGateway.formUnion(acked(child.objects))
            child.kill()
            runs.append(child.objects)
            child = try GatewayProcess(binary: binary, database: database)
            let unacked = messages[..<sent].filter { !seenByGateway.contains($0.id) }
            resent.formUnion(unacked.map(\.id))
            child.send(unacked.map(\.line).joined())
        }
        let ackedBefore = runs.reduce(into: Set<String>()) { $0.formUnion(acked($1)) }
        #expect(child.waitUntil { ackedBefore.union(acked($0)).count >= count }, "not every message was acknowledged (seed \(seed))")
        child.closeInput()
        #expect(child.waitForExit() == 0)
        runs.append(child.objects)
        #expect(runs.last?.last?["type"] as? String == "bye")
        #expect(runs.count == killPoints.count + 1)
        #expect(runs.allSatisfy { $0.first?["type"] as? String == "ready" })

        // What the gateway saw: acks, first deliveries of replies, seq order.
        var accepted: [String: Int] = [:]
        var duplicates = Set<String>()
        var delivered: [String: [String: Any]] = [:]  // reply id -> its first delivery
        var maxSeq = 0
        var seqViolations: [Int] = []
        for object in runs.joined() {
            let type = object["type"] as? String, seq = object["seq"] as? Int ?? 0
            if type == "error" { Issue.record("error line (seed \(seed)): \(object)") }
            if type == "ack", object["status"] as? String == "duplicate" { duplicates.insert(object["id"] as? String ?? "") }
            let isFresh = (type == "ack" && object["status"] as? String == "accepted") || (type == "reply" && object["replay"] == nil)
            guard isFresh else { continue }
            if type == "ack" { accepted[object["id"] as? String ?? "", default: 0] += 1 }
            if type == "reply" { delivered[object["id"] as? String ?? ""] = object }
            if seq <= maxSeq { seqViolations.append(seq) }
            maxSeq = max(maxSeq, seq)
        }
        let ids = messages.map(\.id)
        #expect(ids.filter { (accepted[$0] ?? 0) > 1 }.isEmpty, "messages processed twice (seed \(seed))")
        #expect(ids.filter { accepted[$0] == nil && !duplicates.contains($0) }.isEmpty, "messages never acknowledged (seed \(seed))")
        #expect(duplicates.subtracting(resent).isEmpty, "a duplicate for a message sent once (seed \(seed))")
        #expect(seqViolations.isEmpty, "seq went backwards (seed \(seed)): \(seqViolations.prefix(5))")

        // The database: sound, one inbound row per message, conversations in input order.
        let db = try DatabaseQueue(path: database)
        let (integrity, inbound, processed) = try db.read { db in
            (try String.fetchOne(db, sql: "PRAGMA integrity_check"),
             try Row.fetchAll(db, sql: "SELECT id, user_id, seq FROM messages WHERE direction = 'in' ORDER BY seq"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM processed_messages"))
        }
        #expect(integrity == "ok")
        let inboundIDs: [String] = inbound.map { $0["id"] }
        #expect(inboundIDs.count == count && Set(inboundIDs) == Set(ids), "not one inbound row per message (seed \(seed))")
        #expect(processed == count)
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        for user in Set(messages.map(\.user)) {
            let order = inbound.filter { $0["user_id"] == user }.compactMap { index[$0["id"] as String] }
            #expect(order == order.sorted(), "\(user)'s messages were not handled in input order (seed \(seed))")
        }
        try db.close()

        // Every reply is recoverable: resend everything to a fresh process; each message comes
        // back `duplicate` with the replies first delivered (same ids, seqs and texts).
        let last = try GatewayProcess(binary: binary, database: database)
        last.send(messages.map(\.line).joined())
        last.closeInput()
        #expect(last.waitForExit() == 0)
        let replay = last.objects
        let acks = replay.filter { $0["type"] as? String == "ack" }
        #expect(acks.count == count && acks.allSatisfy { $0["status"] as? String == "duplicate" })
        let replayed = replay.filter { $0["type"] as? String == "reply" }
        #expect(replayed.allSatisfy { $0["replay"] as? Bool == true })
        let replayedByID = Dictionary(replayed.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(Set(replayedByID.keys).isSuperset(of: delivered.keys), "replies that cannot be recovered (seed \(seed))")
        let mismatched = delivered.filter { id, first in
            let again = replayedByID[id]
            return again?["seq"] as? Int != first["seq"] as? Int || again?["text"] as? String != first["text"] as? String
        }
        #expect(mismatched.isEmpty, "replayed replies differ from the first delivery (seed \(seed))")
        #expect(replayed.count >= count)  // every message in the script gets at least one reply
    }
}

