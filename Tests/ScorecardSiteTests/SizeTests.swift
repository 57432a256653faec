import Foundation
import ScorecardCore
import ScorecardSite
import Testing

/// A long daily series builds, whole and right: the data tables, the stacked bar chart,
/// secondary suppression and the check of headlines against their categories each once
/// looked up rows by searching all of them, period by period (minutes for a few thousand
/// days). How long it takes is measured by `scripts/benchmark`, not here: a wall-clock bound
/// in a test fails on a busy machine and proves nothing on an idle one.
@Suite struct SizeTests {
    static let days = 3_000

    static var files: [String: String] {
        var rows = ["indicator,period,breakdown,value"]
        let first = CivilDate(year: 2010, month: 1, day: 1)!
        for i in 0..<days {
            let day = first.adding(days: i)
            // A headline with two categories (one suppressed in some periods), and a
            // breakdown-only count drawn as stacked bars.
            rows += ["cases,\(day),,\(20 + i % 7)", "cases,\(day),North,\(3 + i % 7)", "cases,\(day),South,\(17)",
                     "outcomes,\(day),Closed,\(10 + i % 3)", "outcomes,\(day),Open,\(12)"]
        }
        return [
            "site.yaml": """
                title: Size
                authority: Council
                scorecards:
                  - id: daily
                    title: Daily
                disclosure: { suppress-below: 5 }

                """,
            "content/visits/2020-01/visit.yaml": "title: Visit\ndate: 2020-01-31\ndata-as-of: 2020-01-31\nstatus: draft\n",
            "content/visits/2020-01/daily/scorecard.yaml": """
                indicators:
                  - { id: cases, title: Cases, unit: count, better: neither, breakdowns: [North, South] }
                  - { id: outcomes, title: Outcomes, unit: count, better: neither }

                """,
            "content/visits/2020-01/daily/data.csv": rows.joined(separator: "\n") + "\n",
        ]
    }

    @Test func aLongDailySeriesBuildsWhole() throws {
        let files = Self.files
        let built = build(files, drafts: true)
        #expect(built.printed == [])
        let page = try #require(built.text("visits/2020-01/daily/index.html"))
        // One table row per day in each indicator's table, and a bar per day in the chart.
        #expect(page.components(separatedBy: "<th scope=\"row\"").count - 1 == 2 * Self.days)
    }
}
