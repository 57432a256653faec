import Foundation
import ScorecardCore
import Testing

func d(_ s: String) -> Decimal { DecimalNumber.parse(s)! }
func month(_ s: String) -> Period { try! Period.parse(s) }
func point(_ period: String, _ value: String?, breakdown: String? = nil) -> PublishedPoint {
    PublishedPoint(period: month(period), breakdown: breakdown, value: value.map(d))
}
func indicator(_ unit: MeasureUnit = .percent, better: Better = .higher, target: String? = nil,
               tolerance: String = "0", decimals: Int? = nil, window: Int = 6, band: String? = nil,
               breakdowns: [String]? = nil, exempt: Bool = false) -> IndicatorDefinition {
    IndicatorDefinition(id: "k", title: "K", unit: unit, better: better, target: target.map(d),
                        tolerance: d(tolerance), decimals: decimals, breakdowns: breakdowns,
                        trendWindow: window, stableBand: band.map(d), disclosureExempt: exempt)
}

@Suite struct RAGTests {
    /// better: higher, target 80, tolerance 5, one decimal: green from 80.0, amber from 75.0.
    @Test(arguments: [
        ("80", RAG.green), ("80.0", .green), ("79.95", .green),   // 79.95 is shown as 80.0
        ("79.94", .amber), ("79.9", .amber), ("75", .amber), ("74.95", .amber), ("74.94", .red), ("0", .red),
    ])
    func higherIsBetter(value: String, expected: RAG) {
        #expect(Figures.rag(value: d(value), definition: indicator(target: "80", tolerance: "5")) == expected)
    }

    /// better: lower, target 15, tolerance 2: green up to 15.0, amber up to 17.0.
    @Test(arguments: [
        ("15", RAG.green), ("15.04", .green), ("15.05", .amber), ("17", .amber), ("17.04", .amber),
        ("17.05", .red), ("30", .red), ("0", .green),
    ])
    func lowerIsBetter(value: String, expected: RAG) {
        #expect(Figures.rag(value: d(value), definition: indicator(better: .lower, target: "15", tolerance: "2")) == expected)
    }

    @Test func toleranceZeroMeansNoAmber() {
        let def = indicator(target: "80")
        #expect(Figures.rag(value: d("79.9"), definition: def) == .red)
        #expect(Figures.rag(value: d("80"), definition: def) == .green)
    }

    @Test func boundsAreComparedInDecimal() {
        // target 1.8 reached by 1.2 + 0.6: exactly on target, so green (a Double would say red).
        let def = indicator(.number, target: "1.8")
        #expect(Figures.rag(value: d("1.2") + d("0.6"), definition: def) == .green)
        let amber = indicator(.number, target: "1.8", tolerance: "0.6")
        #expect(Figures.rag(value: d("1.2"), definition: amber) == .amber)   // 1.2 = 1.8 − 0.6 exactly
    }

    @Test func noRAGWithoutTargetOrDirection() {
        #expect(Figures.rag(value: d("50"), definition: indicator()) == nil)
        #expect(Figures.rag(value: d("50"), definition: indicator(better: .neither, target: "40")) == nil)
        #expect(Figures.rag(value: nil, definition: indicator(target: "40")) == nil)
    }
}

@Suite struct TrendTests {
    func trend(_ values: [String?], _ def: IndicatorDefinition) -> Trend? {
        let points = values.enumerated().map { i, v in
            PublishedPoint(period: Period.month(year: 2020, month: i + 1)!, value: v.map(d))
        }
        return Figures.trend(points, definition: def)
    }

    @Test func onTheBandIsStable() {
        // 0, 1, 2: slope 1, fitted change 1 × (3 − 1) = 2, equal to the band of 2.
        #expect(trend(["0", "1", "2"], indicator(band: "2")) == .stable)
        #expect(trend(["0", "1", "2"], indicator(band: "1.99")) == .improving)
        #expect(trend(["0", "1", "2"], indicator(better: .lower, band: "1.99")) == .worsening)
        #expect(trend(["2", "1", "0"], indicator(better: .lower, band: "1.99")) == .improving)
        #expect(trend(["0", "1", "2"], indicator(better: .neither, band: "1.99")) == .rising)
        #expect(trend(["2", "1", "0"], indicator(better: .neither, band: "1.99")) == .falling)
    }

