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

    /// The shortcuts that skip Foundation's NFKC must never change a result.
    @Test func knownStableScalarsAreReallyStable() {
        var unstable: [UInt32] = []
        for v in UInt32(0)...0x1FFFF where CompatibilityMapping.isKnownStable(v) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = String(scalar)
            if s.precomposedStringWithCompatibilityMapping != s || scalar.properties.canonicalCombiningClass != .notReordered { unstable.append(v) }
        }
        #expect(unstable.isEmpty)
    }

    @Test func cachedVerdictsNeverComposeWithANeighbour() {
        // Every BMP character judged stable stays itself after a base letter, a Chinese
        // character and a Hangul syllable, and in front of them.
        var wrong: [UInt32] = []
        for v in UInt32(0)...0xFFFF where CompatibilityMapping.computeIsStable(v) {
            let c = String(Unicode.Scalar(v)!)
            for text in ["e" + c, "가" + c, "中" + c, c + "e", c + "\u{301}a"] where text.unicodeScalars.count == 2 || text.hasSuffix("a") {
                let mapped = CompatibilityMapping.apply(text)
                if mapped != text.precomposedStringWithCompatibilityMapping { wrong.append(v) }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func fullWidthFormsMapLikeNFKC() {
        for v in UInt32(0xFF01)...0xFF5E {
            let s = String(Unicode.Scalar(v)!)
            #expect(CompatibilityMapping.apply(s) == s.precomposedStringWithCompatibilityMapping)
        }
        let mixed = "３栋，ＡＢ！\u{3000}①…"
        #expect(CompatibilityMapping.apply(mixed) == mixed.precomposedStringWithCompatibilityMapping)
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

@Suite struct ZheTests {
    let normalizer = TextNormalizer()

    /// t2s leaves 著 alone; as the particle or verb it becomes 着.
    @Test func zheBecomesZhuo() {
        #expect(normalizer.normalize("著火了").text == "着火了")
        #expect(normalizer.normalize("樓道被車堵著").text == "楼道被车堵着")
        #expect(normalizer.normalize("睡不著,著急").text == "睡不着,着急")
        #expect(normalizer.normalize("著").text == "着")
    }

    /// In the words where it means "write" or "notable", 著 stays.
    @Test func zheStaysInItsWords() {
        for word in TextNormalizer.zheWords {
            #expect(normalizer.normalize("这是\(word)的").text == "这是\(word)的")
        }
        #expect(normalizer.normalize("顯著").text == "显著")
        #expect(normalizer.normalize("著稱").text == "著称")
        #expect(normalizer.normalize("他的著作著火了").text == "他的著作着火了")
    }

    @Test func withoutConverterZheStays() {
        #expect(TextNormalizer(converter: nil).normalize("著火").text == "著火")
    }
}
