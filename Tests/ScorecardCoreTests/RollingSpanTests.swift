import Foundation
import ScorecardCore
import Testing

/// An indicator's rolling mean holds the means that exist, in period order: the figures of
/// `Figures.rollingMean` without a null for every period between rows. A few rows centuries
/// apart (a typo such as 0001-W01 for 2021-W01) made half a million weekly periods for each
/// indicator: seconds and hundreds of megabytes for a handful of rows.
@Suite struct RollingSpanTests {
    static func figures(_ rows: [(String, String?)], k: Int) -> IndicatorFigures {
        let def = IndicatorDefinition(id: "k", title: "K", unit: .number, better: .higher, rolling: k)
        let observations = rows.map { Observation.value("k", try! Period.parse($0.0), $0.1.map(d)) }
        return IndicatorFigures.compute(definition: def, scorecardID: "s", rows: observations,
                                        dataAsOf: CivilDate(year: 9999, month: 12, day: 31)!,
                                        rule: DisclosureRule(suppressBelow: 0))
    }

    @Test func theSameMeansAsTheFullSpanWithoutItsNulls() throws {
        let rows: [(String, String?)] = [("2020-01", "10"), ("2020-02", "20"), ("2020-03", "30"), ("2020-05", "50"),
                                         ("2020-06", "60"), ("2020-07", "70"), ("2020-08", nil), ("2020-09", "90")]
        let f = Self.figures(rows, k: 3)
        let headline = try #require(f.headline)
        let full = try #require(Figures.rollingMean(headline, k: 3))
        let rolling = try #require(f.rolling)
        #expect(rolling.map(\.period) == full.filter { $0.mean != nil }.map(\.period))
        #expect(rolling.map(\.mean) == full.compactMap(\.mean))
        #expect(rolling.map(\.period.canonical) == ["2020-03", "2020-07"])
    }

    @Test func rowsCenturiesApartCostAStepPerRow() throws {
        var f: IndicatorFigures?
        let elapsed = ContinuousClock().measure {
            f = Self.figures([("0001-W01", "1"), ("0001-W02", "3"), ("9999-W50", "5"), ("9999-W51", "7")], k: 2)
        }
        let rolling = try #require(f?.rolling)
        try #require(rolling.count == 2)   // not a diff of half a million entries
        #expect(rolling.map(\.period.canonical) == ["0001-W02", "9999-W51"])
        #expect(rolling.map(\.mean) == [d("2"), d("6")])
        #expect(elapsed < .milliseconds(500))
    }
}
