import Foundation
@testable import ScorecardCore
import Testing

/// `DecimalStorage` reads a Decimal's fields only when its layout is the one expected;
/// `FastFormattingTests` compares what is written with Foundation's text either way.
@Suite struct DecimalStorageTests {
    /// On this toolchain the layout is understood: otherwise the fast path is never taken and
    /// `plainTextIsFoundationsText` tests only the slow one.
    @Test func storageIsUnderstoodHere() {
        #expect(DecimalStorage.understood)
    }

    @Test func fieldsWorkedByHand() throws {
        // -56.8 is 568 × 10⁻¹, negative.
        let a = try #require(DecimalStorage.fields(Decimal(string: "-56.8", locale: Locale(identifier: "en_US_POSIX"))!))
        #expect(a.negative && a.exponent == -1 && a.significand == 568)
        // 2⁶⁴ needs five 16-bit words: 1 followed by four zero words.
        let b = try #require(DecimalStorage.fields(Decimal(UInt64.max) + 1))
        #expect(!b.negative && b.exponent == 0 && b.significand == UInt128(1) << 64)
        // 100 / 3 keeps 38 digits: 33.333…3 with 36 after the point.
        let c = try #require(DecimalStorage.fields(Decimal(100) / Decimal(3)))
        #expect(c.exponent == -36 && String(c.significand) == String(repeating: "3", count: 38))
        #expect(DecimalStorage.fields(.nan) == nil)
    }
}

/// `fixed` rounds on the storage's significand; Foundation's rounding and text must agree.
@Suite struct FixedFromStorageTests {
    @Test func sameAsFoundationsRounding() {
        for d in FastFormattingTests.decimals where !d.isNaN {
            for places in 0...4 {
                #expect(DecimalNumber.fixedFromStorage(d, places: places) == DecimalNumber.foundationFixed(d, places: places),
                        "\(d) to \(places) places")
            }
        }
    }

    @Test func workedByHand() {
        // Halves go away from zero; the first digit dropped decides.
        #expect(DecimalNumber.fixed(Decimal(string: "2.45")!, places: 1) == "2.5")
        #expect(DecimalNumber.fixed(Decimal(string: "-2.45")!, places: 1) == "-2.5")
        #expect(DecimalNumber.fixed(Decimal(string: "2.4499")!, places: 1) == "2.4")
        #expect(DecimalNumber.fixed(Decimal(string: "-0.04")!, places: 1) == "0.0")
        #expect(DecimalNumber.fixed(Decimal(100) / Decimal(3), places: 2) == "33.33")
        #expect(DecimalNumber.fixed(Decimal(200) / Decimal(3), places: 0) == "67")
        #expect(DecimalNumber.fixed(Decimal(sign: .plus, exponent: 3, significand: 12), places: 1) == "12000.0")
        #expect(DecimalNumber.fixed(Decimal(string: "0.996")!, places: 2) == "1.00")
    }
}
