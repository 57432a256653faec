import Foundation
import Testing
import ScorecardSite

/// The small site's figures, worked by hand from its rows, as summary.json, the pages,
/// narrative references and data.csv show them.
///
/// `decided-1wd` (percent, better higher, target 80, tolerance 5, so amber from 75):
/// - February, rows Oct 2019 – Jan 2020: 70.0, 72.5, 71, 38/50 = 76.0. Latest 76.0 (Jan 2020),
///   shown 76.0%; 76.0 < 80 but ≥ 80 − 5 = 75, so amber. Trend over the 4 values: x̄ = 1.5,
///   ȳ = 289.5 / 4 = 72.375; Σ(x − x̄)(y − ȳ) = 3.5625 − 0.0625 − 0.6875 + 5.4375 = 8.25;
///   Σ(x − x̄)² = 5; slope 1.65; fitted change 1.65 × 3 = 4.95 > band 0.02 × 72.375 = 1.4475,
///   rising, and higher is better: improving.
/// - July, rows Oct 2019 – Jun 2020, Mar 2020 = 4/7 suppressed (4 < 5), Jun 2020 = 69/80 = 86.25.
///   Latest 86.25, shown 86.3% (half away from zero); ≥ 80: green. Trend: the last 6 numeric
///   values (Mar skipped) 71, 76, 78, 80.5, 79, 86.25; x̄ = 2.5, Σy = 470.75, ȳ = 78.458…;
///   Σ(x − x̄)y = −177.5 − 114 − 39 + 40.25 + 118.5 + 215.625 = 43.875; Σ(x − x̄)² = 17.5;
///   slope 2.5071; fitted change 12.54 > band 0.02 × 78.458 = 1.569: improving.
///   Change 86.25 − 76.0 = 10.25, shown +10.3 pp.
///
/// `referrals-rate` (rate per 10,000 from a numerator, population 2019: 48,000, 2020: 50,000;
/// better lower, no target so no RAG):
/// - February: Dec 2019 36 × 10000 / 48000 = 7.5; Jan 2020 31 × 10000 / 50000 = 6.2. Latest 6.2;
///   two values, too few for a trend.
/// - July: 7.5, then 2020 months 31, 29, 35, 22, 26, 33 → 6.2, 5.8, 7.0, 4.4, 5.2, 6.6 [p].
///   Trend on the last 6 (6.2 … 6.6): ȳ = 35.2 / 6 = 5.8667; Σ(x − x̄)y = −15.5 − 8.7 − 3.5 + 2.2
///   + 7.8 + 16.5 = −1.2; slope −1.2 / 17.5 = −0.06857; fitted change −0.3429, |−0.3429| > band
///   0.02 × 5.8667 = 0.1173, falling, and lower is better: improving. Change 6.6 − 6.2 = +0.4.
///
/// `placements` (count, categories Foster care, Residential, Other, no headline rows, so the
/// headline is the sum; better neither):
/// - February: Nov 115 + 28 + 9 = 152; Dec 117 + 30 + 10 = 157; Jan 120 + 30 + 10 = 160.
///   Latest 160. Trend: slope (160 − 152) / 2 = 4, fitted change 8 > 0.02 × 156.33 = 3.127: rising.
/// - July: Jan 160, Feb 118 + 31 + 9 = 158, Mar 121 + 29 + 12 = 162, Apr Other = 3 is suppressed
///   so the sum is withheld ([c]), May 126 + 30 + 8 = 164, Jun 130 + 32 + 11 = 173. Latest 173. Trend on
///   160, 158, 162, 164, 173: x̄ = 2, Σ(x − x̄)y = −320 − 158 + 0 + 164 + 346 = 32, Σ(x − x̄)² = 10,
///   slope 3.2, fitted change 12.8 > 0.02 × 163.4 = 3.268: rising. Change 173 − 160 = +13.
@Suite struct FigureTests {
    let result = build(SmallSite.files)

    func json(_ visit: String) throws -> [String: Any] {
        let data = try #require(result.files["visits/\(visit)/summary.json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])
    }

    func indicator(_ id: String, at visit: String) throws -> [String: Any] {
        let cards = try #require(try json(visit)["scorecards"] as? [[String: Any]])
        let all = cards.flatMap { ($0["indicators"] as? [[String: Any]]) ?? [] }
        return try #require(all.first { $0["id"] as? String == id })
    }

