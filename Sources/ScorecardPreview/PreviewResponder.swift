import Foundation
import ScorecardCore

/// A response of the preview server, before it is put on the wire.
public struct PreviewResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    public var location: String?

    static func text(_ status: Int, _ message: String) -> PreviewResponse {
        PreviewResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array((message + "\n").utf8))
    }
}

/// One state of the preview: the last good build, the problems of the latest build, and a
/// version number that changes with every rebuild (open pages poll it and reload).
public struct PreviewState: Sendable {
    public var files: [String: [UInt8]]
    public var diagnostics: [Diagnostic]
    /// True when the latest build failed, so `files` are from an earlier one (or empty).
    public var failed: Bool
    public var version: Int

    public init(files: [String: [UInt8]] = [:], diagnostics: [Diagnostic] = [], failed: Bool = false, version: Int = 0) {
        self.files = files
        self.diagnostics = diagnostics
        self.failed = failed
        self.version = version
    }
}

/// Answers requests from the in-memory site. Pure: no sockets, no files, so every rule is
/// testable with values.
///
/// Safe by construction: a path is looked up in the built files, never on disk, so nothing
/// outside the site can be served; `..`, encoded traversal, NUL and backslashes are refused
/// anyway; and a request whose `Host` is not a loopback name is refused, so a page on another
/// site cannot reach the preview through DNS rebinding.
public enum PreviewResponder {
    public static let versionPath = "/__scorecard/version"

    public static func respond(method: String, target: String, host: String?, state: PreviewState) -> PreviewResponse {
        guard isLoopbackHost(host) else {
            return .text(403, "Forbidden: the preview answers only to localhost, 127.0.0.1 or [::1].")
        }
        guard method == "GET" || method == "HEAD" else { return .text(405, "Method not allowed: the preview is read-only.") }
        let rawPath = String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        guard let path = decodePath(rawPath) else { return .text(400, "Bad request: the path is not allowed.") }
        if path == versionPath {
            return PreviewResponse(status: 200, contentType: "text/plain; charset=utf-8", body: Array(String(state.version).utf8))
        }
        var key = String(path.dropFirst())
        if key.isEmpty || key.hasSuffix("/") { key += "index.html" }
        guard let bytes = state.files[key] else {
            if state.files[key + "/index.html"] != nil {
                return PreviewResponse(status: 301, contentType: "text/plain; charset=utf-8", body: [], location: path + "/")
            }
            if state.files.isEmpty && state.failed {
                return PreviewResponse(status: 200, contentType: "text/html; charset=utf-8", body: Array(errorPage(state).utf8))
            }
            return .text(404, "Not found.")
        }
        let type = contentType(key)
        if type.hasPrefix("text/html") {
            return PreviewResponse(status: 200, contentType: type, body: Array(decorate(String(decoding: bytes, as: UTF8.self), state: state).utf8))
        }
        return PreviewResponse(status: 200, contentType: type, body: bytes)
    }

    /// `localhost`, `127.0.0.1` or `[::1]`, with or without a port.
    public static func isLoopbackHost(_ host: String?) -> Bool {
        guard var h = host?.lowercased(), !h.isEmpty else { return false }
        if h.hasPrefix("[") {
            guard let end = h.firstIndex(of: "]") else { return false }
            let rest = h[h.index(after: end)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber) && rest.count > 1) else { return false }
            return h[...end] == "[::1]"
        }
        if let colon = h.lastIndex(of: ":") {
            let port = h[h.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isNumber) else { return false }
            h = String(h[..<colon])
        }
        return h == "localhost" || h == "127.0.0.1"
    }

    /// Decodes `%XX` once, strictly, and refuses anything that could climb out of the site:
    /// `.` or `..` segments, NUL, backslashes, bad escapes, or a path not starting with `/`.
    public static func decodePath(_ raw: String) -> String? {
        guard raw.hasPrefix("/") else { return nil }
        var bytes: [UInt8] = []
        var it = Array(raw.utf8)[...]
        while let b = it.first {
            it = it.dropFirst()
            if b == UInt8(ascii: "%") {
                guard it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(v)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        guard let path = String(bytes: bytes, encoding: .utf8), !path.contains("\0"), !path.contains("\\") else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return nil }
        if segments.dropLast().contains(where: \.isEmpty) { return nil }   // "//"
        return path
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func banner(_ state: PreviewState) -> String {
        guard state.failed else { return "" }
        let lines = state.diagnostics.filter(\.isError).map { escape($0.description) }.joined(separator: "\n")
        return """
            <div role="alert" style="position:sticky;top:0;z-index:1000;background:#fff;border:5px solid #b10e1e;padding:1rem;margin:0;font-family:sans-serif;color:#0b0c0c">\
            <p style="margin:0 0 .5rem"><strong>The content has errors.</strong> This preview shows the last good build. Fix these and save:</p>\
            <pre style="white-space:pre-wrap;margin:0;font-size:.9rem">\(lines)</pre></div>
            """
    }

    /// The live-reload script: it exists only in served pages, never in `output/`.
    static func reloadScript(_ version: Int) -> String {
        """
        <script>(function(){var v="\(version)";setInterval(function(){fetch("\(versionPath)",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(t!==v){location.reload()}}).catch(function(){})},1000)})();</script>
        """
    }

    static func decorate(_ html: String, state: PreviewState) -> String {
        var page = html
        if let body = page.range(of: "<body"), let close = page[body.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: banner(state), at: page.index(after: close))
        }
        if let end = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: reloadScript(state.version), at: end.lowerBound)
        } else {
            page += reloadScript(state.version)
        }
        return page
    }

    static func errorPage(_ state: PreviewState) -> String {
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Preview: content errors</title></head><body>\(banner(state))\(reloadScript(state.version))</body></html>"
    }
}
