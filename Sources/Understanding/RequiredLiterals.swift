/// Derives, from a regular expression, literals of which at least one must occur in any text
/// the expression matches; used as a prefilter in front of PCRE2. Conservative: when in doubt
/// it returns nil and the pattern runs on every message.
enum RequiredLiterals {
    /// One literal per top-level alternative, or nil when some alternative has none.
    static func derive(from regex: String) -> [String]? {
        nil
    }
}
