import Foundation
import ScorecardContent
import ScorecardCore
import ScorecardSite

/// `scorecard serve`: builds the site with drafts into memory (never `output/`), serves it on
/// 127.0.0.1, watches `site.yaml`, `content/` and `themes/`, and rebuilds on change.
public actor PreviewServer {
    /// The state the HTTP layer reads: connections are served on threads of their own.
    private nonisolated let shared = LockedBox(PreviewState())
    private let site: URL
    private let log: @Sendable (String) -> Void

    public init(site: URL, log: @escaping @Sendable (String) -> Void) {
        self.site = site
        self.log = log
    }

    /// The current state, for the handler.
    public nonisolated func current() -> PreviewState { shared.withLock { $0 } }

    /// Builds once and records the result; a failed build keeps the last good files.
    public func rebuild() {
        let result = SiteBuilder.build(SourceTreeReader.read(site: site), options: .init(drafts: true))
        shared.withLock { state in
            state.version += 1
            state.diagnostics = result.diagnostics
            state.failed = result.hasErrors
            if !result.hasErrors { state.files = result.files }
        }
        let text = result.diagnostics.map(\.description).joined(separator: "\n")
        if !text.isEmpty { log(text) }
        log(result.hasErrors ? "build failed: showing the last good site" : "built \(result.files.count) files")
    }

    /// A fingerprint of every file the build reads: path, size and modification time.
    nonisolated static func fingerprint(_ site: URL) -> String {
        var parts: [String] = []
        let fm = FileManager.default
        func add(_ url: URL, _ relative: String) {
            var st = stat()
            guard lstat(url.path, &st) == 0 else { return }
            parts.append("\(relative)|\(st.st_size)|\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)|\(st.st_mode)")
            if st.st_mode & S_IFMT == S_IFDIR {
                for name in ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).sorted() {
                    add(url.appendingPathComponent(name), relative + "/" + name)
                }
            }
        }
        add(site.appendingPathComponent("site.yaml"), "site.yaml")
        add(site.appendingPathComponent("content"), "content")
        add(site.appendingPathComponent("themes"), "themes")
        return parts.joined(separator: "\n")
    }

    /// The HTTP answer to one request head: the responder's, with the preview's headers.
    nonisolated static func answer(_ head: RequestHead, state: PreviewState) -> LoopbackHTTPServer.Response {
        let r = PreviewResponder.respond(method: head.method, target: head.target, host: head.field("Host"), state: state)
        var fields: [(name: String, value: String)] = [("Content-Type", r.contentType), ("Cache-Control", "no-store"),
                                                       ("X-Content-Type-Options", "nosniff")]
        if let location = r.location { fields.append(("Location", location)) }
        return LoopbackHTTPServer.Response(status: r.status, fields: fields, body: r.body)
    }

    /// Serves until cancelled. Binds to 127.0.0.1 only; throws at once when the port is taken.
    public func run(port: UInt16, limits: LoopbackHTTPServer.Limits = .init()) async throws {
        rebuild()
        let server = try LoopbackHTTPServer(port: port, limits: limits) { [shared] head in
            Self.answer(head, state: shared.withLock { $0 })
        }
        defer { server.stop() }
        server.start()
        // Say where to look only once the port is open.
        log("previewing \(site.path) at http://127.0.0.1:\(server.port)/ (drafts included; press Ctrl-C to stop)")
        let site = self.site
        var last = PreviewServer.fingerprint(site)
        while !Task.isCancelled {
            try await Task.sleep(nanoseconds: 400_000_000)
            let now = PreviewServer.fingerprint(site)
            if now != last {
                last = now
                rebuild()
            }
        }
    }
}
