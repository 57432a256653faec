import Foundation
import ScorecardPreview
import Testing

/// The preview renders again only what an edit changed, and goes on answering from the last
/// good site while it does.
@Suite struct PartialRebuildTests {
    /// Two draft visits of one scorecard. Drafts are never anyone's previous visit, so each
    /// visit's pages depend on its own files (and the site's settings and theme) alone.
    static func makeSite() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("partial-\(UUID().uuidString)")
        let files: [String: String] = [
            "site.yaml": "title: Preview\nauthority: Council\nscorecards:\n  - id: help\n    title: Early help\n",
            "content/visits/2020-01/visit.yaml": "title: January visit\ndate: 2020-01-20\ndata-as-of: 2019-12-31\nstatus: draft\n",
            "content/visits/2020-01/help/scorecard.yaml": "indicators:\n  - { id: cases, title: Cases, unit: count, better: lower }\n",
            "content/visits/2020-01/help/data.csv": "indicator,period,value\ncases,2019-11,40\ncases,2019-12,42\n",
            "content/visits/2020-01/help/narrative.md": "January words.\n",
            "content/visits/2020-06/visit.yaml": "title: June visit\ndate: 2020-06-20\ndata-as-of: 2020-05-31\nstatus: draft\n",
            "content/visits/2020-06/help/scorecard.yaml": "indicators:\n  - { id: cases, title: Cases, unit: count, better: lower }\n",
            "content/visits/2020-06/help/data.csv": "indicator,period,value\ncases,2020-04,38\ncases,2020-05,35\n",
            "content/visits/2020-06/help/narrative.md": "June words.\n",
        ]
        for (path, text) in files {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return site
    }

    static func page(_ server: PreviewServer, _ path: String) -> String? {
        server.current().files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func anEditInOneVisitRendersThatVisitOnly() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let server = PreviewServer(site: site) { _ in }
        let first = server.rebuild()
        #expect(!first.hasErrors)
        #expect(first.rendered == ["2020-01", "2020-06"])
        let january = Self.page(server, "visits/2020-01/help/index.html")
        #expect(server.rebuild().rendered == [])

        try Data("June words, edited.\n".utf8).write(to: site.appendingPathComponent("content/visits/2020-06/help/narrative.md"))
        let second = server.rebuild()
        #expect(second.rendered == ["2020-06"])
        #expect(Self.page(server, "visits/2020-06/help/index.html")?.contains("June words, edited.") == true)
        // January's pages are the very pages of the first build.
        #expect(Self.page(server, "visits/2020-01/help/index.html") == january)
        #expect(january?.contains("January words.") == true)

        // The site's title is on every page: both visits again.
        try Data("title: Preview two\nauthority: Council\nscorecards:\n  - id: help\n    title: Early help\n".utf8)
            .write(to: site.appendingPathComponent("site.yaml"))
        #expect(server.rebuild().rendered == ["2020-01", "2020-06"])
    }

    /// A content error keeps the last good pages and renders nothing into the store: after
    /// the fix, the visit is rendered from its fixed files.
    @Test func aBrokenEditKeepsTheLastGoodPages() throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let server = PreviewServer(site: site) { _ in }
        server.rebuild()
        let csv = site.appendingPathComponent("content/visits/2020-06/help/data.csv")
        try Data("indicator,period,value\ncases,2020-04,3O\n".utf8).write(to: csv)
        let broken = server.rebuild()
        #expect(broken.hasErrors)
        #expect(server.current().failed)
        #expect(Self.page(server, "visits/2020-06/help/index.html")?.contains("June words.") == true)
        try Data("indicator,period,value\ncases,2020-04,30\n".utf8).write(to: csv)
        let fixed = server.rebuild()
        #expect(fixed.rendered == ["2020-06"])
        #expect(!server.current().failed)
    }

    /// The running server sees a save through inotify, and while the rebuild is under way
    /// (held at `beforeInstall`) it still answers, from the last good site.
    @Test func theSiteAnswersWhileItRebuilds() async throws {
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let rebuilds = LockedCount()
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let server = PreviewServer(site: site, log: { _ in }, beforeInstall: {
            // The first rebuild is the start-up one; hold the second, made by the edit.
            if rebuilds.increment() == 2 {
                held.signal()
                _ = release.wait(timeout: .now() + 20)
            }
        })
        let port = UInt16.random(in: 20000...40000)
        let task = Task { try await server.run(port: port) }
        defer { task.cancel() }
        let path = "/visits/2020-06/help/"
        var before: String?
        for _ in 0..<100 where before == nil {
            try await Task.sleep(nanoseconds: 50_000_000)
            before = Self.get(port, path)
        }
        #expect(before?.contains("June words.") == true)
        let version = server.current().version

        try Data("June words, saved.\n".utf8).write(to: site.appendingPathComponent("content/visits/2020-06/help/narrative.md"))
        // Wait (bounded) until the watcher has started the rebuild and it is held.
        var started = false
        for _ in 0..<200 where !started {
            started = held.wait(timeout: .now() + 0.05) == .success
        }
        #expect(started)
        let during = Self.get(port, path)
        #expect(during?.contains("June words.") == true)
        #expect(server.current().version == version)
        release.signal()

        var after: String?
        for _ in 0..<100 {
            after = Self.get(port, path)
            if after?.contains("June words, saved.") == true { break }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        #expect(after?.contains("June words, saved.") == true)
    }

    /// One GET on 127.0.0.1, the body as text, or nil.
    static func get(_ port: UInt16, _ path: String) -> String? {
        guard let client = RawClient(port: port, timeout: 5),
              client.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n"),
              let bytes = client.readAll(), RawClient.status(bytes) == 200 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A counter safe to touch from any thread.
final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
