import Foundation

/// A `Decimal`'s sign, exponent and significand, read from its 20 bytes.
///
/// Foundation keeps these fields internal on Linux, and its public ways to the digits
/// (`NSDecimalNumber`, `description`, rounding) cost far more than reading them: they were
/// among the largest costs of writing figures. The layout is not promised, so it is checked
/// once per process against values whose fields Foundation's public API gives
/// (`isSignMinus`, `exponent`, `significand`); when any differs, nothing is read this way
/// and the callers use Foundation as before.
enum DecimalStorage {
    /// True when this platform's `Decimal` is laid out as `read` expects.
    static let understood: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let posix = Locale(identifier: "en_US_POSIX")
        var samples: [Decimal] = [0, 1, 568, Decimal(UInt64.max), Decimal(100) / Decimal(3), -Decimal(2) / Decimal(7),
                                  Decimal(sign: .plus, exponent: 7, significand: 42),
                                  Decimal(sign: .minus, exponent: -12, significand: 65535)]
        for text in ["-56.8", "0.001", "18446744073709551616", "340282366920938463463374607431768211455",
                     "12345678901234567890.123456789"] {
            guard let d = Decimal(string: text, locale: posix) else { return false }
            samples.append(d)
        }
        for d in samples {
            guard let f = read(d), f.negative == d.isSignMinus, f.exponent == d.exponent,
                  let digits = DecimalNumber.mantissaDigits(d.significand), String(f.significand) == digits else { return false }
        }
        return read(.nan) == nil
    }()

    /// True when `quotient` gives exactly Foundation's `/` here (checked once, on the shapes
    /// figures take: 112 percentages and rates, counts times 100 or 10,000 over counts, and
    /// 60 means, sums of values with decimals over a count of periods).
    static let divisionUnderstood: Bool = {
        guard understood else { return false }
        let posix = Locale(identifier: "en_US_POSIX")
        for text in ["0", "0.0", "-0.000", "168.75", "-12.5", "1000000.000001", "340282366920938463463374607431768211455",
                     "0.000000000123"] {
            guard let sum = Decimal(string: text, locale: posix) else { return false }
            for k in [1, 2, 3, 4, 6, 7, 12, 13, 24, 60, 119, 120] {
                guard let q = divide(sum, Decimal(k)), bytes(q) == bytes(sum / Decimal(k)) else { return false }
            }
        }
        let counts = [0, 1, 7, 53, 99, 100, 123_457, 999_999_999_999_999]
        let divisors = [1, 3, 7, 100, 113, 141_500, 999_999_999_999_989]
        for scale in [Decimal(100), Decimal(10000)] {
            for n in counts {
                for d in divisors {
                    let a = scale * Decimal(n)
                    guard let q = divide(a, Decimal(d)), bytes(q) == bytes(a / Decimal(d)) else { return false }
                }
            }
        }
        return true
    }()

    /// `a / b`, the same Decimal as Foundation's `/` on this platform, worked out in 64-bit
    /// limbs; nil when the shape is not one checked (`divisionUnderstood`), so the caller
    /// divides with Foundation. Foundation here scales the dividend's significand by 10³⁸,
    /// divides by the divisor's, drops digits (truncating) until the quotient fits 128 bits
    /// and drops trailing zeros; this does the same for a divisor of at most 64 bits.
    static func quotient(_ a: Decimal, _ b: Decimal) -> Decimal? {
        divisionUnderstood ? divide(a, b) : nil
    }

    private static func divide(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard let x = read(a), let y = read(b), y.significand != 0, y.significand <= UInt128(UInt64.max),
              x.exponent - y.exponent < 19 else { return nil }
        if x.significand == 0 { return make(negative: false, exponent: 0, significand: 0) }
        let (high, low) = x.significand.multipliedFullWidth(by: 100_000_000_000_000_000_000_000_000_000_000_000_000)
        var limbs = [UInt64(truncatingIfNeeded: low), UInt64(truncatingIfNeeded: low >> 64),
                     UInt64(truncatingIfNeeded: high), UInt64(truncatingIfNeeded: high >> 64)]
        func divideLimbs(by d: UInt64) {
            var remainder: UInt64 = 0
            for i in stride(from: 3, through: 0, by: -1) { (limbs[i], remainder) = d.dividingFullWidth((remainder, limbs[i])) }
        }
        divideLimbs(by: UInt64(y.significand))
        var exponent = x.exponent - y.exponent - 38
        while limbs[2] != 0 || limbs[3] != 0 {
            divideLimbs(by: 10)
            exponent += 1
        }
        var q = UInt128(limbs[1]) << 64 | UInt128(limbs[0])
        if q == 0 { return make(negative: false, exponent: 0, significand: 0) }
        // Foundation checks the exponent's range before it drops trailing zeros, and stops
        // dropping them at the largest exponent; out of range, it is left to Foundation.
        guard exponent >= -128, exponent <= 127 else { return nil }
        while q % 10 == 0 && exponent < 127 {
            q /= 10
            exponent += 1
        }
        return make(negative: x.negative != y.negative, exponent: exponent, significand: q)
    }

    /// True when `plain` gives exactly Foundation's `Decimal(string:locale:)` here (checked
    /// once, on texts of the shapes that matter: zeros, leading and trailing zeros, signs,
    /// thirty digits).
    static let parsingUnderstood: Bool = {
        guard understood else { return false }
        let posix = Locale(identifier: "en_US_POSIX")
        for text in ["0", "-0", "00", "0.0", "-0.000", "7", "1.50", "150", "1500", "001.2300", "-12.5", "-0.001",
                     "123456789012345678901234567890", "12345678901234567890.123456789", "0.0000000000000000000000000001"] {
            guard let expected = Decimal(string: text, locale: posix), let made = digits(text),
                  bytes(made) == bytes(expected) else { return false }
        }
        return true
    }()

    /// The Decimal of a plain decimal text (`-?[0-9]+(\.[0-9]+)?`, at most 30 characters:
    /// `DecimalNumber.isPlainDecimal`), made from its digits as Foundation's scanner makes
    /// it: the digits' value over ten to the number of decimals, trailing zeros dropped but
    /// for zero, which loses its sign and keeps its exponent (0 when it had a minus sign,
    /// as Foundation has it). Nil when that is not known to
    /// be Foundation's Decimal here (`parsingUnderstood`).
    static func plain(_ text: String) -> Decimal? {
        parsingUnderstood ? digits(text) : nil
    }

    private static func digits(_ text: String) -> Decimal? {
        var text = text
        return text.withUTF8 { bytes -> Decimal? in
            guard bytes.count <= 30 else { return nil }
            var negative = false
            var significand: UInt128 = 0
            var decimals = 0
            var afterPoint = false
            for (i, b) in bytes.enumerated() {
                switch b {
                case UInt8(ascii: "-") where i == 0: negative = true
                case UInt8(ascii: "."): afterPoint = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    significand = significand * 10 + UInt128(b - UInt8(ascii: "0"))
                    if afterPoint { decimals += 1 }
                default: return nil
                }
            }
            // Foundation's zero keeps the exponent its decimals give, but a negative zero's is 0.
            if significand == 0 { return make(negative: false, exponent: negative ? 0 : -decimals, significand: 0) }
            var exponent = -decimals
            while significand % 10 == 0 {
                significand /= 10
                exponent += 1
            }
            return make(negative: negative, exponent: exponent, significand: significand)
        }
    }

    /// A compact Decimal from its fields, laid out as `read` reads it.
    private static func make(negative: Bool, exponent: Int, significand: UInt128) -> Decimal {
        var d = Decimal()
        withUnsafeMutableBytes(of: &d) { b in
            for i in 0..<20 { b[i] = 0 }
            var length = 0
            var rest = significand
            while rest != 0 {
                b[4 + 2 * length] = UInt8(truncatingIfNeeded: rest)
                b[5 + 2 * length] = UInt8(truncatingIfNeeded: rest >> 8)
                rest >>= 16
                length += 1
            }
            b[0] = UInt8(bitPattern: Int8(exponent))
            b[1] = UInt8(length << 4) | (negative ? 0x08 : 0) | (length > 0 ? 0x04 : 0)
        }
        return d
    }

    static func bytes(_ value: Decimal) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }

    /// The fields of `value`, or nil for NaN or when the layout is not `understood`.
    static func fields(_ value: Decimal) -> (negative: Bool, exponent: Int, significand: UInt128)? {
        understood ? read(value) : nil
    }

    /// Byte 0 is the exponent; byte 1 holds the mantissa's length in 16-bit words (high four
    /// bits) and the sign (bit 3); bytes 4 to 19 are the mantissa's words, least significant
    /// first, each little-endian. A length of 0 with the sign set is NaN.
    private static func read(_ value: Decimal) -> (negative: Bool, exponent: Int, significand: UInt128)? {
        withUnsafeBytes(of: value) { b -> (negative: Bool, exponent: Int, significand: UInt128)? in
            let length = Int(b[1] >> 4)
            let negative = b[1] & 0x08 != 0
            guard length <= 8, length > 0 || !negative else { return nil }
            var significand: UInt128 = 0
            var word = length - 1
            while word >= 0 {
                significand = significand << 16 | UInt128(UInt16(b[4 + 2 * word]) | UInt16(b[5 + 2 * word]) << 8)
                word -= 1
            }
            return (negative, Int(Int8(bitPattern: b[0])), significand)
        }
    }
}
