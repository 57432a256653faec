import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server for the preview, bound to 127.0.0.1 only: one request per
/// connection, answered and closed. It knows nothing of sites or rebuilds; it reads a request
/// head within fixed limits and hands it to `respond`.
///
/// Every connection is bounded: its head may be at most `RequestHeadReader.Limits` long and
/// must arrive within `headDeadline` (slow or idle clients are dropped with 408), at most
/// `maxConnections` are served at once (more are closed at once), and each has its own
/// thread, so a slow client never holds up another.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// What to send back: status, header fields (besides Content-Length and Connection) and
    /// body. The body is left off for HEAD by the server.
    public struct Response: Sendable {
        public var status: Int
        public var fields: [(name: String, value: String)]
        public var body: [UInt8]
        public init(status: Int, fields: [(name: String, value: String)], body: [UInt8]) {
            self.status = status
            self.fields = fields
            self.body = body
        }
    }

    /// The limits of every connection.
    public struct Limits: Sendable {
        public var head: RequestHeadReader.Limits
        /// Seconds a client has to send its whole request head.
        public var headDeadline: Double
        /// Connections served at once.
        public var maxConnections: Int
        public init(head: RequestHeadReader.Limits = .init(), headDeadline: Double = 10, maxConnections: Int = 512) {
            self.head = head
            self.headDeadline = headDeadline
            self.maxConnections = maxConnections
        }
    }

    public let port: UInt16
    private let limits: Limits
    private let respond: @Sendable (RequestHead) -> Response
    private let listener: Int32
    private let lock = NSLock()
    private var open = 0
    private var stopped = false

    /// Binds 127.0.0.1:`port` (0 for any free port) and listens; throws when the port is taken.
    /// Call `start()` to begin answering.
    public init(port: UInt16, limits: Limits = Limits(), respond: @escaping @Sendable (RequestHead) -> Response) throws {
        self.limits = limits
        self.respond = respond
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Self.failure("socket") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let error = Self.failure("bind")
            close(fd)
            throw error
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        self.listener = fd
    }

    static func failure(_ call: String) -> NSError {
        NSError(domain: NSPOSIXErrorDomain, code: Int(errno),
                userInfo: [NSLocalizedDescriptionKey: "\(call): \(String(cString: strerror(errno)))"])
    }

    /// Accepts connections on a thread of its own until `stop()`.
    public func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "preview-accept"
        thread.start()
    }

    /// Stops accepting; connections being served finish on their own.
    public func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))   // wakes accept()
    }

    /// Connections being served now.
    public var openConnections: Int { lock.withLock { open } }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                if lock.withLock({ stopped }) { break }
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM {
                    usleep(10_000)   // out of descriptors: let connections finish
                    continue
                }
                break
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)   // not inherited by a program the build runs
            let admitted = lock.withLock { () -> Bool in
                guard open < limits.maxConnections else { return false }
                open += 1
                return true
            }
            guard admitted else { close(client); continue }
            let thread = Thread { [self] in
                serve(client)
                Self.linger(client)
                close(client)
                lock.withLock { open -= 1 }
            }
            thread.stackSize = 256 * 1024
            thread.start()
        }
        close(listener)
    }

    private func serve(_ fd: Int32) {
        // Each wait for bytes ends after at most 0.25 s, so the deadline is checked often.
        var wait = timeval(tv_sec: 0, tv_usec: 250_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var sendWait = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendWait, socklen_t(MemoryLayout<timeval>.size))
        let deadline = Date().addingTimeInterval(limits.headDeadline)
        var reader = RequestHeadReader(limits: limits.head)
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return }   // the client went away
            if n < 0 {
                guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { return }
                if Date() >= deadline { return refuse(fd, 408) }
                continue
            }
            switch reader.feed(buffer[..<n]) {
            case .needMore:
                if Date() >= deadline { return refuse(fd, 408) }
            case .refused(let status):
                return refuse(fd, status)
            case .complete(let head):
                var response = respond(head)
                if head.method == "HEAD" { response.fields.append(("Content-Length", String(response.body.count))); response.body = [] }
                write(fd, response, contentLength: head.method == "HEAD" ? nil : response.body.count)
                return
            }
        }
    }

    static let phrases = [200: "OK", 301: "Moved Permanently", 400: "Bad Request", 403: "Forbidden",
                          404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
                          414: "URI Too Long", 431: "Request Header Fields Too Large"]

    private func refuse(_ fd: Int32, _ status: Int) {
        let text = "\(Self.phrases[status] ?? "Error")\n"
        write(fd, Response(status: status, fields: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8)),
              contentLength: text.utf8.count)
    }

    private func write(_ fd: Int32, _ response: Response, contentLength: Int?) {
        var head = "HTTP/1.1 \(response.status) \(Self.phrases[response.status] ?? "")\r\n"
        for (name, value) in response.fields { head += "\(name): \(value)\r\n" }
        if let contentLength { head += "Content-Length: \(contentLength)\r\n" }
        head += "Connection: close\r\n\r\n"
        guard sendAll(fd, Array(head.utf8)), sendAll(fd, response.body) else { return }
        // Say nothing more, and let the client read the answer before the socket closes.
        shutdown(fd, Int32(SHUT_WR))
    }

    /// Reads and drops what the client still sends, for at most 0.1 s and 64 KB, so that
    /// closing with unread bytes does not reset the connection before the client has read
    /// the answer. Bounded, and nothing read is looked at.
    static func linger(_ fd: Int32) {
        var wait = timeval(tv_sec: 0, tv_usec: 20_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        let until = Date().addingTimeInterval(0.1)
        var buffer = [UInt8](repeating: 0, count: 16_384)
        var total = 0
        while total < 65_536, Date() < until {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) { return }
            if n > 0 { total += n }
        }
    }

    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }
}
