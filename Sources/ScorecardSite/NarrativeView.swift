import Foundation
import ScorecardCore
import ScorecardMarkdown

/// Renders narrative Markdown with the visit's figures: `kpi` blocks become indicator cards
/// and `{{id}}` references become the figures as displayed.
struct NarrativeView {
    let figures: VisitFigures
    /// Renders the card of one indicator (trusted HTML), reporting template problems.
    let card: (IndicatorFigures) -> String

    /// The HTML, the ids of indicators placed by kpi blocks, and any problems.
    func render(_ narrative: Narrative) -> (html: String, placed: [String], diagnostics: [Diagnostic]) {
        var placed: [String] = []
        var extra: [Diagnostic] = []
        let known = figures.indicators.map(\.id)
        let (html, diagnostics) = MarkdownRenderer.render(
            narrative.body, path: narrative.path, firstLine: narrative.bodyFirstLine,
            kpiBlock: { ids, _ in
                // The cards are written straight into the block: a page's cards are most of it,
                // and wrapping them afterwards copied them all once more.
                var out = "<div class=\"kpi-block\">\n"
                for (id, location) in ids {
                    guard let f = figures.indicator(id) else {
                        extra.append(.error("unknown indicator '\(id)' in a kpi block; it is not defined in any scorecard of this visit\(Suggestion.hint(for: id, in: known))", at: location))
                        continue
                    }
                    placed.append(id)
                    out += card(f)
                }
                out += "</div>\n"
                return out
            },
            reference: { ref in resolve(ref, known: known) })
        return (Self.scopeFootnotes(html, path: narrative.path), placed, diagnostics + extra)
    }

    /// cmark numbers every document's footnotes `fn-1`, `fnref-1`, …; the pack holds the
    /// overview and every scorecard's narrative on one page, so each narrative's footnote ids
    /// and links get a prefix of their own: `fn-overview_1`, `fn-front-door-narrative_1`. The
    /// scope is made of letters, digits and hyphens, so the `_` after it keeps an overview's
    /// `[^narrative-1]` apart from the narrative of a scorecard called `overview`.
    /// Author HTML is escaped, so `id="fn-` and `"#fn-` come only from cmark.
    static func scopeFootnotes(_ html: String, path: String) -> String {
        // A plain scan of the bytes: Foundation's `contains` goes through NSString and the
        // standard library's generic search is no quicker, both slow on pages of cards.
        guard Self.bytes(of: html, contain: Array("data-footnote".utf8)) else { return html }
        let name = path.split(separator: "/").dropFirst(3).joined(separator: "-")
        let scope = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        var out = html
        for kind in ["fn-", "fnref-"] {
            out = out.replacingOccurrences(of: "id=\"\(kind)", with: "id=\"\(kind)\(scope)_")
                .replacingOccurrences(of: "href=\"#\(kind)", with: "href=\"#\(kind)\(scope)_")
        }
        return out
    }

    /// True when `needle` occurs in the UTF-8 of `text` (`UnsafeBufferPointer.index(of:from:)`).
    static func bytes(of text: String, contain needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { hay in needle.withUnsafeBufferPointer { hay.index(of: $0) != nil } }
    }

    func resolve(_ ref: InlineReference, known: [String]) -> ReferenceResolution {
        guard let f = figures.indicator(ref.indicator) else {
            return .diagnostic(.error("unknown indicator '\(ref.indicator)' in \(ref.written); it is not defined in any scorecard of this visit\(Suggestion.hint(for: ref.indicator, in: known))", at: ref.location), text: ref.written)
        }
        func missing(_ what: String) -> ReferenceResolution {
            let symbol = f.latest?.isSuppressed == true && ref.field != .target ? StatisticalSymbol.suppressed : .notAvailable
            return .diagnostic(.warning("\(ref.written) has no \(what) at this visit, so it shows \(symbol.shorthand)", at: ref.location), text: symbol.shorthand)
        }
        switch ref.field {
        case nil:
            guard let latest = f.latest, let value = latest.value else { return missing("figure") }
            let text = DisplayFormat.value(value, unit: f.definition.unit, decimals: f.definition.decimals)
            // The latest figure may be older than the indicator's newest period (whose total is
            // a gap): say which period it is, so that prose about the newest one is not misled.
            if let newest = f.points.map(\.period).max(), latest.period < newest {
                return .diagnostic(.warning("\(ref.written) shows the figure for \(latest.period.label), not for the indicator's newest period \(newest.label), which has no figure; it is shown as '\(text) (\(latest.period.label))'; write the sentence about \(latest.period.label), or give a figure for \(newest.label)", at: ref.location),
                                   text: "\(text) (\(latest.period.label))")
            }
            return .text(text)
        case .period?:
            guard let p = f.latest else { return missing("latest period") }
            return .text(p.period.label)
        case .target?:
            guard let t = f.targetText else { return missing("target") }
            return .text(t)
        case .change?:
            guard let c = f.changeText else { return missing("change since the previous visit") }
            return .text(c)
        case .direction?:
            guard f.change != nil else { return missing("change since the previous visit") }
            return .text(IndicatorView.directionText(f))
        }
    }
}
