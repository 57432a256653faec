import Foundation
import ScorecardCharts
import ScorecardCore

/// How the comparators from the official statistics appear on cards and charts.
enum PublishedView {
    /// One published comparator series: what it is called and its cells by period.
    struct Series {
        var id: String
        var label: String
        var style: ComparisonSeries.Style
        var cells: [Period: PublishedCell]
        /// For the statistical-neighbour average: how many neighbours each mean used.
        var means: [Period: NeighbourMean] = [:]
    }

    static let neighboursLabel = "Statistical neighbour average"

    /// A cell as shown: `20.8%`, `[c]`, or `[x]` where the file has no row.
    static func text(_ cell: PublishedCell?, _ def: IndicatorDefinition) -> String {
        switch cell {
        case .value(let v)?: return DisplayFormat.value(v, unit: def.unit, decimals: def.decimals)
        case .symbol(let s)?: return "[\(s)]"
        case nil: return "[x]"
        }
    }

    /// The mean as shown with its count: `20.0% (10 of 10)`, or `[x] (4 of 10)`.
    static func text(_ mean: NeighbourMean?, _ def: IndicatorDefinition) -> String {
        guard let mean else { return "[x]" }
        let value = mean.value.map { DisplayFormat.value($0, unit: def.unit, decimals: def.decimals) } ?? "[x]"
        return "\(value) (\(mean.countText))"
    }

    /// The region's name, or `Region` when the file gives none.
    static func regionLabel(_ b: BenchmarkFigures) -> String {
        guard let name = b.regionName, !name.isEmpty else { return "Region" }
        return name
    }

    /// England, the region and the neighbour average, leaving out those a hand-written
    /// comparator replaces.
    static func series(_ b: BenchmarkFigures) -> [Series] {
        var england: [Period: PublishedCell] = [:], region: [Period: PublishedCell] = [:]
        var neighbours: [Period: PublishedCell] = [:], means: [Period: NeighbourMean] = [:]
        var hasNeighbours = false
        for row in b.rows {
            if let c = row.england { england[row.period] = c }
            if let c = row.region { region[row.period] = c }
            if let m = row.neighbourMean {
                hasNeighbours = true
                means[row.period] = m
                neighbours[row.period] = m.value.map(PublishedCell.value) ?? .symbol("x")
            }
        }
        var out: [Series] = []
        if !b.overridden.contains("england"), !england.isEmpty {
            out.append(Series(id: "england", label: "England", style: .england, cells: england))
        }
        if !b.overridden.contains("region"), !region.isEmpty {
            out.append(Series(id: "region", label: regionLabel(b), style: .region, cells: region))
        }
        if !b.overridden.contains("statistical-neighbours"), hasNeighbours {
            out.append(Series(id: "statistical-neighbours", label: neighboursLabel, style: .neighbours,
                              cells: neighbours, means: means))
        }
        return out
    }

    /// The facts under the headline: the latest published figures with their period, the rank
    /// and the quartile.
    static func facts(_ f: IndicatorFigures) -> TemplateValue {
        guard let b = f.benchmark, let latest = b.latest else { return .list([]) }
        let def = f.definition
        let period = latest.period.label
        var items: [(String, String)] = [("Our published figure (\(period))", text(latest.authority, def))]
        for s in series(b) {
            let value = s.id == "statistical-neighbours" ? text(latest.neighbourMean, def) : text(s.cells[latest.period], def)
            items.append(("\(s.label) (\(period))", value))
        }
        if def.better != .neither, !(f.benchmark?.rows.allSatisfy { $0.neighbourMean == nil } ?? true) {
            items.append(("Rank (\(period))", latest.rank.map { "\($0.text) among statistical neighbours" } ?? "[x]"))
        }
        if def.better != .neither {
            items.append(("National quartile (\(period))", latest.quartile.map { "\($0.rawValue) (\($0.meaning))" } ?? "[x]"))
        }
        return .list(items.map { .object(["label": .text($0.0), "value": .text($0.1)]) })
    }

    /// Where the published comparators come from, for the card.
    static func source(_ f: IndicatorFigures) -> String? {
        guard let b = f.benchmark else { return nil }
        let filters = b.measure.filters.map { "\($0.column) \($0.value)" }.joined(separator: ", ")
        return "Official statistics, \(b.measure.file), column \(b.measure.measure)" + (filters.isEmpty ? "" : " (\(filters))")
    }

