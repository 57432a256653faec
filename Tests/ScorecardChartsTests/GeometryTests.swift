import Testing
@testable import ScorecardCharts

/// The tick rule: the smallest step of 1, 2 or 5 × 10ⁿ whose ticks from floor(min / step) to
/// ceil(max / step) number at most `maxCount`. Each case below is worked by hand in its comment.
@Suite struct NiceTicksTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var min: Double
        var max: Double
        var maxCount: Int
        var includingZero = false
        var expected: [Double]
        var testDescription: String { "\(min)…\(max), \(maxCount) ticks" }
    }

    @Test(arguments: [
        // Step 10: 0…90 is 10 ticks, too many; step 20: 0…100 is 6.
        Case(min: 0, max: 87, maxCount: 6, expected: [0, 20, 40, 60, 80, 100]),
        // Step 5: 55…85 is 7 ticks, too many; step 10: 50…90 is 5.
        Case(min: 57, max: 85, maxCount: 6, expected: [50, 60, 70, 80, 90]),
        // With 7 allowed, step 5 fits: 55…85.
        Case(min: 57, max: 85, maxCount: 7, expected: [55, 60, 65, 70, 75, 80, 85]),
        // Bars: the range becomes 0…85; step 10 is 10 ticks, step 20 gives 0…100, 6 ticks.
        Case(min: 57, max: 85, maxCount: 6, includingZero: true, expected: [0, 20, 40, 60, 80, 100]),
        // Step 0.05: 0.10…0.50 is 9 ticks; step 0.1: 0.1…0.5 is 5.
        Case(min: 0.12, max: 0.47, maxCount: 6, expected: [0.1, 0.2, 0.3, 0.4, 0.5]),
        // One value, 5, widens to 4.5…5.5; step 0.2 needs 4.4…5.6 (7), step 0.5 gives 3.
        Case(min: 5, max: 5, maxCount: 6, expected: [4.5, 5, 5.5]),
        // Zero alone widens to 0…1; step 0.2 gives 6 ticks.
        Case(min: 0, max: 0, maxCount: 6, expected: [0, 0.2, 0.4, 0.6, 0.8, 1]),
        // −12…30: step 5 is −15…30, 10 ticks; step 10 is −20…30, 6 ticks.
        Case(min: -12, max: 30, maxCount: 6, includingZero: true,
             expected: [-20, -10, 0, 10, 20, 30]),
        // Step 500: 1000…6000 is 11 ticks; step 1000: 1000…6000 is 6.
        Case(min: 1234, max: 5678, maxCount: 6, expected: [1000, 2000, 3000, 4000, 5000, 6000]),
        // Reversed bounds are the same range.
        Case(min: 85, max: 57, maxCount: 6, expected: [50, 60, 70, 80, 90]),
        // Fewer than 2 ticks is not a range, so 2: step 50 needs 0…100 in 3; step 100 fits.
        Case(min: 0, max: 87, maxCount: 1, expected: [0, 100]),
        // 10…40 exactly on steps of 10: four ticks.
        Case(min: 10, max: 40, maxCount: 6, expected: [10, 20, 30, 40]),
    ])
    func worked(_ example: Case) {
        #expect(niceTicks(min: example.min, max: example.max, maxCount: example.maxCount,
                          includingZero: example.includingZero) == example.expected)
    }

    @Test(arguments: [(3.0, 87.0), (-40.0, -5.0), (0.001, 0.0093), (1200.0, 1201.0)])
    func barAxisIncludesZero(min: Double, max: Double) {
        let ticks = niceTicks(min: min, max: max, maxCount: 6, includingZero: true)
        #expect(ticks.contains(0))
        #expect(ticks.first! <= min && ticks.last! >= max)
        #expect(ticks.count <= 6)
    }

    @Test func aNarrowRangeOfHugeValuesDoesNotOverflow() {
        // 1e14 … 1e14 + 0.5: step 0.1 would give 6 ticks, but its indices start at 1e15,
        // too near Int's limit, so it is skipped; step 0.2 gives indices 5e14 … 5e14 + 3.
        let ticks = niceTicks(min: 1e14, max: 1e14 + 0.5)
        #expect(ticks == [1e14, 1e14 + 0.2, 1e14 + 0.4, 1e14 + 0.6])
        #expect(niceTicks(min: -1e300, max: 1e300) == [-1e300, 1e300])
    }

    @Test func notFiniteInputStillGivesAnAxis() {
        #expect(niceTicks(min: .nan, max: .nan) == [0, 1])
        #expect(niceTicks(min: .nan, max: 4) == [3.6, 3.8, 4, 4.2, 4.4])
    }
}

