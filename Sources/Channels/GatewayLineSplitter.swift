/// Splits a byte stream into numbered lines (LF, or CRLF) of bounded length.
///
/// A line longer than `maximumLength` bytes is reported as `.tooLong` as soon as that is
/// known, and the rest of it is skipped as it arrives: memory stays bounded by the limit
/// whatever the input. Pure value type, no I/O.
public struct GatewayLineSplitter: Sendable {
    /// A line, or the fact that a line was too long.
    public enum Piece: Sendable, Hashable {
        /// A complete line, terminator (LF or CRLF) removed; `number` counts from 1.
        case line(number: Int, bytes: [UInt8])
        /// Line `number` is longer than the limit; it is skipped.
        case tooLong(number: Int)
    }

    /// The protocol's limit: 64 KiB.
    public static let defaultMaximumLength = 64 * 1024

    public let maximumLength: Int
    private var partial: [UInt8] = []
    private var isDiscarding = false
    /// Lines completed so far (including skipped ones).
    public private(set) var completedLines = 0

    public init(maximumLength: Int = defaultMaximumLength) {
        self.maximumLength = maximumLength
    }

    /// True when a started, unterminated line is held.
    public var hasPartialLine: Bool { !partial.isEmpty || isDiscarding }

    /// Feeds a chunk of bytes; appends what it completes to `pieces`.
    public mutating func feed(_ chunk: [UInt8], into pieces: inout [Piece]) {
        var start = 0
        while start < chunk.count {
            guard let newline = chunk[start...].firstIndex(of: 0x0A) else {
                appendPartial(chunk[start...], into: &pieces)
                return
            }
            let segment = chunk[start..<newline]
            start = newline + 1
            let number = completedLines + 1
            completedLines = number
            if isDiscarding {
                isDiscarding = false
                continue
            }
            var line: [UInt8]
            if partial.isEmpty {
                line = Array(segment)
            } else {
                line = partial
                line.append(contentsOf: segment)
                partial = []
            }
            if line.last == 0x0D { line.removeLast() }
            if line.count > maximumLength {
                pieces.append(.tooLong(number: number))
            } else {
                pieces.append(.line(number: number, bytes: line))
            }
        }
    }

    /// At the end of input: the last line if it had no terminator.
    public mutating func finish(into pieces: inout [Piece]) {
        defer {
            partial = []
            isDiscarding = false
        }
        if isDiscarding {
            completedLines += 1
            return
        }
        guard !partial.isEmpty else { return }
        completedLines += 1
        var line = partial
        if line.last == 0x0D { line.removeLast() }
        if line.count > maximumLength {
            pieces.append(.tooLong(number: completedLines))
        } else {
            pieces.append(.line(number: completedLines, bytes: line))
        }
    }

    private mutating func appendPartial(_ bytes: ArraySlice<UInt8>, into pieces: inout [Piece]) {
        if isDiscarding { return }
        // One byte more than the limit is held back in case it is the CR of a CRLF.
        if partial.count + bytes.count > maximumLength + 1 {
            partial = []
            isDiscarding = true
            pieces.append(.tooLong(number: completedLines + 1))
        } else {
            partial.append(contentsOf: bytes)
        }
    }
}
