import Foundation
import ScorecardCore
import Testing

/// The fast paths for writing decimals must give exactly what Foundation gives.
@Suite struct FastFormattingTests {
    /// Decimals of every shape: read from text, made by arithmetic (not compacted), rounded,
    /// negative, zero, and too large for a 64-bit mantissa.
    static var decimals: [Decimal] {
        var out: [Decimal] = []
        let texts = ["0", "-0", "0.000", "1", "-1", "12.5", "1234.5600", "0.005", "-0.0625", "100", "1000000",
                     "18446744073709551615", "18446744073709551616", "123456789012345678901234567890",
                     "0.000000000000000000000123", "99999999999999999999.99", "9007199254740993", "-85.25"]
        out += texts.map { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))! }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let a = Decimal(Int.random(in: -2_000_000...2_000_000, using: &random)) / Decimal(sign: .plus, exponent: Int.random(in: 0...6, using: &random), significand: 1)
            let b = Decimal(Int.random(in: 1...999, using: &random))
            out += [a, a * b, a / b, a + b * Decimal(sign: .plus, exponent: 20, significand: 1), DecimalNumber.rounded(a / b, places: 2)]
        }
        for _ in 0..<2000 {
            // Whole mantissas of 20 to 39 digits, up to 2¹²⁸ − 1.
            let digits = Int.random(in: 20...39, using: &random)
            var text = String(Int.random(in: 1...9, using: &random))
            for _ in 1..<digits { text += String(Int.random(in: 0...9, using: &random)) }
            if digits == 39 { text = "3" + text.dropFirst() }
            if let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), d < Decimal(string: "340282366920938463463374607431768211455")! {
                out += [d, -d, Decimal(sign: .plus, exponent: -Int.random(in: 1...40, using: &random), significand: d)]
            }
        }
        out.append(Decimal(string: "340282366920938463463374607431768211455")!)
        out.append(Decimal(string: "10000000000000000000000000000000000000")!)
        out.append(Decimal(string: "18446744073709551616999999999999999999")!)
        out.append(Decimal(sign: .plus, exponent: 30, significand: 7))
        out.append(Decimal(sign: .minus, exponent: -40, significand: 3))
        out.append(Decimal.nan)
        return out
    }

    @Test func plainTextIsFoundationsText() {
        for d in Self.decimals {
            #expect(DecimalNumber.plainText(d) == NSDecimalNumber(decimal: d).stringValue, "\(d)")
        }
    }
}

