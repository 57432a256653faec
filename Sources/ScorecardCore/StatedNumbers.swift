import Foundation

/// Whole numbers stated in prose, in digits (`25`, `1,234`) or in words (`twenty-five`,
/// `one hundred and twelve`), with where each starts: for finding a total that a note or a
/// narrative gives away.
public enum StatedNumbers {
    /// One number found in a text.
    public struct Found: Sendable, Hashable {
        public var value: Decimal
        /// Offset of its first Unicode scalar in the text.
        public var offset: Int
        /// As written.
        public var written: String
    }

    static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]

    /// The whole numbers in `text`. Digits next to letters, `-`, `/`, `_` or `:`, decimals
    /// and percentages (`57.5`, `80%`, `80 per cent`) are not counts and are left out.
    public static func find(in text: String) -> [Found] {
        let s = Array(text.unicodeScalars)
        var out: [Found] = []
        func isLetter(_ u: Unicode.Scalar) -> Bool { u.properties.isAlphabetic }
        func isDigit(_ u: Unicode.Scalar) -> Bool { ("0"..."9").contains(u) }
        func joins(_ u: Unicode.Scalar) -> Bool { isLetter(u) || isDigit(u) || "-/_:".unicodeScalars.contains(u) }
        func followedByPercent(_ end: Int) -> Bool {
            var j = end
            while j < s.count, s[j] == " " { j += 1 }
            if j < s.count, s[j] == "%" { return true }
            let rest = String(String.UnicodeScalarView(s[j..<min(s.count, j + 9)])).lowercased()
            return rest.hasPrefix("per cent") || rest.hasPrefix("percent")
        }
        var i = 0
        while i < s.count {
            if isDigit(s[i]) {
                let start = i
                var digits = ""
                while i < s.count, isDigit(s[i]) || (s[i] == "," && !digits.isEmpty && i + 3 < s.count
                                                      && isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3])) {
                    if s[i] != "," { digits.unicodeScalars.append(s[i]) }
                    i += 1
                }
                let before = start > 0 ? s[start - 1] : " "
                let after: Unicode.Scalar = i < s.count ? s[i] : " "
                let decimal = after == "." && i + 1 < s.count && isDigit(s[i + 1])
                if !joins(before), before != ".", !joins(after), !decimal, !followedByPercent(i),
                   let v = Decimal(string: digits) {
                    out.append(Found(value: v, offset: start, written: String(String.UnicodeScalarView(s[start..<i]))))
                }
                continue
            }
            if isLetter(s[i]) {
                // A run of words; number words within it make numbers.
                var words: [(word: String, start: Int, end: Int)] = []
                var j = i
                while j < s.count {
                    guard isLetter(s[j]) else { break }
                    let ws = j
                    while j < s.count, isLetter(s[j]) { j += 1 }
                    words.append((String(String.UnicodeScalarView(s[ws..<j])).lowercased(), ws, j))
                    if j < s.count, s[j] == " " || s[j] == "-", j + 1 < s.count, isLetter(s[j + 1]) { j += 1 } else { break }
                }
                out += numbers(in: words, scalars: s)
                i = j
                continue
            }
            i += 1
        }
        return out
    }

    /// Number words in a run of words: `twenty five`, `one hundred and twelve`, `two thousand`.
    static func numbers(in words: [(word: String, start: Int, end: Int)], scalars s: [Unicode.Scalar]) -> [Found] {
        var out: [Found] = []
        var k = 0
        while k < words.count {
            guard units[words[k].word] != nil || tens[words[k].word] != nil else { k += 1; continue }
            var total = 0, current = 0
            var lastKind = ""
            var end = k
            var m = k
            while m < words.count {
                let w = words[m].word
                if let u = units[w], lastKind != "unit", lastKind != "teen", !(lastKind == "ten" && u >= 10) {
                    current += u; lastKind = u >= 10 ? "teen" : "unit"
                } else if let t = tens[w], lastKind == "" || lastKind == "hundred" || lastKind == "thousand" {
                    current += t; lastKind = "ten"
                } else if w == "hundred", lastKind == "unit" || lastKind == "teen" {
                    current *= 100; lastKind = "hundred"
                } else if w == "thousand", lastKind != "", lastKind != "thousand" {
                    total += current * 1000; current = 0; lastKind = "thousand"
                } else if w == "and", lastKind == "hundred" || lastKind == "thousand", m + 1 < words.count,
                          units[words[m + 1].word] != nil || tens[words[m + 1].word] != nil {
                    m += 1
                    continue
                } else {
                    break
                }
                end = m
                m += 1
            }
            let start = words[k].start
            out.append(Found(value: Decimal(total + current), offset: start,
                             written: String(String.UnicodeScalarView(s[start..<words[end].end]))))
            k = end + 1
        }
        return out
    }
}
