public import Rules

extension DialogueCatalog {
    /// The dialogue's view of a loaded rule set: every category and the emergency file.
    public init(_ ruleSet: RuleSet) {
        self.init(ruleSet.allCategories.map { category in
            CategoryProfile(
                id: category.id, kind: category.kind, title: category.title, owners: category.owners, asks: category.asks,
                explanation: category.explanation, redirect: category.redirect,
                subtopics: category.subtopics.map { sub in
                    SubtopicProfile(id: sub.id, title: sub.title, owners: sub.owners ?? [], number: sub.number, advice: sub.advice)
                })
        })
    }
}
