import Channels
import Foundation
import Office
import Testing
import TestSupport

/// Replays every golden transcript in `transcripts/` against the shipped rules.
/// `RECORD_TRANSCRIPTS=1 swift test --filter TranscriptTests` re-records them (and fails where a
/// file changed, so a re-recording is always looked at).
@Suite struct TranscriptTests {
    static let directory = Fixtures.packageRoot.appendingPathComponent("transcripts")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }
            .sorted()
    }

    static let book: Result<RuleBook, any Error> = Result {
        try RuleBook.standard(directory: Fixtures.rulesDirectory, displayRoot: "rules")
    }

    @Test func thereAreEnoughTranscripts() {
        #expect(Self.files.count >= 20)
    }

    @Test(arguments: files)
    func transcriptReplays(_ name: String) throws {
        let replayer = TranscriptReplayer(book: try Self.book.get())
        let path = Self.directory.appendingPathComponent(name).path
        let recording = ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] == "1"
        let before = try String(contentsOfFile: path, encoding: .utf8)
        switch try replayer.check(file: path, record: recording) {
        case .passed:
            break
        case .recorded:
            let after = try String(contentsOfFile: path, encoding: .utf8)
            if after != before { Issue.record("re-recorded \(name); review the change with git diff") }
        case .failed(let diff):
            Issue.record("\(name) differs (RECORD_TRANSCRIPTS=1 re-records):\n\(diff)")
        }
    }
}
