import Testing
@testable import ScorecardCharts

/// `RoundedDecimal` takes a binary shortcut where it is provably the same as rounding the
/// shortest text; these check the two agree, at and around halves and across magnitudes.
@Suite struct QuickRoundingTests {
    static var values: [Double] {
        var out: [Double] = [0, -0.0, 1.005, 2.675, 0.125, -0.125, 12.5, -2.5, 999_999.995, 1e6, 1e-9, -1e-9,
                             .nan, .infinity, -.infinity, .ulpOfOne, Double.leastNonzeroMagnitude, 0.045, 1234.5678]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            // Halves and near-halves at 0–4 decimals, where rounding is most delicate.
            let hundredths = Double(Int.random(in: -100_000_000...100_000_000, using: &generator))
            let scale = [1.0, 10, 100, 1000, 10000, 100000][Int.random(in: 0...5, using: &generator)]
            let half = (hundredths + 0.5) / scale
            out += [half, half.nextUp, half.nextDown, hundredths / scale]
            out.append(Double.random(in: -2e6...2e6, using: &generator))
            out.append(Double.random(in: -1...1, using: &generator))
        }
        return out
    }

    /// svgNumber writes the quick path's text itself: the same as trimming the exact
    /// rounding's digits.
    @Test func svgNumberIsTheExactRoundingTrimmed() {
        for value in Self.values {
            let exact = RoundedDecimal(digitsOf: value, decimals: 2)
            var fraction = Substring(exact.fractionDigits)
            while fraction.last == "0" { fraction.removeLast() }
            let expected = (exact.isNegative ? "-" : "") + exact.integerDigits + (fraction.isEmpty ? "" : "." + fraction)
            #expect(svgNumber(value) == expected, "\(value)")
        }
    }

    @Test func quickRoundingIsExactRounding() {
        for value in Self.values {
            for decimals in 0...5 {
                #expect(RoundedDecimal(value, decimals: decimals) == RoundedDecimal(digitsOf: value, decimals: decimals),
                        "\(value) to \(decimals) decimals")
            }
        }
    }

    /// `decimalsNeeded` counts the digits of the shortest text where rounding to 12 decimals
    /// would leave them as they are; everywhere it must agree with that rounding.
    @Test func decimalsNeededIsTheRoundingsCount() {
        var ticks: [Double] = []
        for i in -50...50 {
            let n = Double(i)
            for step: Double in [0.1, 0.25, 2.5, 0.02, 5e-5] { ticks.append(n * step) }
        }
        let awkward: [Double] = [0.1 + 0.2, 1e-7, 1.5e-12, 1e-13, 123_456_789.123, 1e16, 1e22, 0.000_000_000_001, 2.000_000_000_000_4]
        for value in Self.values + ticks + awkward {
            #expect(decimalsNeeded(value) == decimalsNeededByRounding(value), "\(value)")
        }
        // By hand: 0.25 needs 2, 40 and 40.0 none, 0.1 + 0.2 (0.30000000000000004) rounds to
        // 0.3 at 12 decimals, 1e-7 is 0.0000001, 1e-13 rounds to 0.
        #expect(decimalsNeeded(0.25) == 2)
        #expect(decimalsNeeded(40) == 0)
        #expect(decimalsNeeded(-7.5) == 1)
        #expect(decimalsNeeded(0.1 + 0.2) == 1)
        #expect(decimalsNeeded(1e-7) == 7)
        #expect(decimalsNeeded(1e-13) == 0)
        #expect(decimalsNeeded(.nan) == 0)
    }
}