    @Test func defaultBandIsTwoPercentOfTheMeanAbsoluteValue() {
        // 100, 101, 102: change 2; band 0.02 × 101 = 2.02 → stable, just inside.
        #expect(trend(["100", "101", "102"], indicator()) == .stable)
        // 100, 101, 102.1: slope = (−1·(100 − 101.0333) + 1·(102.1 − 101.0333)) / 2 = 1.05,
        // change 2.1; band 0.02 × 101.0333 = 2.0207 → just outside, improving.
        #expect(trend(["100", "101", "102.1"], indicator()) == .improving)
    }

    @Test func theAllowanceIsRelativeToTheBandNotToTheValues() {
        // A budget in pounds, 12000000, 12000000, 12000001.01, with stable-band 1:
        // slope = (12000001.01 − 12000000) / 2 = 0.505, fitted change 0.505 × (3 − 1) = 1.01.
        // 1.01 is 1% beyond the band of 1, far more than a relative error of 1e-9 (which
        // allows up to 1.000000001), so the trend is improving, not stable.
        #expect(trend(["12000000", "12000000", "12000001.01"], indicator(.number, band: "1")) == .improving)
        // 12000000, 12000000, 12000001: change exactly 1, on the band → stable.
        #expect(trend(["12000000", "12000000", "12000001"], indicator(.number, band: "1")) == .stable)
    }

    @Test func aFlatSeriesIsStableEvenWithAZeroBand() {
        #expect(trend(["0.1", "0.1", "0.1", "0.1"], indicator(band: "0")) == .stable)
        #expect(trend(["0", "0", "0"], indicator()) == .stable)
    }

    @Test func gapsAreSkippedNotZero() {
        // Values 5, 6, 7 (the gap is skipped): change 2, band 0.02 × 6 = 0.12 → improving.
        // Were the gap a zero the fit would run 5, 0, 6, 7 and differ.
        #expect(trend(["5", nil, "6", "7"], indicator()) == .improving)
        #expect(trend(["5", nil, "6"], indicator()) == nil)   // only two values
    }

    @Test func usesOnlyTheLastWindowValues() {
        // Window 3 sees 5, 5, 5 only: stable, despite the earlier fall.
        #expect(trend(["90", "50", "5", "5", "5"], indicator(window: 3)) == .stable)
        #expect(trend(["90", "50", "5", "5", "5"], indicator(window: 5)) == .worsening)
    }
}

@Suite struct SeriesTests {
    @Test func rollingMeanTreatsMissingPeriodsAsGaps() throws {
        // Jan 10, Feb 20, Mar 30, (no Apr row), May 50, Jun 60, Jul 70 with k = 3.
        let points = [point("2020-01", "10"), point("2020-02", "20"), point("2020-03", "30"),
                      point("2020-05", "50"), point("2020-06", "60"), point("2020-07", "70")]
        let rolling = try #require(Figures.rollingMean(points, k: 3))
        #expect(rolling.map(\.period.canonical) == ["2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06", "2020-07"])
        #expect(rolling.map(\.mean) == [nil, nil, d("20"), nil, nil, nil, d("60")])
    }

    @Test func rollingMeanTreatsSymbolsAsGaps() throws {
        var points = [point("2020-01", "10"), point("2020-02", nil), point("2020-03", "30"), point("2020-04", "40")]
        points[1].symbol = .suppressed
        let rolling = try #require(Figures.rollingMean(points, k: 2))
        #expect(rolling.map(\.mean) == [nil, nil, nil, d("35")])
    }

    @Test func rollingMeanNeedsRegularPeriods() {
        let days = [PublishedPoint(period: .day(CivilDate(year: 2020, month: 1, day: 1)!), value: 1)]
        #expect(Figures.rollingMean(days, k: 2) == nil)
    }

    @Test func latestSkipsTrailingGapsButKeepsSymbols() {
        var points = [point("2020-01", "10"), point("2020-02", "20"), point("2020-03", nil)]
        #expect(Figures.latest(points)?.period.canonical == "2020-02")
        points[2].symbol = .notAvailable
        #expect(Figures.latest(points)?.period.canonical == "2020-03")
        #expect(Figures.latest(points)?.value == nil)
    }

    @Test func changeSincePreviousVisit() {
        let now = point("2020-06", "85"), then = point("2020-01", "57")
        #expect(Figures.change(current: now, currentUnit: .percent, previous: then, previousUnit: .percent) == d("28"))
        #expect(Figures.change(current: now, currentUnit: .percent, previous: nil, previousUnit: nil) == nil)   // a new indicator
        #expect(Figures.change(current: now, currentUnit: .percent, previous: then, previousUnit: .count) == nil)
        var symbol = then
        symbol.value = nil
        symbol.symbol = .suppressed
        #expect(Figures.change(current: now, currentUnit: .percent, previous: symbol, previousUnit: .percent) == nil)
    }

