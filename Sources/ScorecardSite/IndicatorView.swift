import Foundation
import ScorecardCore

/// Hands out ids that are unique on one page, however often an indicator appears on it.
final class PageIDs {
    private var used: [String: Int] = [:]
    /// Every id handed out: a numbered one (`ind-a-2`) may be another indicator's own.
    private var taken: Set<String> = []
    func make(_ base: String) -> String {
        var n = used[base, default: 0]
        var id = n == 0 ? base : "\(base)-\(n + 1)"
        while taken.contains(id) {
            n += 1
            id = "\(base)-\(n + 1)"
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

    static func comparators(_ def: IndicatorDefinition) -> TemplateValue {
        .list(def.comparators.map { c in
            .object([
                "label": .text(c.label),
                "value": .text(DisplayFormat.value(c.value, unit: def.unit, decimals: def.decimals)),
                "period": .optional(c.period),
            ])
        })
    }

    /// The keys every indicator shows wherever it appears.
    static func summary(_ f: IndicatorFigures, previousVisitTitle: String?) -> [String: TemplateValue] {
        let def = f.definition
        var changeNote: String?
        if let title = previousVisitTitle {
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
            "comparators": comparators(def),
            "hasComparators": .flag(!def.comparators.isEmpty),
        ]
    }

    /// The full card: summary, chart, definition, source and data table.
    static func card(_ f: IndicatorFigures, ids: PageIDs, previousVisitTitle: String?, dataLink: String?) -> [String: TemplateValue] {
        var values = summary(f, previousVisitTitle: previousVisitTitle)
        let def = f.definition
        let chartID = ids.make("chart-\(def.id)")
        values["anchor"] = .text(ids.make("ind-\(def.id)"))
        values["chart"] = IndicatorCharts.figure(f, id: chartID).map(TemplateValue.html) ?? .empty
        values["definition"] = .optional(def.definition)
        values["source"] = .optional(def.source)
        values["table"] = table(f, captionID: ids.make("table-\(def.id)"))
        values["dataLink"] = .optional(dataLink)
        values["hasData"] = .flag(!f.points.isEmpty)
        return values
    }

    /// The indicator's published data as an HTML table: the chart's text equivalent.
    static func table(_ f: IndicatorFigures, captionID: String) -> TemplateValue {
        let def = f.definition
        guard !f.points.isEmpty else { return .empty }
        let hasHeadlineRows = f.points.contains { $0.breakdown == nil }
        let showHeadline = f.headline != nil
        var headers: [String] = ["Period"]
        if showHeadline { headers.append(f.categories.isEmpty ? "Value" : "Total") }
        headers += f.categories
        let rolling = f.rolling.map { Dictionary($0.map { ($0.period, $0.mean) }, uniquingKeysWith: { a, _ in a }) }
        if let k = def.rolling, rolling != nil { headers.append("Rolling mean (\(k) periods)") }
        var symbolsUsed = Set<String>()
        var statusesUsed = Set<ObservationStatus>()
        var rows: [TemplateValue] = []
        var anyNote = false
        let periods = Array(Set(f.points.map(\.period) + (f.headline ?? []).map(\.period))).sorted()
        // Looked up by key, not searched per period: a series may have many thousands of rows.
        var headlineAt: [Period: PublishedPoint] = [:]
        for h in f.headline ?? [] where headlineAt[h.period] == nil { headlineAt[h.period] = h }
        var pointAt: [Period: [String: PublishedPoint]] = [:]
        for p in f.points {
            guard let b = p.breakdown, pointAt[p.period]?[b] == nil else { continue }
            pointAt[p.period, default: [:]][b] = p
        }
        var bodyRows: [(period: Period, cells: [String], notes: [String])] = []
        for period in periods {
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
                let h = headlineAt[period]
                cells.append(cell(h))
                if hasHeadlineRows, let n = h?.note { notes.append(n) }
            }
            for c in f.categories {
                let p = pointAt[period]?[c]
                cells.append(cell(p))
                if let n = p?.note { notes.append("\(c): \(n)") }
            }
            if let rolling {
                if let m = rolling[period] ?? nil {
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
        return .object([
            "id": .text(captionID),
            "caption": .text("\(def.title): data as published"),
            "headers": .list(headers.dropFirst().map { .text($0) }),
            "firstHeader": .text(headers[0]),
            "rows": .list(rows),
            "key": .list(key),
            "hasKey": .flag(!key.isEmpty),
        ])
    }
}