    /// The `<tr>…</tr>` of a page that contains `marker`.
    func row(_ marker: String, in path: String) throws -> String {
        let html = try #require(result.text(path))
        let at = try #require(html.range(of: marker))
        let start = try #require(html[..<at.lowerBound].range(of: "<tr", options: .backwards))
        let end = try #require(html[at.upperBound...].range(of: "</tr>"))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func summaryJSONHasTheHandWorkedFigures() throws {
        let july = try indicator("decided-1wd", at: "2020-07")
        let latest = try #require(july["latest"] as? [String: Any])
        #expect(latest["period"] as? String == "2020-06")
        #expect(latest["periodLabel"] as? String == "Jun 2020")
        #expect(latest["periodStart"] as? String == "2020-06-01")
        #expect(latest["periodEnd"] as? String == "2020-06-30")
        #expect(latest["value"] as? Double == 86.25)
        #expect(latest["symbol"] is NSNull)
        #expect(latest["suppressed"] as? Bool == false)
        #expect(july["target"] as? Double == 80)
        #expect(july["rag"] as? String == "green")
        #expect(july["trend"] as? String == "improving")
        #expect(july["changeSincePreviousVisit"] as? Double == 10.25)
        #expect(july["comparators"] as? [String: Double] == ["statistical-neighbours": 75])

        let february = try indicator("decided-1wd", at: "2020-02")
        #expect((february["latest"] as? [String: Any])?["value"] as? Double == 76)
        #expect(february["rag"] as? String == "amber")
        #expect(february["trend"] as? String == "improving")
        #expect(february["changeSincePreviousVisit"] is NSNull)

        let rate = try indicator("referrals-rate", at: "2020-07")
        #expect((rate["latest"] as? [String: Any])?["value"] as? Double == 6.6)
        #expect(rate["rag"] is NSNull)
        #expect(rate["target"] is NSNull)
        #expect(rate["trend"] as? String == "improving")
        #expect(rate["changeSincePreviousVisit"] as? Double == 0.4)
        let rateBefore = try indicator("referrals-rate", at: "2020-02")
        #expect((rateBefore["latest"] as? [String: Any])?["value"] as? Double == 6.2)
        #expect(rateBefore["trend"] is NSNull)

        let placements = try indicator("placements", at: "2020-07")
        #expect((placements["latest"] as? [String: Any])?["value"] as? Double == 173)
        #expect(placements["rag"] is NSNull)
        #expect(placements["trend"] as? String == "rising")
        #expect(placements["changeSincePreviousVisit"] as? Double == 13)
        let placementsBefore = try indicator("placements", at: "2020-02")
        #expect((placementsBefore["latest"] as? [String: Any])?["value"] as? Double == 160)
        #expect(placementsBefore["trend"] as? String == "rising")

        let visit = try #require(try json("2020-07")["visit"] as? [String: Any])
        #expect(visit["previousVisit"] as? String == "2020-02")
        #expect(visit["status"] as? String == "published")
        #expect(try #require(try json("2020-02")["visit"] as? [String: Any])["previousVisit"] is NSNull)
    }

