#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the gateway's input from a file descriptor (stdin) in chunks with read(2), waiting
/// with poll(2) on it and on a wake-up pipe, so that a signal (SIGTERM, SIGHUP) is noticed
/// even while no input arrives.
public final class GatewayFileDescriptorInput: GatewayInput {
    private let fileDescriptor: Int32
    private let wakePipe: GatewayWakePipe
    private var buffer: [UInt8]
    private var isAtEnd = false

    /// - Parameters:
    ///   - fileDescriptor: the input, 0 for stdin. Not closed by this object.
    ///   - wakePipe: where signals are posted.
    ///   - chunkSize: the most bytes one read(2) takes.
    public init(fileDescriptor: Int32 = 0, wakePipe: GatewayWakePipe, chunkSize: Int = 64 * 1024) {
        self.fileDescriptor = fileDescriptor
        self.wakePipe = wakePipe
        self.buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    public func next(timeout: Duration?) throws -> GatewayInputEvent {
        let deadline = timeout.map { ContinuousClock.now.advanced(by: $0) }
        while true {
            if let signal = wakePipe.takeSignal() { return .signal(signal) }
            if isAtEnd { return .endOfInput }
            var fds = [
                pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0),
                pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            var milliseconds: Int32 = -1
            if let deadline {
                let remaining = ContinuousClock.now.duration(to: deadline)
                milliseconds = remaining <= .zero ? 0 : Int32(clamping: Self.milliseconds(rounding: remaining))
            }
            let ready = poll(&fds, 2, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw GatewayError.readFailed(errno: errno)
            }
            if ready == 0 { return .timedOut }
            if fds[0].revents != 0 { continue }  // a signal: taken at the top of the loop
            if fds[1].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    throw GatewayError.readFailed(errno: errno)
                }
                if count == 0 {
                    isAtEnd = true
                    return .endOfInput
                }
                return .data(Array(buffer[0..<count]))
            }
        }
    }

    private static func milliseconds(rounding duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}

/// A self-pipe that carries signals to a thread blocked in poll(2).
///
/// Sendable: its only state is two descriptors, immutable after init, and write(2)/read(2)
/// on a pipe are safe from any thread (a one-byte write is atomic).
public final class GatewayWakePipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    /// Creates the pipe (both ends non-blocking, close-on-exec).
    public init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw GatewayError.setupFailed(errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Posts a signal to the waiting loop. Safe from any thread.
    public func post(_ signal: GatewaySignal) {
        var byte: UInt8 = signal == .terminate ? UInt8(ascii: "T") : UInt8(ascii: "H")
        _ = write(writeEnd, &byte, 1)
    }

    /// The next posted signal, if any, without blocking; signals come in the order posted.
    func takeSignal() -> GatewaySignal? {
        var byte: UInt8 = 0
        guard read(readEnd, &byte, 1) == 1 else { return nil }
        return byte == UInt8(ascii: "T") ? .terminate : .reload
    }
}

/// The write end of the wake pipe, for the signal handler (a C function cannot capture it).
/// Written before the handlers are installed and reset after they are removed; a signal handler
/// only reads it and calls write(2), which is async-signal-safe.
nonisolated(unsafe) private var signalWakeDescriptor: Int32 = -1

/// Routes SIGHUP to `reload` and SIGTERM / SIGINT to `terminate` on a wake pipe with sigaction
/// handlers installed synchronously in `init` — so a signal sent as soon as `ready` is written is
/// never lost (dispatch signal sources register asynchronously on Linux, and the signal is
/// ignored until they do). The previous actions are restored when this object goes away.
/// SIGPIPE is ignored so that a closed stdout is an error to report, not a silent death.
public final class GatewaySignalRouter {
    private var previous: [(Int32, sigaction)] = []

    /// Starts routing signals to `wakePipe`; keep the pipe alive as long as this object.
    public init(wakePipe: GatewayWakePipe) {
        signal(SIGPIPE, SIG_IGN)
        signalWakeDescriptor = wakePipe.writeEnd
        for number in [SIGHUP, SIGTERM, SIGINT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte: UInt8 = number == SIGHUP ? UInt8(ascii: "H") : UInt8(ascii: "T")
                _ = write(signalWakeDescriptor, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            var old = sigaction()
            sigaction(number, &action, &old)
            previous.append((number, old))
        }
    }

    deinit {
        for (number, old) in previous {
            var old = old
            sigaction(number, &old, nil)
        }
        signalWakeDescriptor = -1
    }
}