    @Test func headlineSumsCategoriesOfACount() throws {
        let def = indicator(.count, breakdowns: ["North", "South"])
        let points = [point("2020-01", "10", breakdown: "North"), point("2020-01", "15", breakdown: "South"),
                      point("2020-02", "12", breakdown: "North"),   // South missing: a gap, not 12
                      point("2020-03", "7", breakdown: "North"), point("2020-03", "0", breakdown: "South")]
        let headline = try #require(Figures.headline(points: points, source: points, definition: def,
                                                     categories: ["North", "South"], rule: DisclosureRule(suppressBelow: 0)))
        #expect(headline.map(\.value) == [d("25"), nil, d("7")])
    }

    @Test func aDeclaredCategoryWithNoRowsDoesNotBlankTheSummedHeadline() throws {
        // breakdowns: [North, South, West], but only North and South have rows. The headline
        // is a gap only where a category *seen in the series* is missing, so West (never
        // seen) does not count: Jan 10 + 15 = 25, Feb 12 + 8 = 20.
        let def = indicator(.count, breakdowns: ["North", "South", "West"])
        let rows = [Observation.value("k", month("2020-01"), d("10"), breakdown: "North"),
                    Observation.value("k", month("2020-01"), d("15"), breakdown: "South"),
                    Observation.value("k", month("2020-02"), d("12"), breakdown: "North"),
                    Observation.value("k", month("2020-02"), d("8"), breakdown: "South")]
        let f = IndicatorFigures.compute(definition: def, scorecardID: "s", rows: rows,
                                         dataAsOf: CivilDate(iso: "2020-02-29")!, rule: DisclosureRule(suppressBelow: 0))
        #expect(f.headline?.map(\.value) == [d("25"), d("20")])
        #expect(f.latest?.value == d("20"))
        #expect(f.categories == ["North", "South", "West"])   // the table still has a West column
    }

    @Test func explicitHeadlineRowsWin() throws {
        let def = indicator(.count)
        let points = [point("2020-01", "30"), point("2020-01", "10", breakdown: "North")]
        let headline = try #require(Figures.headline(points: points, source: points, definition: def,
                                                     categories: ["North"], rule: DisclosureRule(suppressBelow: 0)))
        #expect(headline.map(\.value) == [d("30")])
    }

    @Test func breakdownOfPercentsHasNoHeadline() {
        let points = [point("2020-01", "30", breakdown: "North")]
        #expect(Figures.headline(points: points, source: points, definition: indicator(.percent),
                                 categories: ["North"], rule: DisclosureRule(suppressBelow: 0)) == nil)
    }
}

@Suite struct DisclosureTests {
    let rule = DisclosureRule(suppressBelow: 5)

    @Test func smallCountsAreSuppressedButNotZero() {
        let points = [point("2020-01", "3"), point("2020-02", "0"), point("2020-03", "5"), point("2020-04", "1")]
        let out = rule.apply(to: points, definition: indicator(.count), categories: [])
        #expect(out.map(\.value) == [nil, d("0"), d("5"), nil])
        #expect(out.map(\.symbol) == [.suppressed, nil, nil, .suppressed])
    }

    @Test func aPercentBuiltOnASmallCountIsSuppressed() {
        var p = point("2020-01", "40")
        p.numerator = 4
        p.denominator = 10
        var q = point("2020-02", "50")
        q.numerator = 10
        q.denominator = 20
        let out = rule.apply(to: [p, q], definition: indicator(.percent), categories: [])
        #expect(out[0].isSuppressed && out[0].numerator == nil && out[0].denominator == nil)
        #expect(out[1].value == d("50"))
    }

