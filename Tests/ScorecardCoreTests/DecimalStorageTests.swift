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

/// `DecimalNumber.ratio` divides on the significands; every byte must be Foundation's.
@Suite struct RatioTests {
    @Test func divisionIsUnderstoodHere() {
        #expect(DecimalStorage.divisionUnderstood)
    }

    @Test func sameBytesAsFoundation() {
        var random = SystemRandomNumberGenerator()
        let ranges = [100, 100_000, 10_000_000, 999_999_999_999_999]
        for i in 0..<40_000 {
            let scale = Decimal([100, 10000][i % 2])
            let n = Decimal(Int.random(in: 0...ranges[(i / 2) % 4], using: &random))
            let d = Decimal(Int.random(in: 1...ranges[(i / 8) % 4], using: &random))
            let expected = scale * n / d
            #expect(DecimalStorage.bytes(DecimalNumber.ratio(n, d, scale: scale)) == DecimalStorage.bytes(expected), "\(scale) × \(n) / \(d)")
        }
    }

    @Test func outOfRangeIsLeftToFoundation() {
        // 10⁻¹⁰⁰ / 2: the quotient's exponent before its trailing zeros go is -138, below
        // Decimal's -128, where Foundation reports an underflow; the fast path declines.
        let tiny = Decimal(sign: .plus, exponent: -100, significand: 1)
        #expect(DecimalStorage.quotient(tiny, 2) == nil)
        #expect(DecimalStorage.quotient(Decimal(568), 1000) != nil)
    }

    @Test func workedByHand() {
        // 100 × 568 / 1000 = 56.8. 10,000 × 150 / 141,500 = 3000 / 283 = 10.60070671378091872791
        // 5194346289752650176…: 38 significant digits, truncated, end in a 0, which is dropped.
        #expect(DecimalNumber.ratio(568, 1000, scale: 100) == Decimal(string: "56.8")!)
        #expect(DecimalNumber.plainText(DecimalNumber.ratio(150, 141_500, scale: 10000)) == "10.60070671378091872791519434628975265")
        #expect(DecimalNumber.ratio(0, 7, scale: 100) == 0)
        #expect(DecimalNumber.plainText(DecimalNumber.ratio(1, 3, scale: 100)) == "33.333333333333333333333333333333333333")
    }
}

/// `DecimalNumber.mean` divides a rolling window's sum on the significands; every byte must
/// be Foundation's, for sums of any size and sign with decimals, over counts of periods.
@Suite struct MeanTests {
    @Test func sameBytesAsFoundation() {
        var random = SystemRandomNumberGenerator()
        for i in 0..<40_000 {
            let bits = [8, 20, 40, 64, 90, 126][i % 6]
            let significand = UInt128.random(in: 0...(UInt128(1) << bits), using: &random)
            let sum = Decimal(sign: i % 7 == 0 ? .minus : .plus, exponent: Int.random(in: -12...6, using: &random),
                              significand: Decimal(string: String(significand))!)
            let count = Decimal(Int.random(in: 1...120, using: &random))
            #expect(DecimalStorage.bytes(DecimalNumber.mean(sum, count)) == DecimalStorage.bytes(sum / count), "\(sum) / \(count)")
        }
    }

    /// A window of zeros written with decimals sums to a zero with an exponent of its own;
    /// every count `rolling` allows (2 to 120) over a few sums, each checked.
    @Test func zerosAndEveryCount() {
        let posix = Locale(identifier: "en_US_POSIX")
        for text in ["0", "0.0", "0.000", "-0.00", "1", "56.25", "-1234567.891"] {
            let sum = Decimal(string: text, locale: posix)!
            for k in 1...120 {
                #expect(DecimalStorage.bytes(DecimalNumber.mean(sum, Decimal(k))) == DecimalStorage.bytes(sum / Decimal(k)), "\(text) / \(k)")
            }
        }
    }

    @Test func workedByHand() {
        // (10 + 20 + 31) / 3 = 20.333…: 61 × 10³⁸ / 3 is 2.03 × 10³⁹, over 128 bits (3.4 × 10³⁸),
        // so one digit goes and 39 significant digits stay: 37 threes after the point.
        let third = DecimalNumber.mean(Decimal(61), Decimal(3))
        #expect("\(third)" == "20." + String(repeating: "3", count: 37))
        #expect(DecimalNumber.mean(Decimal(string: "168.75")!, Decimal(3)) == Decimal(string: "56.25")!)
        #expect(DecimalNumber.mean(Decimal(-9), Decimal(2)) == Decimal(string: "-4.5")!)
        #expect(DecimalNumber.mean(Decimal(0), Decimal(5)) == 0)
    }
}

