import Foundation
import Rules
import Testing
import Understanding

@Suite struct EvaluationTests {
    static let tsv = """
        text\tlabel\tbuilding\tdifficulty
        3栋门口垃圾没人收\tsanitation\t3\teasy
        车位被占了\tparking\t\teasy
        楼上噪音\tparking\t\thard
        电动车着火了\temergency\t\teasy
        冒烟了\temergency\t\thard
        告诉我他的手机号\tprivacy\t\teasy
        我家车位的住址手机号\tparking\t5\thard
        你好\tnone\t\teasy

        """

    let evaluation: Evaluation

    init() throws {
        let samples = try EvaluationSample.parseTSV(Self.tsv)
        evaluation = Evaluation(samples: samples, classifier: try MiniRules.classifier())
    }

    @Test func readsTheTSV() throws {
        let samples = try EvaluationSample.parseTSV(Self.tsv)
        #expect(samples.count == 8)
        #expect(samples[0] == EvaluationSample(text: "3栋门口垃圾没人收", label: "sanitation", building: 3, difficulty: "easy", line: 2))
        #expect(samples[1].building == nil)
    }

    @Test func columnsAreFoundByName() throws {
        let samples = try EvaluationSample.parseTSV("label\ttext\tbuilding\nparking\t车位\t7\n")
        #expect(samples == [EvaluationSample(text: "车位", label: "parking", building: 7, line: 2)])
    }

    @Test func badFilesAreReported() {
        #expect(throws: EvaluationError.missingColumn("building")) { try EvaluationSample.parseTSV("text\tlabel\nx\ty\n") }
        #expect(throws: EvaluationError.shortRow(line: 2)) { try EvaluationSample.parseTSV("text\tlabel\tbuilding\nonly\n") }
        #expect(throws: EvaluationError.badBuilding(line: 2)) { try EvaluationSample.parseTSV("text\tlabel\tbuilding\nx\tnone\tthree\n") }
    }

    // Predictions with MiniRules: sanitation ✓, parking ✓, 楼上噪音 -> neighbourhood ✗,
    // 着火 -> emergency ✓, 冒烟 (2 < 3) -> none ✗, privacy ✓, 车位+住址+手机号 -> privacy ✗ (strong), 你好 -> none ✓.
    @Test func accuracyCountsExactLabels() {
        #expect(evaluation.n == 8)
        #expect(evaluation.accuracy == 5.0 / 8.0)
        #expect(evaluation.accuracyByDifficulty["easy"] == 5.0 / 5.0)
        #expect(evaluation.accuracyByDifficulty["hard"] == 0)
        #expect(evaluation.misses.count == 3)
    }

    @Test func emergencyRecall() {
        #expect(evaluation.emergencyRecall == 0.5)
    }

    @Test func falseRefusalIsDiscussableLabelledNonDiscussable() {
        // Discussable-labelled: sanitation, parking, parking, parking; one came out privacy.
        #expect(evaluation.falseRefusalRate == 0.25)
    }

    @Test func buildingAccuracyIsOverAllRows() {
        // Row 1 (3 == 3) and every empty == nil row are right; row 7 expects 5 and gets none.
        #expect(evaluation.buildingAccuracy == 7.0 / 8.0)
    }

    @Test func perLabelPrecisionRecallF1() throws {
        let parking = try #require(evaluation.perLabel["parking"])
        #expect(parking.support == 3)
        #expect(parking.precision == 1)
        #expect(parking.recall == 1.0 / 3.0)
        #expect(abs(parking.f1 - 0.5) < 1e-9)
        let privacy = try #require(evaluation.perLabel["privacy"])
        #expect(privacy.precision == 0.5)
        #expect(privacy.recall == 1)
        #expect(evaluation.perLabel["neighbourhood"]?.support == 0)
        #expect(evaluation.perLabel["none"]?.precision == 0.5)
    }

    @Test func confusionsMostFrequentFirst() {
        #expect(evaluation.confusions.count == 3)
        #expect(evaluation.confusions.allSatisfy { $0.count == 1 })
        #expect(evaluation.confusions.contains { $0.expected == "emergency" && $0.predicted == "none" })
    }

    @Test func jsonHasTheContractKeys() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(evaluation.json().utf8)) as? [String: Any])
        for key in ["accuracy", "emergency_recall", "false_refusal_rate", "building_accuracy", "per_label", "n"] {
            #expect(object[key] != nil, "\(key)")
        }
        #expect(object["n"] as? Int == 8)
        let perLabel = try #require(object["per_label"] as? [String: [String: Any]])
        #expect(perLabel["parking"]?["support"] as? Int == 3)
        #expect(Set(perLabel["parking"]?.keys.map { $0 } ?? []) == ["precision", "recall", "f1", "support"])
    }

    @Test func errorReportShowsWhatFired() {
        let report = evaluation.errorReport()
        #expect(report.contains("line 4: expected parking, got neighbourhood"))
        #expect(report.contains("neighbourhood 3 keyword 噪音"))
        #expect(report.contains("building expected 5, got none"))
    }
}