    @Test func aSmallCountBesideASymbolIsNotPublished() throws {
        // suppress-below 5. January: numerator x (not available), denominator 3. February:
        // numerator 2, denominator x. 3 and 2 are counts of at least 1 and less than 5, so
        // each is published as c, and the row with it: data.csv shows value c with empty
        // numerator and denominator, and neither 3 nor 2 appears anywhere.
        let def = IndicatorDefinition(id: "k", title: "K", unit: .percent, better: .higher)
        let rows = [
            Observation(indicator: "k", period: month("2020-01"), content: .symbol(.notAvailable),
                        denominator: 3, countSymbol: .notAvailable),
            Observation(indicator: "k", period: month("2020-02"), content: .symbol(.notAvailable),
                        numerator: 2, countSymbol: .notAvailable),
        ]
        let site = Site(title: "S", authority: "A", scorecards: [.init(id: "s", title: "S")], suppressBelow: 5)
        let visit = Visit(id: "v", title: "V", date: CivilDate(iso: "2020-03-10")!, dataAsOf: CivilDate(iso: "2020-02-29")!,
                          status: .published, scorecards: [Scorecard(id: "s", title: "S", indicators: [def], observations: rows)])
        let figures = VisitFigures.compute(visit: visit, site: site, previous: nil)
        let card = try #require(figures.scorecards.first)
        #expect(card.indicators[0].points.map(\.symbol) == [.suppressed, .suppressed])
        #expect(DataCSV.document(card) == "indicator,period,breakdown,value,numerator,denominator,status,note\r\n"
                + "k,2020-01,,c,,,,\r\nk,2020-02,,c,,,,\r\n")
    }

    @Test func exemptIndicatorsAreNotSuppressed() {
        let out = rule.apply(to: [point("2020-01", "3")], definition: indicator(.count, exempt: true), categories: [])
        #expect(out[0].value == d("3"))
    }

    @Test func offWhenThresholdIsZero() {
        let out = DisclosureRule(suppressBelow: 0).apply(to: [point("2020-01", "3")], definition: indicator(.count), categories: [])
        #expect(out[0].value == d("3"))
    }

    @Test func secondarySuppressionProtectsACategoryATotalWouldReveal() {
        // Total 20 = A 3 + B 7 + C 10. A is hidden; with the total shown, A = 20 − 7 − 10,
        // so B (the next smallest) is hidden too.
        let points = [point("2020-01", "20"), point("2020-01", "3", breakdown: "A"),
                      point("2020-01", "7", breakdown: "B"), point("2020-01", "10", breakdown: "C")]
        let out = rule.apply(to: points, definition: indicator(.count), categories: ["A", "B", "C"])
        #expect(out.map(\.value) == [d("20"), nil, nil, d("10")])
    }

    @Test func aDeclaredCategoryWithNoRowsDoesNotShieldASuppressedOne() {
        // breakdowns: [North, South, East, West]; West has no rows at all. Total 20, North 3,
        // South 8, East 9, suppress-below 5. North is hidden, but 20 − 8 − 9 = 3 gives it away,
        // so South (the next smallest, 8) is hidden too: total 20, North c, South c, East 9.
        let def = indicator(.count, breakdowns: ["North", "South", "East", "West"])
        let rows = [Observation.value("k", month("2020-01"), d("20")),
                    Observation.value("k", month("2020-01"), d("3"), breakdown: "North"),
                    Observation.value("k", month("2020-01"), d("8"), breakdown: "South"),
                    Observation.value("k", month("2020-01"), d("9"), breakdown: "East")]
        let f = IndicatorFigures.compute(definition: def, scorecardID: "s", rows: rows,
                                         dataAsOf: CivilDate(iso: "2020-01-31")!, rule: rule)
        #expect(f.points.map(\.value) == [d("20"), nil, nil, d("9")])
    }

    @Test func noSecondarySuppressionWithoutAPublishedTotal() {
        let points = [point("2020-01", "3", breakdown: "A"), point("2020-01", "7", breakdown: "B")]
        let out = rule.apply(to: points, definition: indicator(.count), categories: ["A", "B"])
        #expect(out.map(\.value) == [nil, d("7")])
        // The summed headline is withheld (c, not a gap), since a category is suppressed.
        let headline = Figures.headline(points: out, source: points, definition: indicator(.count),
                                        categories: ["A", "B"], rule: rule)
        #expect(headline?.map(\.isSuppressed) == [true])
        #expect(headline?.map(\.value) == [nil])
    }

    @Test func aSummedHeadlineOfZerosIsShown() {
        let points = [point("2020-01", "0", breakdown: "A"), point("2020-01", "0", breakdown: "B")]
        let headline = Figures.headline(points: points, source: points, definition: indicator(.count),
                                        categories: ["A", "B"], rule: rule)
        #expect(headline?.first?.value == d("0"))   // zero is never suppressed
    }
}
