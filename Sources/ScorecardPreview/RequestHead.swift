/// The head of an HTTP/1.x request: its request line and header fields, as read off the wire.
public struct RequestHead: Sendable, Equatable {
    public var method: String
    /// The request target exactly as written (`/visits/2020-07/?x=1`), not decoded.
    public var target: String
    public var version: String
    /// Header fields in order, names as written.
    public var fields: [(name: String, value: String)]

    public init(method: String, target: String, version: String, fields: [(name: String, value: String)]) {
        self.method = method
        self.target = target
        self.version = version
        self.fields = fields
    }

    /// The value of the one field called `name` (case-insensitive); nil when there is none.
    public func field(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public static func == (a: RequestHead, b: RequestHead) -> Bool {
        a.method == b.method && a.target == b.target && a.version == b.version
            && a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }
}

/// Reads a request head from bytes as they arrive, with fixed limits, so that no request can
/// make the server do more than a bounded amount of work or hold more than a bounded amount
/// of memory: each byte is looked at once, and reading stops as soon as a limit is passed,
/// before the rest of an over-long line has even been received.
public struct RequestHeadReader: Sendable {
    /// The limits of one request head.
    public struct Limits: Sendable {
        /// The longest request line, line end excluded (longer: 414 URI Too Long).
        public var requestLine: Int
        /// The longest head, request line and fields together (longer: 431).
        public var head: Int
        /// The most header fields (more: 431).
        public var fields: Int
        public init(requestLine: Int = 8_192, head: Int = 16_384, fields: Int = 100) {
            self.requestLine = requestLine
            self.head = head
            self.fields = fields
        }
    }

    /// What the bytes so far amount to.
    public enum Outcome: Sendable, Equatable {
        /// The head is not complete yet: read more.
        case needMore
        /// The head is complete; bytes after it (a body) are not read.
        case complete(RequestHead)
        /// The request is refused with this status (400, 414 or 431) and the connection closed.
        case refused(Int)
    }

    public let limits: Limits
    private var line: [UInt8] = []
    private var lines: [[UInt8]] = []
    private var total = 0
    private var finished: Outcome?

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// How many bytes have been taken in so far.
    public var consumed: Int { total }

    /// Takes in `bytes`, stopping at the end of the head or at the first limit passed.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> Outcome {
        if let finished { return finished }
        for b in bytes {
            total += 1
            if b == UInt8(ascii: "\n") {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                if lines.isEmpty && line.count > limits.requestLine { return finish(.refused(414)) }
                if line.isEmpty {
                    if lines.isEmpty { continue }   // empty lines before a request are ignored (RFC 9112 §2.2)
                    return finish(Self.parse(lines))
                }
                lines.append(line)
                line = []
                if lines.count > limits.fields + 1 { return finish(.refused(431)) }
                continue
            }
            line.append(b)
            if lines.isEmpty && line.count > limits.requestLine + 1 { return finish(.refused(414)) }
            if total > limits.head { return finish(.refused(lines.isEmpty ? 414 : 431)) }
        }
        return .needMore
    }

    private mutating func finish(_ outcome: Outcome) -> Outcome {
        finished = outcome
        line = []
        lines = []
        return outcome
    }

    /// The head from its lines (line ends removed), or 400 when it is malformed.
    static func parse(_ lines: [[UInt8]]) -> Outcome {
        guard let first = lines.first, let requestLine = String(validating: first, as: UTF8.self) else { return .refused(400) }
        // method SP request-target SP HTTP-version, with no control characters anywhere.
        if first.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .refused(400) }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }),
              parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else { return .refused(400) }
        var fields: [(name: String, value: String)] = []
        for bytes in lines.dropFirst() {
            // No obsolete line folding, no control characters but tab, a colon after a token.
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
                  bytes[..<colon].allSatisfy(isTokenByte),
                  !bytes[(colon + 1)...].contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }),
                  let name = String(validating: bytes[..<colon], as: UTF8.self),
                  let raw = String(validating: bytes[(colon + 1)...], as: UTF8.self) else { return .refused(400) }
            let value = raw.trimmedOfSpaceAndTab()
            fields.append((name, value))
        }
        // One Host field, exactly (RFC 9112 §3.2): two could mean two different servers.
        if fields.filter({ $0.name.lowercased() == "host" }).count > 1 { return .refused(400) }
        return .complete(RequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), fields: fields))
    }

    /// A byte of an HTTP token (RFC 9110 §5.6.2).
    static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(b)
        }
    }
}

private extension String {
    func trimmedOfSpaceAndTab() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
