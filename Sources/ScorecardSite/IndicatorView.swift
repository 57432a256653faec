import Foundation
import ScorecardCore

/// Hands out ids that are unique on one page, however often an indicator appears on it.
///
/// Every id derived from an author's id has the form `kind-ID`, `kind-ID_N` for its Nth
/// place on the page, and `…_part` for its parts (`ind-a_title`, `chart-a_2_cap`), where
/// `kind` is a fixed word (`ind`, `chart`, `table`, `spark`, `sum`, `scorecard`, `changes`,
/// `fn`, `fnref`) and ID matches `[a-z0-9][a-z0-9-]*`. An id cannot hold `_`, so the first
/// `_` ends it and no two derived ids can be equal: `ind-b_title` (the title of `b`'s card)
/// is not `ind-b-title` (the card of `b-title`). The templates' fixed ids never start with
/// `kind-`, or join their words with `_` where they would (`changes_heading`).
final class PageIDs {
    private var used: [String: Int] = [:]
    /// Every id handed out.
    private var taken: Set<String> = []
    func make(_ base: String) -> String {
        var n = used[base, default: 0]
        var id = n == 0 ? base : "\(base)_\(n + 1)"
        while taken.contains(id) {
            n += 1
            id = "\(base)_\(n + 1)"
        }
        used[base] = n + 1
        taken.insert(id)
        return id
    }
}

/// The template values for one indicator: its card, its row in a table, its data.
enum IndicatorView {
    static func rag(_ r: RAG?) -> TemplateValue {
        guard let r else { return .empty }
        return .object(["word": .text(r.label), "symbol": .text(r.symbol), "class": .text("rag-\(r.rawValue)")])
    }

    static func trend(_ t: Trend?) -> TemplateValue {
        guard let t else { return .empty }
        return .object(["word": .text(t.label), "symbol": .text(t.symbol), "class": .text("trend-\(t.rawValue)")])
    }

    /// Which way the change since the previous visit went, judged by `better`: "better" with
    /// a tick or "worse" with a cross, so it never rests on colour; empty for `better:
    /// neither`, for no change, and for a change that shows as zero once rounded.
    static func direction(_ f: IndicatorFigures) -> TemplateValue {
        guard let better = isBetter(f) else { return .empty }
        return .object([
            "word": .text(better ? "better" : "worse"),
            "symbol": .text(better ? "✓" : "✗"),
            "class": .text(better ? "direction-better" : "direction-worse"),
        ])
    }

    /// True when the change since the previous visit is better, false when worse; nil with
    /// no change, a change that shows as zero once rounded, or `better: neither`.
    static func isBetter(_ f: IndicatorFigures) -> Bool? {
        guard let c = f.change, f.definition.better != .neither else { return nil }
        let shown = DecimalNumber.rounded(c, places: f.definition.decimals)
        guard shown != 0 else { return nil }
        return (shown > 0) == (f.definition.better == .higher)
    }

    /// What `{{id.direction}}` shows for an indicator with a change: `✓ better` or `✗ worse`,
    /// `no change` when it shows as zero, and `–` for `better: neither`.
    static func directionText(_ f: IndicatorFigures) -> String {
        if f.definition.better == .neither { return "–" }
        guard let better = isBetter(f) else { return "no change" }
        return better ? "✓ better" : "✗ worse"
    }

    /// Why an indicator has no trend, in the words of the spec's rule (a trend needs three
    /// or more numeric headline values); nil when it has one.
    static func noTrendReason(_ f: IndicatorFigures) -> String? {
        guard f.trend == nil else { return nil }
        guard let headline = f.headline else { return "None: no overall figure, only its parts" }
        let count = headline.filter { $0.value != nil }.count
        let has = count == 0 ? "none yet" : count == 1 ? "there is 1" : "there are \(count)"
        return "Needs three or more figures; \(has)"
    }

    static func comparators(_ def: IndicatorDefinition) -> TemplateValue {
        .list(def.comparators.map { c in
            .object([
                "label": .text(c.label),
                "value": .text(DisplayFormat.value(c.value, unit: def.unit, decimals: def.decimals)),
                "period": .optional(c.period),
            ])
        })
    }

