import Channels
import Foundation
import Office
import Testing

@Suite struct GatewayLoopTests {
    @Test func writesReadyFirstAndByeLastOnEOF() throws {
        let run = try runGateway([])
        #expect(run.types == ["ready", "bye"])
        #expect(run.objects[0]["protocol"] as? String == "shangliang-jsonl/1")
        #expect(run.objects[0]["rules"] as? String == InMemoryTurnHandler().rulesHash)
        #expect(run.exitReason == .endOfInput)
    }

    @Test func answersEachMessageWithAckRepliesDoneInInputOrder() throws {
        let lines = [
            messageLine(id: "a1", user: "wx:a", text: "!replies 2"),
            messageLine(id: "b1", user: "wx:b", text: "你好"),
            messageLine(id: "a2", user: "wx:a", text: "!replies 0"),
        ]
        let handler = InMemoryTurnHandler()
        let run = try runGateway([.data(jsonl(lines))], handler: handler)
        #expect(run.types == ["ready", "ack", "reply", "reply", "done", "ack", "reply", "done", "ack", "done", "bye"])
        let o = run.objects
        #expect(o[1]["id"] as? String == "a1")
        #expect(o[1]["status"] as? String == "accepted")
        #expect(o[2]["id"] as? String == "a1#1")
        #expect(o[3]["id"] as? String == "a1#2")
        #expect(o[2]["in_reply_to"] as? String == "a1")
        #expect(o[2]["conversation"] as? String == "wx:a")
        #expect(o[2]["user"] as? String == "wx:a")
        #expect(o[2]["replay"] == nil)
        #expect(o[4]["replies"] as? Int == 2)
        #expect(o[6]["text"] as? String == "收到：你好")
        #expect(o[9]["in_reply_to"] as? String == "a2")
        #expect(o[9]["replies"] as? Int == 0)
        // seq strictly increases across acks and replies.
        let seqs = o.compactMap { $0["seq"] as? Int }
        #expect(seqs == seqs.sorted() && Set(seqs).count == seqs.count && seqs.count == 6)
        // One commit for lines that arrived together.
        #expect(handler.handleCalls == [3])
        #expect(handler.conversations["wx:a"] == ["!replies 2", "!replies 0"])
    }

    @Test func groupCommitTakesWhatHasArrivedAndFlushesOncePerBatch() throws {
        let handler = InMemoryTurnHandler()
        let run = try runGateway([
            .data(jsonl([messageLine(id: "1"), messageLine(id: "2")])), .data(jsonl([messageLine(id: "3")])), .pause,
            .data(jsonl([messageLine(id: "4")])), .pause,
        ], handler: handler)
        #expect(handler.handleCalls == [3, 1])
        #expect(run.output.writes.count == 4)  // ready, batch 1, batch 2, bye
    }

    @Test func batchesAreCappedAtTheConfiguredSize() throws {
        let handler = InMemoryTurnHandler()
        let lines = (1...10).map { messageLine(id: "m\($0)") }
        let run = try runGateway([.data(jsonl(lines))], handler: handler,
                                 configuration: GatewayConfiguration(maximumBatchSize: 4, tickInterval: nil))
        #expect(handler.handleCalls == [4, 4, 2])
        #expect(run.types.filter { $0 == "ack" }.count == 10)
    }

