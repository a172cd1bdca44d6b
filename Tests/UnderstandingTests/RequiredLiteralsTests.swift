import Testing
import TestSupport
@testable import Understanding

/// The start marker (Swift refuses a noncharacter in a string literal).
private let marker = String(LiteralMatcher.startMarker)

@Suite struct RequiredLiteralsTests {
    @Test(arguments: [
        ("消防(通道|车道).{0,8}(堵|占|停)", ["消防车道", "消防通道"]),  // exact runs multiply out
        ("(楼道|家里).{0,6}充电", ["充电"]),
        ("(别人|外来|陌生).{0,4}车", ["外来", "别人", "陌生"].sorted()),
        ("垃圾(短信|邮件|电话)", ["垃圾电话", "垃圾短信", "垃圾邮件"]),
        ("电梯|扶梯坏", ["扶梯坏", "电梯"].sorted()),
        ("^(是|对|好)的?$", ["好", "好的", "对", "对的", "是", "是的"].map { marker + $0 }),  // anchored at the start
        ("漏水+", ["漏水"]),
        ("楼?道堵", ["楼道堵", "道堵"]),
        ("a\\.b", ["a.b"]),
        ("(?:垃圾桶)满", ["垃圾桶满"].sorted()),
        ("(?<what>垃圾)没人收", ["垃圾没人收"]),
        ("(?<!不)漏水", ["漏水"]),
        ("停车(?!场)", ["停车"]),
        ("x{2,3}yz", ["xyz"]),
        ("漏水+管", ["漏水"]),  // 水管 would do as well: both are required
        ("[车位]{2}被占", ["位被占", "车被占"]),
        ("[车位]被占", ["位被占", "车被占"]),
        ("[车位]+", ["位", "车"]),
        ("\\d+号楼", ["号楼"]),
        ("\\p{Han}{2}着火", ["着火"]),
    ])
    func derives(regex: String, literals: [String]) {
        #expect(RequiredLiterals.derive(from: regex) == literals)
    }

    @Test func optionalPartsJoinTheRunWithAndWithout() {
        #expect(RequiredLiterals.derive(from: "(通道|车道)?堵") == ["堵", "车道堵", "通道堵"])
        #expect(RequiredLiterals.derive(from: "(通道|车道){0,1}堵") == ["堵", "车道堵", "通道堵"])
        #expect(RequiredLiterals.derive(from: "(通道|车道){0,2}堵") == ["堵"])
    }

    @Test func digitsAndSmallClassesAreClauses() throws {
        let digits = try #require(RequiredLiterals.derive(from: "\\d+"))
        #expect(digits.contains("7") && digits.contains("٣") && digits.count > 100)  // every Nd, not only ASCII
        #expect(RequiredLiterals.derive(from: "[0-9]{4}") == (0...9).map(String.init))
        #expect(RequiredLiterals.clauses(of: "[一二三]号") == [["一号", "三号", "二号"]])
        #expect(RequiredLiterals.derive(from: "[a-z]+") == (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) })
    }

    @Test func theDigitListIsEveryDecimalNumber() {
        let computed = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter { $0.properties.generalCategory == .decimalNumber }
        #expect(RequiredLiterals.decimalDigits == computed)
    }

    @Test func everyMandatoryPartIsAClause() {
        #expect(RequiredLiterals.clauses(of: "消防(通道|车道).{0,8}(堵|占|停)") == [["消防车道", "消防通道"], ["停", "占", "堵"]])
        #expect(RequiredLiterals.clauses(of: "(坏|裂)(了|的)") == [["坏了", "坏的", "裂了", "裂的"]])
        // An alternation gives the product of its branches' clauses: here (楼道灯 or 电梯) and
        // (楼道灯 or 坏).
        #expect(RequiredLiterals.clauses(of: "电梯.{0,3}坏|楼道灯") == [["楼道灯", "电梯"], ["坏", "楼道灯"]])
        #expect(RequiredLiterals.clauses(of: "a?b?") == nil)
        // A space never enters a literal (blanked exclusions are spaces).
        #expect(RequiredLiterals.clauses(of: "thank you") == [["thank"], ["you"]])
        // Zero-width assertions keep their neighbours contiguous; ^ and \A anchor at the start.
        #expect(RequiredLiterals.clauses(of: "(?<!能)不能\\b走") == [["不能走"]])
        #expect(RequiredLiterals.clauses(of: "\\A(好|行)") == [[marker + "好", marker + "行"]])
        #expect(RequiredLiterals.clauses(of: "(^|,)好") == [[",好", marker + "好"]])
        #expect(RequiredLiterals.clauses(of: "^.好") == [["好"]])
    }

    /// Every clause is necessary: whenever PCRE2 finds a match, each clause has a literal in the
    /// text (taken to begin with the start marker).
    @Test func clausesHoldWheneverThePatternMatches() throws {
        let patterns = [
            "^(是|对|好)的?$", "(^|不)好+的", "(通道|车道)?堵", "电梯.{0,3}坏|楼道灯|(楼道|走廊)灯?(不亮|坏)", "(a|b)(c|d)?(e|f)",
            "[车位]{2,}被占", "(?<!不)好(?=的)", "x{1}y", "(好|坏){0,1}了", "\\A好|^坏", "不(好|坏)+了", "(好 |坏)的",
            "((好|坏)了|(对|错)的).{0,2}(吗|呢)", "a+b+c", "(ab|cd|ef|gh|ij|kl|mn|op|qr|st)(x|y)(z|w)",
        ]
        let pieces = ["好", "坏", "的", "了", "是", "对", "错", "不", "电梯", "楼道", "灯", "走廊", "不亮", "堵", "通道", "车道",
                      "车", "位", "被占", "a", "b", "c", "d", "e", "f", "x", "y", "z", " ", "吗", "呢", "ab", "kl", "w", "好了", "对的"]
        var generator = SplitMix64(seed: 99)
        let matchData = PCREMatchData()
        for regex in patterns {
            let compiled = try PCREPattern(regex)
            let clauses = RequiredLiterals.clauses(of: regex) ?? []
            var matched = 0
            for _ in 0..<4000 {
                let count = 1 + Int(generator.next() % 6)
                var text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
                guard text.withUTF8({ compiled.matches($0, using: matchData) }) else { continue }
                matched += 1
                let marked = String(LiteralMatcher.startMarker) + text
                for clause in clauses {
                    #expect(clause.contains { marked.contains($0) }, "\(regex) on \(text): \(clause)")
                }
            }
            #expect(matched > 0, "\(regex)")
        }
    }

    @Test(arguments: [
        ".{0,4}", "[a-z]*", "[^a]+", "[\\w]+", "a?", "a*", "(?i)abc", "(a)\\1", "\\Qabc\\E", "电梯|.+",
        "(?#c)abc", "a{0,3}", "(unclosed", "",
    ])
    func givesUpWhenUnsure(regex: String) {
        #expect(RequiredLiterals.derive(from: regex) == nil)
    }
}
