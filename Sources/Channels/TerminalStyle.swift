#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the terminal chat looks: colours only when stdout is a terminal and `NO_COLOR` is unset
/// (https://no-color.org).
public struct TerminalStyle: Sendable {
    public var usesColour: Bool

    /// Creates a style.
    public init(usesColour: Bool) { self.usesColour = usesColour }

    /// Colours when stdout is a TTY and NO_COLOR is unset or empty.
    public static func detect(environment: [String: String]) -> TerminalStyle {
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        return TerminalStyle(usesColour: isatty(STDOUT_FILENO) == 1 && !noColour && environment["TERM"] != "dumb")
    }

    /// The prompt shown before the resident types.
    public func prompt(_ name: String) -> String { paint("\(name)> ", "1;36") }

    /// One reply of the assistant; its further lines are indented under the first.
    public func reply(_ text: String) -> String {
        paint("助手：", "1;32") + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n      ")
    }

    /// A notification from the outbox.
    public func notification(_ text: String) -> String { paint("【通知】", "1;33") + text }

    /// A line of the program itself (help, goodbye).
    public func note(_ text: String) -> String { paint(text, "2") }

    func paint(_ text: String, _ code: String) -> String {
        usesColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
