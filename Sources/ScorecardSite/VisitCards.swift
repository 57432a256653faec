import Foundation
import ScorecardCore

/// The indicator cards of one visit's pages. A card shows on its scorecard page, again in
/// the pack and wherever a kpi block places it; its figures, data table and chart are worked
/// out here once, and only what a page changes is redone: its ids (`PageIDs`) and data link.
///
/// With a `CardMemo` (the preview), a card whose figures, ids and links are those of a card
/// rendered before is taken from it instead of rendered again.
///
/// One visit's pages are rendered on one thread, so this is a plain class, made afresh for
/// each visit and dropped with it.
final class VisitCards {
    let previousVisitTitle: String?
    let visit: String
    let memo: CardMemo?

    /// What every page shows of one indicator's card.
    private final class Parts {
        let values: TemplateObject
        /// The data table without its caption's id, or nil with no data.
        let table: TemplateObject?
        /// The headline series, drawn by the chart and the sparkline.
        let headline: IndicatorCharts.Headline?
        /// The table of published comparators, without its caption's id, or nil.
        let published: TemplateObject?
        /// The chart by its id: the id is written into the chart.
        var charts: [String: TemplateValue] = [:]
        /// The data table and the published comparators' table by their caption's id: one
        /// object for every page that shows them, so that `partials` can keep their rendering.
        var tables: [String: TemplateValue] = [:]

        init(_ f: IndicatorFigures, previousVisitTitle: String?) {
            values = IndicatorView.cardValues(f, previousVisitTitle: previousVisitTitle)
            table = IndicatorView.table(f)
            headline = IndicatorCharts.headline(f)
            published = PublishedView.table(f)
        }
    }

    /// By scorecard id, then indicator id.
    private var parts: [String: [String: Parts]] = [:]
    /// The data tables' renderings, made once and placed on every page that shows them.
    let partials = PartialMemo()

    init(visit: String, previousVisitTitle: String?, memo: CardMemo? = nil) {
        self.visit = visit
        self.previousVisitTitle = previousVisitTitle
        self.memo = memo
    }

    private func parts(_ f: IndicatorFigures) -> Parts {
        if let p = parts[f.scorecardID]?[f.definition.id] { return p }
        let p = Parts(f, previousVisitTitle: previousVisitTitle)
        parts[f.scorecardID, default: [:]][f.definition.id] = p
        return p
    }

    /// The card's markup on a page with these `ids`: its values (with `openTable`) rendered
    /// by `render`, which returns nil when it failed (having said why).
    func cardHTML(_ f: IndicatorFigures, ids: PageIDs, dataLink: String?, openTable: Bool,
                  render: (TemplateObject) -> String?) -> String {
        let id = f.definition.id
        let p = parts(f)
        // The ids in the order pages have always made them.
        let chartID = ids.make("chart-\(id)")
        let anchor = ids.make("ind-\(id)")
        let tableID = ids.make("table-\(id)")
        let publishedID = p.published.map { _ in ids.make("published-\(id)") }
        func make() -> String? {
            let chart = p.charts[chartID] ?? IndicatorCharts.figure(f, id: chartID, headline: p.headline).map(TemplateValue.html) ?? .empty
            p.charts[chartID] = chart
            func table(_ id: String, _ object: TemplateObject?) -> TemplateValue {
                guard let object else { return .empty }
                if let made = p.tables[id] { return made }
                let made = IndicatorView.table(withCaptionID: id, object)
                p.tables[id] = made
                partials.register(made)
                return made
            }
            var values = IndicatorView.card(sameOnEveryPage: p.values, anchor: anchor, chart: chart,
                                            table: table(tableID, p.table), dataLink: dataLink)
            values["publishedTable"] = publishedID.map { table($0, p.published) } ?? .empty
            values["openTable"] = .flag(openTable)
            return render(values)
        }
        guard let memo else { return make() ?? "" }
        let key = CardMemo.Key(kind: .card(dataLink: dataLink, openTable: openTable), figures: f,
                               previousVisitTitle: previousVisitTitle, ids: [chartID, anchor, tableID] + (publishedID.map { [$0] } ?? []))
        return memo.markup(visit: visit, key, make: make) ?? ""
    }

    /// The indicator's sparkline with the id `id`.
    func sparkline(_ f: IndicatorFigures, id: String) -> TemplateValue {
        func make() -> String? { IndicatorCharts.sparkline(f, id: id, headline: parts(f).headline) }
        guard let memo else { return make().map(TemplateValue.html) ?? .empty }
        let key = CardMemo.Key(kind: .sparkline, figures: f, previousVisitTitle: nil, ids: [id])
        // A sparkline that cannot be drawn is kept as "": it is shown as no sparkline.
        let html = memo.markup(visit: visit, key) { make() ?? "" } ?? ""
        return html.isEmpty ? .empty : .html(html)
    }
}
