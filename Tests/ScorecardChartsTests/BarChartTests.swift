import Testing
import ScorecardCharts

@Suite struct BarChartTests {
    /// Ticks for 40…80 from zero: step 10 needs 9, step 20 gives 0…80 (5). No key, so the
    /// plot's top is 14 + 10 (room for values over bars) = 24 and its bottom 286; 262 px
    /// for 80, so y(0) = 286, y(40) = 155, y(80) = 24.
    static let chart = BarChart(
        id: "bars", title: "t", description: "d",
        points: [ChartPoint("2021", 40), ChartPoint("2022", nil), ChartPoint("2023", 80)],
        format: ValueFormat(.count))

    @Test func axisStartsAtZero() throws {
        let root = try #require(parseXML(Self.chart.svg))
        #expect(root.elements("text", class: "tick").map(\.text) == ["0", "20", "40", "60", "80"])
        let axis = try #require(root.elements("line", class: "axis").first)
        #expect(axis["y1"] == "286")
        let bars = root.elements("rect", class: "bar")
        #expect(bars.map { $0["y"] } == ["155", "24"])
        #expect(bars.map { $0["height"] } == ["131", "262"])
        // Every bar rises from the zero line.
        #expect(bars.allSatisfy { ($0.double("y") ?? 0) + ($0.double("height") ?? 0) == 286 })
    }

    @Test func aGapIsNoDataNotAZeroBar() throws {
        let root = try #require(parseXML(Self.chart.svg))
        #expect(root.elements("rect", class: "bar").count == 2)
        #expect(root.elements("text", class: "no-data").map(\.text) == ["no data"])
        #expect(root.elements("text", class: "value").map(\.text) == ["40", "80"])
    }

    @Test func positiveDataStillGetsZero() throws {
        let chart = BarChart(id: "b", title: "t", description: "d",
                             points: [ChartPoint("A", 57), ChartPoint("B", 85)],
                             format: ValueFormat(.percent))
        let root = try #require(parseXML(chart.svg))
        #expect(root.elements("text", class: "tick").map(\.text)
            == ["0%", "20%", "40%", "60%", "80%", "100%"])
    }

    @Test func narrowBandsTurnNoDataUpright() throws {
        let points = (0..<24).map { ChartPoint("P\($0)", $0 == 5 ? nil : Double($0)) }
        let chart = BarChart(id: "n", title: "t", description: "d", points: points)
        let root = try #require(parseXML(chart.svg))
        let noData = try #require(root.elements("text", class: "no-data").first)
        #expect(noData["transform"]?.hasPrefix("rotate(-90 ") == true)
        // More than 12 bars: only the last is labelled with its value.
        #expect(root.elements("text", class: "value").map(\.text) == ["23"])
    }

    @Test func referencesAndNotesAreDrawn() throws {
        let chart = BarChart(
            id: "r", title: "t", description: "d",
            points: [ChartPoint("A", 10, marked: true), ChartPoint("B", 12, status: "p")],
            references: [ReferenceLine("Target", value: 11, kind: .target)])
        let root = try #require(parseXML(chart.svg))
        #expect(root.elements("line", class: "target").count == 1)
        #expect(root.elements("text", class: "end-label").map(\.text) == ["Target 11"])
        #expect(root.elements("circle", class: "note").count == 1)
        #expect(root.elements("text", class: "key").map(\.text) == ["Has a note"])
        #expect(root.elements("text", class: "value").map(\.text) == ["10", "12 [p]"])
    }
}

@Suite struct StackedBarChartTests {
    static let categories = ["Foster care", "Residential", "Placed with parents"]
    /// Totals 60, 70 (incomplete: 40 + 30) and none; ticks 0…70 by 10 would be 8, so by 20:
    /// 0…80.
    static let chart = StackedBarChart(
        id: "st", title: "t", description: "d", periods: ["2021", "2022", "2023"],
        categories: categories,
        values: [[30, 40, nil], [20, 30, nil], [10, nil, nil]])

