import Foundation
import ScorecardCore

/// Template values for "what changed since the previous visit".
enum ChangesView {
    static func context(_ c: VisitComparison, path: String, visit v: VisitFigures) -> TemplateObject {
        let previousID = c.previousVisitID
        return [
            "hasPrevious": .flag(previousID != nil),
            "previousHref": .optional(previousID.map { PagePaths.link(from: path, to: PagePaths.visit($0)) }),
            "scorecards": .list(c.scorecards.filter { $0.reported }.map { card in
                .object([
                    "title": .text(card.title),
                    "anchor": .text("changes-\(card.id)"),
                    "rows": .list(card.indicators.map { row($0, path: path, visit: v) }),
                    "symbolKey": IndicatorView.symbolKey(for: card.indicators.flatMap { i in
                        [DisplayFormat.point(i.figures.previousLatest, definition: i.previousDefinition), i.figures.latestText]
                            + i.revisions.flatMap { [DisplayFormat.point($0.before, definition: i.previousDefinition),
                                                     DisplayFormat.point($0.after, definition: i.figures.definition)] }
                    }),
                    "hasRows": .flag(!card.indicators.isEmpty),
                    "added": .list(card.added.map { .object(["title": .text($0.title), "href": .text(PagePaths.link(from: path, to: PagePaths.scorecard(v.visit.id, card.id)) + "#ind-\($0.id)")]) }),
                    "hasAdded": .flag(!card.added.isEmpty),
                    "dropped": .list(card.dropped.map { .text($0.title) }),
                    "hasDropped": .flag(!card.dropped.isEmpty),
                    "revisions": .list(card.indicators.flatMap { i in i.revisions.map { revision(i, $0) } }),
                    "hasRevisions": .flag(card.indicators.contains { !$0.revisions.isEmpty }),
                    "definitionChanges": .list(card.indicators.flatMap(definitionChanges)),
                    "hasDefinitionChanges": .flag(card.indicators.contains { $0.targetChanged || !$0.benchmarkChanges.isEmpty }),
                ])
            }),
        ]
    }

    static func row(_ i: VisitComparison.IndicatorChange, path: String, visit v: VisitFigures) -> TemplateValue {
        let f = i.figures
        return .object([
            "title": .text(f.definition.title),
            "href": .text(PagePaths.link(from: path, to: PagePaths.scorecard(v.visit.id, f.scorecardID)) + "#ind-\(f.id)"),
            "before": .text(DisplayFormat.point(f.previousLatest, definition: i.previousDefinition)),
            "beforePeriod": .optional(f.previousLatest?.period.label),
            "after": .text(f.latestText),
            "afterPeriod": .optional(f.latest?.period.label),
            "change": .text(f.changeText ?? "–"),
            "direction": IndicatorView.direction(f),
            "ragBefore": IndicatorView.rag(f.previousRAG),
            "ragAfter": IndicatorView.rag(f.rag),
            "ragMoved": .flag(i.ragMoved),
            "trendBefore": IndicatorView.trend(f.previousTrend),
            "trendAfter": IndicatorView.trend(f.trend),
        ])
    }

    static func revision(_ i: VisitComparison.IndicatorChange, _ r: VisitComparison.Revision) -> TemplateValue {
        let def = i.figures.definition
        let what = r.breakdown.map { "\(r.period.label), \($0)" } ?? r.period.label
        return .object([
            "title": .text(def.title),
            "period": .text(what),
            "before": .text(DisplayFormat.point(r.before, definition: i.previousDefinition)),
            "after": .text(DisplayFormat.point(r.after, definition: def)),
            "note": .optional(r.after.note),
        ])
    }

    static func definitionChanges(_ i: VisitComparison.IndicatorChange) -> [TemplateValue] {
        let def = i.figures.definition, old = i.previousDefinition
        func show(_ d: Decimal?, _ def: IndicatorDefinition) -> String {
            d.map { DisplayFormat.value($0, unit: def.unit, decimals: def.decimals) } ?? "none"
        }
        var out: [TemplateValue] = []
        if i.targetChanged {
            out.append(.object(["title": .text(def.title), "what": .text("Target"),
                                "before": .text(show(old.target, old)), "after": .text(show(def.target, def))]))
        }
        for b in i.benchmarkChanges {
            out.append(.object(["title": .text(def.title), "what": .text(b.label),
                                "before": .text(show(b.before, old)), "after": .text(show(b.after, def))]))
        }
        return out
    }
}
