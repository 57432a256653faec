import Foundation

/// Checks of a visit's content that disclosure control cannot do by hiding cells: a declared
/// `base` that names no count indicator, a percent that cannot be checked at all, and
/// numbers stated in notes, titles and narrative that give a suppressed figure back.
public enum DisclosureAudit {
    /// Every such problem in one visit (errors for a bad base, warnings otherwise).
    public static func diagnostics(_ figures: VisitFigures, site: Site) -> [Diagnostic] {
        guard figures.visit.suppressBelow(in: site) > 0 else { return [] }
        var out: [Diagnostic] = []
        let all = figures.indicators
        for f in all where !f.definition.disclosureExempt {
            let def = f.definition
            if case .indicator(let id)? = def.base, let at = def.baseLocation {
                if let b = all.first(where: { $0.id == id }) {
                    if b.definition.unit != .count {
                        out.append(.error("base '\(id)' is a \(b.definition.unit.rawValue), not a count; a base is 'count-of-children' or a count indicator's id", at: at))
                    }
                } else {
                    out.append(.error("base '\(id)' is not an indicator of this visit; write 'count-of-children' or the id of a count indicator\(Suggestion.hint(for: id, in: all.map(\.id)))", at: at))
                }
            }
            // An indicator that gives a numerator on some rows is checked on those; one that
            // gives none at all, and no base, cannot be checked anywhere.
            if def.unit == .percent, def.base == nil, !f.points.contains(where: { $0.numerator != nil || $0.suppressedByDisclosure }),
               let first = f.points.first(where: { $0.value != nil }), let at = first.location {
                out.append(.warning("'\(def.id)' is a percent written as a bare value, with no numerator and denominator and no declared base, so disclosure control cannot check the count behind it; give numerator and denominator, or declare 'base:' in scorecard.yaml (count-of-children, or the id of a count indicator)", at: at))
            }
        }
        out += leaks(figures)
        return out
    }

    /// Numbers stated in a note of a row in the period, in the indicator's title or
    /// definition, in any sentence of its own scorecard's narrative, or in any sentence of
    /// another narrative of the visit that refers to it, that equal a withheld total (see
    /// `WithheldTotal`): with the published categories, they give a suppressed one back.
    static func leaks(_ figures: VisitFigures) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let narratives = ([figures.visit.overview] + figures.scorecards.map(\.narrative)).compactMap { $0 }
        for card in figures.scorecards {
            for f in card.indicators where !f.withheldTotals.isEmpty {
                var byPeriod: [Period: [WithheldTotal]] = [:]
                for w in f.withheldTotals { byPeriod[w.period, default: []].append(w) }
                func check(_ text: String, period: Period?, what: String, at: (Int) -> SourceLocation) {
                    for n in StatedNumbers.find(in: text) {
                        for w in period.map({ byPeriod[$0] ?? [] }) ?? f.withheldTotals where w.total == n.value {
                            out.append(.warning(message(n.written, what: what, figures: f, withheld: w), at: at(n.offset)))
                        }
                    }
                }
                for p in f.points {
                    guard let note = p.note, let at = p.location else { continue }
                    check(note, period: p.period, what: "the note", at: { _ in at })
                }
                check(f.definition.title, period: nil, what: "the title", at: { _ in f.definition.location })
                if let d = f.definition.definition {
                    check(d, period: nil, what: "the definition", at: { _ in f.definition.location })
                }
                for narrative in narratives {
                    let own = narrative.path == card.narrative?.path
                    for header in [narrative.title, narrative.summary].compactMap({ $0 })
                    where own || header.contains("{{\(f.id)") {
                        check(header, period: nil, what: "the front matter", at: { _ in SourceLocation(path: narrative.path, line: 1, column: 1) })
                    }
                    let text = TextLocator(narrative)
                    for sentence in text.sentences() {
                        let words = text.text(sentence)
                        guard own || words.contains("{{\(f.id)}}") || words.contains("{{\(f.id).") else { continue }
                        check(TextLocator.blankingReferences(words), period: nil, what: "this sentence",
                              at: { text.location(of: sentence.lowerBound + $0) })
                    }
                }
            }
        }
        return out
    }

    static func message(_ written: String, what: String, figures f: IndicatorFigures, withheld w: WithheldTotal) -> String {
        let shown = w.published.map { "\($0.category) \(DecimalNumber.plainText($0.value))" }.joined(separator: ", ")
        let measure = w.measure == "total" ? "total" : "total \(w.measure)"
        let hidden = w.hidden.count == 1 ? "the suppressed '\(w.hidden[0])'" : "the suppressed categories together"
        return "'\(written)' in \(what) is the withheld \(measure) of '\(f.id)' for \(w.period.label); with the published categories (\(shown.isEmpty ? "none" : shown)) it gives back \(hidden); leave the number out or publish it only where the suppressed figures cannot be worked out"
    }
}

/// A narrative's body as Unicode scalars, split into sentences, with file lines and columns.
struct TextLocator {
    let scalars: [Unicode.Scalar]
    let path: String
    let firstLine: Int
    /// Offset of the first scalar of each line.
    let lineStarts: [Int]

    init(_ narrative: Narrative) {
        var s = Array(narrative.body.unicodeScalars)
        if s.first == "\u{FEFF}" { s.removeFirst() }
        scalars = s
        path = narrative.path
        firstLine = narrative.bodyFirstLine
        var starts = [0]
        for (i, u) in s.enumerated() where u == "\n" { starts.append(i + 1) }
        lineStarts = starts
    }

    func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }

    /// The file location of the scalar at `offset`.
    func location(of offset: Int) -> SourceLocation {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourceLocation(path: path, line: firstLine + lo, column: offset - lineStarts[lo] + 1)
    }

    /// Sentences: ended by `.`, `!` or `?` before a space or line end, or by a blank line.
    func sentences() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            if (u == "." || u == "!" || u == "?") && (next == nil || next == " " || next == "\n" || next == "\r") {
                out.append(start..<(i + 1)); start = i + 1
            } else if u == "\n", next == "\n" || (next == "\r" && i + 2 < scalars.count && scalars[i + 2] == "\n") {
                out.append(start..<i); start = i + 1
            }
            i += 1
        }
        if start < scalars.count { out.append(start..<scalars.count) }
        return out
    }

    /// `text` with every `{{…}}` reference replaced by spaces of the same length, so that the
    /// digits of an indicator id are not read as a number and offsets stay as they were.
    static func blankingReferences(_ text: String) -> String {
        var s = Array(text.unicodeScalars)
        var i = 0
        while i + 1 < s.count {
            if s[i] == "{", s[i + 1] == "{" {
                var j = i + 2
                while j + 1 < s.count, !(s[j] == "}" && s[j + 1] == "}"), s[j] != "\n" { j += 1 }
                if j + 1 < s.count, s[j] == "}" {
                    for k in i...(j + 1) { s[k] = " " }
                    i = j + 2
                    continue
                }
            }
            i += 1
        }
        return String(String.UnicodeScalarView(s))
    }
}
