public import Rules

extension LearnedModel {
    /// Lets the learned layer decide where the rules are unsure (rules/README.md, "The learned
    /// layer"). The rules keep an emergency they found, a winner the model agrees with, and a
    /// clear winner (at or above `learned_override_below`, not ambiguous). Otherwise the model's
    /// label wins: when the rules found nothing, or only a weak or ambiguous winner; and an
    /// emergency the model sees wins over any winner below `learned_emergency_override_below`.
    /// Short answers and conversation moves (是, 5栋, 转人工) are left to the rules.
    public func blend(_ result: inout Classification, ruleSet: RuleSet, explain: Bool) {
        let settings = ruleSet.settings
        // A clear winner the model could not overturn whatever it said: not asked (faster).
        let clear = !result.isAmbiguous && result.label != Classification.none
            && result.score >= max(settings.learnedOverrideBelow, settings.learnedEmergencyOverrideBelow)
        guard !clear, result.inputIssue == nil, result.label != "emergency", result.moves.isEmpty,
            Self.letterCount(result.normalizedText) >= Self.minimumLetters,
            let verdict = verdict(normalized: result.normalizedText)
        else { return }
        result.learned = verdict
        let ruleLabel = result.label
        guard verdict.label != ruleLabel else { return }
        let needed = verdict.label == "emergency" ? settings.learnedEmergencyMinMargin : settings.learnedMinMargin
        guard verdict.margin >= needed else { return }
        let decides: Bool
        if ruleLabel == Classification.none {
            decides = true
        } else if verdict.label == "emergency" {
            decides = result.score < settings.learnedEmergencyOverrideBelow
        } else {
            decides = result.isAmbiguous || result.score < settings.learnedOverrideBelow
        }
        guard decides else { return }
        let byRules = Classification.RulesOutcome(
            label: result.label, kind: result.kind, subtopic: result.subtopic, score: result.score,
            isAmbiguous: result.isAmbiguous, candidates: result.candidates)
        if verdict.label == Classification.none {
            result.label = Classification.none
            result.kind = nil
            result.subtopic = nil
            result.score = 0
            result.isAmbiguous = false
        } else {
            guard let category = ruleSet.category(verdict.label) else { return }
            // The rules' own score for the label, if they gave it one, keeps its sub-topic.
            let own = result.candidates.first { $0.id == verdict.label }
            let winner = CategoryScore(
                id: category.id, kind: category.kind, subtopic: own?.subtopic, score: max(own?.score ?? 0, settings.minScore))
            result.label = winner.id
            result.kind = winner.kind
            result.subtopic = winner.subtopic
            result.score = winner.score
            result.isAmbiguous = false
            result.candidates = [winner] + result.candidates.filter { $0.id != winner.id }
        }
        result.byRules = byRules
        if explain {
            result.evidence.append(Evidence(
                categoryID: verdict.label, subtopicID: nil,
                rule: "learned layer: \(verdict.label) over \(verdict.runnerUp) by \(Self.format(verdict.margin)) (rules said \(ruleLabel))",
                weight: 0, location: nil))
        }
    }

    /// Messages shorter than this (letters and digits) are left to the rules.
    static let minimumLetters = 4

    /// Letters and digits, counted cheaply (Unicode property look-ups cost more than the model):
    /// ASCII letters and digits, and every scalar from U+3000 up that is not CJK punctuation or
    /// full-width punctuation (normalisation has made full-width letters ASCII already).
    static func letterCount(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: count += 1
            case 0x3000...0x303F, 0xFF00...0xFFEF: break
            case 0x3040...: count += 1
            default: break
            }
        }
        return count
    }

    private static func format(_ margin: Double) -> String {
        let tenths = Int((margin * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
