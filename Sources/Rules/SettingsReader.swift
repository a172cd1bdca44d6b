import Yams

/// Reads `settings.yaml`.
enum SettingsReader {
    static func read(_ reader: inout YAMLReader) -> ClassifierSettings {
        var settings = ClassifierSettings()
        guard reader.document.root != nil else { return settings }
        guard let map = reader.mapping(reader.document.root, allowedKeys: ClassifierSettings.keys, what: "settings.yaml") else { return settings }
        func value(_ key: String) -> Double? { map[key].flatMap { reader.number($0, what: "'\(key)'") } }
        if let v = value("emergency_threshold") { settings.emergencyThreshold = v }
        if let v = value("strong_threshold") { settings.strongThreshold = v }
        if let v = value("min_score") { settings.minScore = v }
        if let v = value("move_threshold") { settings.moveThreshold = v }
        if let v = value("learned_override_below") { settings.learnedOverrideBelow = v }
        if let v = value("learned_emergency_override_below") { settings.learnedEmergencyOverrideBelow = v }
        if let v = value("learned_min_margin") { settings.learnedMinMargin = v }
        if let v = value("learned_emergency_min_margin") { settings.learnedEmergencyMinMargin = v }
        if let node = map["learned_examples"], let path = reader.string(node, what: "'learned_examples'") {
            settings.learnedExamples = path
        }
        if let node = map["ambiguity_ratio"], let v = reader.number(node, what: "'ambiguity_ratio'") {
            if v <= 0 || v > 1 { reader.error("ambiguity_ratio must be in (0, 1]", at: node) }
            settings.ambiguityRatio = v
        }
        return settings
    }
}
