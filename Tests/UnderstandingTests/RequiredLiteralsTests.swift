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

    @Test(arguments: [
        ".{0,4}", "\\d+", "[a-z]+", "a?", "a*", "(?i)abc", "(a)\\1", "\\Qabc\\E", "电梯|.+",
        "(?#c)abc", "a{0,3}", "(unclosed", "",
    ])
    func givesUpWhenUnsure(regex: String) {
        #expect(RequiredLiterals.derive(from: regex) == nil)
    }
}
