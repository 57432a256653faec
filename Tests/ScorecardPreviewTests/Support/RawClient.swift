import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP client to 127.0.0.1 only, for talking to the preview byte by byte. Every
/// wait is bounded by socket timeouts, so no test can hang on it.
final class RawClient: @unchecked Sendable {
    let fd: Int32

    /// Connects to 127.0.0.1:`port`; nil when the connection is refused.
    init?(port: UInt16, timeout: Double = 5) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 { close(fd); return nil }
    }

    deinit { close(fd) }

    /// Sends what it can; false once the server has stopped taking bytes (closed or reset).
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    /// Everything the server sends until it closes the connection, or nil when it neither
    /// answers nor closes within the timeout. A reset counts as closing.
    func readAll() -> [UInt8]? {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { out += buffer[..<n]; continue }
            if n == 0 || errno == ECONNRESET || errno == EPIPE { return out }
            return nil   // timed out
        }
    }

    /// The status code of the response, read as soon as its head has arrived (the server may
    /// keep the connection open); nil when no head arrives within the timeout.
    func readStatus() -> Int? {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !out.containsHeadEnd {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { break }
            out += buffer[..<n]
        }
        return Self.status(out)
    }

    /// The status code of an HTTP response, or nil.
    static func status(_ bytes: [UInt8]) -> Int? {
        let text = String(decoding: bytes.prefix(40), as: UTF8.self)
        guard text.hasPrefix("HTTP/1.1 ") || text.hasPrefix("HTTP/1.0 ") else { return nil }
        return Int(text.dropFirst(9).prefix(3))
    }
}

/// A site folder with one published page, for the server tests.
enum PreviewSite {
    static func make() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/visits"), withIntermediateDirectories: true)
        try Data("title: T\nauthority: A\nscorecards: []\n".utf8).write(to: site.appendingPathComponent("site.yaml"))
        return site
    }
}

private extension [UInt8] {
    var containsHeadEnd: Bool {
        let end: [UInt8] = [13, 10, 13, 10]
        return count >= 4 && indices.dropLast(3).contains { self[$0..<$0 + 4].elementsEqual(end) }
    }
}
