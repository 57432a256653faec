import Foundation

/// Decimal arithmetic for figures: values are read, compared and rounded in base 10, so
/// that 1.2 + 0.6 is exactly 1.8 and a RAG bound is never missed by a binary rounding error.
public enum DecimalNumber {
    /// Reads a plain decimal `-?[0-9]+(\.[0-9]+)?`; nil for anything else.
    public static func parse(_ text: String) -> Decimal? {
        guard isPlainDecimal(text) else { return nil }
        return DecimalStorage.plain(text) ?? Decimal(string: text, locale: posix)
    }

    /// The locale that reads `.` as the decimal point, made once: making a `Locale` cost as
    /// much as reading the number.
    static let posix = Locale(identifier: "en_US_POSIX")

    /// True when `text` is `-?[0-9]+(\.[0-9]+)?` and no longer than 30 characters.
    ///
    /// Checked on the UTF-8 bytes: every accepted character is one ASCII byte, and any other
    /// byte (or a character such as a digit with a combining mark, which is not ASCII) fails
    /// the pattern, so the byte count is the character count whenever it matters.
    public static func isPlainDecimal(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count <= 30 else { return false }
            var i = bytes.first == UInt8(ascii: "-") ? 1 : 0
            var digits = 0
            var sawPoint = false
            while i < bytes.count {
                let b = bytes[i]
                if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                    digits += 1
                } else if b == UInt8(ascii: "."), !sawPoint, digits > 0 {
                    sawPoint = true
                    digits = 0
                } else {
                    return false
                }
                i += 1
            }
            return digits > 0
        }
    }

    /// How many decimal places `text` was written with (`56.80` → 2).
    public static func writtenDecimals(_ text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    /// Why `text` is not a plain decimal, with how to write it; nil when it is one.
    public static func problem(with text: String) -> String? {
        if isPlainDecimal(text) { return nil }
        let trimmed = text.trimmingCharacters(in: " \t")
        if trimmed != text && isPlainDecimal(trimmed) {
            return "'\(text)' has spaces around it; write the number alone, as \(trimmed)"
        }
        if text.hasSuffix("%") {
            return "'\(text)' is not a plain number; write percentages without the % sign, as \(text.dropLast())"
        }
        if text.contains(",") {
            let joined = text.replacingOccurrences(of: ",", with: "")
            if isPlainDecimal(joined) {
                return "'\(text)' is not a plain number; write it without thousands separators, as \(joined)"
            }
        }
        if text.lowercased().contains("e"), let d = Double(text), d.isFinite {
            return "'\(text)' is not a plain number; write it out in full, without an exponent"
        }
        if ["nan", "inf", "infinity", "-inf", "n/a", "na", "-", "null", "none"].contains(text.lowercased()) {
            return "'\(text)' is not a number; leave the value empty for a gap, or write x (not available), z (not applicable) or c (suppressed at source)"
        }
        if text.hasPrefix("+") && isPlainDecimal(String(text.dropFirst())) {
            return "'\(text)' is not a plain number; write it without the plus sign, as \(text.dropFirst())"
        }
        if text.hasPrefix(".") || text.hasSuffix(".") {
            return "'\(text)' is not a plain number; write a digit on both sides of the point, as in 0.5 or 12.0"
        }
        if text.count > 30 {
            return "'\(text.prefix(30))…' is too long for a number"
        }
        return "'\(text)' is not a number; write a plain decimal such as 12 or 85.5"
    }

    /// `scale × numerator ÷ denominator`, a percentage or rate from its counts: exactly
    /// Foundation's Decimal arithmetic, with the division done on the significands where
    /// that is known to give the same Decimal (`DecimalStorage.quotient`).
    public static func ratio(_ numerator: Decimal, _ denominator: Decimal, scale: Decimal) -> Decimal {
        let scaled = scale * numerator
        return DecimalStorage.quotient(scaled, denominator) ?? scaled / denominator
    }

    /// `sum ÷ count`, a mean: exactly Foundation's Decimal division, done on the significands
    /// where that is known to give the same Decimal (`DecimalStorage.quotient`).
    public static func mean(_ sum: Decimal, _ count: Decimal) -> Decimal {
        DecimalStorage.quotient(sum, count) ?? sum / count
    }

    /// Rounds half away from zero to `places` decimal places.
    public static func rounded(_ value: Decimal, places: Int) -> Decimal {
        var input = value
        var result = Decimal()
        // `.plain` rounds halves away from zero for either sign.
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    /// The digits of `value` rounded to `places`, e.g. `1234.5` → `1234.50` for 2 places.
    /// No grouping, `-` for negatives, never `-0`.
    public static func fixed(_ value: Decimal, places: Int) -> String {
        if places >= 0, let text = fixedFromStorage(value, places: places) { return text }
        return foundationFixed(value, places: places)
    }

    /// `fixed` with the rounding done on the significand read from storage: half away from
    /// zero looks only at the first digit dropped. Nil when the storage cannot be read.
    static func fixedFromStorage(_ value: Decimal, places: Int) -> String? {
        guard var f = DecimalStorage.fields(value) else { return nil }
        if f.exponent < -places {
            let dropped = -places - f.exponent
            if dropped > 38 {
                f.significand = 0   // below 10⁻³⁸ of a unit in the last place kept: rounds to 0
            } else {
                let (q, r) = f.significand.quotientAndRemainder(dividingBy: pow10(dropped))
                f.significand = q + (r >= 5 * pow10(dropped - 1) ? 1 : 0)
            }
            f.exponent = -places
        }
        return padded(placedBytes(String(f.significand), negative: false, exponent: f.exponent), negative: f.negative, places: places)
    }

    private static func pow10(_ n: Int) -> UInt128 {
        var p: UInt128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// `fixed` through Foundation's rounding and text; what `fixedFromStorage` must equal.
    static func foundationFixed(_ value: Decimal, places: Int) -> String {
        // A value written with at most `places` decimals is already rounded (and rounding,
        // which is slow, could only change how the same number is stored).
        let r = value.exponent >= -places ? value : rounded(value, places: places)
        let negative = r < 0
        let magnitude = negative ? -r : r
        var text = plainText(magnitude)
        if text.utf8.contains(UInt8(ascii: "e")) || text.utf8.contains(UInt8(ascii: "E")) {
            // Foundation writes very small or large values with an exponent; such figures are
            // not shown in practice, so fall back to Double formatting for safety.
            text = String(format: "%.\(places)f", NSDecimalNumber(decimal: magnitude).doubleValue)
        }
        return padded(Array(text.utf8), negative: negative, places: places)
    }

    /// The plain text of a magnitude with exactly `places` decimals (padded with zeros, or
    /// cut), and `-` when `negative` and not zero.
    private static func padded(_ t: [UInt8], negative: Bool, places: Int) -> String {
        // On bytes: the text is ASCII (digits and a point, or Foundation's "NaN").
        let dot = t.firstIndex(of: UInt8(ascii: "."))
        var out: [UInt8] = []
        out.reserveCapacity(t.count + places + 2)
        if negative { out.append(UInt8(ascii: "-")) }
        out += t[..<(dot ?? t.count)]
        if places > 0 {
            out.append(UInt8(ascii: "."))
            let fraction = dot.map { t[($0 + 1)...] } ?? []
            out += fraction.prefix(places)
            out += repeatElement(UInt8(ascii: "0"), count: max(0, places - fraction.count))
        }
        // No minus sign on a zero.
        if negative, out.dropFirst().allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") }) { out.removeFirst() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Thousands separators on the integer part of a `fixed` string: `1234.5` → `1,234.5`.
    /// Text that is not ASCII (never `fixed`'s) is returned as it is.
    public static func grouped(_ fixedText: String) -> String {
        let t = Array(fixedText.utf8)
        guard t.allSatisfy({ $0 < 0x80 }) else { return fixedText }
        var out: [UInt8] = []
        out.reserveCapacity(t.count + t.count / 3)
        var start = 0
        if t.first == UInt8(ascii: "-") {
            out.append(UInt8(ascii: "-"))
            start = 1
        }
        let end = t[start...].firstIndex(of: UInt8(ascii: ".")) ?? t.count
        let digits = end - start
        for k in 0..<digits {
            if k > 0 && (digits - k) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(t[start + k])
        }
        out += t[end...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The shortest text that reads back as the same binary double: how unrounded figures
    /// are written in `summary.json` and computed values in `data.csv`.
    public static func jsonNumber(_ value: Decimal) -> String {
        let d = double(value)
        if d == d.rounded(), abs(d) < 1e15 {
            return String(Int64(d)) + ".0"
        }
        return "\(d)"
    }

    /// The nearest double, read from the exact decimal digits.
    ///
    /// A significand below 2⁵³ and a power of ten up to 10²² are both doubles exactly, so one
    /// multiplication or division of the two is rounded once, to the nearest double: the
    /// value reading the digits gives (Clinger's quick path, which `strtod` takes too). Every
    /// figure of a site is such a decimal; any other is read from its digits.
    public static func double(_ value: Decimal) -> Double {
        if let f = DecimalStorage.fields(value), f.significand < 1 << 53, (-22...22).contains(f.exponent) {
            let significand = Double(UInt64(f.significand))
            let magnitude = f.exponent >= 0 ? significand * Self.powersOfTen[f.exponent] : significand / Self.powersOfTen[-f.exponent]
            // A zero is written "0", never "-0", so it reads as +0.
            return f.negative && f.significand != 0 ? -magnitude : magnitude
        }
        return Double(plainText(value)) ?? NSDecimalNumber(decimal: value).doubleValue
    }

    /// 10⁰ to 10²², each a double exactly.
    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { p, _ in p * 10 } }

    /// The exact decimal text of `value` (no exponent for ordinary figures): the same text
    /// as `NSDecimalNumber(decimal: value).stringValue`, which writes a digit at a time by
    /// dividing the 128-bit mantissa by 10 and is slow. Here the mantissa's digits come from
    /// its storage (`DecimalStorage`) or else from 64-bit integers (`mantissaDigits`),
    /// placed by the exponent.
    public static func plainText(_ value: Decimal) -> String {
        if let f = DecimalStorage.fields(value) {
            return placed(String(f.significand), negative: f.negative, exponent: f.exponent)
        }
        guard !value.isNaN, let digits = mantissaDigits(value.significand) else {
            return NSDecimalNumber(decimal: value).stringValue
        }
        return placed(digits, negative: value.isSignMinus, exponent: value.exponent)
    }

    /// `digits` × 10^`exponent` written out: no exponent, `-` when `negative`, `0` for zero.
    private static func placed(_ digits: String, negative: Bool, exponent: Int) -> String {
        String(decoding: placedBytes(digits, negative: negative, exponent: exponent), as: UTF8.self)
    }

    /// `placed` as UTF-8, for `fixed` to pad without making a string between.
    private static func placedBytes(_ digits: String, negative: Bool, exponent: Int) -> [UInt8] {
        guard digits != "0" else { return [UInt8(ascii: "0")] }
        // On bytes: the digits are ASCII.
        let d = Array(digits.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(d.count + abs(exponent) + 3)
        if negative { out.append(UInt8(ascii: "-")) }
        if exponent >= 0 {
            out += d
            out += repeatElement(UInt8(ascii: "0"), count: exponent)
        } else if d.count > -exponent {
            out += d[..<(d.count + exponent)]
            out.append(UInt8(ascii: "."))
            out += d[(d.count + exponent)...]
        } else {
            out += [UInt8(ascii: "0"), UInt8(ascii: ".")]
            out += repeatElement(UInt8(ascii: "0"), count: -exponent - d.count)
            out += d
        }
        return out
    }

    /// The digits of `value`, a whole number from 0 to 2¹²⁸ (a significand), or nil if it is not.
    /// Above 64 bits, the last 19 digits are split off with two exact Decimal operations (a
    /// floor and a subtraction), which cost a fraction of Foundation's digit-at-a-time text.
    static func mantissaDigits(_ value: Decimal) -> String? {
        if let small = wholeNumber(value) { return String(small) }
        guard value > 0 else { return nil }
        let chunk: UInt64 = 10_000_000_000_000_000_000  // 10¹⁹
        var scaled = Decimal(sign: .plus, exponent: -19, significand: value)
        var high = Decimal()
        NSDecimalRound(&high, &scaled, 0, .down)
        // value = high × 10¹⁹ + low, with 0 ≤ low < 10¹⁹ only when `high` is the exact floor.
        guard let low = wholeNumber(value - high * Decimal(chunk)), low < chunk,
              let highDigits = mantissaDigits(high) else { return nil }
        let lowDigits = String(low)
        return highDigits + String(repeating: "0", count: 19 - lowDigits.count) + lowDigits
    }

    /// `value` as a 64-bit integer when it is a whole number from 0 to `UInt64.max`.
    static func wholeNumber(_ value: Decimal) -> UInt64? {
        // `uint64Value` gives 0 or a wrapped number when the value does not fit, so the
        // result is checked by converting it back.
        let integer = NSDecimalNumber(decimal: value).uint64Value
        return Decimal(integer) == value ? integer : nil
    }
}
