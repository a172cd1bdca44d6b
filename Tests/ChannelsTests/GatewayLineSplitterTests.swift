import Channels
import Testing

@Suite struct GatewayLineSplitterTests {
    private func split(_ chunks: [String], maximumLength: Int = 64 * 1024) -> [GatewayLineSplitter.Piece] {
        var splitter = GatewayLineSplitter(maximumLength: maximumLength)
        var pieces: [GatewayLineSplitter.Piece] = []
        for chunk in chunks { splitter.feed(Array(chunk.utf8), into: &pieces) }
        splitter.finish(into: &pieces)
        return pieces
    }

    private func line(_ number: Int, _ text: String) -> GatewayLineSplitter.Piece {
        .line(number: number, bytes: Array(text.utf8))
    }

    @Test func splitsOnLFAndCRLFAcrossChunks() {
        #expect(split(["ab\ncd\r", "\nef", "g\n\nh"]) == [line(1, "ab"), line(2, "cd"), line(3, "efg"), line(4, ""), line(5, "h")])
    }

    @Test func keepsACarriageReturnThatIsNotBeforeLF() {
        #expect(split(["a\rb\n"]) == [line(1, "a\rb")])
    }

    @Test func rejectsLinesOverTheLimitAndKeepsCounting() {
        let pieces = split(["12345\n123456\r\n1234", "567", "89\nok\n123456"], maximumLength: 5)
        #expect(pieces == [line(1, "12345"), .tooLong(number: 2), .tooLong(number: 3), line(4, "ok"), .tooLong(number: 5)])
    }

    @Test func aLineOfExactlyTheLimitWithCRLFIsAccepted() {
        #expect(split(["12345\r", "\n"], maximumLength: 5) == [line(1, "12345")])
        #expect(split(["123456", "\n"], maximumLength: 5) == [.tooLong(number: 1)])
    }

    @Test func aHugeLineIsReportedOnceWhileItStreamsIn() {
        var splitter = GatewayLineSplitter(maximumLength: 64 * 1024)
        var pieces: [GatewayLineSplitter.Piece] = []
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
        for _ in 0..<160 { splitter.feed(chunk, into: &pieces) }  // 10 MiB without a newline
        #expect(pieces == [.tooLong(number: 1)])  // known before the line ends
        splitter.feed(Array("x\nnext\n".utf8), into: &pieces)
        #expect(pieces == [.tooLong(number: 1), line(2, "next")])
    }
}