@Suite struct LabelThinningTests {
    /// Intervals drawn for `indices` do not overlap and keep `gap` between them.
    func apart(_ indices: [Int], _ centres: [Double], _ widths: [Double], gap: Double) -> Bool {
        zip(indices, indices.dropFirst()).allSatisfy { a, b in
            centres[a] + widths[a] / 2 + gap <= centres[b] - widths[b] / 2
        }
    }

    @Test func workedExample() {
        // 24 labels 52 px wide, 20 px apart, 6 px gap: every 2nd is 40 px apart (< 58), every
        // 3rd 60 px. 0, 3, …, 21 then 23, which is 40 px from 21, so 21 is dropped.
        let centres = (0..<24).map { Double($0) * 20 }
        let widths = Array(repeating: 52.0, count: 24)
        #expect(visibleLabelIndices(centres: centres, widths: widths, minGap: 6)
            == [0, 3, 6, 9, 12, 15, 18, 23])
    }

    @Test func twentyFourMonthsAt640NeverOverlap() {
        // Monthly labels across the full 640 px width, as wide as the chart estimates them.
        let months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
        let labels = (0..<24).map { "\(months[$0 % 12]) \(2020 + ($0 + 3) / 12)" }
        let widths = labels.map { estimatedTextWidth($0) }
        #expect(widths.allSatisfy { $0 == 52 })  // 8 characters × 6.5 px
        let centres = (0..<24).map { 26 + Double($0) * (640 - 52) / 23 }
        let shown = visibleLabelIndices(centres: centres, widths: widths)
        #expect(shown.first == 0 && shown.last == 23)
        #expect(apart(shown, centres, widths, gap: 6))
        // 25.57 px apart: every 3rd (76.7 px) is the first stride that clears 58 px.
        #expect(shown == [0, 3, 6, 9, 12, 15, 18, 23])
    }

    @Test func allShownWhenThereIsRoom() {
        #expect(visibleLabelIndices(centres: [0, 100, 200], widths: [40, 40, 40]) == [0, 1, 2])
    }

    @Test func onlyTheFirstWhenTheLastCannotFitBesideIt() {
        #expect(visibleLabelIndices(centres: [0, 30], widths: [40, 40]) == [0])
        #expect(visibleLabelIndices(centres: [5], widths: [40]) == [0])
        #expect(visibleLabelIndices(centres: [], widths: []) == [])
    }
}

@Suite struct LabelSpreadingTests {
    @Test func labelsApartAreNotMoved() {
        #expect(spreadLabels(desired: [50, 100], heights: [14, 14], bounds: 0...300)
            == [50, 100])
    }

    @Test func closeLabelsAreCentredOnTheirMean() {
        // Cluster 14 + 2 + 14 = 30 high; member centres 7 and 23 below its top; top =
        // mean(100 − 7, 105 − 23) = 87.5; centres 94.5 and 110.5.
        #expect(spreadLabels(desired: [100, 105], heights: [14, 14], bounds: 0...300)
            == [94.5, 110.5])
        // The same, given in the other order: results stay in the order given.
        #expect(spreadLabels(desired: [105, 100], heights: [14, 14], bounds: 0...300)
            == [110.5, 94.5])
    }

    @Test func threeAtOneValue() {
        // 46 high; centres 7, 23, 39 below the top; top = mean(43, 27, 11) = 27.
        #expect(spreadLabels(desired: [50, 50, 50], heights: [14, 14, 14], bounds: 0...300)
            == [34, 50, 66])
    }

    @Test func keptInsideBounds() {
        // Wants 5, but its top edge may not go above 0: centre 7.
        #expect(spreadLabels(desired: [5], heights: [14], bounds: 0...100) == [7])
        // Two at the bottom: 30 high, so the top is at 100 − 30 = 70.
        #expect(spreadLabels(desired: [99, 99], heights: [14, 14], bounds: 0...100) == [77, 93])
    }

    @Test func aClusterPushedIntoAnotherMerges() {
        // 21 and 23 overlap: top = mean(21 − 7, 23 − 23) = 7, so they fill 7…37. The label
        // at 40 (top 33) now overlaps too: top = mean(14, 0, 40 − 39) = 5; centres 12, 28, 44.
        #expect(spreadLabels(desired: [21, 23, 40], heights: [14, 14, 14], bounds: 0...300)
            == [12, 28, 44])
    }
}

@Suite struct WrappingTests {
    @Test func wrapsAtSpaces() {
        #expect(wrapWords("Statistical neighbours 13.2%", maxCharacters: 18)
            == ["Statistical", "neighbours 13.2%"])
        #expect(wrapWords("Target 15.0%", maxCharacters: 18) == ["Target 15.0%"])
        #expect(wrapWords("Supercalifragilistic word", maxCharacters: 10)
            == ["Supercalifragilistic", "word"])
        #expect(wrapWords("", maxCharacters: 10) == [""])
    }
}
