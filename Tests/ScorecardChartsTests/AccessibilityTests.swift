import Testing
import ScorecardCharts

/// One of each chart, with hostile text in every field that reaches the output.
enum Hostile {
    static let text = "\"><script>alert(1)</script>"
    static let category = "a&b<c>"

    static var figures: [(name: String, markup: String)] {
        let points = [ChartPoint(text, 3, marked: true, status: category),
                      ChartPoint(category, nil), ChartPoint("B", 5, status: text)]
        return [
            ("line", LineChart(
                id: "line", title: text, description: category, points: points,
                references: [ReferenceLine(text, value: 4, kind: .target),
                             ReferenceLine(category, value: 4.1, kind: .comparator)],
                rollingMean: [nil, nil, 4], caption: text).svg),
            ("bar", BarChart(
                id: "bar", title: category, description: text, points: points,
                references: [ReferenceLine(category, value: 4, kind: .comparator)],
                caption: category).svg),
            ("stacked", StackedBarChart(
                id: "stacked", title: text, description: text, periods: [text, category],
                categories: [category, text], values: [[1, 2], [3, nil]]).svg),
        ]
    }
}

@Suite struct AccessibilityTests {
    @Test func hostileTextIsEscapedEverywhere() throws {
        for (name, markup) in Hostile.figures {
            #expect(!markup.contains("<script"), "\(name)")
            #expect(!markup.contains("a&b"), "\(name)")
            #expect(!markup.contains("<c>"), "\(name)")
            // Still one well-formed element tree, with the text intact once parsed.
            let root = try #require(parseXML(markup), "\(name)")
            #expect(root.all.allSatisfy { $0.name != "script" })
            let texts = root.all.map(\.text)
            #expect(texts.contains(Hostile.text) || texts.contains(Hostile.category), "\(name)")
        }
        let line = try #require(parseXML(Hostile.figures[0].markup))
        #expect(line.elements("title").first?.text == Hostile.text)
        // 3 … 5 takes ticks of 0.5 from 3.0 (step 0.2 would need eleven): the axis is cut at 3.0.
        #expect(line.elements("desc").first?.text == Hostile.category + " The value axis starts at 3.0, not zero.")
        #expect(line.elements("figcaption").first?.text == Hostile.text)
        let stacked = try #require(parseXML(Hostile.figures[2].markup))
        #expect(stacked.elements("text", class: "key").map(\.text).contains(Hostile.category))
    }

    @Test func hostileIdIsEscapedInAttributes() throws {
        let id = "x\"><script>"
        let markup = BarChart(id: id, title: "t", description: "d", points: []).svg
        #expect(!markup.contains("<script"))
        #expect(markup.contains("aria-labelledby=\"x&quot;&gt;&lt;script&gt;_cap\""))
        let root = try #require(parseXML(markup))
        #expect(root["aria-labelledby"] == id + "_cap")
        let sparkline = Sparkline(id: id, points: [1], label: Hostile.text).svg
        #expect(!sparkline.contains("<script"))
        #expect(parseXML(sparkline)?.elements("title").first?.text == Hostile.text)
    }

    @Test func figurePatternWithUniqueIdsThatResolve() throws {
        for (name, markup) in Hostile.figures {
            let root = try #require(parseXML(markup))
            #expect(root.name == "figure")
            #expect(root["class"] == "chart")
            #expect(root.children.map(\.name) == ["svg", "figcaption"], "\(name)")
            let svg = root.children[0]
            #expect(svg["role"] == "img")
            #expect(svg["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(svg["viewBox"] == "0 0 640 320")
            #expect(Array(svg.children.prefix(2).map(\.name)) == ["title", "desc"])
            #expect(root["aria-labelledby"] == "\(name)_cap")
            #expect(svg["aria-labelledby"] == "\(name)_t \(name)_d")
            let ids = root.all.compactMap { $0["id"] }
            #expect(ids == ["\(name)_t", "\(name)_d", "\(name)_cap"])
            #expect(Set(ids).count == ids.count)
            for node in root.all {
                for reference in node["aria-labelledby"]?.split(separator: " ") ?? [] {
                    #expect(ids.contains(String(reference)), "\(name): \(reference)")
                }
            }
        }
    }

    @Test func twoChartsOnOnePageShareNoIds() throws {
        let a = try #require(parseXML(LineChartTests.gapChart.svg))
        var other = LineChartTests.gapChart
        other.id = "gap-2"
        let b = try #require(parseXML(other.svg))
        let ids = (a.all + b.all).compactMap { $0["id"] }
        #expect(ids.count == 6 && Set(ids).count == 6)
    }

    @Test func everyTextIsFourAndAHalfToOneAndEveryMarkThreeToOne() throws {
        let markups = Hostile.figures.map(\.markup) + [
            LineChartTests.gapChart.svg, StackedBarChartTests.chart.svg,
            SparklineTests.sparkline.svg,
        ]
        for markup in markups {
            let root = try #require(parseXML(markup))
            for text in root.elements("text") {
                let fill = try #require(text["fill"].flatMap(RGBColour.init(hex:)))
                #expect(contrastRatio(fill, .white) >= 4.5, "\(text.text)")
            }
            for node in root.all where ["line", "path", "rect", "circle"].contains(node.name) {
                // Grid lines are decorative; white is the separator and label background.
                guard node["class"] != "grid" else { continue }
                for attribute in ["stroke", "fill"] {
                    guard let value = node[attribute], value != "none", value != "#FFFFFF" else {
                        continue
                    }
                    let colour = try #require(RGBColour(hex: value))
                    #expect(contrastRatio(colour, .white) >= 3, "\(node.name) \(value)")
                }
            }
        }
    }

    @Test func outputIsIdenticalAcrossCalls() {
        #expect(Hostile.figures.map(\.markup) == Hostile.figures.map(\.markup))
        #expect(LineChartTests.gapChart.svg == LineChartTests.gapChart.svg)
        #expect(SparklineTests.sparkline.svg == SparklineTests.sparkline.svg)
    }

    @Test func coordinatesHaveAtMostTwoDecimalsAndNoNegativeZero() throws {
        for markup in Hostile.figures.map(\.markup) + [SparklineTests.sparkline.svg] {
            let root = try #require(parseXML(markup))
            for node in root.all {
                for key in ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"] {
                    guard let value = node[key] else { continue }
                    #expect(value != "-0" && !value.contains("e"), "\(key)=\(value)")
                    #expect((value.split(separator: ".").dropFirst().first?.count ?? 0) <= 2)
                    #expect(!(value.contains(".") && value.hasSuffix("0")), "\(key)=\(value)")
                }
            }
        }
    }
}
