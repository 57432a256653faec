import Foundation
import Testing
import ScorecardSite

/// What `build` writes: exactly the files of "What `build` writes", and nothing to report.
@Suite struct OutputFilesTests {
    @Test func writesExactlyTheSpecsFilesWithNoDiagnostics() {
        let result = build(SmallSite.files)
        #expect(result.printed == [])
        #expect(Set(result.files.keys) == SmallSite.expectedPaths)
        #expect(result.files.count == 21)
    }

    @Test func everyPageIsUTF8HTMLAndTheStylesheetIsTheDefaultThemes() throws {
        let result = build(SmallSite.files)
        for (path, html) in result.pages {
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"), "\(path)")
            #expect(html.hasSuffix("</html>\n"), "\(path)")
            #expect(String(validating: result.files[path]!, as: UTF8.self) != nil, "\(path)")
        }
        let css = try #require(result.text("assets/style.css"))
        let repoCSS = try String(contentsOf: ThemeFiles.folder.appendingPathComponent("assets/style.css"), encoding: .utf8)
        #expect(css == repoCSS)
    }

    /// Every page below the home page shows where it is (the theme used `breadcrumbs.0`,
    /// which swift-mustache cannot resolve, so no page had a trail).
    @Test func pagesBelowHomeHaveABreadcrumbTrail() throws {
        let result = build(SmallSite.files)
        let page = try #require(result.text("visits/2020-07/front-door/index.html"))
        #expect(page.contains("""
            <nav class="breadcrumbs" aria-label="Breadcrumb">
              <ol>
                <li><a href="../../../index.html">Home</a></li>
                <li><a href="../../../visits/2020-07/index.html">Monitoring visit, July 2020</a></li>
                <li><span aria-current="page">Front Door</span></li>
              </ol>
            </nav>
            """))
        for (path, html) in result.pages {
            #expect(html.contains("<nav class=\"breadcrumbs\"") == (path != "index.html"), "\(path)")
        }
    }

    /// A scorecard missing from a visit folder is "not reported": listed on the visit page
    /// and in the pack, with no page or data of its own, and `"reported": false` in summary.json.
    @Test func aScorecardMissingFromAVisitIsNotReported() throws {
        var files = SmallSite.files
        for path in files.keys where path.hasPrefix("content/visits/2020-02/care/") { files[path] = nil }
        let result = build(files)
        // July's overview asks for a change that no longer exists.
        #expect(result.printed == [
            "content/visits/2020-07/overview.md:2:2: warning: {{placements.change}} has no change since the previous visit at this visit, so it shows [x]",
        ])
        #expect(result.files["visits/2020-02/care/index.html"] == nil)
        #expect(result.files["visits/2020-02/care/data.csv"] == nil)
        let visit = try #require(result.text("visits/2020-02/index.html"))
        #expect(visit.contains("""
              <h3 id="sum-care">Children in Care</h3>
              <p class="muted">Not reported at this visit.</p>
            """))
        let pack = try #require(result.text("visits/2020-02/pack/index.html"))
        #expect(pack.contains("<p>Not reported at this visit: Children in Care; </p>"))
        let summary = try #require(result.text("visits/2020-02/summary.json"))
        #expect(summary.contains("""
                  "id": "care",
                  "title": "Children in Care",
                  "reported": false,
                  "indicators": []
            """))
        // July's placements has nothing to compare with: it is new since February.
        let july = try #require(result.text("visits/2020-07/care/index.html"))
        #expect(july.contains("<div><dt>Change</dt><dd><span class=\"muted\">New since Monitoring visit, February 2020</span></dd></div>"))
    }
}
