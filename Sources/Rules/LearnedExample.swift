/// One labelled message of the learned layer's examples (`settings.yaml: learned_examples`).
public struct LearnedExample: Sendable, Hashable {
    /// The message as a resident wrote it.
    public var text: String
    /// A category id, `emergency` or `none`.
    public var label: String

    public init(text: String, label: String) {
        self.text = text
        self.label = label
    }
}