/// `DecimalNumber.parse` makes a plain decimal's Decimal from its digits; every byte must be
/// what Foundation's scanner makes of the same text.
@Suite struct PlainParsingTests {
    @Test func parsingIsUnderstoodHere() {
        #expect(DecimalStorage.parsingUnderstood)
    }

    @Test func sameBytesAsFoundation() {
        var random = SystemRandomNumberGenerator()
        let posix = Locale(identifier: "en_US_POSIX")
        for i in 0..<40_000 {
            // Whole and decimal digits, zeros weighted in, at most 30 characters in all.
            let whole = Int.random(in: 1...20, using: &random)
            let decimals = i % 3 == 0 ? 0 : Int.random(in: 1...(29 - min(whole, 20) - 1 + 1), using: &random)
            func digit() -> Character { Bool.random(using: &random) ? "0" : Character(String(Int.random(in: 0...9, using: &random))) }
            var text = (i % 5 == 0 ? "-" : "") + String((0..<whole).map { _ in digit() })
            if decimals > 0 { text += "." + String((0..<decimals).map { _ in digit() }) }
            guard text.utf8.count <= 30 else { continue }
            let parsed = DecimalNumber.parse(text)
            #expect(parsed.map(DecimalStorage.bytes) == Decimal(string: text, locale: posix).map(DecimalStorage.bytes), "\(text)")
        }
    }

    @Test func workedByHand() throws {
        // 1.50 is 15 × 10⁻¹; 1500 is 15 × 10²; 0.000 keeps its three places; -0 is 0.
        func fields(_ text: String) -> (negative: Bool, exponent: Int, significand: UInt128)? {
            DecimalNumber.parse(text).flatMap(DecimalStorage.fields)
        }
        let a = try #require(fields("1.50"))
        #expect(!a.negative && a.exponent == -1 && a.significand == 15)
        let b = try #require(fields("1500"))
        #expect(b.exponent == 2 && b.significand == 15)
        let c = try #require(fields("0.000"))
        #expect(c.exponent == -3 && c.significand == 0 && !c.negative)
        // Foundation gives a negative zero the exponent 0, whatever its decimals.
        let z = try #require(fields("-0.000"))
        #expect(z.exponent == 0 && z.significand == 0 && !z.negative)
        #expect(DecimalNumber.parse("-12.5") == Decimal(-125) / 10)
        #expect(DecimalNumber.parse("-0") == 0)
        #expect(DecimalNumber.parse("1e5") == nil && DecimalNumber.parse("1.") == nil && DecimalNumber.parse(".5") == nil)
    }
}

/// `DecimalNumber.double` takes a quick path for small significands and exponents; it must
/// give exactly the double that reading the decimal's digits gives.
@Suite struct DecimalToDoubleTests {
    func read(_ value: Decimal) -> Double { Double(DecimalNumber.plainText(value))! }

    @Test func quickPathIsTheDigitsDouble() {
        var generator = SystemRandomNumberGenerator()
        var values: [Decimal] = [0, 1, -1, Decimal(string: "0.1")!, Decimal(string: "56.8")!, Decimal(string: "-0.3")!,
                                 Decimal(100) / Decimal(3), Decimal(UInt64.max), Decimal(1 << 53), Decimal((1 << 53) - 1),
                                 Decimal(sign: .plus, exponent: 22, significand: 9_007_199_254_740_991),
                                 Decimal(sign: .minus, exponent: -22, significand: 9_007_199_254_740_991),
                                 Decimal(sign: .plus, exponent: 23, significand: 7), Decimal(sign: .plus, exponent: -23, significand: 7)]
        for _ in 0..<100_000 {
            let significand = UInt64.random(in: 0..<(1 << UInt64.random(in: 1...56, using: &generator)), using: &generator)
            let exponent = Int.random(in: -26...26, using: &generator)
            values.append(Decimal(sign: Bool.random(using: &generator) ? .minus : .plus, exponent: exponent,
                                  significand: Decimal(significand)))
        }
        for v in values {
            let quick = DecimalNumber.double(v)
            let digits = read(v)
            #expect(quick.bitPattern == digits.bitPattern, "\(v)")
        }
    }

    @Test func workedByHand() {
        #expect(DecimalNumber.double(Decimal(string: "0.1")!) == 0.1)
        #expect(DecimalNumber.double(Decimal(string: "-56.8")!) == -56.8)
        #expect(DecimalNumber.double(Decimal(string: "79")!) == 79)
        // 2⁵³ + 1 is not a double: it rounds to even, 2⁵³ (the slow path, by its digits).
        #expect(DecimalNumber.double(Decimal((1 << 53) + 1)) == 9_007_199_254_740_992)
    }
}
