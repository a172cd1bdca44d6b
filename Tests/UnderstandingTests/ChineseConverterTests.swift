import Testing
@testable import Understanding

/// The shortcut that skips OpenCC must never change a conversion.
@Suite struct ChineseConverterTests {
    /// Phrases made only of characters t2s leaves alone on their own, which t2s still changes.
    @Test func phrasesOfStableCharactersStillGoThroughOpenCC() throws {
        let converter = try #require(ChineseConverter.shared)
        for (text, simplified) in [("找藉口", "找借口"), ("反覆说了", "反复说了"), ("一目瞭然", "一目了然"), ("沈默", "沉默"), ("答覆我", "答复我")] {
            #expect(!converter.isStable(text), "\(text)")
            #expect(converter.convert(text) == simplified)
            #expect(converter.convert(text) == converter.convertAlways(text))
        }
    }

    /// Every listed trigger is a character that t2s leaves alone on its own.
    @Test func phraseTriggersAreStableAlone() throws {
        let converter = try #require(ChineseConverter.shared)
        for scalar in ChineseConverter.phraseTriggers {
            #expect(converter.convertAlways(String(scalar)) == String(scalar))
        }
    }

    /// The table built from one OpenCC call agrees with OpenCC asked about each character alone.
    @Test func stableVerdictsAgreeWithOpenCC() throws {
        let converter = try #require(ChineseConverter.shared)
        var disagreements: [String] = []
        for v in stride(from: UInt32(0x2E80), through: 0x9FFF, by: 5) {
            guard let scalar = Unicode.Scalar(v), !ChineseConverter.phraseTriggers.contains(scalar) else { continue }
            let s = String(scalar)
            if converter.isStable(s) != (converter.convertAlways(s) == s) { disagreements.append(s) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        // A few known both ways.
        #expect(!converter.isStable("們") && !converter.isStable("樓") && !converter.isStable("乾"))
        #expect(converter.isStable("们楼干abc,。!🙂") && converter.isStable(""))
    }

    @Test func otherScriptsAreSentToOpenCCUnchanged() throws {
        let converter = try #require(ChineseConverter.shared)
        #expect(converter.convert("안녕하세요 电梯") == "안녕하세요 电梯")
        #expect(converter.convert("𠀀樓") == converter.convertAlways("𠀀樓"))
    }
}
