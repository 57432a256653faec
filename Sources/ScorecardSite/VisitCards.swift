import Foundation
import ScorecardCore

/// The indicator cards of one visit's pages. A card shows on its scorecard page, again in
/// the pack and wherever a kpi block places it; its figures, data table and chart are worked
/// out here once, and only what a page changes is redone: its ids (`PageIDs`) and data link.
///
/// One visit's pages are rendered on one thread, so this is a plain class, made afresh for
/// each visit and dropped with it.
final class VisitCards {
    let previousVisitTitle: String?

    /// What every page shows of one indicator's card.
    private final class Parts {
        let values: [String: TemplateValue]
        /// The data table without its caption's id, or nil with no data.
        let table: [String: TemplateValue]?
        /// The headline series, drawn by the chart and the sparkline.
        let headline: IndicatorCharts.Headline?
        /// The chart by its id: the id is written into the chart.
        var charts: [String: TemplateValue] = [:]

        init(_ f: IndicatorFigures, previousVisitTitle: String?) {
            values = IndicatorView.cardValues(f, previousVisitTitle: previousVisitTitle)
            table = IndicatorView.table(f)
            headline = IndicatorCharts.headline(f)
        }
    }

    /// By scorecard id, then indicator id.
    private var parts: [String: [String: Parts]] = [:]

    init(previousVisitTitle: String?) {
        self.previousVisitTitle = previousVisitTitle
    }

    private func parts(_ f: IndicatorFigures) -> Parts {
        if let p = parts[f.scorecardID]?[f.definition.id] { return p }
        let p = Parts(f, previousVisitTitle: previousVisitTitle)
        parts[f.scorecardID, default: [:]][f.definition.id] = p
        return p
    }

    /// The card's values with this page's ids, in the order pages have always taken them.
    func card(_ f: IndicatorFigures, ids: PageIDs, dataLink: String?) -> [String: TemplateValue] {
        let id = f.definition.id
        let p = parts(f)
        let chartID = ids.make("chart-\(id)")
        let anchor = ids.make("ind-\(id)")
        let chart = p.charts[chartID] ?? IndicatorCharts.figure(f, id: chartID, headline: p.headline).map(TemplateValue.html) ?? .empty
        p.charts[chartID] = chart
        let tableID = ids.make("table-\(id)")
        let table = p.table.map { IndicatorView.table(withCaptionID: tableID, $0) } ?? .empty
        var values = IndicatorView.card(sameOnEveryPage: p.values, anchor: anchor, chart: chart, table: table, dataLink: dataLink)
        values["publishedTable"] = PublishedView.table(f).map { IndicatorView.table(withCaptionID: ids.make("published-\(id)"), $0) } ?? .empty
        return values
    }

    /// The indicator's sparkline with the id `id`.
    func sparkline(_ f: IndicatorFigures, id: String) -> TemplateValue {
        IndicatorCharts.sparkline(f, id: id, headline: parts(f).headline).map(TemplateValue.html) ?? .empty
    }
}
