import Foundation
import ScorecardPreview
import Testing

@Suite struct PreviewServerTests {
    /// Starts the real server on a free port, then reads which address it listens on from
    /// /proc/net/tcp: it must be 127.0.0.1 only, never 0.0.0.0.
    @Test func bindsToLoopbackOnly() async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/visits"), withIntermediateDirectories: true)
        try Data("title: T\nauthority: A\nscorecards: []\n".utf8).write(to: site.appendingPathComponent("site.yaml"))
        defer { try? FileManager.default.removeItem(at: site) }
        let port = UInt16.random(in: 20000...40000)
        let server = PreviewServer(site: site) { _ in }
        let task = Task { try await server.run(port: port) }
        defer { task.cancel() }
        var listening: [String] = []
        for _ in 0..<50 {
            try await Task.sleep(nanoseconds: 100_000_000)
            let table = (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)) ?? ""
            let hexPort = String(format: "%04X", port)
            // Columns: sl local_address rem_address st …; state 0A is LISTEN.
            listening = []
            for line in table.split(separator: "\n") {
                let columns: [Substring] = line.split(separator: " ")
                guard columns.count > 3, columns[1].hasSuffix(":" + hexPort), columns[3] == "0A" else { continue }
                listening.append(String(columns[1]))
            }
            if !listening.isEmpty { break }
        }
        // 127.0.0.1 is written little-endian in /proc: 0100007F.
        #expect(listening == ["0100007F:" + String(format: "%04X", port)])
    }
}
