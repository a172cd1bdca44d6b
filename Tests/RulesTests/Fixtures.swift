import Foundation

/// The rule sets under Tests/RulesTests/Fixtures.
enum Fixtures {
    static var root: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }
    static var good: URL { root.appendingPathComponent("good") }
    static func url(_ name: String) -> URL { root.appendingPathComponent(name) }
}
