import FlyingFox
import Foundation
import ScorecardContent
import ScorecardCore
import ScorecardSite

/// `scorecard serve`: builds the site with drafts into memory (never `output/`), serves it on
/// 127.0.0.1, watches `site.yaml`, `content/` and `themes/`, and rebuilds on change.
public actor PreviewServer {
    private var state = PreviewState()
    private let site: URL
    private let log: @Sendable (String) -> Void

    public init(site: URL, log: @escaping @Sendable (String) -> Void) {
        self.site = site
        self.log = log
    }

    /// The current state, for the handler.
    public func current() -> PreviewState { state }

    /// Builds once and records the result; a failed build keeps the last good files.
    public func rebuild() {
        let result = SiteBuilder.build(SourceTreeReader.read(site: site), options: .init(drafts: true))
        state.version += 1
        state.diagnostics = result.diagnostics
        state.failed = result.hasErrors
        if !result.hasErrors { state.files = result.files }
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

    static let phrases = [200: "OK", 301: "Moved Permanently", 400: "Bad Request", 403: "Forbidden",
                          404: "Not Found", 405: "Method Not Allowed"]

    /// Serves until cancelled. Binds to 127.0.0.1 only.
    public func run(port: UInt16) async throws {
        rebuild()
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), logger: .disabled)
        await server.appendRoute("*") { [self] request in
            let state = await self.current()
            let r = PreviewResponder.respond(method: request.method.rawValue, target: request.target.path(percentEncoded: true),
                                             host: request.headers[.host], state: state)
            var headers: HTTPHeaders = [.contentType: r.contentType, HTTPHeader("Cache-Control"): "no-store",
                                        HTTPHeader("X-Content-Type-Options"): "nosniff"]
            if let location = r.location { headers[.location] = location }
            return HTTPResponse(statusCode: HTTPStatusCode(r.status, phrase: Self.phrases[r.status] ?? ""), headers: headers,
                                body: request.method == .HEAD ? Data() : Data(r.body))
        }
        // Say where to look only once the port is open: binding happens in run(), and fails
        // there when another program has the port.
        let announce = Task { [log, site] in
            try? await server.waitUntilListening(timeout: 30)
            if await server.isListening {
                log("previewing \(site.path) at http://127.0.0.1:\(port)/ (drafts included; press Ctrl-C to stop)")
            }
        }
        defer { announce.cancel() }
        let site = self.site
        let watcher = Task.detached {
            var last = PreviewServer.fingerprint(site)
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 400_000_000)
                let now = PreviewServer.fingerprint(site)
                if now != last {
                    last = now
                    await self.rebuild()
                }
            }
        }
        defer { watcher.cancel() }
        try await server.run()
    }
}
