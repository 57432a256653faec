import Foundation
import ScorecardSite
import Testing

/// What a board member reads on a card, the visit page, the home page's movers and the
/// changes page, worked by hand from `SmallSite`:
///
/// - `decided-1wd` (better higher): July 69 / 80 = 86.25%, February 38 / 50 = 76.0%; the
///   change +10.25 shows as `+10.3 pp` and is better.
/// - `referrals-rate` (better lower): July (Jun 2020) 33 / 50,000 × 10,000 = 6.6 `[p]`,
///   February (Jan 2020, also on 2020's 50,000) 31 / 50,000 × 10,000 = 6.2; the change
///   +0.4 per 10,000 is worse.
///   At February it has two figures (Dec 2019, Jan 2020), too few for a trend (three).
/// - `placements` (better neither): +13, neither better nor worse.
@Suite struct BoardReaderTests {
    let result = build(SmallSite.files)
    static let better = "<span class=\"direction direction-better\"><span aria-hidden=\"true\">✓</span> better</span>"
    static let worse = "<span class=\"direction direction-worse\"><span aria-hidden=\"true\">✗</span> worse</span>"

    /// The markup of the card whose article id is `anchor`.
    func card(_ anchor: String, on path: String) throws -> String {
        let html = try #require(result.text(path))
        let start = try #require(html.range(of: "<article class=\"indicator-card\" id=\"\(anchor)\""))
        let end = try #require(html[start.upperBound...].range(of: "</article>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The table row that links to `#anchor` on `path`.
    func row(linkingTo anchor: String, on path: String) throws -> String {
        let html = try #require(result.text(path))
        let link = try #require(html.range(of: "#\(anchor)\">"))
        let start = try #require(html[..<link.lowerBound].range(of: "<tr", options: .backwards))
        let end = try #require(html[link.upperBound...].range(of: "</tr>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func theCardSaysWhetherTheChangeIsBetterOrWorse() throws {
        let page = "visits/2020-07/front-door/index.html"
        let decided = try card("ind-decided-1wd", on: page)
        #expect(decided.contains("+10.3 pp <span class=\"muted\">since Monitoring visit, February 2020</span>, " + Self.better))
        let rate = try card("ind-referrals-rate", on: page)
        #expect(rate.contains("+0.4 per 10,000 <span class=\"muted\">since Monitoring visit, February 2020</span>, " + Self.worse))
        let placements = try card("ind-placements", on: "visits/2020-07/care/index.html")
        #expect(placements.contains("+13 <span class=\"muted\">since Monitoring visit, February 2020</span>"))
        #expect(!placements.contains("better") && !placements.contains("worse"))
    }

    @Test func theVisitPageMoversAndChangesPageSayBetterOrWorse() throws {
        for path in ["visits/2020-07/index.html", "index.html", "visits/2020-07/changes/index.html"] {
            let decided = try row(linkingTo: "ind-decided-1wd", on: path)
            #expect(decided.contains("<td class=\"num\">+10.3 pp " + Self.better), "\(path): \(decided)")
            let rate = try row(linkingTo: "ind-referrals-rate", on: path)
            #expect(rate.contains("<td class=\"num\">+0.4 per 10,000 " + Self.worse), "\(path): \(rate)")
        }
        for path in ["visits/2020-07/index.html", "visits/2020-07/changes/index.html"] {
            let placements = try row(linkingTo: "ind-placements", on: path)
            #expect(placements.contains("<td class=\"num\">+13</td>"), "\(path): \(placements)")
        }
    }

    @Test func aDirectionReferenceSaysBetterOrWorseInAnAuthorsTable() throws {
        var files = SmallSite.files
        files["content/visits/2020-07/overview.md"] = """
            | Measure | Change | Better or worse |
            |---|---|---|
            | Decisions | {{decided-1wd.change}} | {{decided-1wd.direction}} |
            | Referrals | {{referrals-rate.change}} | {{referrals-rate.direction}} |
            | Placements | {{placements.change}} | {{placements.direction}} |

            """
        let built = build(files)
        #expect(built.printed == [])
        let html = try #require(built.text("visits/2020-07/index.html"))
        #expect(html.contains("<td>+10.3 pp</td>\n<td>✓ better</td>"))
        #expect(html.contains("<td>+0.4 per 10,000</td>\n<td>✗ worse</td>"))
        // `better: neither`: the change is shown and judged neither way.
        #expect(html.contains("<td>+13</td>\n<td>–</td>"))
    }

    @Test func aCardWithNoTrendSaysItNeedsThreeFigures() throws {
        let rate = try card("ind-referrals-rate", on: "visits/2020-02/front-door/index.html")
        #expect(rate.contains("<dt>Trend</dt><dd><span class=\"muted\">Needs three or more figures; there are 2</span></dd>"))
        #expect(!rate.contains("Too few figures"))
    }

    @Test func aStatusBesideTheHeadlineFigureIsSaidInWordsThere() throws {
        let rate = try card("ind-referrals-rate", on: "visits/2020-07/front-door/index.html")
        #expect(rate.contains("<span class=\"big-number\">6.6 per 10,000 [p]</span><span class=\"latest-key\"><span>[p] provisional</span> </span>"))
        // A figure with no marker has no key beside it.
        let decided = try card("ind-decided-1wd", on: "visits/2020-07/front-door/index.html")
        #expect(!decided.contains("latest-key"))
    }

    @Test func anOverviewTitledAsTheVisitAddsNoSecondHeading() throws {
        var files = SmallSite.files
        files["content/visits/2020-07/overview.md"] = """
            ---
            title: Monitoring visit, July 2020
            ---

            Children in care numbered {{placements}}.

            """
        let html = try #require(build(files).text("visits/2020-07/index.html"))
        #expect(html.components(separatedBy: ">Monitoring visit, July 2020</h").count - 1 == 1)
        #expect(html.contains("<h1>Monitoring visit, July 2020</h1>"))
        // An overview with a title of its own keeps it (February's is "February overview").
        #expect(result.text("visits/2020-02/index.html")?.contains("<h2>February overview</h2>") == true)
    }

    @Test func everyChartOnAPageComesWideAndNarrowWithNoIDRepeated() throws {
        var figures = 0
        for (path, html) in result.pages {
            let all = ids(in: html)
            #expect(all.count == Set(all).count, "\(path): an id repeats")
            var rest = Substring(html)
            while let start = rest.range(of: "<figure class=\"chart\"") {
                let end = try #require(rest[start.upperBound...].range(of: "</figure>"))
                let figure = rest[start.lowerBound..<end.upperBound]
                #expect(figure.components(separatedBy: "class=\"chart-svg chart-wide\"").count == 2, "\(path)")
                #expect(figure.components(separatedBy: "class=\"chart-svg chart-narrow\"").count == 2, "\(path)")
                figures += 1
                rest = rest[end.upperBound...]
            }
        }
        #expect(figures > 0)
    }
}

/// The stylesheet shows one chart of each pair, widens cards and tables on a desktop and keeps
/// prose to a readable measure.
@Suite struct LayoutStyleTests {
    let css: String

