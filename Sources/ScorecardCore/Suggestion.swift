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
