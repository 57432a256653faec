import Foundation
import Testing
import ScorecardSite

/// Hostile text in every field that reaches a page must arrive as text, never as markup.
@Suite struct EscapingTests {
    /// A script, an attribute break-out, an unquoted-attribute break-out and a literal entity.
    static let hostile = #"<script>alert(1)</script> "><img src=x onerror=alert(1)> ' onmouseover='x &amp;"#

    /// `hostile` as the templates (swift-mustache) and the charts write it.
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39; onmouseover=&#39;x &amp;amp;"

    static func yaml(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
    static func csv(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    static func h(_ field: String) -> String { hostile + " " + field }

    static var files: [String: String] {
        let scorecard = """
            indicators:
              - id: share
                title: \(yaml(h("indicator")))
                unit: percent
                better: higher
                target: 80
                comparators:
                  - { id: sn, label: \(yaml(h("comparator"))), value: 75, period: \(yaml(h("period"))) }
                definition: \(yaml(h("definition")))
                source: \(yaml(h("source")))
              - id: count
                title: \(yaml(h("breakdown indicator")))
                unit: count
                better: neither
                breakdowns: [\(yaml(h("category A"))), \(yaml(h("category B")))]

            """
        let rows = """
            indicator,period,breakdown,value,note
            share,2020-01,,70,\(csv(h("note 1")))
            share,2020-02,,75,
            share,2020-03,,81,\(csv(h("note 3")))
            count,2020-01,\(csv(h("category A"))),10,\(csv(h("note A")))
            count,2020-01,\(csv(h("category B"))),12,
            count,2020-02,\(csv(h("category A"))),11,
            count,2020-02,\(csv(h("category B"))),13,

            """
        let markdown = """
            ---
            title: \(yaml(h("front matter title")))
            summary: \(yaml(h("front matter summary")))
            ---

            <script>alert(1)</script>

            Inline <img src=x onerror=alert(1)> and <a href="#" onmouseover='x'>a</a> and
            [x](javascript:alert(1)) and [y](  JaVaScRiPt:alert(1)).

            Text: \(hostile)

            ```kpi
            share
            ```

            """
        var files = [
            "site.yaml": """
                title: \(yaml(h("site")))
                authority: \(yaml(h("authority")))
                scorecards:
                  - id: sc
                    title: \(yaml(h("scorecard")))

                """,
        ]
        for (id, title, month) in [("2020-02", "February", "02"), ("2020-04", "April", "04")] {
            files["content/visits/\(id)/visit.yaml"] = """
                title: \(yaml(h("visit " + title)))
                date: 2020-\(month)-20
                data-as-of: 2020-\(month == "02" ? "01-31" : "03-31")
                status: published

                """
            files["content/visits/\(id)/overview.md"] = markdown
            files["content/visits/\(id)/sc/scorecard.yaml"] = scorecard
            files["content/visits/\(id)/sc/narrative.md"] = markdown
            files["content/visits/\(id)/sc/data.csv"] = rows
        }
        return files
    }

    @Test func hostileTextNeverBecomesMarkup() throws {
        let result = build(Self.files)
        // The only problems are the rows after February's cut-off, which are not shown.
        #expect(result.diagnostics.allSatisfy { !$0.isError && $0.location.path == "content/visits/2020-02/sc/data.csv" })
        #expect(result.files.count == 3 + 2 * 7)
        for (path, html) in result.pages {
            let lower = html.lowercased()
            #expect(!lower.contains("<script"), "\(path)")
            #expect(!lower.contains("<img"), "\(path)")
            #expect(!lower.contains("javascript:"), "\(path)")
            for tag in scanTags(html) {
                #expect(!["script", "img", "iframe", "object", "embed"].contains(tag.name), "\(path): <\(tag.name)>")
                for (name, value) in tag.attributes {
                    #expect(!name.hasPrefix("on"), "\(path): <\(tag.name) \(name)=…>")
                    if name == "href" || name == "src" {
                        #expect(!decodeEntities(value).lowercased().contains("script:"), "\(path): \(name)=\(value)")
                    }
                }
            }
        }
    }

    /// The checker above finds what it looks for: a handler in an unquoted or single-quoted
    /// attribute is an attribute; the same text escaped, or inside a double-quoted value, is not.
    @Test func theTagScannerSeesHandlersOnlyWhereABrowserWould() {
        let bad = scanTags(#"<p>x</p><img src=x onerror=alert(1)><b title='a' onmouseover='x'>"#)
        #expect(bad.map(\.name) == ["p", "p", "img", "b"])
        #expect(bad[2].attributes.map(\.name) == ["src", "onerror"])
        #expect(bad[3].attributes.map(\.name) == ["title", "onmouseover"])
        let good = scanTags(#"<!-- <img onerror=x> --><p title="&#39; onmouseover=&#39;x">&lt;img src=x onerror=alert(1)&gt;</p>"#)
        #expect(good.map(\.name) == ["p", "p"])
        #expect(good[0].attributes.map(\.name) == ["title"])
    }

    @Test func hostileTextIsShownEscapedWhereItBelongs() throws {
        let result = build(Self.files)
        let e = Self.escaped
        let card = try #require(result.text("visits/2020-04/sc/index.html"))
        for expected in [
            "<title>\(e) scorecard – \(e) visit April – \(e) site</title>",
            "<p class=\"site-authority\">\(e) authority</p>",
            "<p class=\"site-title\"><a href=\"../../../index.html\">\(e) site</a></p>",
            "<li><a href=\"../../../visits/2020-04/index.html\">\(e) visit April</a></li>",
            "<h1>\(e) scorecard</h1>",
            "<h3 id=\"ind-share_title\" class=\"card-title\">\(e) indicator</h3>",
            "<div><dt>\(e) comparator (\(e) period)</dt><dd>75.0%</dd></div>",
            "<p class=\"definition\"><strong>Definition:</strong> \(e) definition</p>",
            "<p class=\"source\"><strong>Source:</strong> \(e) source</p>",
            "<td>\(e) note 3</td>",
            "<caption id=\"table-count\">\(e) breakdown indicator: data as published</caption>",
            "<th scope=\"col\">\(e) category A</th>",
            "<title id=\"chart-share_t\">\(e) indicator</title>",
            "<h2>\(e) front matter title</h2>",
            "<p class=\"summary\">\(e) front matter summary</p>",
            "<p>\(e) authority · \(e) site</p>",
        ] {
            #expect(card.contains(expected), "\(expected)")
        }
        // Notes of categories are prefixed with the category.
        #expect(card.contains("<td>\(e) category A: \(e) note A</td>"))
        // The chart's description quotes the comparator and categories, escaped.
        #expect(card.contains("above \(e) comparator (75.0% in \(e) period)."))

        // Markdown: raw HTML is shown as text; dangerous URLs are emptied; the literal
        // entity `&amp;` is an entity in Markdown, so it reads "&".
        #expect(card.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
        #expect(card.contains("Inline &lt;img src=x onerror=alert(1)&gt; and &lt;a href=&quot;#&quot; onmouseover='x'&gt;a&lt;/a&gt; and\n<a href=\"\">x</a> and <a href=\"\">y</a>"))
        #expect(card.contains("<p>Text: &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; ' onmouseover='x &amp;</p>"))

        // The older edition's banner and the home page's list of visits.
        let older = try #require(result.text("visits/2020-02/index.html"))
        #expect(older.contains("<p>This is the edition published for <strong>\(e) visit February</strong>. It is kept as it was. <a href=\"../../visits/2020-04/index.html\">See the latest edition: \(e) visit April</a>.</p>"))
        let home = try #require(result.text("index.html"))
        #expect(home.contains("<li><a href=\"visits/2020-04/index.html\">\(e) visit April</a> – 20 April 2020"))
        let changes = try #require(result.text("visits/2020-04/changes/index.html"))
        #expect(changes.contains("<h1>What changed since \(e) visit February</h1>"))
    }

    /// summary.json and data.csv are data, not HTML: they carry the text exactly.
    @Test func dataFilesCarryTheTextUnescaped() throws {
        let result = build(Self.files)
        let csv = try #require(result.text("visits/2020-04/sc/data.csv"))
        #expect(csv.contains("share,2020-01,,70,,,,\(Self.csv(Self.h("note 1")))\r\n"))
        let summary = try #require(result.text("visits/2020-04/summary.json"))
        #expect(summary.contains(#""title": "<script>alert(1)<\/script> \"><img src=x onerror=alert(1)> ' onmouseover='x &amp; indicator""#)
                || summary.contains(#""title": "<script>alert(1)</script> \"><img src=x onerror=alert(1)> ' onmouseover='x &amp; indicator""#))
    }
}
