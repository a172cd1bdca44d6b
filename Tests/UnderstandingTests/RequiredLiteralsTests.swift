import Testing
@testable import Understanding

@Suite struct RequiredLiteralsTests {
    @Test(arguments: [
        ("消防(通道|车道).{0,8}(堵|占|停)", ["消防"]),
        ("(楼道|家里).{0,6}充电", ["充电"]),
        ("(别人|外来|陌生).{0,4}车", ["外来", "别人", "陌生"].sorted()),
        ("垃圾(短信|邮件|电话)", ["垃圾"]),
        ("电梯|扶梯坏", ["扶梯坏", "电梯"].sorted()),
        ("^(是|对|好)的?$", ["好", "对", "是"].sorted()),
        ("漏水+", ["漏水"]),
        ("楼?道堵", ["道堵"]),
        ("a\\.b", ["a.b"]),
        ("(?:垃圾桶)满", ["垃圾桶满"].sorted()),
        ("(?<what>垃圾)没人收", ["垃圾没人收"]),
        ("(?<!不)漏水", ["漏水"]),
        ("停车(?!场)", ["停车"]),
        ("x{2,3}yz", ["xyz"]),
        ("漏水+管", ["漏水"]),  // 水管 would do as well: both are required
        ("[车位]{2}被占", ["被占"]),
        ("[车位]被占", ["被占"]),
        ("[车位]+", ["位", "车"]),
        ("\\d+号楼", ["号楼"]),
        ("\\p{Han}{2}着火", ["着火"]),
    ])
    func derives(regex: String, literals: [String]) {
        #expect(RequiredLiterals.derive(from: regex) == literals)
    }

    @Test(arguments: [
        "(通道|车道)?堵",        // an optional group leaves 堵 ... which is found below; see next test
    ])
    func optionalGroupsAreNotRequired(regex: String) {
        #expect(RequiredLiterals.derive(from: regex) == ["堵"])
    }

    @Test func digitsAndSmallClassesAreClauses() throws {
        let digits = try #require(RequiredLiterals.derive(from: "\\d+"))
        #expect(digits.contains("7") && digits.contains("٣") && digits.count > 100)  // every Nd, not only ASCII
        #expect(RequiredLiterals.derive(from: "[0-9]{4}") == (0...9).map(String.init))
        #expect(RequiredLiterals.clauses(of: "[一二三]号") == [["号"], ["一", "三", "二"].sorted()])
        #expect(RequiredLiterals.derive(from: "[a-z]+") == (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) })
    }

    @Test func theDigitListIsEveryDecimalNumber() {
        let computed = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter { $0.properties.generalCategory == .decimalNumber }
        #expect(RequiredLiterals.decimalDigits == computed)
    }

    @Test func everyMandatoryPartIsAClause() {
        #expect(RequiredLiterals.clauses(of: "消防(通道|车道).{0,8}(堵|占|停)") == [["消防"], ["车道", "通道"], ["停", "占", "堵"]])
        #expect(RequiredLiterals.clauses(of: "(坏|裂)(了|的)") == [["坏", "裂"], ["了", "的"]])
        // An alternation contributes one clause: the best of each branch, together.
        #expect(RequiredLiterals.clauses(of: "电梯.{0,3}坏|楼道灯") == [["楼道灯", "电梯"]])
        #expect(RequiredLiterals.clauses(of: "a?b?") == nil)
    }

    @Test(arguments: [
        ".{0,4}", "[a-z]*", "[^a]+", "[\\w]+", "a?", "a*", "(?i)abc", "(a)\\1", "\\Qabc\\E", "电梯|.+",
        "(?#c)abc", "a{0,3}", "(unclosed", "",
    ])
    func givesUpWhenUnsure(regex: String) {
        #expect(RequiredLiterals.derive(from: regex) == nil)
    }
}
