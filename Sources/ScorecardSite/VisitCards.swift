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
    private struct Parts {
        var values: [String: TemplateValue]
        /// The data table without its caption's id, or nil with no data.
        var table: [String: TemplateValue]?
        /// The chart by its id: the id is written into the chart.
        var charts: [String: TemplateValue] = [:]
    }

    /// By scorecard id, then indicator id.
    private var parts: [String: [String: Parts]] = [:]

    init(previousVisitTitle: String?) {
        self.previousVisitTitle = previousVisitTitle
    }

    /// The card's values with this page's ids, in the order pages have always taken them.
    func card(_ f: IndicatorFigures, ids: PageIDs, dataLink: String?) -> [String: TemplateValue] {
        let id = f.definition.id
        var p = parts[f.scorecardID]?[id]
            ?? Parts(values: IndicatorView.cardValues(f, previousVisitTitle: previousVisitTitle), table: IndicatorView.table(f))
        let chartID = ids.make("chart-\(id)")
        let anchor = ids.make("ind-\(id)")
        let chart = p.charts[chartID] ?? IndicatorCharts.figure(f, id: chartID).map(TemplateValue.html) ?? .empty
        p.charts[chartID] = chart
        parts[f.scorecardID, default: [:]][id] = p
        let tableID = ids.make("table-\(id)")
        let table = p.table.map { IndicatorView.table(withCaptionID: tableID, $0) } ?? .empty
        return IndicatorView.card(sameOnEveryPage: p.values, anchor: anchor, chart: chart, table: table, dataLink: dataLink)
    }
}
