/// A finite number rounded to a fixed count of decimals, kept as digit strings so that no
/// locale, and no binary representation error, can change what is printed.
struct RoundedDecimal: Equatable {
    /// True when the rounded number is below zero (never true for a rounded zero).
    var isNegative: Bool
    /// The integer digits without leading zeros (`"0"` for numbers below one).
    var integerDigits: String
    /// Exactly `decimals` fraction digits.
    var fractionDigits: String

    /// Rounds `value` half away from zero to `decimals` places.
    ///
    /// Works on the shortest decimal text that reads back as `value` (Swift's `description`),
    /// so `1.005` rounds to `1.01` as a person would expect, not to `1.00` as
    /// `(1.005 * 100).rounded()` does. A value that is not finite is treated as zero.
    ///
    /// - Complexity: O(*d*) where *d* is the count of digits printed.
    init(_ value: Double, decimals: Int) {
        self = Self.quick(value, decimals: max(0, decimals)) ?? RoundedDecimal(digitsOf: value, decimals: decimals)
    }

    /// The rounding done on the digits of the shortest text: what `init(_:decimals:)` gives,
    /// which takes a quicker way where that is provably the same.
    init(digitsOf value: Double, decimals: Int) {
        let decimals = max(0, decimals)
        guard value.isFinite else {
            self.init(isNegative: false, integerDigits: "0",
                      fractionDigits: String(repeating: "0", count: decimals))
            return
        }
        let text = value.magnitude.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = parts[0]
        let fractionPart = parts.count > 1 ? parts[1] : ""
        var digits = (integerPart + fractionPart).utf8.map { Int($0) - 48 }
        var point = integerPart.count + exponent
        if point < 0 {
            digits = Array(repeating: 0, count: -point) + digits
            point = 0
        }
        if point > digits.count {
            digits += Array(repeating: 0, count: point - digits.count)
        }
        let keep = point + decimals
        if digits.count > keep {
            let roundsUp = digits[keep] >= 5
            digits.removeSubrange(keep...)
            if roundsUp {
                var index = keep - 1
                while index >= 0 && digits[index] == 9 {
                    digits[index] = 0
                    index -= 1
                }
                if index >= 0 {
                    digits[index] += 1
                } else {
                    digits.insert(1, at: 0)
                    point += 1
                }
            }
        } else {
            digits += Array(repeating: 0, count: keep - digits.count)
        }
        var integer = String(digits[..<point].map { Character(String($0)) })
        while integer.count > 1 && integer.hasPrefix("0") { integer.removeFirst() }
        if integer.isEmpty { integer = "0" }
        let fraction = String(digits[point...].map { Character(String($0)) })
        self.init(isNegative: value < 0 && digits.contains { $0 != 0 },
                  integerDigits: integer, fractionDigits: fraction)
    }

    /// The same rounding in binary arithmetic, or nil where it could differ.
    ///
    /// For |value| < 10⁶ and at most 4 decimals, the shortest text of `value` is within half
    /// an ulp (≤ 2⁻³⁴) of it, so times 10⁴ within 6·10⁻⁷ of `value × 10^decimals`, whose
    /// binary product is itself within 10⁻⁶ (half an ulp below 2³⁴). Unless that product's
    /// fraction lies within 10⁻⁴ of one half, rounding the product half up therefore gives
    /// the same integer as rounding the text; near a half (as for 1.005) this returns nil.
    private static func quick(_ value: Double, decimals: Int) -> RoundedDecimal? {
        guard let rounded = quickScaled(value, decimals: decimals) else { return nil }
        let scale: UInt64 = [1, 10, 100, 1000, 10000][decimals]
        var fractionDigits = ""
        if decimals > 0 {
            let digits = String(rounded % scale)
            fractionDigits = String(repeating: "0", count: decimals - digits.count) + digits
        }
        return RoundedDecimal(isNegative: value < 0 && rounded != 0, integerDigits: String(rounded / scale),
                              fractionDigits: fractionDigits)
    }

