import Foundation
import Testing
import ScorecardSite

/// Links between pages: the older-edition banner, `latest/`, and every `href` and `src`
/// relative and pointing at a file (and anchor) the build wrote.
@Suite struct LinkTests {
    let result = build(SmallSite.files)

    @Test func februaryPagesSayTheyAreAnOlderEditionAndLinkToTheLatest() throws {
        let february = result.files.keys.filter { $0.hasPrefix("visits/2020-02/") && $0.hasSuffix(".html") }.sorted()
        #expect(february.count == 5)
        for path in february {
            let html = try #require(result.text(path))
            let depth = path.split(separator: "/").count - 1
            let up = String(repeating: "../", count: depth)
            #expect(html.contains("""
                <div class="banner banner-older" role="note">
                  <p>This is the edition published for <strong>Monitoring visit, February 2020</strong>. It is kept as it was. <a href="\(up)visits/2020-07/index.html">See the latest edition: Monitoring visit, July 2020</a>.</p>
                </div>
                """), "\(path)")
        }
        for (path, html) in result.pages where !path.hasPrefix("visits/2020-02/") {
            #expect(!html.contains("banner-older"), "\(path)")
        }
    }

    @Test func latestLeadsToTheNewestPublishedVisit() throws {
        let html = try #require(result.text("latest/index.html"))
        #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=../visits/2020-07/index.html\">"))
        #expect(html.contains("<p>The latest edition is <a href=\"../visits/2020-07/index.html\">Monitoring visit, July 2020</a>.</p>"))
    }

    @Test func everyInternalLinkIsRelativeAndResolves() throws {
        try checkLinks(result)
    }

    /// The same with a draft written and a scorecard not reported at February.
    @Test func linksResolveWithDraftsAndUnreportedScorecards() throws {
        var files = DraftTests.october
        for path in files.keys where path.hasPrefix("content/visits/2020-02/care/") { files[path] = nil }
        let result = build(files, drafts: true)
        #expect(!result.hasErrors)
        try checkLinks(result)
    }

    @Test func idsAreUniqueOnEveryPage() {
        for (path, html) in result.pages {
            let all = ids(in: html)
            #expect(Set(all).count == all.count, "\(path): \(all.filter { id in all.filter { $0 == id }.count > 1 })")
        }
    }

    /// The pack holds the overview and every narrative; each numbers its footnotes from 1,
    /// so their ids must not collide and each reference must reach its own note.
    @Test func footnotesOfSeveralNarrativesKeepApartInThePack() throws {
        var files = SmallSite.files
        files["content/visits/2020-07/overview.md"]! += "\nA note.[^1]\n\n[^1]: Overview footnote.\n"
        files["content/visits/2020-07/front-door/narrative.md"]! += "\nAnother.[^1]\n\n[^1]: Narrative footnote.\n"
        let result = build(files)
        #expect(result.printed == [])
        let pack = try #require(result.text("visits/2020-07/pack/index.html"))
        #expect(pack.contains("<p>A note.<sup class=\"footnote-ref\"><a href=\"#fn-overview_1\" id=\"fnref-overview_1\" data-footnote-ref>1</a></sup></p>"))
        #expect(pack.contains("<li id=\"fn-front-door-narrative_1\">\n<p>Narrative footnote. <a href=\"#fnref-front-door-narrative_1\""))
        for (path, html) in result.pages {
            let all = ids(in: html)
            #expect(Set(all).count == all.count, "\(path)")
        }
        try checkLinks(result)
    }

    func checkLinks(_ result: SiteBuilder.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var checked = 0
        for (path, html) in result.pages {
            for link in links(in: html, page: path) {
                let target = link.target
                #expect(!target.hasPrefix("/") && !target.contains("://") && !target.hasPrefix("//"),
                        "\(link) is not relative", sourceLocation: sourceLocation)
                let (file, fragment) = resolve(link)
                guard let file else {
                    Issue.record("\(link) climbs above the site", sourceLocation: sourceLocation)
                    continue
                }
                guard let bytes = result.files[file] else {
                    Issue.record("\(link) points at \(file), which the build did not write", sourceLocation: sourceLocation)
                    continue
                }
                if let fragment, !fragment.isEmpty {
                    #expect(ids(in: String(decoding: bytes, as: UTF8.self)).contains(fragment),
                            "\(link): no id '\(fragment)' in \(file)", sourceLocation: sourceLocation)
                }
                checked += 1
            }
        }
        #expect(checked > 100, sourceLocation: sourceLocation)
    }
}
