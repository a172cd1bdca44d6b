/// A message after normalisation, with what was set aside.
public struct NormalizedText: Sendable, Hashable {
    /// NFKC, Traditional to Simplified, Latin lower-case, whitespace folded, stickers removed.
    public var text: String
    /// Sticker codes found, such as `[捂脸]`, in order.
    public var stickers: [String]

    public init(text: String, stickers: [String] = []) {
        self.text = text
        self.stickers = stickers
    }
}
