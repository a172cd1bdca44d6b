import Testing
import TestSupport
import Understanding

@Suite struct BadInputTests {
    let classifier = try! MiniRules.classifier()

    @Test func emptyAndBlank() {
        for text in ["", "   ", "\n\t", "\u{3000}", "[捂脸]"] {
            let result = classifier.classify(text)
            #expect(result.inputIssue == .empty, "\(text.unicodeScalars.map(\.value))")
            #expect(result.label == "none")
        }
    }

    @Test func stickersAreKeptAside() {
        let only = classifier.classify("[捂脸][捂脸]")
        #expect(only.inputIssue == .empty)
        #expect(only.stickers == ["[捂脸]", "[捂脸]"])
        let mixed = classifier.classify("门口垃圾没人收[发怒]")
        #expect(mixed.label == "sanitation")
        #expect(mixed.stickers == ["[发怒]"])
        #expect(!mixed.normalizedText.contains("["))
    }

    @Test func invalidUTF8IsReportedNotGuessed() {
        for bytes: [UInt8] in [[0xFF], [0xE5, 0x9E], [0xC0, 0xAF], [0xED, 0xA0, 0x80], Array("垃圾".utf8) + [0x80]] {
            let result = classifier.classify(bytes: bytes)
            #expect(result.inputIssue == .invalidUTF8)
            #expect(result.label == "none")
            #expect(result.evidence.isEmpty)
        }
        #expect(classifier.classify(bytes: Array("门口垃圾没人收".utf8)).label == "sanitation")
    }

    @Test func overlongMessageIsNotClassified() {
        let line = String(repeating: "垃圾没人收", count: 1024 * 1024 / 15 + 1)  // over 1 MiB
        #expect(line.utf8.count > 1024 * 1024)
        let result = classifier.classify(line)
        #expect(result.inputIssue == .tooLong)
        #expect(result.label == "none")
        #expect(classifier.classify(bytes: Array(line.utf8)).inputIssue == .tooLong)
    }

    @Test func justUnderTheLimitIsClassified() {
        let filler = String(repeating: "a", count: Classifier.maximumInputBytes - "门口垃圾没人收".utf8.count)
        let result = classifier.classify(filler + "门口垃圾没人收")
        #expect(result.inputIssue == nil)
        #expect(result.label == "sanitation")
    }

    @Test func controlCharactersAreIgnored() {
        let result = classifier.classify("门口\u{0}垃圾\u{7}\u{1B}没人收\r\n")
        #expect(result.inputIssue == nil)
        #expect(result.label == "sanitation")
        #expect(!result.normalizedText.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 42)
        let alphabet: [UInt8] = Array("垃圾车位着火手机号3栋-#[]\\()*+?".utf8) + [0, 0x1B, 0xFF, 0xC3, 0x80, 0x0A]
        for _ in 0..<500 {
            let bytes = (0..<Int(generator.next() % 64)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let result = classifier.classify(bytes: bytes)
            #expect(result.inputIssue != nil || !result.normalizedText.isEmpty)
        }
    }
}
