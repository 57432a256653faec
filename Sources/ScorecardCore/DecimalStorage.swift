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