    @Test func aDuplicateGetsItsStoredRepliesAgainMarkedAsReplay() throws {
        let line = messageLine(id: "wx:123", text: "!replies 2", extra: #","meta":{"chat":"c1","n":1.0}"#)
        let run = try runGateway([.data(jsonl([line])), .pause, .data(jsonl([line, line]))])
        let acks = run.objects.filter { $0["type"] as? String == "ack" }
        #expect(acks.map { $0["status"] as? String } == ["accepted", "duplicate", "duplicate"])
        #expect(Set(acks.map { $0["seq"] as? Int }).count == 1)  // the stored message's seq
        let replies = run.objects.filter { $0["type"] as? String == "reply" }
        #expect(replies.map { $0["id"] as? String } == ["wx:123#1", "wx:123#2", "wx:123#1", "wx:123#2", "wx:123#1", "wx:123#2"])
        #expect(replies.map { $0["replay"] as? Bool } == [nil, nil, true, true, true, true])
        #expect(Set(replies.map { $0["seq"] as? Int }).count == 2)  // same replies, same seqs
        // meta comes back untouched (compact), on every reply.
        let raw = run.output.lines.filter { $0.contains(#""type":"reply""#) }
        #expect(raw.allSatisfy { $0.contains(#","meta":{"chat":"c1","n":1.0}"#) })
    }

    @Test func badLinesGetErrorsAndTheLoopGoesOn() throws {
        var bytes = jsonl([
            "not json",
            messageLine(id: "ok1"),
            #"{"type":"message","id":"m2","user":{"id":"u"},"text":42}"#,
            #"{"v":3,"type":"message","id":"m3","user":{"id":"u"},"text":"x"}"#,
        ])
        bytes += [0xFF, 0xFE, 0x0A]  // invalid UTF-8
        bytes += jsonl(["", "   ", messageLine(id: "ok2")])
        let run = try runGateway([.data(bytes)])
        #expect(run.types == ["ready", "error", "ack", "reply", "done", "error", "error", "error", "ack", "reply", "done", "bye"])
        let errors = run.objects.filter { $0["type"] as? String == "error" }
        #expect(errors.map { $0["code"] as? String } == ["parse_error", "invalid_field", "unsupported_version", "parse_error"])
        #expect(errors.map { $0["line"] as? Int } == [1, 3, 4, 5])
        #expect(errors.map { $0["in_reply_to"] as? String } == [nil, "m2", "m3", nil])
        #expect(errors.allSatisfy { $0.keys.contains("in_reply_to") && $0["retryable"] as? Bool == false })
        #expect(run.objects[8]["id"] as? String == "ok2")
    }

    @Test func tooLongLinesAreSkippedAndCounted() throws {
        let huge = Array(repeating: UInt8(ascii: "x"), count: 64 * 1024)
        var steps: [ScriptedInput.Step] = [.data(Array(#"{"type":"message","id":"big","text":""#.utf8))]
        steps += Array(repeating: .data(huge), count: 160)  // 10 MiB
        steps += [.data(Array("\"}\n".utf8) + jsonl([messageLine(id: "after")]))]
        let run = try runGateway(steps)
        #expect(run.types == ["ready", "error", "ack", "reply", "done", "bye"])
        #expect(run.objects[1]["code"] as? String == "too_long")
        #expect(run.objects[1]["line"] as? Int == 1)
        #expect(run.objects[1]["in_reply_to"] is NSNull)
        #expect(run.objects[2]["id"] as? String == "after")
    }

    @Test func acceptsCRLFAndALastLineWithoutTerminator() throws {
        let bytes = Array((messageLine(id: "c1") + "\r\n" + #"{"type":"ping"}"# + "\r\n" + messageLine(id: "c2")).utf8)
        let run = try runGateway([.data(Array(bytes[0..<7])), .data(Array(bytes[7...]))])
        #expect(run.types == ["ready", "ack", "reply", "done", "pong", "ack", "reply", "done", "bye"])
        #expect(run.objects[6]["text"] as? String == "收到：3栋电梯坏了")
    }

    @Test func pingIsAnsweredInItsPlace() throws {
        let run = try runGateway([.data(jsonl([messageLine(id: "1"), #"{"type":"ping","id":"p"}"#, messageLine(id: "2")]))])
        #expect(run.types == ["ready", "ack", "reply", "done", "pong", "ack", "reply", "done", "bye"])
        #expect(run.objects[4]["in_reply_to"] as? String == "p")
    }

    @Test func reloadReportsTheNewHashAndAFailureKeepsTheOldOne() throws {
        let handler = InMemoryTurnHandler()
        let oldHash = handler.rulesHash
        let newHash = try #require(handler.nextReloadHash)
        let run1 = try runGateway([.data(jsonl([messageLine(id: "1"), #"{"type":"control","action":"reload","id":"r1"}"#, messageLine(id: "2")]))],
                                  handler: handler)
        #expect(run1.types == ["ready", "ack", "reply", "done", "reloaded", "ack", "reply", "done", "bye"])
        #expect(run1.objects[4]["rules"] as? String == newHash)
        #expect(run1.objects[4]["rules"] as? String != oldHash)
        #expect(run1.objects[4]["in_reply_to"] as? String == "r1")
        #expect(handler.handleCalls == [1, 1])  // the message before the control was committed first

        handler.nextReloadHash = nil
        let run2 = try runGateway([.data(jsonl([#"{"type":"control","action":"reload"}"#])), .signal(.reload)], handler: handler)
        #expect(run2.types == ["ready", "error", "error", "bye"])
        #expect(run2.objects[1]["code"] as? String == "reload_failed")
        #expect(run2.objects[1]["line"] as? Int == 1)
        #expect(run2.objects[2]["code"] as? String == "reload_failed")
        #expect(run2.objects[2]["line"] is NSNull)  // from SIGHUP: no line
        #expect(handler.rulesHash == newHash)  // unchanged by the failed reloads
    }

    @Test func sighupReloadsAfterWhatWasReadBefore() throws {
        let handler = InMemoryTurnHandler()
        let run = try runGateway([.data(jsonl([messageLine(id: "1")])), .signal(.reload), .data(jsonl([messageLine(id: "2")]))],
                                 handler: handler)
        #expect(run.types == ["ready", "ack", "reply", "done", "reloaded", "ack", "reply", "done", "bye"])
    }

    @Test func shutdownAnswersWhatCameBeforeAndStops() throws {
        let handler = InMemoryTurnHandler()
        let run = try runGateway([
            .data(jsonl([messageLine(id: "1"), #"{"type":"control","action":"shutdown"}"#, messageLine(id: "2")])),
            .data(jsonl([messageLine(id: "3")])),
        ], handler: handler)
        #expect(run.types == ["ready", "ack", "reply", "done", "bye"])
        #expect(run.exitReason == .shutdownRequested)
        #expect(handler.handleCalls == [1])
    }

    @Test func terminateFinishesWhatWasReadAndSaysBye() throws {
        let handler = InMemoryTurnHandler()
        let partial = Array(messageLine(id: "3").utf8.prefix(10))
        let run = try runGateway([
            .data(jsonl([messageLine(id: "1"), messageLine(id: "2")]) + partial), .signal(.terminate),
            .data(jsonl([messageLine(id: "4")])),
        ], handler: handler)
        #expect(run.types == ["ready", "ack", "reply", "done", "ack", "reply", "done", "bye"])
        #expect(run.exitReason == .terminated)
        #expect(handler.handleCalls == [2])
    }

    @Test func aMessageThatFailsGetsARetryableErrorAndTheOthersGoThrough() throws {
        let handler = InMemoryTurnHandler()
        let run = try runGateway([.data(jsonl([messageLine(id: "1"), messageLine(id: "bad", text: "!fail"), messageLine(id: "3")]))],
                                 handler: handler)
        #expect(run.types == ["ready", "ack", "reply", "done", "error", "ack", "reply", "done", "bye"])
        #expect(run.objects[4]["code"] as? String == "internal")
        #expect(run.objects[4]["in_reply_to"] as? String == "bad")
        #expect(run.objects[4]["line"] as? Int == 2)
        #expect(run.objects[4]["retryable"] as? Bool == true)
        #expect(handler.handleCalls == [3, 1, 1, 1])  // the batch, then one by one
        #expect(handler.conversations["wx:u1"]?.count == 2)
    }

    @Test func notificationsFollowTheirTurnAndAreMarkedDelivered() throws {
        let handler = InMemoryTurnHandler()
        let run = try runGateway([.data(jsonl([messageLine(id: "1", text: "!notify staff:wang"), messageLine(id: "2")]))],
                                 handler: handler)
        #expect(run.types == ["ready", "ack", "reply", "done", "notify", "ack", "reply", "done", "bye"])
        let notify = run.objects[4]
        #expect(notify["id"] as? String == "n:1")
        #expect((notify["to"] as? [String: Any])?["user"] as? String == "staff:wang")
        #expect(notify["seq"] is Int)
        #expect(handler.delivered == ["n:1"])
        // Replaying the message does not send the notification again.
        let again = try runGateway([.data(jsonl([messageLine(id: "1", text: "!notify staff:wang")]))], handler: handler)
        #expect(again.types == ["ready", "ack", "reply", "done", "bye"])
    }

    @Test func ticksAtStartAndAgainAfterTheInterval() throws {
        let handler = InMemoryTurnHandler()
        handler.notificationsOnTick = [("staff:li", "有诉求超时")]
        let run = try runGateway([.idle(.seconds(30)), .idle(.seconds(31)), .data(jsonl([messageLine(id: "1")]))],
                                 handler: handler, configuration: GatewayConfiguration(tickInterval: .seconds(60)))
        #expect(run.types == ["ready", "notify", "notify", "ack", "reply", "done", "bye"])
        #expect(handler.tickCount == 2)
        #expect(handler.delivered == ["n:1", "n:2"])
    }

    @Test func pendingNotificationsFromBeforeAreSentAtStart() throws {
        let handler = InMemoryTurnHandler()
        _ = try handler.handle([Inbound(messageID: "old", userID: "u", text: "!notify staff:zhao")])  // never delivered
        let run = try runGateway([], handler: handler)
        #expect(run.types == ["ready", "notify", "bye"])
        #expect(handler.delivered == ["n:1"])
    }

    @Test func everyOutputLineIsOneCompactJSONObject() throws {
        let tricky = #"引号\"反斜杠\\换行\n制表\t😀\u2028"#
        let run = try runGateway([.data(jsonl([messageLine(id: "t", text: tricky, extra: #","meta":{ "a" : [ 1 , "x y" ] }"#)]))])
        for line in run.output.lines {
            #expect(!line.contains("\n") && !line.contains("\r"))
            #expect(!line.contains("\": ") && !line.hasPrefix(" "))
        }
        #expect(run.objects[2]["text"] as? String == "收到：引号\"反斜杠\\换行\n制表\t😀\u{2028}")
        #expect(run.output.lines[2].contains("😀"))  // non-ASCII as UTF-8, not escaped
        #expect(run.output.lines[2].contains(#""meta":{"a":[1,"x y"]}"#))
    }
}