    @Test func keyListsEveryCategoryTopOfTheStackFirst() throws {
        let root = try #require(parseXML(Self.chart.svg))
        let key = root.elements("text", class: "key").map(\.text)
        #expect(Array(key.prefix(3)) == ["Placed with parents", "Residential", "Foster care"])
        // Then the note for the asterisk, wrapped at 20 characters.
        #expect(Array(key.dropFirst(3)) == ["Incomplete: a", "category has no data"])
        // Each category has a swatch of its colour beside its name.
        let swatches = root.all.filter { $0.name == "rect" && $0["class"] == nil
            && $0["width"] == "12" }
        #expect(swatches.map { $0["fill"] } == ["#801650", "#28A197", "#12436D"])
    }

    @Test func segmentsAreSeparatedAndStacked() throws {
        let root = try #require(parseXML(Self.chart.svg))
        #expect(root.elements("text", class: "tick").map(\.text) == ["0", "20", "40", "60", "80"])
        let segments = root.elements("rect", class: "segment")
        #expect(segments.count == 5)
        #expect(segments.allSatisfy { $0["stroke"] == "#FFFFFF" })
        // Plot 24…286, 262 px for 80: 3.275 px a unit. The first bar's segments are 30, 20
        // and 10 units: 98.25, 65.5 and 32.75 px, each starting where the last ended.
        let first = Array(segments.prefix(3))
        #expect(first.map { $0["height"] } == ["98.25", "65.5", "32.75"])
        #expect(first.map { $0["y"] } == ["187.75", "122.25", "89.5"])
    }

    @Test func incompleteAndMissingPeriodsAreMarked() throws {
        let root = try #require(parseXML(Self.chart.svg))
        #expect(root.elements("text", class: "incomplete").map(\.text) == ["*"])
        #expect(root.elements("text", class: "no-data").map(\.text) == ["no data"])
    }

    @Test func raggedValuesAreNoData() throws {
        // Fewer rows or columns than categories and periods: the missing ones are gaps.
        let chart = StackedBarChart(id: "rg", title: "t", description: "d",
                                    periods: ["A", "B"], categories: ["x", "y"],
                                    values: [[1, 2]])
        let root = try #require(parseXML(chart.svg))
        #expect(root.elements("rect", class: "segment").count == 2)
        #expect(root.elements("text", class: "incomplete").count == 2)
    }
}

@Suite struct SparklineTests {
    /// 100 × 24 with 3 px padding: x = 3 + i × 94 / 4 = 3, 26.5, 50, 73.5, 97; values 1…4
    /// over 18 px: y = 21 − (v − 1) × 6, so y(1) = 21, y(3) = 9, y(2) = 15, y(4) = 3.
    static let sparkline = Sparkline(id: "sp", points: [1, 3, nil, 2, 4], label: "From 1 to 4")

    @Test func gapsBreakTheLineAndTheLastPointIsADot() throws {
        let root = try #require(parseXML(Self.sparkline.svg))
        #expect(root["role"] == "img")
        #expect(root["aria-labelledby"] == "sp_t")
        #expect(root.elements("title").first?["id"] == "sp_t")
        #expect(root.elements("title").first?.text == "From 1 to 4")
        #expect(root["width"] == "100" && root["height"] == "24")
        #expect(root.elements("path", class: "series").first?["d"]
            == "M3 21 L26.5 9 M73.5 15 L97 3")
        let last = try #require(root.elements("circle", class: "last").first)
        #expect(last["cx"] == "97" && last["cy"] == "3")
    }

    @Test func flatAndEmptyLinesStayInside() throws {
        let flat = try #require(parseXML(Sparkline(id: "f", points: [5, 5], label: "l").svg))
        #expect(flat.elements("path").first?["d"] == "M3 12 L97 12")
        let empty = try #require(parseXML(Sparkline(id: "e", points: [nil], label: "l").svg))
        #expect(empty.elements("path").isEmpty && empty.elements("circle").isEmpty)
    }
}
