@testable import Office
import Testing
import TestSupport
import Understanding

/// A batch is classified up front (a large one in two halves at once): same classifications,
/// same order, as one by one.
@Suite struct BatchClassificationTests {
    @Test(arguments: [0, 1, Office.parallelClassificationThreshold - 1, Office.parallelClassificationThreshold, 101])
    func sameAsOneByOne(count: Int) {
        let classifier = TableClassifier([:])
        let batch = (0..<count).map { Inbound(messageID: "m\($0)", userID: "u", text: $0 % 7 == 0 ? "" : "第\($0)条") }
        let classified = Office.classify(batch, with: classifier)
        #expect(classified == batch.map { classifier.classify($0.text) })
        #expect(classified.map(\.normalizedText) == batch.map { classifier.classify($0.text).normalizedText })
    }
}