    /// |`value`| × 10^`decimals` rounded half up, when `quick` can work it out (see there).
    static func quickScaled(_ value: Double, decimals: Int) -> UInt64? {
        guard decimals >= 0, decimals <= 4, value.magnitude < 1e6 else { return nil }  // NaN and ±∞ fail too
        let scaled = value.magnitude * [1, 10, 100, 1000, 10000][decimals]
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole
        guard abs(fraction - 0.5) > 1e-4 else { return nil }
        return UInt64(whole) + (fraction > 0.5 ? 1 : 0)
    }

    init(isNegative: Bool, integerDigits: String, fractionDigits: String) {
        self.isNegative = isNegative
        self.integerDigits = integerDigits
        self.fractionDigits = fractionDigits
    }

    /// The integer digits with a comma between each group of three (`1,234,567`).
    var groupedIntegerDigits: String {
        var result = ""
        for (offset, digit) in integerDigits.enumerated() {
            if offset > 0 && (integerDigits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}

/// Prints an SVG coordinate or length: at most two decimals, trailing zeros trimmed, never
/// `-0`, never an exponent (`12.5`, `3`, `-0.25`).
func svgNumber(_ value: Double) -> String {
    var bytes: [UInt8] = []
    appendSVGNumber(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

/// Appends `svgNumber(value)` as UTF-8.
func appendSVGNumber(_ value: Double, to bytes: inout [UInt8]) {
    // Most coordinates take the quick rounding; their text is then written from the integer.
    if let hundredths = RoundedDecimal.quickScaled(value, decimals: 2) {
        if value < 0 && hundredths != 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(hundredths / 100, to: &bytes)
        let cents = UInt8(hundredths % 100)
        if cents != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + cents / 10)
            if cents % 10 != 0 { bytes.append(UInt8(ascii: "0") + cents % 10) }
        }
        return
    }
    let rounded = RoundedDecimal(value, decimals: 2)
    var fraction = Substring(rounded.fractionDigits)
    while fraction.last == "0" { fraction.removeLast() }
    if rounded.isNegative { bytes.append(UInt8(ascii: "-")) }
    bytes.append(contentsOf: rounded.integerDigits.utf8)
    if !fraction.isEmpty {
        bytes.append(UInt8(ascii: "."))
        bytes.append(contentsOf: fraction.utf8)
    }
}

/// Appends the decimal digits of `n` (no sign, no grouping), as `String(n)` writes them.
func appendDigits(_ n: UInt64, to bytes: inout [UInt8]) {
    if n < 10 {
        bytes.append(UInt8(ascii: "0") + UInt8(n))
        return
    }
    // At most 20 digits, written from the end of a small buffer on the stack.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
        var i = 20
        var rest = n
        while rest > 0 {
            i -= 1
            buffer[i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i...]))
    }
}

/// The fewest decimals (at most 12) at which `value` prints exactly, e.g. 2 for `0.25`.
func decimalsNeeded(_ value: Double) -> Int {
    // Rounding to 12 decimals works on the shortest text of the value (`digitsOf`); when that
    // text has no exponent and at most 12 fraction digits, the rounding leaves its digits as
    // they are, so they can be counted on the text itself (every axis tick, twice a chart).
    if value.isFinite, let count = fractionDigitsToCount(value.magnitude.description) { return count }
    return decimalsNeededByRounding(value)
}

/// The fraction digits of a number's text without its trailing zeros, or nil for a text
/// with an exponent or more than 12 fraction digits.
private func fractionDigitsToCount(_ text: String) -> Int? {
    var count = 0
    var significant = 0
    var inFraction = false
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "."): inFraction = true
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard inFraction else { continue }
            count += 1
            if byte != UInt8(ascii: "0") { significant = count }
        default: return nil   // an exponent
        }
    }
    return count <= 12 ? significant : nil
}

/// `decimalsNeeded` by rounding to 12 decimals and trimming the zeros.
func decimalsNeededByRounding(_ value: Double) -> Int {
    let fraction = RoundedDecimal(value, decimals: 12).fractionDigits
    var count = fraction.count
    for character in fraction.reversed() {
        guard character == "0" else { break }
        count -= 1
    }
    return count
}
