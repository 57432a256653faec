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
}
