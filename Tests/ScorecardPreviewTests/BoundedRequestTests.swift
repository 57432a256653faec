import Foundation
import ScorecardPreview
import Testing

/// The preview used to decode a request line in time that grew with the square of its length
/// (7 s for 20 KB), and to wait for ever on a client that never finished its request. Heads
/// are now read within fixed limits and time.
@Suite(.serialized) struct BoundedRequestTests {
    /// Starts the preview of an empty site on a random port and waits until it listens.
    static func startPreview() async throws -> (task: Task<Void, any Error>, port: UInt16, site: URL, server: PreviewServer) {
        let site = try PreviewSite.make()
        let port = UInt16.random(in: 20000...60000)
        let lines = LockedLines()
        let server = PreviewServer(site: site) { lines.add($0) }
        let task = Task { try await server.run(port: port) }
        // The first build comes before the port opens; with the whole suite running on two
        // cores it can take seconds, so wait up to 30 s for it, and say so if it never opens.
        for _ in 0..<600 where !lines.all.contains(where: { $0.hasPrefix("previewing") }) {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        #expect(lines.all.contains { $0.hasPrefix("previewing") }, "the preview did not open port \(port): \(lines.all)")
        return (task, port, site, server)
    }

    final class LockedLines: @unchecked Sendable {
        private var lines: [String] = []
        private let lock = NSLock()
        func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    /// A 100 KB request line is refused (414, or the connection closed) without being read to
    /// its end. The time is asserted with a wide margin (2 s, against a bar of 50 ms measured
    /// by hand), so a loaded machine cannot make it flaky; before the fix it took far longer
    /// than the client's 5 s timeout.
    @Test func aHundredKilobyteRequestLineIsRefusedAtOnce() async throws {
        let (task, port, site, _) = try await Self.startPreview()
        defer { task.cancel(); try? FileManager.default.removeItem(at: site) }
        let client = try #require(RawClient(port: port))
        let start = Date()
        client.send("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let answer = client.readAll()
        let elapsed = Date().timeIntervalSince(start)
        let reply = try #require(answer, "no answer and no close within 5 s")
        #expect(reply.isEmpty || RawClient.status(reply) == 414, "\(String(decoding: reply.prefix(60), as: UTF8.self))")
        #expect(elapsed < 2, "took \(elapsed) s")
    }

    /// 200 connections that dribble a byte now and then, or say nothing, do not stop the
    /// preview answering another client at once.
    @Test func slowConnectionsDoNotHoldUpAnotherClient() async throws {
        let (task, port, site, server) = try await Self.startPreview()
        defer { task.cancel(); try? FileManager.default.removeItem(at: site) }
        let slow = (0..<200).compactMap { _ in RawClient(port: port) }
        #expect(slow.count == 200)
        for (i, c) in slow.enumerated() where i.isMultiple(of: 2) { c.send("GET / HTTP/1.1\r\n") }
        // Dribble one header byte to every other connection, 20 times over about a second.
        let dribbler = Thread {
            for _ in 0..<20 {
                for (i, c) in slow.enumerated() where i.isMultiple(of: 2) { c.send("X") }
                usleep(50_000)
            }
        }
        dribbler.start()
        try await Task.sleep(nanoseconds: 200_000_000)
        let client = try #require(RawClient(port: port))
        let start = Date()
        client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let status = try #require(client.readStatus(), "no answer within 5 s")
        let elapsed = Date().timeIntervalSince(start)
        let expected = PreviewResponder.respond(method: "GET", target: "/", host: "127.0.0.1", state: server.current())
        #expect(status == expected.status)
        #expect(elapsed < 2, "took \(elapsed) s")
        _ = slow.count   // keep every slow connection open until here
    }

    /// The existing refusals hold through the new HTTP layer: traversal, NUL and a Host that
    /// is not loopback.
    @Test func refusalsStillHold() async throws {
        let (task, port, site, _) = try await Self.startPreview()
        defer { task.cancel(); try? FileManager.default.removeItem(at: site) }
        func status(_ request: String) throws -> Int? {
            let c = try #require(RawClient(port: port))
            c.send(request)
            return c.readStatus()
        }
        #expect(try status("GET /../site.yaml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") == 400)
        #expect(try status("GET /%2e%2e/site.yaml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") == 400)
        #expect(try status("GET /index.html%00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") == 400)
        #expect(try status("GET / HTTP/1.1\r\nHost: attacker.example\r\n\r\n") == 403)
        #expect(try status("GET / HTTP/1.1\r\n\r\n") == 403)   // no Host at all
    }
}

/// The HTTP layer on its own, with small limits so that the timeouts show quickly.
@Suite struct LoopbackHTTPServerTests {
    static func ok(_ head: RequestHead) -> LoopbackHTTPServer.Response {
        .init(status: 200, fields: [("Content-Type", "text/plain")], body: Array("target \(head.target)".utf8))
    }

    /// An idle client is answered 408 and dropped once its head deadline (0.5 s) has passed,
    /// and a client that keeps sending a byte at a time is dropped at the same deadline,
    /// though it never falls silent.
    @Test func slowClientsAreDroppedAtTheDeadline() throws {
        let server = try LoopbackHTTPServer(port: 0, limits: .init(headDeadline: 0.5), respond: Self.ok)
        server.start()
        defer { server.stop() }
        let idle = try #require(RawClient(port: server.port))
        let dribbling = try #require(RawClient(port: server.port, timeout: 0.1))
        let start = Date()
        dribbling.send("GET / HTTP/1.1\r\n")
        // A byte every 0.1 s, for at most 3 s: the server must have given up by then.
        var dribbleReply: [UInt8]?
        for _ in 0..<30 {
            dribbling.send("X")
            if let r = dribbling.readAll() { dribbleReply = r; break }
        }
        let dribbleElapsed = Date().timeIntervalSince(start)
        #expect(RawClient.status(try #require(dribbleReply)) == 408)
        #expect(dribbleElapsed >= 0.5 && dribbleElapsed < 2.5, "\(dribbleElapsed)")
        let idleReply = try #require(idle.readAll())
        #expect(RawClient.status(idleReply) == 408)
    }

    /// Past the connection cap a client is closed at once, and once a place is free the next
    /// one is served. The deadline (3 s) leaves the held connections open while the extra
    /// one is tried, even on a loaded machine.
    @Test func connectionsPastTheCapAreClosed() throws {
        let server = try LoopbackHTTPServer(port: 0, limits: .init(headDeadline: 3, maxConnections: 3), respond: Self.ok)
        server.start()
        defer { server.stop() }
        let held = (0..<3).compactMap { _ in RawClient(port: server.port) }
        #expect(held.count == 3)
        for _ in 0..<40 where server.openConnections < 3 { usleep(25_000) }
        #expect(server.openConnections == 3)
        let extra = try #require(RawClient(port: server.port, timeout: 0.5))
        extra.send("GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(extra.readAll() == [])   // closed without an answer
        held.forEach { _ = $0.readAll() }   // each is dropped with 408 after its 3 s deadline
        for _ in 0..<40 where server.openConnections > 0 { usleep(25_000) }
        let next = try #require(RawClient(port: server.port))
        next.send("GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let reply = try #require(next.readAll())
        #expect(RawClient.status(reply) == 200)
        #expect(String(decoding: reply, as: UTF8.self).hasSuffix("\r\n\r\ntarget /x"))
    }

    /// HEAD gets the length of the body it would have had, and no body.
    @Test func headHasALengthAndNoBody() throws {
        let server = try LoopbackHTTPServer(port: 0, respond: Self.ok)
        server.start()
        defer { server.stop() }
        let c = try #require(RawClient(port: server.port))
        c.send("HEAD /abc HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let text = String(decoding: try #require(c.readAll()), as: UTF8.self)
        // "target /abc" is 11 bytes.
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(text.contains("\r\nContent-Length: 11\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }
}

/// The head reader's limits, with values: each byte is taken once and reading stops as soon
/// as a limit is passed.
@Suite struct RequestHeadReaderTests {
    @Test func aLongRequestLineIsRefusedOnceItPassesTheLimit() {
        var reader = RequestHeadReader(limits: .init(requestLine: 100, head: 1_000, fields: 10))
        let line = Array(("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\n").utf8)
        var outcome = RequestHeadReader.Outcome.needMore
        var offset = 0
        while offset < line.count, outcome == .needMore {
            outcome = reader.feed(line[offset..<min(offset + 4_096, line.count)])
            offset += 4_096
        }
        #expect(outcome == .refused(414))
        // The line may be 100 bytes and a CR; the 102nd byte passes the limit.
        #expect(reader.consumed == 102)
        // Once refused, more bytes change nothing and are not looked at.
        #expect(reader.feed(line) == .refused(414))
        #expect(reader.consumed == 102)
    }

    @Test func aRequestLineOfExactlyTheLimitIsRead() {
        // "GET /" (5) + 87 × "a" + " HTTP/1.1" (9) = 101 > 100; 86 × "a" gives exactly 100.
        var reader = RequestHeadReader(limits: .init(requestLine: 100, head: 1_000, fields: 10))
        let exact = "GET /" + String(repeating: "a", count: 86) + " HTTP/1.1"
        #expect(exact.utf8.count == 100)
        #expect(reader.feed(Array((exact + "\r\nHost: x\r\n\r\n").utf8))
                == .complete(RequestHead(method: "GET", target: "/" + String(repeating: "a", count: 86), version: "HTTP/1.1", fields: [("Host", "x")])))
        var over = RequestHeadReader(limits: .init(requestLine: 100, head: 1_000, fields: 10))
        #expect(over.feed(Array(("GET /a" + String(repeating: "a", count: 86) + " HTTP/1.1\n\n").utf8)) == .refused(414))
    }

    @Test func tooManyOrTooLongHeadersAre431() {
        var many = RequestHeadReader(limits: .init(requestLine: 100, head: 10_000, fields: 3))
        #expect(many.feed(Array("GET / HTTP/1.1\r\na: 1\r\nb: 2\r\nc: 3\r\nd: 4\r\n\r\n".utf8)) == .refused(431))
        var long = RequestHeadReader(limits: .init(requestLine: 100, head: 50, fields: 10))
        #expect(long.feed(Array(("GET / HTTP/1.1\r\nCookie: " + String(repeating: "c", count: 100) + "\r\n\r\n").utf8)) == .refused(431))
        #expect(long.consumed == 51)
    }

    @Test func malformedHeadsAre400() {
        for head in ["GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/2\r\n\r\n", "GET /\u{1} HTTP/1.1\r\n\r\n",
                     "GET / HTTP/1.1\r\n folded: x\r\n\r\n", "GET / HTTP/1.1\r\nno colon\r\n\r\n",
                     "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "GET / HTTP/1.1\r\nX: a\u{0}b\r\n\r\n"] {
            var reader = RequestHeadReader()
            #expect(reader.feed(Array(head.utf8)) == .refused(400), "\(head.debugDescription)")
        }
    }

    @Test func aHeadArrivingByteByByteIsRead() {
        var reader = RequestHeadReader()
        var outcome = RequestHeadReader.Outcome.needMore
        for b in "\r\nGET /x?y=1 HTTP/1.0\nHost:  127.0.0.1 \r\n\r\nbody".utf8 where outcome == .needMore {
            outcome = reader.feed([b])
        }
        #expect(outcome == .complete(RequestHead(method: "GET", target: "/x?y=1", version: "HTTP/1.0", fields: [("Host", "127.0.0.1")])))
    }
}
