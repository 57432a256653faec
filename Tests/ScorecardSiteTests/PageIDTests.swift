import Foundation
import ScorecardSite
import Testing

/// Ids are unique on every page, however often an indicator is placed: a second card for
/// `a` was numbered `ind-a-2`, the id of indicator `a-2`'s card, so labels and links on the
/// page pointed at the wrong chart.
@Suite struct PageIDTests {
    @Test func placingAnIndicatorTwiceDoesNotTakeAnotherIndicatorsIDs() throws {
        let files = [
            "site.yaml": "title: Ids\nauthority: Council\nscorecards:\n  - id: card\n    title: Card\n",
            "content/visits/2020-02/visit.yaml": "title: Visit\ndate: 2020-02-12\ndata-as-of: 2020-01-31\nstatus: draft\n",
            "content/visits/2020-02/card/scorecard.yaml": """
                indicators:
                  - { id: a, title: A, unit: number, better: higher }
                  - { id: a-2, title: A2, unit: number, better: higher }

                """,
            "content/visits/2020-02/card/data.csv": "indicator,period,value\na,2019-12,2\na,2020-01,1\na-2,2019-12,3\na-2,2020-01,3\n",
            "content/visits/2020-02/card/narrative.md": "```kpi\na\na\n```\n",
        ]
        let result = build(files, drafts: true)
        #expect(result.printed == [])
        for (path, html) in result.pages {
            let all = ids(in: html)
            let repeated = Set(all.filter { id in all.filter { $0 == id }.count > 1 })
            #expect(repeated.isEmpty, "\(path): \(repeated.sorted())")
        }
    }

    /// Issue 9: derived ids collided when one indicator's id is another's plus a suffix the
    /// templates add: `b`'s card title was `ind-b-title`, the card of indicator `b-title`.
    /// Indicators are chosen to hit every suffix a page adds (`-title`, `-t`, `-d`, `-cap`,
    /// `-heading`, `-2` for a second place), and scorecard `heading` to meet the pack's own
    /// `changes-heading`. On every page, no id may appear twice, and every `href="#…"`,
    /// `aria-labelledby` and `aria-describedby` must name an id of that page.
    @Test func derivedIDsNeverCollide() throws {
        let suffixes = ["title", "t", "d", "cap", "heading", "2"]
        let indicatorIDs = ["b"] + suffixes.map { "b-\($0)" }
        let indicators = indicatorIDs.map { "  - { id: \($0), title: \"Indicator \($0)\", unit: number, better: higher }\n" }.joined()
        let rows = indicatorIDs.flatMap { ["\($0),2019-12,2", "\($0),2020-01,3"] }.joined(separator: "\n")
        var files = [
            "site.yaml": "title: Ids\nauthority: Council\nscorecards:\n  - id: heading\n    title: Heading\n  - id: b\n    title: B\n",
        ]
        for (visit, date, asOf) in [("2020-02", "2020-02-12", "2020-01-31"), ("2020-07", "2020-07-15", "2020-06-30")] {
            let folder = "content/visits/\(visit)"
            files["\(folder)/visit.yaml"] = "title: Visit \(visit)\ndate: \(date)\ndata-as-of: \(asOf)\nstatus: draft\n"
            files["\(folder)/heading/scorecard.yaml"] = "indicators:\n" + indicators
            files["\(folder)/heading/data.csv"] = "indicator,period,value\n" + rows + "\n"
            files["\(folder)/b/scorecard.yaml"] = "indicators:\n  - { id: other, title: Other, unit: number, better: higher }\n"
            files["\(folder)/b/data.csv"] = "indicator,period,value\nother,2019-12,1\nother,2020-01,2\n"
            // Every indicator placed twice on the visit page, with footnotes in both
            // narratives whose labels could meet once scoped.
            files["\(folder)/overview.md"] = "Overview.[^narrative-1]\n\n```kpi\n" + (indicatorIDs + indicatorIDs).joined(separator: "\n") + "\n```\n\n[^narrative-1]: A note.\n"
            files["\(folder)/heading/narrative.md"] = "Narrative.[^1]\n\n```kpi\nb\nb-title\n```\n\n[^1]: Another.\n"
        }
        let result = build(files, drafts: true)
        #expect(!result.hasErrors, "\(result.printed)")
        #expect(result.pages.count > 5)
        for (path, html) in result.pages {
            let all = ids(in: html)
            let repeated = Set(all.filter { id in all.filter { $0 == id }.count > 1 })
            #expect(repeated.isEmpty, "\(path): \(repeated.sorted())")
            let known = Set(all)
            for tag in scanTags(html) {
                for (name, value) in tag.attributes {
                    let targets: [String]
                    switch name {
                    case "href" where value.hasPrefix("#"): targets = [String(value.dropFirst())]
                    case "aria-labelledby", "aria-describedby": targets = value.split(separator: " ").map(String.init)
                    default: continue
                    }
                    for t in targets {
                        #expect(known.contains(decodeEntities(t)), "\(path): <\(tag.name) \(name)=\"\(value)\"> names no id of the page")
                    }
                }
            }
        }
    }
}
