import Conversation
import Testing

@Suite struct AnswerScannerTests {
    @Test(arguments: [
        ("三天了", "三天"), ("快两个星期了", "两个星期"), ("从上周开始", "上周"), ("10天", "10天"), ("一个多月", "一个多月"),
        ("昨天晚上", "昨天"),
    ])
    func findsSince(text: String, expected: String) {
        #expect(AnswerScanner.since(in: text) == expected)
    }

    @Test func noSinceInPlacesOrRooms() {
        #expect(AnswerScanner.since(in: "3栋2单元501") == nil)
        #expect(AnswerScanner.since(in: "楼道灯坏了") == nil)
    }

    @Test(arguments: [("二十多户", "二十多户"), ("整栋楼", "整栋"), ("就我家", "就我"), ("5户", "5户")])
    func findsHouseholds(text: String, expected: String) {
        #expect(AnswerScanner.households(in: text) == expected)
    }

    @Test func landmarksAreEnoughOfAPlaceButCorridorsAreNot() {
        #expect(AnswerScanner.isLandmark("东门"))
        #expect(!AnswerScanner.isLandmark("楼道"))
        #expect(AnswerScanner.spot(in: "东门车库老有人乱停") == "东门")
    }

    @Test func dontKnow() {
        #expect(AnswerScanner.saysDontKnow("这个不太清楚"))
        #expect(!AnswerScanner.saysDontKnow("5栋"))
    }

    @Test(arguments: ["建议多装几盏灯", "活动室每周三下午空着 借给我们就行", "改成停车位就好", "安排保洁每天扫一次"])
    func proposals(text: String) {
        #expect(AnswerScanner.soundsLikeProposal(text))
    }

    @Test(arguments: ["3栋电梯坏了", "楼上天天半夜吵"])
    func complaintsAreNoProposal(text: String) {
        #expect(!AnswerScanner.soundsLikeProposal(text))
    }
}