    /// summary.json keeps the spec's key order and unrounded numbers.
    @Test func summaryJSONIsWrittenInTheSpecsOrder() throws {
        let text = try #require(result.text("visits/2020-07/summary.json"))
        #expect(text.contains("""
                      "latest": {
                        "period": "2020-06",
                        "periodLabel": "Jun 2020",
                        "periodStart": "2020-06-01",
                        "periodEnd": "2020-06-30",
                        "value": 86.25,
                        "symbol": null,
                        "suppressed": false
                      },
                      "target": 80.0,
                      "rag": "green",
                      "trend": "improving",
                      "changeSincePreviousVisit": 10.25,
                      "comparators": {
                        "statistical-neighbours": 75.0
                      }
            """))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func theVisitPagesGlanceTableShowsTheFigures() throws {
        let july = try row("#ind-decided-1wd\">", in: "visits/2020-07/index.html")
        #expect(july.contains("<td class=\"num\">86.3%</td>"))
        #expect(july.contains("<td>Jun 2020</td>"))
        #expect(july.contains("<td class=\"num\">80.0%</td>"))
        #expect(july.contains("<span class=\"rag rag-green\"><span aria-hidden=\"true\">●</span> Green</span>"))
        #expect(july.contains("<span class=\"trend trend-improving\"><span aria-hidden=\"true\">↑</span> Improving</span>"))
        // Better: a percent with `better: higher` went up.
        #expect(july.contains("<td class=\"num\">+10.3 pp <span class=\"direction direction-better\"><span aria-hidden=\"true\">✓</span> better</span>"))
        #expect(july.contains("<span class=\"comparator\">Statistical neighbours: 75.0%</span>"))

        let february = try row("#ind-decided-1wd\">", in: "visits/2020-02/index.html")
        #expect(february.contains("<td class=\"num\">76.0%</td>"))
        #expect(february.contains("<td>Jan 2020</td>"))
        #expect(february.contains("<span class=\"rag rag-amber\"><span aria-hidden=\"true\">◆</span> Amber</span>"))

        let rate = try row("#ind-referrals-rate\">", in: "visits/2020-07/index.html")
        #expect(rate.contains("<td class=\"num\">6.6 per 10,000 [p]</td>"))
        // Worse: a rate with `better: lower` went up.
        #expect(rate.contains("<td class=\"num\">+0.4 per 10,000 <span class=\"direction direction-worse\"><span aria-hidden=\"true\">✗</span> worse</span>"))
        #expect(rate.contains("trend-improving"))
        #expect(!rate.contains("rag-"))

        let placements = try row("#ind-placements\">", in: "visits/2020-07/index.html")
        #expect(placements.contains("<td class=\"num\">173</td>"))
        #expect(placements.contains("<td class=\"num\">+13</td>"))
        #expect(placements.contains("<span class=\"trend trend-rising\"><span aria-hidden=\"true\">↑</span> Rising</span>"))
    }

    @Test func theCardAndTheChangesPageShowTheFigures() throws {
        let page = try #require(result.text("visits/2020-07/front-door/index.html"))
        #expect(page.contains("""
            <p class="card-latest"><span class="big-number">86.3%</span> <span class="muted">Jun 2020</span></p>
                <dl class="card-facts">
                  <div><dt>Target</dt><dd>80.0%</dd></div>
            """))
        #expect(page.contains("<div><dt>Change</dt><dd>+10.3 pp <span class=\"muted\">since Monitoring visit, February 2020</span>, <span class=\"direction direction-better\"><span aria-hidden=\"true\">✓</span> better</span>"))
        #expect(page.contains("<div><dt>Statistical neighbours</dt><dd>75.0%</dd></div>"))
        // The chart's text equivalent: first 70.0% (Oct 2019), last 86.3%, Mar 2020 a gap. The
        // values, target and comparator span 70 … 86.25: ticks of 5 from 70% to 90% (step 2 would
        // need ten), so the axis is cut at 70%.
        #expect(page.contains("<desc id=\"chart-decided-1wd_d\">Rose from 70.0% in Oct 2019 to 86.3% in Jun 2020; 1 period has no figure; above the 80.0% target; above Statistical neighbours (75.0%). The value axis starts at 70%, not zero.</desc>"))

        let changes = try row("#ind-decided-1wd\">", in: "visits/2020-07/changes/index.html")
        #expect(changes.contains("<td class=\"num\">76.0% <span class=\"muted\">Jan 2020</span></td>"))
        #expect(changes.contains("<td class=\"num\">86.3% <span class=\"muted\">Jun 2020</span></td>"))
        #expect(changes.contains("<td class=\"num\">+10.3 pp <span class=\"direction direction-better\"><span aria-hidden=\"true\">✓</span> better</span>"))
        #expect(changes.contains("<strong class=\"tag\">Moved band</strong>"))   // amber → green
    }

    /// `{{id}}`, `.period`, `.target` and `.change` in a scorecard narrative (after front
    /// matter) and in an overview, each from another scorecard's figures too; code stays literal.
    @Test func inlineReferencesShowTheDisplayedFigures() throws {
        let page = try #require(result.text("visits/2020-07/front-door/index.html"))
        #expect(page.contains("""
            <p>In Jun 2020, 86.3% of contacts were decided within one working
            day, against a target of 80.0%: a change of +10.3 pp
            since February.</p>
            """))
        #expect(page.contains("<p>References in code stay as written: <code>{{decided-1wd}}</code>.</p>"))
        let overview = try #require(result.text("visits/2020-07/index.html"))
        #expect(overview.contains("<p>Children in care numbered 173 in Jun 2020\n(+13 since February).</p>"))
        let february = try #require(result.text("visits/2020-02/index.html"))
        #expect(february.contains("<p>Decisions within a day reached 76.0% in Jan 2020.</p>"))
        // The pack renders the same narratives.
        let pack = try #require(result.text("visits/2020-07/pack/index.html"))
        #expect(pack.contains("<p>In Jun 2020, 86.3% of contacts were decided within one working"))
        #expect(pack.contains("<p>Children in care numbered 173 in Jun 2020\n(+13 since February).</p>"))
    }

    /// Rows in scorecard.yaml order then period; computed values unrounded; the note with a
    /// comma and quotes quoted with the quotes doubled; the suppressed row `c` with no
    /// numerator or denominator; population-based rates with no denominator; CRLF, no BOM.
    @Test func dataCSVIsExact() throws {
        let bytes = try #require(result.files["visits/2020-07/front-door/data.csv"])
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF])
        let expected = [
            "indicator,period,breakdown,value,numerator,denominator,status,note",
            "decided-1wd,2019-10,,70.0,,,,",
            "decided-1wd,2019-11,,72.5,,,,",
            "decided-1wd,2019-12,,71,,,,",
            "decided-1wd,2020-01,,76.0,38,50,,",
            "decided-1wd,2020-02,,78.0,,,,",
            "decided-1wd,2020-03,,c,,,,",
            "decided-1wd,2020-04,,80.5,,,,",
            "decided-1wd,2020-05,,79.0,,,,\"Lower after the \"\"April push\"\", as expected\"",
            "decided-1wd,2020-06,,86.25,69,80,,",
            "referrals-rate,2019-12,,7.5,36,,,",
            "referrals-rate,2020-01,,6.2,31,,,",
            "referrals-rate,2020-02,,5.8,29,,,",
            "referrals-rate,2020-03,,7.0,35,,,",
            "referrals-rate,2020-04,,4.4,22,,,",
            "referrals-rate,2020-05,,5.2,26,,,",
            "referrals-rate,2020-06,,6.6,33,,p,",
        ].joined(separator: "\r\n") + "\r\n"
        #expect(String(decoding: bytes, as: UTF8.self) == expected)

        let care = try #require(result.text("visits/2020-07/care/data.csv"))
        #expect(care.contains("\r\nplacements,2020-04,Foster care,125,,,,\r\nplacements,2020-04,Residential,28,,,,\r\nplacements,2020-04,Other,c,,,,\r\n"))
        // February's file has only February's rows.
        let february = try #require(result.text("visits/2020-02/front-door/data.csv"))
        #expect(february.components(separatedBy: "\r\n").count == 1 + 6 + 1)
        #expect(!february.contains("2020-02,"))
    }

    /// The hidden figures: Mar 2020's 4 of 7 (57.142857…%) and Apr 2020's Other = 3, whose sum
    /// with 125 and 28 would be 156. None may appear in any output.
    @Test func suppressedValuesAppearNowhere() throws {
        let hidden = try NSRegularExpression(pattern: "(?<![0-9.])(57\\.1|57\\.14|156)(?![0-9])")
        for (path, bytes) in result.files where path.hasPrefix("visits/2020-07/") || !path.hasPrefix("visits/") {
            let text = String(decoding: bytes, as: UTF8.self)
            let found = hidden.matches(in: text, range: NSRange(text.startIndex..., in: text))
            #expect(found.isEmpty, "\(path) shows a suppressed figure")
        }
        let page = try #require(result.text("visits/2020-07/front-door/index.html"))
        #expect(page.contains("<tr><th scope=\"row\">Mar 2020</th><td>[c]</td><td></td></tr>"))
        #expect(page.contains("<div><dt>[c]</dt><dd>suppressed to protect confidentiality</dd></div>"))
        // The line breaks at Mar 2020: two runs, Oct–Feb and Apr–Jun.
        #expect(page.contains("<path class=\"series\" d=\"M46 286 L103.25 254.75 L160.5 273.5 L217.75 211 L275 186 M389.5 154.75 L446.75 173.5 L504 82.88\""))
        // No numerator or denominator of the suppressed point anywhere near its period.
        #expect(!page.contains("4/7") && !page.contains("4 of 7"))

        let care = try #require(result.text("visits/2020-07/care/index.html"))
        // Apr 2020's total has a suppressed part, so it is withheld: [c], not [x].
        #expect(care.contains("<tr><th scope=\"row\">Apr 2020</th><td>[c]</td><td>125</td><td>28</td><td>[c]</td></tr>"))
        // Apr 2020 (the fourth bar, x = 256.17) has two segments, not three.
        #expect(care.components(separatedBy: "<rect class=\"segment\" x=\"256.17\"").count - 1 == 2)
        // Each of the chart's two SVGs (wide and narrow) draws the 17 segments.
        #expect(care.components(separatedBy: "<rect class=\"segment\"").count - 1 == 2 * (3 * 6 - 1))
        #expect(care.contains("<desc id=\"chart-placements_d\">Rose from 160 in Jan 2020 to 173 in Jun 2020; 1 period has no figure.</desc>"))

        let summary = try #require(result.text("visits/2020-07/summary.json"))
        #expect(!summary.contains("57.") && !summary.contains("156"))
    }
}