    /// The key beside a table: what each `[c]`, `[x]`, `[z]`, `[e]`, `[p]` or `[r]` among
    /// `texts` means, in the order symbols then statuses.
    static func symbolKey(for texts: [String]) -> TemplateValue {
        // Every shorthand is a letter in brackets: the texts are read once for `[x]` and the
        // letters found, rather than searched six times over (once for each shorthand).
        var letters = Set<UInt8>()
        for var text in texts {
            text.withUTF8 { bytes in
                var i = 0
                while i + 2 < bytes.count {
                    if bytes[i] == UInt8(ascii: "["), bytes[i + 2] == UInt8(ascii: "]") { letters.insert(bytes[i + 1]) }
                    i += 1
                }
            }
        }
        func shown(_ rawValue: String) -> Bool { letters.contains(rawValue.utf8.first!) }
        var entries: [TemplateValue] = []
        for s in StatisticalSymbol.allCases where shown(s.rawValue) {
            entries.append(.object(["symbol": .text(s.shorthand), "meaning": .text(s.meaning)]))
        }
        for s in ObservationStatus.allCases where shown(s.rawValue) {
            entries.append(.object(["symbol": .text(s.shorthand), "meaning": .text(s.meaning)]))
        }
        return .object(["key": .list(entries), "hasKey": .flag(!entries.isEmpty)])
    }

    /// The keys every indicator shows wherever it appears.
    static func summary(_ f: IndicatorFigures, previousVisitTitle: String?) -> TemplateObject {
        let def = f.definition
        var changeNote: String?
        var changeSince: String?
        if let title = previousVisitTitle {
            changeSince = "since \(title)"
            if !f.existedAtPreviousVisit {
                changeNote = "New since \(title)"
            } else if f.change == nil {
                changeNote = "No comparable figure at \(title)"
            } else {
                changeNote = "Since \(title)"
            }
        }
        return [
            "id": .text(def.id),
            "anchor": .text("ind-\(def.id)"),
            "title": .text(def.title),
            "latest": .text(f.latestText),
            "hasLatest": .flag(f.latest?.value != nil),
            "period": .optional(f.latest?.period.label),
            "target": .optional(f.targetText),
            "rag": rag(f.rag),
            "trend": trend(f.trend),
            "change": .optional(f.changeText),
            "changeNote": .optional(changeNote),
            "changeSince": .optional(changeSince),
            "direction": direction(f),
            "noTrend": .optional(noTrendReason(f)),
            "latestKey": symbolKey(for: [f.latestText]),
            "comparators": comparators(def),
            "hasComparators": .flag(!def.comparators.isEmpty),
            "publishedFacts": PublishedView.facts(f),
            "publishedSource": .optional(PublishedView.source(f)),
        ]
    }

    /// A card from its parts: the values that are the same on every page (`cardValues`), and
    /// those that are not: the page's ids, the chart (which names its id) and the data link.
    static func card(sameOnEveryPage values: TemplateObject, anchor: String, chart: TemplateValue,
                     table: TemplateValue, dataLink: String?) -> TemplateObject {
        var values = values
        values["anchor"] = .text(anchor)
        values["chart"] = chart
        values["table"] = table
        values["dataLink"] = .optional(dataLink)
        return values
    }

    /// The keys of a card that are the same wherever it appears: the summary, definition and source.
    static func cardValues(_ f: IndicatorFigures, previousVisitTitle: String?) -> TemplateObject {
        var values = summary(f, previousVisitTitle: previousVisitTitle)
        values["definition"] = .optional(f.definition.definition)
        values["source"] = .optional(f.definition.source)
        values["hasData"] = .flag(!f.points.isEmpty)
        return values
    }

    /// `table` (the values of `table(_:)`) with the id of its caption.
    static func table(withCaptionID captionID: String, _ table: TemplateObject) -> TemplateValue {
        var values = table
        values["id"] = .text(captionID)
        return .object(values)
    }

