import Foundation
import Office
import Store
import Testing
import TestSupport

/// Random conversations over the shipped rules: every message gets at least one reply, nothing
/// throws, and the sequence stays strictly increasing.
@Suite struct OfficeRandomTests {
    static let phrases = [
        "3栋电梯坏了", "是", "不是", "修改", "没有", "附议", "新建", "取消", "转人工", "我的诉求", "2026-0001", "撤销 2026-0001",
        "你好", "谢谢", "帮助", "不知道", "昨天", "5栋", "不对，是6栋", "整栋楼", "1", "2", "车库漏水", "楼道灯坏了",
        "隔壁在楼顶搭了个违建", "5栋3楼着火了", "阿巴阿巴", "", "   ", "樓道裡的燈壞了", "建议装个新的", "楼上天天半夜跺脚",
        "希望社区能办个老年食堂", "附议2026-0002", "书记直通车", "🙂🙂", "东门那边", "三天了",
    ]

    @Test func randomConversationsAlwaysGetAnAnswer() throws {
        let book = try RuleBook.standard(directory: Fixtures.rulesDirectory)
        let clock = FixedClock(iso: "2026-11-26T09:00:00+08:00")
        let office = try Office(store: try Store.inMemory(), clock: clock.closure, loadRules: { book })
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var lastSeq: Int64 = 0
        for round in 0..<60 {
            var batch: [Inbound] = []
            for _ in 0..<(1 + next(6)) {
                batch.append(Inbound(messageID: "m\(round)-\(batch.count)", userID: "u\(next(4))", text: Self.phrases[next(Self.phrases.count)]))
            }
            clock.advance(by: Double(next(4 * 3600)))
            for outcome in try office.handle(batch) {
                #expect(!outcome.replies.isEmpty, "no reply to a message")
                #expect(outcome.replies.allSatisfy { !$0.text.isEmpty && !$0.text.contains("[") })
                for seq in [outcome.seq] + outcome.replies.map(\.seq) + outcome.notifications.map(\.seq) {
                    #expect(seq > lastSeq)
                    lastSeq = seq
                }
            }
        }
    }
}
