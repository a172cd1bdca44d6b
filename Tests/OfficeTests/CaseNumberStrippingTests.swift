@testable import Office
import Testing

/// The rating interceptor's removal of case numbers skips the regex for texts without four
/// digits in a row: the result must be the regex's own, whatever the digits look like.
@Suite struct CaseNumberStrippingTests {
    static let texts = [
        "不满意 2026-0012 又堆满了", "2026-0012 满意", "２０２６－００１２号 满意", "2026 － 12号不满意", "满意",
        "3栋2单元电梯坏了", "12栋501漏水", "１２３", "½¾⅓¼ 满意", "3\u{301}0\u{301}2\u{301}6\u{301}-1 满意",
        "٢٠٢٦-١٢ 满意", "", "2026", "201-2026-3", "二〇二六-一二 满意",
    ]

    @Test(arguments: texts) func sameAsTheRegex(_ text: String) {
        let expected = text.replacing(/\d{4}\s*[-－]\s*\d{1,5}号?/, with: " ")
        #expect(CaseworkInterceptor.withoutCaseNumbers(text) == expected)
    }

    @Test func onlyRunsOfFourDigitsNeedTheRegex() {
        #expect(!CaseworkInterceptor.mayHoldFourDigits("3栋2单元501"))
        #expect(CaseworkInterceptor.mayHoldFourDigits("3栋2单元5012"))
        #expect(CaseworkInterceptor.mayHoldFourDigits("２０２６"))
    }
}