    init() throws {
        css = try #require(try ThemeFiles.read()["assets/style.css"])
    }

    /// The declarations of the first rule whose selector is exactly `selector` inside `block`.
    func declarations(_ selector: String, in block: String? = nil) -> String? {
        let text = block ?? css
        guard let r = text.range(of: "\n" + selector + " {") ?? text.range(of: "  " + selector + " {"),
              let end = text[r.upperBound...].firstIndex(of: "}") else { return nil }
        return String(text[r.upperBound..<end])
    }

    /// The body of the first `@media` block whose condition is `condition`.
    func media(_ condition: String) -> String? {
        guard let r = css.range(of: "@media " + condition + " {"),
              let end = css[r.upperBound...].range(of: "\n}") else { return nil }
        return "\n" + String(css[r.upperBound..<end.lowerBound])
    }

    @Test func theNarrowChartIsHiddenUnlessTheScreenIsNarrowAndThenTheWideOneIs() throws {
        #expect(declarations("figure.chart .chart-narrow")?.contains("display: none") == true)
        let phone = try #require(media("screen and (max-width: 37.5rem)"))
        #expect(declarations("figure.chart .chart-wide", in: phone)?.contains("display: none") == true)
        #expect(declarations("figure.chart .chart-narrow", in: phone)?.contains("display: block") == true)
        // Nothing forces a chart wider than a phone, which made it scroll sideways.
        #expect(declarations("figure.chart svg")?.contains("min-width") == false)
    }

    @Test func cardsAndTablesUseTheDesktopWidthWhileProseKeepsAMeasure() throws {
        // 80rem = 1280 px at the default 16 px: the column is as wide as a 1280 px screen
        // less its padding, where 66rem (1056 px) and a 46rem card left half of it empty.
        #expect(declarations(".width-container")?.contains("max-width: 80rem") == true)
        #expect(declarations(".indicator-card")?.contains("max-width") == false)
        #expect(declarations("p, li")?.contains("max-width: 70ch") == true)
    }
}
