import ScorecardCore

/// Strict UTF-8 decoding of content files: a byte-order mark is dropped, invalid bytes are
/// an error at their line and column.
public enum TextDecoding {
    /// The text of `bytes` without a leading BOM, or a diagnostic at the first invalid byte.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var line = 1
        var lineStart = body.startIndex
        var i = body.startIndex
        while i < body.endIndex {
            let b = body[i]
            if b < 0x80 {
                if b == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
                continue
            }
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && i + length <= body.endIndex
            if valid {
                for k in 1..<length where body[i + k] & 0xC0 != 0x80 { valid = false }
            }
            if valid {
                let b1 = body[i + 1]
                if b == 0xE0 && b1 < 0xA0 { valid = false }        // overlong
                if b == 0xED && b1 > 0x9F { valid = false }        // surrogates
                if b == 0xF0 && b1 < 0x90 { valid = false }        // overlong
                if b == 0xF4 && b1 > 0x8F { valid = false }        // beyond U+10FFFF
            }
            if !valid {
                let prefix = Array(body[lineStart..<i])
                let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
                let hex = String(b, radix: 16, uppercase: true)
                return .failure(.error(
                    "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save the file as UTF-8",
                    at: SourceLocation(path: path, line: line, column: column)))
            }
            i += length
        }
        return .success(String(decoding: body, as: UTF8.self))
    }
}

/// Close matches for "did you mean" hints.
public enum Suggestion {
    /// The candidate nearest to `word` within a small edit distance, if any.
    ///
    /// Swapped neighbours count as one edit (`titel` → `title`), and a word that is the start
    /// of a candidate or the other way round is close too (`percentage` → `percent`,
    /// `rate` → `rate-per-10k`).
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let lower = Array(c.lowercased())
            var d = distance(w, lower)
            let limit = max(1, min(3, c.count / 3))
            let shorter = min(w.count, lower.count)
            if d > limit, shorter >= 4, w.starts(with: lower) || lower.starts(with: w) { d = limit }
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// `; did you mean 'x'?` or an empty string. Goes at the end of a message, so that the
    /// question mark is not followed by more text.
    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// `; did you mean 'x'?` when a candidate is close, else `; ` and `otherwise` (such as the
    /// list of what is allowed).
    public static func hint(for word: String, in candidates: [String], otherwise: String) -> String {
        let h = hint(for: word, in: candidates)
        return h.isEmpty ? "; " + otherwise : h
    }

    /// `a`, `a or b`, `a, b or c`.
    public static func alternatives(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " or " + last
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbouring characters each cost one.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
