import ArgumentParser
import Channels
import Foundation
import Office
import Rules
import Store

/// `shangliang replay FILE...`: plays golden transcripts against a fresh database.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay golden transcripts; fail with a diff when a reply differs.",
        discussion: "With --record (or env RECORD_TRANSCRIPTS=1) the files are rewritten with the actual replies.")

    @Option(help: ArgumentHelp("The rules directory (env SHANGLIANG_RULES).", valueName: "dir"))
    var rules: String = ProcessInfo.processInfo.environment["SHANGLIANG_RULES"] ?? "rules"

    @Flag(help: "Rewrite each transcript with the replies actually given.")
    var record = false

    @Argument(help: "Transcript files (transcripts/*.txt).")
    var files: [String]

    func run() throws {
        let book: RuleBook
        do {
            book = try RuleBook.standard(directory: URL(fileURLWithPath: rules), displayRoot: rules)
        } catch let error as DiagnosticError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
        let recording = record || ProcessInfo.processInfo.environment["RECORD_TRANSCRIPTS"] == "1"
        let replayer = TranscriptReplayer(book: book)
        var failures = 0
        for file in files {
            switch try replayer.check(file: file, record: recording) {
            case .passed:
                print("PASS \(file)")
            case .recorded:
                print("RECORDED \(file)")
            case .failed(let diff):
                failures += 1
                print("FAIL \(file)\n\(diff)")
            }
        }
        if failures > 0 {
            print("\(failures) of \(files.count) transcripts differ (re-record with RECORD_TRANSCRIPTS=1 if the change is intended)")
            throw ExitCode.failure
        }
    }
}
