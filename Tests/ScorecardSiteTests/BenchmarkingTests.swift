import Foundation
import ScorecardContent
import ScorecardCore
import Testing
@testable import ScorecardSite

/// A site whose one indicator reads a published file: three years of a rate in which
/// lower is better, calendar years both locally and in the file, so the comparators are lines.
private enum BenchSite {
    static let header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,measure_filter,rate"

    static func row(_ year: String, _ level: String, region: String = "", regionName: String = "", code: String = "", value: String) -> String {
        "\(year),Calendar year,\(level),E92000001,England,\(region),\(regionName),,\(code),,All,\(value)"
    }

    static var statistics: String {
        var lines = [header]
        for (year, own, eng, reg, n1, n2) in [("2018", "30.0", "25.0", "27.0", "20.0", "40.0"),
                                             ("2019", "24.0", "24.5", "26.0", "22.0", "c")] {
            lines.append(row(year, "National", value: eng))
            lines.append(row(year, "Regional", region: "E12000009", regionName: "South <West>", value: reg))
            lines.append(row(year, "Local authority", region: "E12000009", regionName: "South <West>", code: "E06000001", value: own))
            lines.append(row(year, "Local authority", region: "E12000009", regionName: "South <West>", code: "E06000002", value: n1))
            lines.append(row(year, "Local authority", region: "E12000001", regionName: "North", code: "E06000003", value: n2))
            lines.append(row(year, "Local authority", region: "E12000001", regionName: "North", code: "E06000004", value: "35.0"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static var files: [String: String] {
        [
            "site.yaml": """
                title: Bench
                authority: Testshire
                authority-code: E06000001
                statistical-neighbours: [E06000002, E06000003]
                scorecards:
                  - id: care
                    title: Care

                """,
            "content/visits/2020-07/visit.yaml": "title: July 2020\ndate: 2020-07-15\ndata-as-of: 2020-06-30\nstatus: published\n",
            "content/visits/2020-07/care/scorecard.yaml": """
                indicators:
                  - id: rate
                    title: Rate of something
                    unit: number
                    better: lower
                    published: { file: rates.csv, measure: rate, filters: { measure_filter: All } }

                """,
            "content/visits/2020-07/care/data.csv": "indicator,period,value\nrate,2017,31.0\nrate,2018,30.0\nrate,2019,24.0\n",
            "content/statistics/rates.csv": statistics,
        ]
    }
}

@Suite struct BenchmarkingTests {
    @Test func theCardShowsTheLatestComparatorsRankAndQuartile() throws {
        let result = build(BenchSite.files)
        #expect(result.printed == [])
        let page = try #require(result.text("visits/2020-07/care/index.html"))
        // 2019: neighbours 22.0 and c → the mean of one figure of two is at least half: 22.0 (1 of 2).
        // Rank, lower better, among 24.0 and 22.0: one lower → 2nd of 2.
        // All authorities 24.0, 22.0, 35.0 (c is skipped): p = 2 of 3, (2 − 1) / 3 < 1/2 → B.
        #expect(page.contains("<div><dt>Our published figure (2019)</dt><dd>24.0</dd></div>"))
        #expect(page.contains("<div><dt>England (2019)</dt><dd>24.5</dd></div>"))
        #expect(page.contains("<div><dt>South &lt;West&gt; (2019)</dt><dd>26.0</dd></div>"))
        #expect(page.contains("<div><dt>Statistical neighbour average (2019)</dt><dd>22.0 (1 of 2)</dd></div>"))
        #expect(page.contains("<div><dt>Rank (2019)</dt><dd>2nd of 2 among statistical neighbours</dd></div>"))
        #expect(page.contains("<div><dt>National quartile (2019)</dt><dd>B (second quarter)</dd></div>"))
        // The region's name is escaped everywhere, the chart included.
        #expect(!page.contains("South <West>"))
        // The chart draws the three published series as lines, each in the key, in each of
        // its two drawings (wide and narrow): 2 × 3.
        #expect(page.components(separatedBy: "class=\"comparison\"").count - 1 == 2 * 3)
        // Beside them the local line is named too.
        #expect(page.contains(">Our figures</text>"))
        #expect(page.contains(">England</text>"))
        #expect(page.contains(">South &lt;West&gt;</text>"))
        #expect(page.contains(">Statistical neighbour average</text>"))
        // 2018's neighbour mean is (20.0 + 40.0) / 2 = 30.0, named in the description with 2019's figures.
        #expect(page.contains("Published comparators: England as a line, 24.5 in 2019; South &lt;West&gt; as a line, 26.0 in 2019; Statistical neighbour average as a line, 22.0 in 2019."))
        #expect(page.contains("<td>30.0 (2 of 2)</td>"))
    }

    @Test func theBenchmarkingPageAndItsData() throws {
        let result = build(BenchSite.files)
        let page = try #require(result.text("visits/2020-07/benchmarking/index.html"))
        #expect(page.contains("<caption id=\"bench-care_cap\">Care: latest published figures against statistical neighbours, region and England</caption>"))
        #expect(page.contains("<th scope=\"col\">South &lt;West&gt;</th>"))
        // 30.0 in 2018 to 24.0 in 2019, lower is better: improved.
        #expect(page.contains("<td>✓ Improved (30.0 in 2018)</td>"))
        #expect(page.contains("<td>2nd of 2</td>"))
        let visit = try #require(result.text("visits/2020-07/index.html"))
        #expect(visit.contains("<a href=\"../../visits/2020-07/benchmarking/index.html\">Benchmarking"))
        let pack = try #require(result.text("visits/2020-07/pack/index.html"))
        #expect(pack.contains("<h2 id=\"benchmarking_heading\">Benchmarking</h2>"))
        #expect(pack.contains("<h3 id=\"bench-care\">Care</h3>"))
        let csv = try #require(result.text("visits/2020-07/benchmarking/benchmarking.csv"))
        #expect(csv == """
            scorecard,indicator,title,period,value,statistical-neighbours,neighbours-with-figure,neighbours,region,region-name,england,rank,rank-of,quartile,direction,previous-period,previous-value\r
            care,rate,Rate of something,2019,24.0,22.0,1,2,26.0,South <West>,24.5,2,2,B,improved,2018,30.0\r

            """)
        let data = try #require(result.text("visits/2020-07/care/data.csv"))
        #expect(data.hasPrefix("indicator,period,breakdown,value,numerator,denominator,status,note,series\r\nrate,2017,,31.0,,,,,\r\n"))
        #expect(data.contains("rate,2019,,c,,,,,") == false)
        #expect(data.contains("rate,2018,,30.0,,,,1 of 2 neighbours,statistical-neighbours\r\n") == false)
        #expect(data.contains("rate,2018,,30.0,,,,2 of 2 neighbours,statistical-neighbours\r\n"))
        #expect(data.contains("rate,2019,,2,,,,of 2,rank\r\n"))
        #expect(data.contains("rate,2019,,B,,,,second quarter,quartile\r\n"))
        let json = try #require(result.text("visits/2020-07/summary.json"))
        #expect(json.contains("\"quartile\": \"B\""))
        #expect(json.contains("\"statisticalNeighbours\": 22.0"))
    }

    @Test func aPublishedVisitFreezesTheStatisticsItRead() throws {
        var tree = recorded(SourceTree(files: BenchSite.files))
        #expect(ContentLoader.load(tree).diagnostics == [])
        tree.entries["content/statistics/rates.csv"] = .file(Array((BenchSite.statistics + BenchSite.row("2020", "National", value: "20.0") + "\n").utf8))
        // A new file beside it changes nothing: only the files a visit names are frozen.
        tree.entries["content/statistics/new.csv"] = .file(Array(BenchSite.statistics.utf8))
        let shown = ContentLoader.load(tree).diagnostics.map(\.description)
        #expect(shown == ["content/statistics/rates.csv: error: this statistics file, used by the published visit '2020-07', has changed since it was published; keep it as it was and add a new release under a new name for later visits to name in published: file; if the change is intended, run 'scorecard reopen 2020-07'"])
    }
}

@Suite struct HandWrittenComparatorTests {
    @Test func aHandWrittenComparatorWinsWithAWarning() throws {
        var files = BenchSite.files
        files["content/visits/2020-07/care/scorecard.yaml"] = """
            indicators:
              - id: rate
                title: Rate of something
                unit: number
                better: lower
                comparators:
                  statistical-neighbours: 21.0
                published: { file: rates.csv, measure: rate, filters: { measure_filter: All } }

            """
        let result = build(files)
        // `published: ` is 15 characters after the 4-space indent: its mapping starts at line 8, column 16.
        #expect(result.printed == ["content/visits/2020-07/care/scorecard.yaml:8:16: warning: comparator 'statistical-neighbours' is written by hand in comparators and also published in content/statistics/rates.csv (measure rate); the hand-written value is shown and the published statistical-neighbours series is not"])
        let page = try #require(result.text("visits/2020-07/care/index.html"))
        #expect(page.contains("<div><dt>Statistical neighbours</dt><dd>21.0</dd></div>"))
        #expect(!page.contains("Statistical neighbour average (2019)"))
        // England and the region are still lines, in the wide and the narrow drawing; the
        // neighbour average is not drawn: 2 × 2.
        #expect(page.components(separatedBy: "class=\"comparison\"").count - 1 == 2 * 2)
        // The rank still comes from the file: 2nd of 2.
        #expect(page.contains("<dd>2nd of 2 among statistical neighbours</dd>"))
        let bench = try #require(result.text("visits/2020-07/benchmarking/index.html"))
        #expect(bench.contains("<td class=\"num\">21.0 *</td>"))
    }
}
