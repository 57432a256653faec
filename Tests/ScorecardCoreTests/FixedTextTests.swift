import Foundation
import Testing
@testable import ScorecardCore

/// `fixed` and `grouped` against text made independently, with integer arithmetic: a value
/// n × 10⁻ᵈ shown with p places is n scaled to p places (rounded half away from zero when
/// p < d), split into whole and fraction by division.
struct FixedTextTests {
    static func power(_ k: Int) -> Int { (0..<k).reduce(1) { acc, _ in acc * 10 } }

    /// The expected text, worked out with integers.
    static func expected(_ n: Int, decimals d: Int, places p: Int) -> String {
        let magnitude = abs(n)
        let scaled = p >= d ? magnitude * power(p - d) : (magnitude + 5 * power(d - p - 1)) / power(d - p)
        let whole = scaled / power(p), fraction = scaled % power(p)
        var text = String(whole)
        if p > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: p - f.count) + f
        }
        return (n < 0 && scaled != 0 ? "-" : "") + text
    }

    @Test func fixedMatchesIntegerArithmetic() {
        var checked = 0
        let ns = Array(-1_250...1_250) + [99_999, -99_999, 100_000, 123_456_789, -987_654_321, 5, 15, 25, -5, -15, 995, -995]
        for n in ns {
            for d in 0...4 {
                let value = Decimal(sign: n < 0 ? .minus : .plus, exponent: -d, significand: Decimal(abs(n)))
                for p in 0...6 {
                    #expect(DecimalNumber.fixed(value, places: p) == Self.expected(n, decimals: d, places: p), "\(n)e-\(d) to \(p) places")
                    checked += 1
                }
            }
        }
        #expect(checked == 2_513 * 5 * 7)
    }

    @Test func fixedOfLargeExponents() {
        #expect(DecimalNumber.fixed(Decimal(sign: .plus, exponent: 5, significand: 12), places: 1) == "1200000.0")
        #expect(DecimalNumber.fixed(Decimal(sign: .minus, exponent: -9, significand: 4), places: 2) == "0.00")
        #expect(DecimalNumber.fixed(Decimal(sign: .minus, exponent: -9, significand: 4), places: 9) == "-0.000000004")
    }

    /// Commas every three digits from the right, made by dividing by 1,000.
    static func groupedByDivision(_ n: Int) -> String {
        var m = abs(n)
        var groups: [String] = []
        repeat {
            let g = String(m % 1000)
            m /= 1000
            groups.insert(m > 0 ? String(repeating: "0", count: 3 - g.count) + g : g, at: 0)
        } while m > 0
        return (n < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    @Test func groupedMatchesDivisionByAThousand() {
        for n in [0, 7, -7, 999, 1000, -1000, 12_345, 999_999, 1_000_000, -1_234_567, 9_007_199_254_740_993] + Array(stride(from: -20_000, through: 20_000, by: 37)) {
            #expect(DecimalNumber.grouped(String(n)) == Self.groupedByDivision(n), "\(n)")
            #expect(DecimalNumber.grouped(String(n) + ".50") == Self.groupedByDivision(n) + ".50", "\(n).50")
        }
        #expect(DecimalNumber.grouped("-0.5") == "-0.5")
        #expect(DecimalNumber.grouped("") == "")
    }
}
