@testable import Conversation
import Testing

/// The byte search of `WordList` finds what `String.contains` finds, first word first.
@Suite struct WordListTests {
    static let texts = [
        "", "昨天开始电梯就坏了", "好几天了，整栋楼都停水", "３天前", "三天前东门", "楼道灯不亮", "不知道", "e\u{301}楼道",
        "半夜很吵", "二十多户", "我家漏水", "整个小区", "前天", "上周五开始", "楼上楼下", "no chinese at all",
    ]

    @Test(arguments: texts) func sameAsContains(_ text: String) {
        for words in [AnswerScanner.sinceWords, AnswerScanner.weakSinceWords, AnswerScanner.householdWords, AnswerScanner.spotWords, AnswerScanner.dontKnowWords] {
            #expect(WordList(words).first(in: text) == words.first { text.contains($0) })
        }
    }

    @Test func emptyWordsAndLongWords() {
        #expect(WordList(["", "x"]).first(in: "abc") == "")
        #expect(WordList(["楼道楼道楼道"]).first(in: "楼道") == nil)
    }
}

@Suite struct NumeralScalarTests {
    @Test func switchesMatchTheSets() {
        for value in UInt32(0)...0x9FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(AnswerScanner.isNumeral(scalar) == AnswerScanner.numerals.contains(scalar))
            #expect(AnswerScanner.isFiller(scalar) == AnswerScanner.fillers.contains(scalar))
        }
    }
}
