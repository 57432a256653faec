import Foundation

/// Whole-file reads and writes with plain system calls: the build writes and reads thousands
/// of small files, and `Data` adds a copy and a bridge to each.
enum FileBytes {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "could not write \(path): \(String(cString: strerror(code)))" }
    }

    /// Writes `bytes` to `path`, replacing any file there.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, code: errno) }
        defer { close(fd) }
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, code: errno)
                }
                offset += n
            }
        }
    }

    /// Reads the regular file at `path` into the start of `buffer`, which grows to fit and is
    /// kept for the next file; returns how many bytes are the file's, or nil when it cannot be
    /// read.
    static func read(_ path: String, into buffer: inout [UInt8]) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(st.st_size)
        if buffer.count < size { buffer += repeatElement(0, count: size - buffer.count) }
        var offset = 0
        let ok = buffer.withUnsafeMutableBytes { raw -> Bool in
            while offset < size {
                let n = Foundation.read(fd, raw.baseAddress! + offset, size - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { break }
                offset += n
            }
            return true
        }
        return ok ? offset : nil
    }

    /// The contents of the regular file at `path`, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        var out: [UInt8] = []
        guard let n = read(path, into: &out) else { return nil }
        out.removeLast(out.count - n)
        return out
    }
}
