#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes protocol lines to a file descriptor (stdout) with write(2), unbuffered: each call
/// writes everything before it returns, so each batch is flushed when `write` returns.
public final class GatewayFileDescriptorOutput: GatewayOutput {
    private let fileDescriptor: Int32

    /// - Parameter fileDescriptor: 1 for stdout. Not closed by this object.
    public init(fileDescriptor: Int32 = 1) {
        self.fileDescriptor = fileDescriptor
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK {
                        // A non-blocking stdout inherited from the parent: wait until writable.
                        var fds = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&fds, 1, -1)
                        continue
                    }
                    throw GatewayError.writeFailed(errno: errno)
                }
                offset += written
            }
        }
    }
}

private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, pointer, count)
}
