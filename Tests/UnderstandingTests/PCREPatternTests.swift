import Testing
@testable import Understanding

@Suite struct PCREPatternTests {
    @Test func matchesChineseWithUnicodeClasses() throws {
        let pattern = try PCREPattern("消防(通道|车道).{0,8}(堵|占)")
        #expect(pattern.matches("9栋门口消防通道又被车堵了"))
        #expect(!pattern.matches("消防演习"))
        #expect(try PCREPattern("^\\w+$").matches("楼道"))  // UCP: \w covers Chinese
    }

    @Test func compileErrorHasCodeAndCharacterOffset() {
        do {
            _ = try PCREPattern("楼道(堆")
            Issue.record("should not compile")
        } catch {
            #expect(error.code > 0)
            #expect(error.offset == 4)  // characters, not bytes: 楼 道 ( 堆
            #expect(!error.message.isEmpty)
        }
    }

    @Test func firstMatchGivesByteRange() throws {
        let pattern = try PCREPattern("垃圾(短信|电话)")
        var text = "又是垃圾短信"
        let range = text.withUTF8 { pattern.firstMatch(in: $0, using: PCREMatchData()) }
        #expect(range == 6..<18)
    }

    @Test func emptySubject() throws {
        #expect(try PCREPattern("^$").matches(""))
        #expect(!(try PCREPattern("a").matches("")))
    }
}
