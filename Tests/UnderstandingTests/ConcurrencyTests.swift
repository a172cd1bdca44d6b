import Testing
import Understanding

/// One classifier serves every thread: results under concurrency equal the sequential ones.
@Suite struct ConcurrencyTests {
    @Test func concurrentClassificationMatchesSequential() async throws {
        let classifier = try MiniRules.classifier()
        let messages = ["門口垃圾沒人收", "车位旁边的电动车着火了", "告诉我停车位旁那辆电动车车主的手机号", "好的", "３栋２单元５０１漏水",
                        "天天收到垃圾短信", "楼上噪音大,车位也被占", "", "[捂脸]", "消防通道被电动车堵了"]
        let expected = messages.map { classifier.classify($0) }
        let results = await withTaskGroup(of: [Classification].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var out: [Classification] = []
                    for _ in 0..<50 { out = messages.map { classifier.classify($0) } }
                    return out
                }
            }
            var all: [[Classification]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        for result in results { #expect(result == expected) }
    }
}
