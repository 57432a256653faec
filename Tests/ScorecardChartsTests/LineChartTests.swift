import Testing
import ScorecardCharts

@Suite struct LineChartTests {
    /// The chart of the golden file `line-gap.html`. Geometry worked by hand:
    /// ticks 10, 20, 30, 40 (step 5 would need 7); widest tick label "10" is 13 px, so the plot
    /// starts at ceil(13 + 14) = 27. The widest right-hand label, "Target 25", is 9 × 6.5 =
    /// 58.5 px; + 20 = 78.5, rounded up to 79, so the plot ends at 640 − 79 = 561. One key row,
    /// so the plot's top is 20 + 16 = 36; its bottom is 320 − 34 = 286.
    /// y(v) = 286 − (v − 10) / 30 × 250: y(10) = 286, y(20) = 202.67, y(25) = 161,
    /// y(30) = 119.33, y(40) = 36. Points are inset 12 px: (534 − 24) / 4 = 127.5 apart,
    /// x = 39, 166.5, 294, 421.5, 549.
    static let gapChart = LineChart(
        id: "gap", title: "Quarterly", description: "Rises from 10 to 40; no data for Q3.",
        points: [
            ChartPoint("Q1", 10), ChartPoint("Q2", 20, marked: true), ChartPoint("Q3", nil),
            ChartPoint("Q4", 30), ChartPoint("Q5", 40),
        ],
        references: [ReferenceLine("Target", value: 25, kind: .target)],
        format: ValueFormat(.number))

    @Test func gapSplitsTheLineIntoTwoSegments() throws {
        let root = try #require(parseXML(Self.gapChart.svg))
        let path = try #require(root.elements("path", class: "series").first)
        let d = try #require(path["d"])
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(d == "M39 286 L166.5 202.67 M421.5 119.33 L549 36")
        // Four points for four values: the nil period is not drawn anywhere on the line.
        #expect(subpaths(d).flatMap { $0 }.count == 4)
    }

    @Test func aGapIsNeverDrawnAtZero() throws {
        // With a comparator at 0 the axis runs 0…60 (step 20), so zero is on the chart: the
        // bottom grid line, labelled "0". No point of the line may sit on it.
        let chart = LineChart(
            id: "z", title: "t", description: "d",
            points: [ChartPoint("A", 50), ChartPoint("B", 55), ChartPoint("C", nil),
                     ChartPoint("D", 60), ChartPoint("E", 58)],
            references: [ReferenceLine("Floor", value: 0, kind: .comparator)])
        let root = try #require(parseXML(chart.svg))
        let ticks = root.elements("text", class: "tick").map(\.text)
        #expect(ticks == ["0", "20", "40", "60"])
        let zeroLine = try #require(root.elements("line", class: "grid").first)
        let zeroY = try #require(zeroLine.double("y1"))
        let d = try #require(root.elements("path", class: "series").first?["d"])
        let parts = subpaths(d)
        #expect(parts.count == 2)
        #expect(parts.map(\.count) == [2, 2])
        #expect(parts.flatMap { $0 }.allSatisfy { $0.y < zeroY })
    }

    @Test func aLoneValueBetweenGapsIsADot() throws {
        let chart = LineChart(
            id: "lone", title: "t", description: "d",
            points: [ChartPoint("A", 1), ChartPoint("B", 2), ChartPoint("C", nil),
                     ChartPoint("D", 3), ChartPoint("E", nil), ChartPoint("F", 4),
                     ChartPoint("G", 5)])
        let root = try #require(parseXML(chart.svg))
        #expect(root.elements("circle", class: "point").count == 1)
        let d = try #require(root.elements("path", class: "series").first?["d"])
        #expect(subpaths(d).count == 2)
    }

    @Test func noValuesSaysNoData() throws {
        let chart = LineChart(id: "none", title: "t", description: "d",
                              points: [ChartPoint("A", nil), ChartPoint("B", nil)])
        let root = try #require(parseXML(chart.svg))
        #expect(root.elements("path", class: "series").isEmpty)
        #expect(root.elements("text", class: "no-data").map(\.text) == ["No data"])
    }

