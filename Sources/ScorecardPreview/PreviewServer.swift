import Foundation
import ScorecardContent
import ScorecardCore
import ScorecardSite

/// `scorecard serve`: builds the site with drafts into memory (never `output/`), serves it on
/// 127.0.0.1, watches `site.yaml`, `content/` and `themes/` with inotify, and rebuilds on
/// change: only the visits whose files (or whatever else their pages show) changed are
/// rendered again, the rest come from memory. Requests are answered from the last good site
/// while a rebuild runs; the new pages replace it in one step when they are all ready.
public actor PreviewServer {
    /// The state the HTTP layer reads: connections are served on threads of their own.
    private nonisolated let shared = LockedBox(PreviewState())
    /// The pages of every visit as last rendered, by a key of what they show.
    private nonisolated let store = MemoryEditionStore()
    /// The cards as last rendered, so an edit renders only the cards it changed.
    private nonisolated let memo = CardMemo()
    /// The site's files as last read, so a rebuild reads again only the files that changed.
    private nonisolated let files = SourceTreeReader.FileCache()
    /// Held for the length of a rebuild, so rebuilds never overlap.
    private nonisolated let building = NSLock()
    private let site: URL
    private let log: @Sendable (String) -> Void
    /// Called in every rebuild after the pages are made and before they are shown (tests
    /// use it to look at the server mid-rebuild).
    private let beforeInstall: (@Sendable () -> Void)?

    public init(site: URL, log: @escaping @Sendable (String) -> Void, beforeInstall: (@Sendable () -> Void)? = nil) {
        self.site = site
        self.log = log
        self.beforeInstall = beforeInstall
    }

    /// The current state, for the handler.
    public nonisolated func current() -> PreviewState { shared.withLock { $0 } }

    /// Builds once and records the result; a failed build keeps the last good files. Runs on
    /// the caller's thread, outside the actor, so requests go on being answered meanwhile.
    @discardableResult
    public nonisolated func rebuild() -> SiteBuilder.Report {
        building.lock()
        defer { building.unlock() }
        let files = LockedBox([String: [UInt8]]())
        let sink = SiteBuilder.Sink(write: { p, b in files.withLock { $0[p] = b } },
                                    place: { p, _, b in let bytes = try b(); files.withLock { $0[p] = bytes } })
        let report = SiteBuilder.build(SourceTreeReader.read(site: site, cache: self.files),
                                       options: .init(drafts: true, cache: store, keyByContent: true, memo: memo), into: sink)
        beforeInstall?()
        let built = files.withLock { $0 }
        shared.withLock { state in
            state.version += 1
            state.diagnostics = report.diagnostics
            state.failed = report.hasErrors
            if !report.hasErrors { state.files = built }
        }
        let text = report.diagnostics.map(\.description).joined(separator: "\n")
        if !text.isEmpty { log(text) }
        if report.hasErrors {
            log("build failed: showing the last good site")
        } else {
            var visits = report.rendered.isEmpty ? "no visit changed" : "rendered \(report.rendered.joined(separator: ", "))"
            if let c = report.cards, c.made + c.reused > 0 { visits += "; \(c.made) of \(c.made + c.reused) cards and sparklines made afresh" }
            log("built \(built.count) files (\(visits))")
        }
        return report
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
        // The watches are set before the first build, so no save from then on is missed.
        let site = self.site
        let watch = FileWatcher(site: site)
        rebuild()
        let server = try LoopbackHTTPServer(port: port, limits: limits) { [shared] head in
            Self.answer(head, state: shared.withLock { $0 })
        }
        defer { server.stop() }
        server.start()
        // Say where to look only once the port is open.
        log("previewing \(site.path) at http://127.0.0.1:\(server.port)/ (drafts included; press Ctrl-C to stop)")
        // Changes are seen by inotify on a thread of their own, which then rebuilds; where
        // inotify cannot be had, the tree is compared every 400 ms instead.
        let stop = LockedBox(false)
        let watcher = Thread { [self] in
            if let watch {
                while !stop.withLock({ $0 }) {
                    if watch.wait(timeout: 250) { self.rebuild() }
                }
            } else {
                var last = PreviewServer.fingerprint(site)
                while !stop.withLock({ $0 }) {
                    Thread.sleep(forTimeInterval: 0.4)
                    let now = PreviewServer.fingerprint(site)
                    if now != last {
                        last = now
                        self.rebuild()
                    }
                }
            }
        }
        watcher.start()
        defer { stop.withLock { $0 = true } }
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
    }
}
