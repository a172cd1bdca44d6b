import Testing
@testable import Casework

@Suite struct RatingReplyTests {
    @Test(arguments: [
        ("满意", Rating.satisfied, nil as String?),
        ("满意，清得很干净", .satisfied, "清得很干净"),
        ("基本满意吧", .basicallySatisfied, nil),
        ("不满意 还有一半没搬走。", .unsatisfied, "还有一半没搬走"),
        ("非常满意！谢谢你们", .satisfied, "谢谢你们"),
        ("还行", .basicallySatisfied, nil),
        ("「不满意」", .unsatisfied, nil),
    ])
    func readsAVerdictAndItsComment(_ text: String, _ rating: Rating, _ comment: String?) {
        let parsed = RatingReply.parse(text)
        #expect(parsed?.rating == rating)
        #expect(parsed?.comment == comment)
    }

    @Test(arguments: ["不满意物业的服务，保安老不在岗", "满意度调查什么时候做", "3栋电梯坏了", "我对结果不满意", ""])
    func aComplaintOrAnythingElseIsNoVerdict(_ text: String) {
        #expect(RatingReply.parse(text) == nil)
    }
}
