import Foundation
import Testing
@testable import Understanding

@Suite struct TextNormalizerTests {
    let normalizer = TextNormalizer()

    @Test func fullWidthBecomesHalfWidth() {
        #expect(normalizer.normalize("３栋５０１，ＡＢＣ").text == "3栋501,abc")
    }

    @Test func traditionalBecomesSimplified() {
        #expect(normalizer.normalize("樓道裡堆滿雜物").text == "楼道里堆满杂物")
        #expect(normalizer.normalize("電梯壞了").text == "电梯坏了")
    }

    @Test func latinIsLowerCasedAndWhitespaceFolded() {
        #expect(normalizer.normalize("  WiFi \t\n 信号   差 ").text == "wifi 信号 差")
    }

    @Test func stickersAreSetAside() {
        let result = normalizer.normalize("垃圾没人收[捂脸][捂脸] 好臭[发怒]")
        #expect(result.text == "垃圾没人收 好臭")
        #expect(result.stickers == ["[捂脸]", "[捂脸]", "[发怒]"])
        // Not a sticker: no Chinese inside, or too long.
        #expect(normalizer.normalize("[abc]").text == "[abc]")
        #expect(normalizer.normalize("[这是一段很长很长的话不是表情]").stickers.isEmpty)
    }

    @Test func controlCharactersAreDropped() {
        #expect(normalizer.normalize("电梯\u{0}\u{7}坏了\u{1B}[0m").text == "电梯坏了[0m")
        #expect(normalizer.normalize("\u{FEFF}你好\u{200B}").text == "你好")
    }

    @Test func emptyAndSpaceOnly() {
        #expect(normalizer.normalize("").text.isEmpty)
        #expect(normalizer.normalize(" \u{3000}\t").text.isEmpty)
    }

    /// The shortcut that skips Foundation's NFKC must never change a result.
    @Test func nfkcStableScalarsAreReallyStable() {
        var unstable: [UInt32] = []
        for v in UInt32(0)...0x1FFFF where TextNormalizer.isNFKCStable(v) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(scalar)
            if s.precomposedStringWithCompatibilityMapping != s { unstable.append(v) }
        }
        #expect(unstable.isEmpty)
    }

    /// The shortcut that skips OpenCC agrees with OpenCC on mixed text.
    @Test func t2sShortcutAgreesWithOpenCC() throws {
        let converter = try #require(ChineseConverter.shared)
        for text in ["楼道里堆满杂物", "电梯坏了三天", "abc 123", "樓道", "车位被占了!!", "發票", "着火了"] {
            #expect(converter.convert(text) == converter.convertAlways(text))
        }
        #expect(converter.isStable("电梯坏了"))
        #expect(!converter.isStable("電梯"))
    }
}