    @Test func closeReferenceLabelsAreMovedApart() throws {
        // Ticks 70…90 (step 5), no key, so the plot is 14…286: 272 px for 20, and Target 80
        // (y 150) and England 81 (y 136.4) are 13.6 px apart. 14 px labels would overlap, so
        // they are stacked 16 px apart around their mean: 135.2 and 151.2, both moved.
        let chart = LineChart(
            id: "refs", title: "t", description: "d",
            points: [ChartPoint("A", 70), ChartPoint("B", 90)],
            references: [ReferenceLine("Target", value: 80, kind: .target),
                         ReferenceLine("England", value: 81, kind: .comparator)],
            format: ValueFormat(.percent))
        let root = try #require(parseXML(chart.svg))
        let labels = root.elements("text", class: "end-label")
        let target = try #require(labels.first { $0.text == "Target 80%" }?.double("y"))
        let england = try #require(labels.first { $0.text == "England 81%" }?.double("y"))
        #expect(target - england >= 16)  // 81 is higher, so England stays above
        #expect(root.elements("line", class: "leader").count == 2)
    }

    @Test func lastValueRollingMeanAndStatusAreLabelled() throws {
        let chart = LineChart(
            id: "roll", title: "t", description: "d",
            points: [ChartPoint("A", 10), ChartPoint("B", 12), ChartPoint("C", 14.25, status: "p")],
            rollingMean: [nil, 11, 12.5], format: ValueFormat(.rate, decimals: 1))
        let root = try #require(parseXML(chart.svg))
        let labels = root.elements("text", class: "end-label").map(\.text)
        // 14.25 rounds half away from zero to 14.3; values carry their unit as on the cards;
        // the rolling mean's label wraps at 18 characters.
        #expect(labels == ["14.3 per 10,000 [p]", "Rolling mean 12.5", "per 10,000"])
        let rolling = try #require(root.elements("path", class: "rolling-mean").first)
        #expect(rolling["stroke-dasharray"] != nil)
        // 10 … 14.25 takes ticks of 1 from 10 to 15 (step 0.5 would need ten): cut at 10.
        #expect(root.elements("text", class: "key").map(\.text) == ["Rolling mean", "Axis starts at 10, not zero"])
    }

    @Test func markedPointsHaveARingExplainedInTheKey() throws {
        let root = try #require(parseXML(Self.gapChart.svg))
        let rings = root.elements("circle", class: "note")
        #expect(rings.count == 1)
        #expect(rings.first?["cx"] == "166.5" && rings.first?["cy"] == "202.67")
        #expect(rings.first?["fill"] == "#FFFFFF")
        #expect(root.elements("text", class: "key").map(\.text)
            == ["Has a note", "Break in line: no data", "Axis starts at 10, not zero"])
    }

    @Test func twentyFourMonthlyLabelsDoNotOverlap() throws {
        let months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
        let points = (0..<24).map { index in
            ChartPoint("\(months[index % 12]) \(2020 + (index + 3) / 12)", 50 + Double(index))
        }
        let chart = LineChart(id: "m", title: "t", description: "d", points: points,
                              format: ValueFormat(.percent))
        let root = try #require(parseXML(chart.svg))
        let labels = root.elements("text", class: "period")
        // Ticks 50…75 by 5 ("75%" is 19.5 px: plot from 34); "73%" at the end (19.5 + 20 →
        // 40 px margin): 600 − 34 − 24 = 542 px for 23 steps, 23.57 px. Labels are 52 px with 6
        // between, so every 3rd (70.7 px); the 21st is too close to the last and is dropped.
        #expect(labels.map(\.text) == ["Apr 2020", "Jul 2020", "Oct 2020", "Jan 2021",
                                       "Apr 2021", "Jul 2021", "Oct 2021", "Mar 2022"])
        let spans = try labels.map { label in
            let x = try #require(label.double("x"))
            let half = estimatedTextWidth(label.text) / 2
            return (x - half, x + half)
        }
        #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.1 < $1.0 })
        #expect(spans.allSatisfy { $0.0 >= 0 && $0.1 <= 640 })
    }
}