    /// The published series to draw beside the local one: as lines where the published
    /// periods are periods of the chart, otherwise each comparator's latest figure as a
    /// reference line labelled with its period. Without `lines` (bar charts) every series is
    /// a reference line.
    static func chart(_ f: IndicatorFigures, periods: [Period], lines asLines: Bool = true)
        -> (lines: [ComparisonSeries], references: [ReferenceLine]) {
        guard let b = f.benchmark else { return ([], []) }
        var lines: [ComparisonSeries] = [], references: [ReferenceLine] = []
        for s in series(b) {
            let values = periods.map { s.cells[$0]?.value.map(DecimalNumber.double) }
            if asLines, values.contains(where: { $0 != nil }) {
                lines.append(ComparisonSeries(s.label, values: values, style: s.style))
            } else if let (period, cell) = s.cells.filter({ $0.value.value != nil }).max(by: { $0.key < $1.key }),
                      let v = cell.value {
                references.append(ReferenceLine("\(s.label) \(period.label)", value: DecimalNumber.double(v), kind: .comparator))
            }
        }
        return (lines, references)
    }

    /// The sentence added to the chart's description naming each published comparator.
    static func description(_ f: IndicatorFigures, periods: [Period], lines asLines: Bool = true) -> String {
        guard let b = f.benchmark else { return "" }
        let def = f.definition
        let onChart = asLines ? Set(periods) : []
        var parts: [String] = []
        for s in series(b) {
            let figures = s.cells.filter { $0.value.value != nil }
            let drawn = figures.keys.filter { onChart.contains($0) }.sorted()
            if let last = drawn.last {
                parts.append("\(s.label) as a line, \(text(s.cells[last], def)) in \(last.label)")
            } else if let last = figures.keys.max() {
                parts.append("\(s.label) \(text(s.cells[last], def)) in \(last.label) as a level line")
            }
        }
        guard !parts.isEmpty else { return "" }
        return " Published comparators: " + parts.joined(separator: "; ") + "."
    }
}

extension PublishedView {
    /// The published figures of every period as a data table (the values of `data-table`
    /// but its caption's id), so the comparator lines of the chart are in a table too; nil
    /// without published comparators.
    static func table(_ f: IndicatorFigures) -> TemplateObject? {
        guard let b = f.benchmark, !b.rows.isEmpty else { return nil }
        let def = f.definition
        let shown = series(b)
        let rated = def.better != .neither
        let hasNeighbours = b.rows.contains { $0.neighbourMean != nil }
        var headers = ["Our published figure"] + shown.map(\.label)
        if rated && hasNeighbours { headers.append("Rank among statistical neighbours") }
        if rated { headers.append("National quartile") }
        var symbols = Set<String>()
        func note(_ t: String) -> String {
            if t.hasPrefix("["), let end = t.firstIndex(of: "]") { symbols.insert(String(t[t.index(after: t.startIndex)..<end])) }
            return t
        }
        let rows = b.rows.map { r -> TemplateValue in
            var cells = [note(text(r.authority, def))]
            for s in shown {
                cells.append(note(s.id == "statistical-neighbours" ? text(r.neighbourMean, def) : text(s.cells[r.period], def)))
            }
            if rated && hasNeighbours { cells.append(note(r.rank?.text ?? "[x]")) }
            if rated { cells.append(note(r.quartile.map { "\($0.rawValue) (\($0.meaning))" } ?? "[x]")) }
            return .object(["period": .text(r.period.label), "cells": .list(cells.map { .object(["text": .text($0)]) })])
        }
        let key: [TemplateValue] = PublishedCell.symbols.filter { symbols.contains($0) }.map {
            .object(["symbol": .text("[\($0)]"), "meaning": .text(PublishedCell.meaning(of: $0))])
        }
        return [
            "caption": .text("\(def.title): published comparators (\(b.measure.file))"),
            "headers": .list(headers.map { .text($0) }),
            "firstHeader": .text("Period"),
            "rows": .list(rows),
            "key": .list(key),
            "hasKey": .flag(!key.isEmpty),
        ]
    }
}
