// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "shangliang",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "shangliang", targets: ["shangliang"]),
        .library(name: "Rules", targets: ["Rules"]),
        .library(name: "Understanding", targets: ["Understanding"]),
        .library(name: "Conversation", targets: ["Conversation"]),
        .library(name: "Casework", targets: ["Casework"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Office", targets: ["Office"]),
        .library(name: "Channels", targets: ["Channels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // C libraries, each imported by exactly one Swift module (Understanding).
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc", providers: [.apt(["libopencc-dev"])]),

        // The rule-file model, YAML loading with positions, lint diagnostics.
        .target(name: "Rules", dependencies: ["Yams"]),
        // Normalisation, places, the compiled matcher, classification, evaluation.
        .target(name: "Understanding", dependencies: ["Rules", "CPCRE2", "COpenCC"]),
        // The dialogue state machine and reply rendering. Pure: no I/O.
        .target(name: "Conversation", dependencies: ["Rules", "Understanding"]),
        // Cases, routing, lifecycle, permissions, time limits. Pure: no I/O.
        .target(name: "Casework", dependencies: ["Rules"]),
        // GRDB schema, migrations, records.
        .target(name: "Store", dependencies: [.product(name: "GRDB", package: "GRDB.swift"), "Casework"]),
        // One turn: understand -> converse -> casework -> commit. Shared by every channel.
        .target(name: "Office", dependencies: [
            "Rules", "Understanding", "Conversation", "Casework", "Store",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The terminal loop and the JSON Lines gateway loop.
        .target(name: "Channels", dependencies: ["Office", .product(name: "Logging", package: "swift-log")]),
        // Thin executable: argument parsing and wiring.
        .executableTarget(name: "shangliang", dependencies: [
            "Rules", "Understanding", "Conversation", "Casework", "Store", "Office", "Channels",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Test helpers (not a product): fake clock, fixtures, golden files.
        .target(name: "TestSupport", dependencies: ["Rules", "Understanding", "Office", "Store"], path: "Sources/TestSupport"),

        .testTarget(name: "RulesTests", dependencies: ["Rules", "Understanding", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "UnderstandingTests", dependencies: ["Understanding", "TestSupport"]),
        .testTarget(name: "ConversationTests", dependencies: ["Conversation", "TestSupport"]),
        .testTarget(name: "CaseworkTests", dependencies: ["Casework", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestSupport"]),
        .testTarget(name: "OfficeTests", dependencies: ["Office", "TestSupport"]),
        .testTarget(name: "ChannelsTests", dependencies: ["Channels", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