    /// The values of the indicator's data table but its caption's id, or nil with no data.
    static func table(_ f: IndicatorFigures) -> TemplateObject? {
        let def = f.definition
        guard !f.points.isEmpty else { return nil }
        let hasHeadlineRows = f.points.contains { $0.breakdown == nil }
        let showHeadline = f.headline != nil
        var headers: [String] = ["Period"]
        if showHeadline { headers.append(f.categories.isEmpty ? "Value" : "Total") }
        headers += f.categories
        if let k = def.rolling, f.rolling != nil { headers.append("Rolling mean (\(k) periods)") }
        var symbolsUsed = Set<String>()
        var statusesUsed = Set<ObservationStatus>()
        var rows: [TemplateValue] = []
        var anyNote = false
        let periods = Period.sortedDistinct(f.points.map(\.period) + (f.headline ?? []).map(\.period))
        // Each cell's point, found by period (and category) rather than by a search per cell;
        // the first point wins, as a search from the start would find it.
        let headlineByPeriod = Period.match(f.headline ?? [], period: { $0.period }, to: periods)
        let rolling = f.rolling.map { Period.match($0, period: { $0.period }, to: periods) }
        let pointByCell = IndicatorView.pointsByPeriodAndCategory(f.points)
        var bodyRows: [(period: Period, cells: [String], notes: [String])] = []
        for (row, period) in periods.enumerated() {
            var cells: [String] = []
            var notes: [String] = []
            func cell(_ p: PublishedPoint?) -> String {
                guard let p else {
                    symbolsUsed.insert("x")
                    return StatisticalSymbol.notAvailable.shorthand
                }
                if let s = p.symbol { symbolsUsed.insert(s.rawValue) }
                if p.isGap { symbolsUsed.insert("x") }
                if let s = p.status, p.value != nil { statusesUsed.insert(s) }
                return DisplayFormat.point(p, definition: def)
            }
            if showHeadline {
                let h = headlineByPeriod[row]
                cells.append(cell(h))
                if hasHeadlineRows, let n = h?.note { notes.append(n) }
            }
            for c in f.categories {
                let p = pointByCell[PeriodAndCategory(period: period, category: c)]
                cells.append(cell(p))
                if let n = p?.note { notes.append("\(c): \(n)") }
            }
            if let rolling {
                if let m = rolling[row]?.mean ?? nil {
                    cells.append(DisplayFormat.value(m, unit: def.unit, decimals: def.decimals))
                } else {
                    cells.append("–")
                }
            }
            if !notes.isEmpty { anyNote = true }
            bodyRows.append((period, cells, notes))
        }
        if anyNote { headers.append("Notes") }
        for r in bodyRows {
            var cells = r.cells.map { TemplateValue.object(["text": .text($0)]) }
            if anyNote { cells.append(.object(["text": .text(r.notes.joined(separator: "; "))])) }
            rows.append(.object(["period": .text(r.period.label), "cells": .list(cells)]))
        }
        var key: [TemplateValue] = []
        for s in StatisticalSymbol.allCases where symbolsUsed.contains(s.rawValue) {
            key.append(.object(["symbol": .text(s.shorthand), "meaning": .text(s.meaning)]))
        }
        for s in ObservationStatus.allCases where statusesUsed.contains(s) {
            key.append(.object(["symbol": .text(s.shorthand), "meaning": .text(s.meaning)]))
        }
        return [
            "caption": .text("\(def.title): data as published"),
            "headers": .list(headers.dropFirst().map { .text($0) }),
            "firstHeader": .text(headers[0]),
            "rows": .list(rows),
            "key": .list(key),
            "hasKey": .flag(!key.isEmpty),
        ]
    }

    /// The points of a breakdown by period and category; the first point of each pair wins.
    static func pointsByPeriodAndCategory(_ points: [PublishedPoint]) -> [PeriodAndCategory: PublishedPoint] {
        var out: [PeriodAndCategory: PublishedPoint] = [:]
        for p in points {
            guard let c = p.breakdown else { continue }
            let key = PeriodAndCategory(period: p.period, category: c)
            if out[key] == nil { out[key] = p }
        }
        return out
    }
}

/// One cell of a breakdown: a period and a category.
struct PeriodAndCategory: Hashable {
    var period: Period
    var category: String
}
