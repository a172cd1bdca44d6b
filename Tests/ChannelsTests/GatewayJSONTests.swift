import Channels
import Foundation
import Testing
import TestSupport

@Suite struct GatewayJSONParserTests {
    @Test(arguments: [
        #"{}"#, #"[]"#, #" {"a" : [1, -2.5e3, true, false, null, "x"] } "#, #""\u00e9\ud83d\ude00\n""#, "0", "-0.0E+1",
        #"{"a":{"b":{"c":[[[]]]}}}"#, "\"张阿姨\"",
    ])
    func acceptsValidJSON(_ text: String) throws {
        let parsed = try GatewayJSONParser.parse(Array(text.utf8))
        let reference = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        // Same shape as Foundation's reading: compare the string form of both for scalars.
        if case .string(let string) = parsed.value { #expect(string == reference as? String) }
    }

    @Test(arguments: [
        "", "{", "}", #"{"a"}"#, #"{"a":}"#, #"{"a":1,}"#, "[1,]", "01", "1.", "-", "+1", ".5", "1e", "tru", "nul",
        #""abc"#, "\"a\u{01}b\"", #""\x""#, #""\u12""#, #""\ud800""#, #""\udc00x""#, #"{"a":1}x"#, "{'a':1}", "NaN",
        #"{"a" 1}"#, "[1 2]",
    ])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: GatewayJSONParseError.self) { try GatewayJSONParser.parse(Array(text.utf8)) }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let parsed = try GatewayJSONParser.parse(Array(#"["a\"b\\c\/d\b\f\n\r\t", "\u5F20\ud83d\ude00", "\u0000"]"#.utf8))
        #expect(parsed.value == .array([.string("a\"b\\c/d\u{08}\u{0C}\n\r\t"), .string("张😀"), .string("\u{0}")]))
    }

    @Test func limitsNestingDepth() throws {
        let ok = String(repeating: "[", count: GatewayJSONParser.maximumDepth) + String(repeating: "]", count: GatewayJSONParser.maximumDepth)
        _ = try GatewayJSONParser.parse(Array(ok.utf8))
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: GatewayJSONParseError.self) { try GatewayJSONParser.parse(Array(deep.utf8)) }
        let deepObjects = String(repeating: #"{"a":"#, count: 10_000)
        #expect(throws: GatewayJSONParseError.self) { try GatewayJSONParser.parse(Array(deepObjects.utf8)) }
    }

    @Test func recordsTopLevelMemberRanges() throws {
        let text = #"{"a": {"x": [1, 2]} , "meta" :{"k" : "v w", "n":1.50}}"#
        let bytes = Array(text.utf8)
        let parsed = try GatewayJSONParser.parse(bytes)
        let range = try #require(parsed.memberRanges["meta"])
        #expect(String(decoding: bytes[range], as: UTF8.self) == #"{"k" : "v w", "n":1.50}"#)
        #expect(String(decoding: GatewayJSONParser.compact(bytes[range]), as: UTF8.self) == #"{"k":"v w","n":1.50}"#)
        #expect(parsed.memberRanges["x"] == nil)  // nested members are not recorded
    }

    @Test func compactKeepsStringsWithEscapedQuotes() {
        let text = #"{ "a\" b" : "c \\" , "d":[ 1 ,2 ] }"#
        #expect(String(decoding: GatewayJSONParser.compact(ArraySlice(text.utf8)), as: UTF8.self) == #"{"a\" b":"c \\","d":[1,2]}"#)
    }
}

@Suite struct GatewayJSONWriterTests {
    @Test func writesCompactObjectsWithUTF8() {
        var json = GatewayJSONWriter()
        json.member("type", "reply")
        json.member("text", "您好，张阿姨")
        json.member("seq", Int64(42))
        json.member("in_reply_to", nil as String?)
        json.member("replay", true)
        json.member("meta", rawJSON: #"{"k":1}"#)
        #expect(String(decoding: json.line(), as: UTF8.self)
            == #"{"type":"reply","text":"您好，张阿姨","seq":42,"in_reply_to":null,"replay":true,"meta":{"k":1}}"# + "\n")
    }

    @Test func escapesWhatJSONRequires() {
        var bytes: [UInt8] = []
        GatewayJSONWriter.appendString("a\"b\\c\nd\re\tf\u{0}g\u{1F}h\u{7F}i\u{2028}j\u{2029}k/", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #""a\"b\\c\nd\re\tf\u0000g\u001fh"# + "\u{7F}" + #"i\u2028j\u2029k/""#)
    }

    @Test func roundTripsRandomStringsThroughFoundation() throws {
        var rng = SplitMix64(seed: 7)
        let alphabet: [Character] = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1B}", "张", "😀", "\u{2028}", " ", "/", "é"]
        for _ in 0..<500 {
            let string = String((0..<Int(rng.next() % 20)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            var json = GatewayJSONWriter()
            json.member("s", string)
            let line = json.line()
            #expect(line.filter { $0 == 0x0A }.count == 1)  // one line, whatever the content
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: String]
            #expect(object?["s"] == string)
            let ours = try GatewayJSONParser.parse(Array(line.dropLast()))
            #expect(ours.value == .object(["s": .string(string)]))
        }
    }
}

