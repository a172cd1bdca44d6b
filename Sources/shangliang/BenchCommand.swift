import ArgumentParser
import Foundation
import Rules
import Understanding

/// `shangliang bench [--rules DIR] [--corpus FILE] [--scale 10]`
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Speed figures: classification throughput (one thread) and rule load + compile time.")

    @Option(name: .long, help: "The rules directory.")
    var rules = "rules"

    @Option(name: .long, help: "A TSV corpus (text column) whose messages are cycled; built-in samples when missing.")
    var corpus = "../shared/corpus/dev.tsv"

    @Option(name: .long, help: "Also measure with this many times the patterns and keywords (generated).")
    var scale = 10

    @Option(name: .long, help: "Seconds per throughput measurement.")
    var seconds = 2.0

    @Flag(name: .long, help: "Skip the measurements without the prefilter.")
    var skipUnfiltered = false

    @Flag(name: .long, help: "List the patterns most often run without matching.")
    var wasted = false

    func run() throws {
        let directory = URL(fileURLWithPath: rules)
        var messages = Benchmark.sampleMessages
        var source = "built-in samples"
        if let data = FileManager.default.contents(atPath: corpus),
           let samples = try? EvaluationSample.parseTSV(String(decoding: data, as: UTF8.self)), !samples.isEmpty {
            messages = samples.map(\.text)
            source = corpus
        }
        let duration = Duration.milliseconds(Int(seconds * 1000))

        let clock = ContinuousClock()
        let converterStart = clock.now
        _ = ChineseConverter.shared
        let converterTime = clock.now - converterStart

        let ruleSet = try RulesOptions.loadRuleSet(rules)
        let classifier = try RulesOptions.makeClassifier(ruleSet)
        let loadTime = try Benchmark.medianTime(runs: 9) {
            _ = try Classifier(rules: RuleSet.load(from: directory))
        }
        let parseTime = try Benchmark.medianTime(runs: 9) { _ = try RuleSet.load(from: directory) }

        print("rules: \(rules)  (\(classifier.figures))")
        print("corpus: \(source), \(messages.count) messages")
        print(String(format: "OpenCC t2s open + stable-character table (once per process): %.1f ms", converterTime.seconds * 1000))
        print(String(format: "rule load + compile: %.1f ms median of 9 (YAML load alone %.1f ms)", loadTime.seconds * 1000, parseTime.seconds * 1000))
        if !ruleSet.learnedExamples.isEmpty {
            let examples = ruleSet.trainingExamples
            let trainTime = Benchmark.medianTime(runs: 9) { _ = LearnedModel(examples: examples, normalizer: classifier.normalizer) }
            print(String(format: "  of which training the learned layer on %d examples: %.1f ms", examples.count, trainTime.seconds * 1000))
        }
        let normalization = Benchmark.normalizationThroughput(classifier.normalizer, on: messages, for: duration / 2)
        print(String(format: "normalisation alone: %.0f messages/s", normalization))
        let stats = Benchmark.prefilterStatistics(of: classifier, on: messages)
        print(String(format: "per message: %.1f literal hits, %.1f prefilter clause entries, %.1f patterns run by PCRE2, %.1f rules fired", stats.hits, stats.clauseRefs, stats.candidates, stats.fired))
        if wasted {
            for w in Benchmark.wastedPatterns(of: classifier, on: messages, limit: 15) {
                print(String(format: "  %6.0f ns/message, run %d, matched %d: ", w.nanoseconds, w.runs, w.matches) + w.pattern)
            }
        }
        let stages = Benchmark.stageTimes(of: classifier, on: messages)
        print("per message: " + stages.map { String(format: "%@ %.0f ns", $0.stage, $0.nanoseconds) }.joined(separator: ", "))
        let (base, perCPUSecond) = Benchmark.measureThroughput(of: classifier, on: messages, for: duration)
        print(String(format: "classification: %.0f messages/s (one thread; %.0f per second of its CPU time)", base, perCPUSecond))
        let explained = Benchmark.throughput(of: classifier, on: messages, for: duration / 2, explain: true)
        print(String(format: "  with evidence (explain): %.0f messages/s", explained))
        if !skipUnfiltered {
            let unfiltered = try Classifier(rules: ruleSet, usesPrefilter: false)
            let noPrefilter = Benchmark.throughput(of: unfiltered, on: messages, for: duration)
            print(String(format: "  without the literal prefilter: %.0f messages/s", noPrefilter))
        }
        if scale > 1 {
            let scaledRules = Benchmark.scaled(ruleSet, by: scale)
            let scaledLoad = try Benchmark.medianTime(runs: 3) { _ = try Classifier(rules: scaledRules) }
            let scaled = try Classifier(rules: scaledRules)
            let scaledRate = Benchmark.throughput(of: scaled, on: messages, for: duration)
            print(String(format: "with %dx patterns and keywords (%@): %.0f messages/s, compile %.1f ms", scale, scaled.figures, scaledRate, scaledLoad.seconds * 1000))
            if !skipUnfiltered {
                let scaledUnfiltered = try Classifier(rules: scaledRules, usesPrefilter: false)
                let scaledNoPrefilter = Benchmark.throughput(of: scaledUnfiltered, on: messages, for: duration)
                print(String(format: "  without the literal prefilter: %.0f messages/s", scaledNoPrefilter))
            }
        }
    }
}
