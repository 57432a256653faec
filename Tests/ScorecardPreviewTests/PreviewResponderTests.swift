import Foundation
import ScorecardCore
import ScorecardPreview
import Testing

@Suite struct PreviewResponderTests {
    let state = PreviewState(files: [
        "index.html": Array("<html><body><p>home</p></body></html>".utf8),
        "visits/2020-07/index.html": Array("<html><body>visit</body></html>".utf8),
        "assets/style.css": Array("body{}".utf8),
    ], version: 7)

    func get(_ target: String, host: String? = "127.0.0.1:8080", method: String = "GET") -> PreviewResponse {
        PreviewResponder.respond(method: method, target: target, host: host, state: state)
    }

    @Test func servesFilesAndFolderIndexes() {
        #expect(get("/").status == 200)
        #expect(String(decoding: get("/").body, as: UTF8.self).contains("<p>home</p>"))
        #expect(get("/visits/2020-07/").status == 200)
        #expect(get("/visits/2020-07/index.html?x=1").status == 200)
        #expect(get("/assets/style.css").contentType == "text/css; charset=utf-8")
        #expect(get("/assets/style.css").body == Array("body{}".utf8))
        let redirect = get("/visits/2020-07")
        #expect(redirect.status == 301 && redirect.location == "/visits/2020-07/")
        #expect(get("/missing.html").status == 404)
    }

    @Test(arguments: ["/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/..%2fetc/passwd",
                      "/visits/../../etc/passwd", "/a/./b", "/a%00b", "/a%5cb", "/a\\b", "/%zz", "//etc/passwd", "etc"])
    func refusesTraversalAndOddPaths(target: String) {
        #expect(get(target).status == 400)
    }

    @Test func doubleEncodingIsDecodedOnlyOnce() {
        // %252e%252e decodes to the literal name "%2e%2e", which is no file: 404, never a climb.
        #expect(get("/%252e%252e/etc/passwd").status == 404)
    }

    @Test(arguments: [("localhost", true), ("localhost:8080", true), ("127.0.0.1", true), ("127.0.0.1:80", true),
                      ("[::1]", true), ("[::1]:8080", true), ("LOCALHOST:8080", true),
                      ("evil.example", false), ("evil.example:8080", false), ("127.0.0.1.evil.example", false),
                      ("localhost.evil.example", false), ("10.0.0.1:8080", false), ("[::2]:8080", false),
                      ("localhost:80x", false), ("", false)])
    func acceptsOnlyLoopbackHosts(host: String, allowed: Bool) {
        #expect((get("/", host: host).status == 200) == allowed)
    }

    @Test func refusesAMissingHostAndWrites() {
        #expect(get("/", host: nil).status == 403)
        #expect(get("/", method: "POST").status == 405)
        #expect(get("/", method: "HEAD").status == 200)
    }

    @Test func pagesGetTheReloadScriptAndOtherFilesDoNot() {
        let page = String(decoding: get("/").body, as: UTF8.self)
        #expect(page.contains("/__scorecard/version"))
        #expect(page.contains("var v=\"7\""))
        #expect(!String(decoding: get("/assets/style.css").body, as: UTF8.self).contains("script"))
        #expect(String(decoding: get("/__scorecard/version").body, as: UTF8.self) == "7")
    }

    @Test func aFailedBuildShowsItsErrorsEscapedOverTheLastGoodSite() {
        var failed = state
        failed.failed = true
        failed.diagnostics = [.error("unknown key '<script>'", at: SourceLocation(path: "site.yaml", line: 3, column: 1))]
        let page = String(decoding: PreviewResponder.respond(method: "GET", target: "/", host: "localhost", state: failed).body, as: UTF8.self)
        #expect(page.contains("role=\"alert\""))
        #expect(page.contains("site.yaml:3:1: error: unknown key '&lt;script&gt;'"))
        #expect(!page.contains("'<script>'"))
        #expect(page.contains("<p>home</p>"))   // the last good page is still there
    }

    @Test func beforeAnyGoodBuildEveryPathShowsTheErrors() {
        let empty = PreviewState(files: [:], diagnostics: [.error("bad", at: SourceLocation(path: "site.yaml"))], failed: true, version: 1)
        let r = PreviewResponder.respond(method: "GET", target: "/anything", host: "localhost", state: empty)
        #expect(r.status == 200)
        #expect(String(decoding: r.body, as: UTF8.self).contains("site.yaml: error: bad"))
    }
}
