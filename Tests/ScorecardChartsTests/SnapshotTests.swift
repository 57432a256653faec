import Foundation
import Testing
import ScorecardCharts

/// Golden files under `Snapshots/`, read beside this source file (not as resources).
///
/// To re-record, run with `RECORD_SNAPSHOTS=1`: the files are written and the test fails, so
/// a recording run can never pass by accident. Every number in these files is also worked
/// by hand in `LineChartTests` and `SparklineTests` (or in the comments below).
@Suite struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    func assertSnapshot(_ actual: String, named name: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: Self.folder,
                                                    withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
            Issue.record("Recorded \(name); run again without RECORD_SNAPSHOTS.",
                         sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            Issue.record("No snapshot \(name); record it with RECORD_SNAPSHOTS=1.",
                         sourceLocation: sourceLocation)
            return
        }
        #expect(String(decoding: data, as: UTF8.self) == actual, sourceLocation: sourceLocation)
    }

    /// Besides what `LineChartTests` works out (ticks, plot 27…561 × 36…286, points, path,
    /// ring): grid lines at y 286, 202.67, 119.33, 36 with labels at x 27 − 8 = 19, 4 px
    /// below each line; period labels at y 286 + 20 = 306 under x 39 … 549, with 4 px tick
    /// marks; the target at y(25) = 161; right labels at x 561 + 14 = 575 with baselines 4
    /// below their centres, 36 → 40 and 161 → 165 (far apart, so not moved); the last dot at
    /// (549, 36). Key row at y 10: a ring at 27 + 12 = 39, "Has a note" at 27 + 30 = 57; the
    /// next item at 27 + (30 + 65) + 18 = 140, a broken line 140…148 and 156…164, its text at
    /// 170; text baselines 10 + 4 = 14.
    @Test func lineChartWithGapTargetAndNote() throws {
        try assertSnapshot(LineChartTests.gapChart.svg, named: "line-gap.html")
    }

    /// The numbers of `line-gap.html` not already checked in `LineChartTests`, each worked
    /// out by hand in the comment above `lineChartWithGapTargetAndNote`.
    @Test func goldenLineChartNumbersWorkedByHand() throws {
        let root = try #require(parseXML(LineChartTests.gapChart.svg))
        let grid = root.elements("line", class: "grid")
        #expect(grid.map { $0["y1"] } == ["286", "202.67", "119.33", "36"])
        #expect(grid.allSatisfy { $0["x1"] == "27" && $0["x2"] == "561" && $0["y1"] == $0["y2"] })
        let ticks = root.elements("text", class: "tick")
        #expect(ticks.map(\.text) == ["10", "20", "30", "40"])
        #expect(ticks.map { $0["y"] } == ["290", "206.67", "123.33", "40"])
        #expect(ticks.allSatisfy { $0["x"] == "19" && $0["text-anchor"] == "end" })
        let periods = root.elements("text", class: "period")
        #expect(periods.map(\.text) == ["Q1", "Q2", "Q3", "Q4", "Q5"])
        #expect(periods.map { $0["x"] } == ["39", "166.5", "294", "421.5", "549"])
        #expect(periods.allSatisfy { $0["y"] == "306" })
        let tickMarks = root.all.filter { $0.name == "line" && $0["class"] == nil && $0["y1"] == "286" }
        #expect(tickMarks.map { $0["x1"] } == ["39", "166.5", "294", "421.5", "549"])
        #expect(tickMarks.allSatisfy { $0["y2"] == "290" && $0["x1"] == $0["x2"] })
        let axis = try #require(root.elements("line", class: "axis").first)
        #expect([axis["x1"], axis["y1"], axis["x2"], axis["y2"]] == ["27", "286", "561", "286"])
        let target = try #require(root.elements("line", class: "target").first)
        #expect([target["x1"], target["y1"], target["x2"], target["y2"]] == ["27", "161", "561", "161"])
        let last = try #require(root.elements("circle", class: "last").first)
        #expect(last["cx"] == "549" && last["cy"] == "36")
        let ends = root.elements("text", class: "end-label")
        #expect(ends.map(\.text) == ["40", "Target 25"])
        #expect(ends.map { $0["x"] } == ["575", "575"])
        #expect(ends.map { $0["y"] } == ["40", "165"])
        #expect(root.elements("line", class: "leader").isEmpty)
        let keyRing = try #require(root.all.first { $0.name == "circle" && $0["class"] == nil })
        #expect(keyRing["cx"] == "39" && keyRing["cy"] == "10")
        let keyLines = root.all.filter { $0.name == "line" && $0["y1"] == "10" }
        #expect(keyLines.map { [$0["x1"], $0["x2"]] } == [["140", "148"], ["156", "164"]])
        let key = root.elements("text", class: "key")
        // The third entry, for the axis cut at 10, starts 18 after the second's 30 + 22 × 6.5 =
        // 173: its symbol at 140 + 173 + 18 = 331, its words 30 further, at 361.
        #expect(key.map { $0["x"] } == ["57", "170", "361"])
        #expect(key.allSatisfy { $0["y"] == "14" })
    }

    /// Worked in `SparklineTests`: path `M3 21 L26.5 9 M73.5 15 L97 3`, last dot at (97, 3).
    @Test func sparklineWithGap() throws {
        try assertSnapshot(SparklineTests.sparkline.svg, named: "sparkline-gap.svg")
    }
}
