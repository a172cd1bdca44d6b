#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes the kernel's line editing UTF-8 aware while the chat runs: with `IUTF8` set on the
/// terminal, one backspace erases a whole Chinese character (3 bytes) instead of one byte.
/// `readLine()` then receives whole characters. Restores the previous settings on `restore()`.
public final class TerminalLineDiscipline {
    private var saved = termios()
    private var isSaved = false

    /// Sets IUTF8 on stdin when it is a terminal; does nothing otherwise.
    public init() {
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        isSaved = true
        var settings = saved
        settings.c_iflag |= tcflag_t(IUTF8)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }

    /// Puts the terminal back as it was.
    public func restore() {
        guard isSaved else { return }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        isSaved = false
    }

    deinit { restore() }
}
