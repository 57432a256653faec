import Foundation
import ScorecardPreview
import Testing

/// A second preview on a port already in use fails, and never claims to be previewing
/// there (it used to print "previewing … at http://127.0.0.1:N/" and then fail to bind).
@Suite struct PortInUseTests {
    final class Lines: @unchecked Sendable {
        private var lines: [String] = []
        private let lock = NSLock()
        func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    @Test func aPortInUseFailsWithoutAnnouncingThePreview() async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/visits"), withIntermediateDirectories: true)
        try Data("title: T\nauthority: A\nscorecards: []\n".utf8).write(to: site.appendingPathComponent("site.yaml"))
        defer { try? FileManager.default.removeItem(at: site) }
        let port = UInt16.random(in: 40001...60000)
        let first = Lines(), second = Lines()
        let running = Task { try await PreviewServer(site: site) { first.add($0) }.run(port: port) }
        defer { running.cancel() }
        for _ in 0..<50 where !first.all.contains(where: { $0.hasPrefix("previewing") }) {
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(first.all.contains { $0.hasPrefix("previewing") })
        await #expect(throws: (any Error).self) { try await PreviewServer(site: site) { second.add($0) }.run(port: port) }
        #expect(!second.all.contains { $0.hasPrefix("previewing") })
    }
}
