import Testing
import ScorecardCharts

/// A chart comes as two SVGs, one for a desktop and print and one for a phone, and an axis
/// that does not reach zero is marked as cut.
@Suite struct ResponsiveChartTests {
    static let months = ["Jan 2020", "Feb 2020", "Mar 2020", "Apr 2020", "May 2020", "Jun 2020"]

    /// Six months rising 10, 20, …, 60 (format `.number`, no decimals), worked by hand:
    ///
    /// Wide (640 × 320, at most 6 ticks): step 10 gives 10…60, six ticks, so the axis starts
    /// at 10 and is cut. Widest tick "10" is 2 × 6.5 = 13 px, so the plot starts at 13 + 14 =
    /// 27; the end label "60" is 13 + 20 = 33, so it ends at 640 − 33 = 607. Points are inset
    /// 12: (607 − 27 − 24) / 5 = 111.2 apart, more than a label (8 × 6.5 = 52) plus the 6 px
    /// gap, so all six months are labelled.
    ///
    /// Narrow (300 × 300, at most 5 ticks): step 10 needs six ticks, step 20 gives 0, 20, 40,
    /// 60, so this axis reaches zero and is not cut. The plot runs 27 … 300 − 33 = 267; points
    /// (267 − 27 − 24) / 5 = 43.2 apart, at 39, 82.2, 125.4, 168.6, 211.8, 255. Every other
    /// label: 0, 2, 4; the last, 5, is added, and 4 (43.2 away, under 52 + 6) is dropped:
    /// Jan, Mar and Jun are labelled, the latest month among them.
    static let rising = LineChart(
        id: "r", title: "Monthly", description: "Rises from 10 to 60.",
        points: zip(months, [10.0, 20, 30, 40, 50, 60]).map { ChartPoint($0, $1) })

    func svgs(_ markup: String) throws -> (wide: XMLNode, narrow: XMLNode) {
        let root = try #require(parseXML(markup))
        let svgs = root.elements("svg")
        try #require(svgs.count == 2)
        return (svgs[0], svgs[1])
    }

    @Test func theFigureHoldsAWideAndANarrowSVG() throws {
        let (wide, narrow) = try svgs(Self.rising.responsiveSVG)
        #expect(wide["class"] == "chart-svg chart-wide")
        #expect(narrow["class"] == "chart-svg chart-narrow")
        #expect(wide["viewBox"] == "0 0 640 320")
        #expect(narrow["viewBox"] == "0 0 300 300")
    }

    @Test func noIDRepeatsAndEachSVGIsNamedByItsOwnTitleAndDescription() throws {
        let root = try #require(parseXML(Self.rising.responsiveSVG))
        let ids = root.all.compactMap { $0["id"] }
        #expect(ids.count == Set(ids).count, "\(ids)")
        #expect(ids.count == 5)  // two titles, two descriptions, one caption
        for svg in root.elements("svg") {
            let named = try #require(svg["aria-labelledby"]).split(separator: " ").map(String.init)
            let own = svg.all.compactMap { $0["id"] }
            #expect(named.count == 2)
            #expect(named.allSatisfy(own.contains), "\(named) not inside its own SVG")
            let title = try #require(svg.elements("title").first)
            #expect(title.text == "Monthly")
        }
    }

    @Test func theNarrowSVGLabelsFewerMonthsAndAlwaysTheLatest() throws {
        let (wide, narrow) = try svgs(Self.rising.responsiveSVG)
        #expect(wide.elements("text", class: "period").map(\.text) == Self.months)
        #expect(narrow.elements("text", class: "period").map(\.text) == ["Jan 2020", "Mar 2020", "Jun 2020"])
        #expect(narrow.elements("text", class: "tick").map(\.text) == ["0", "20", "40", "60"])
    }

    @Test func aBarChartAndAStackedBarChartComeInBothLayouts() throws {
        let bars = BarChart(id: "b", title: "Bars", description: "d",
                            points: zip(Self.months, [1.0, 2, 3, 4, 5, 6]).map { ChartPoint($0, $1) })
        let stacked = StackedBarChart(id: "s", title: "Stacked", description: "d", periods: Self.months,
                                      categories: ["A", "B"], values: [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]])
        for markup in [bars.responsiveSVG, stacked.responsiveSVG] {
            let (wide, narrow) = try svgs(markup)
            #expect(wide["viewBox"] == "0 0 640 320")
            #expect(narrow["viewBox"] == "0 0 300 300")
            let ids = try #require(parseXML(markup)).all.compactMap { $0["id"] }
            #expect(ids.count == Set(ids).count, "\(ids)")
        }
    }

    @Test func anAxisThatStartsAboveZeroIsMarkedAsCutAndSaysSo() throws {
        let (wide, narrow) = try svgs(Self.rising.responsiveSVG)
        // The wide axis runs 10…60 (see `rising`): a break mark (a white band between two
        // strokes) on a value axis drawn up the plot's left edge at x = 27.
        #expect(wide.elements("rect", class: "axis-break").count == 1)
        #expect(wide.elements("line", class: "axis-break").count == 2)
        let axis = wide.elements("line", class: "axis").filter { $0["x1"] == $0["x2"] }
        #expect(axis.count == 1)
        #expect(axis.first?["x1"] == "27")
        #expect(wide.elements("desc").first?.text == "Rises from 10 to 60. The value axis starts at 10, not zero.")
        #expect(wide.elements("text", class: "key").map(\.text) == ["Axis starts at 10, not zero"])
        // The narrow axis runs 0…60: nothing is cut and nothing is said.
        #expect(narrow.elements("rect", class: "axis-break").isEmpty)
        #expect(narrow.elements("desc").first?.text == "Rises from 10 to 60.")
        #expect(narrow.elements("text", class: "key").isEmpty)
    }

    @Test func aPercentAxisCutAt40SaysSoWithItsUnit() throws {
        // 42 … 58: step 5 gives 40, 45, …, 60 (five ticks), so the axis starts at 40%.
        let chart = LineChart(id: "p", title: "t", description: "Steady.",
                              points: zip(Self.months, [42.0, 50, 58, 55, 50, 45]).map { ChartPoint($0, $1) },
                              format: ValueFormat(.percent, decimals: 1))
        let root = try #require(parseXML(chart.svg))
        #expect(root.elements("desc").first?.text == "Steady. The value axis starts at 40%, not zero.")
        #expect(root.elements("line", class: "axis-break").count == 2)
    }

    @Test func barsAlwaysStartAtZeroSoAreNeverCut() throws {
        let bars = BarChart(id: "b", title: "Bars", description: "d",
                            points: zip(Self.months, [40.0, 42, 44, 46, 48, 50]).map { ChartPoint($0, $1) })
        let root = try #require(parseXML(bars.responsiveSVG))
        #expect(root.elements("rect", class: "axis-break").isEmpty)
        #expect(root.elements("desc").allSatisfy { $0.text == "d" })
    }
}
