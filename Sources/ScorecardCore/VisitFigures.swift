import Foundation

/// One value of a rolling mean.
public struct RollingPoint: Sendable, Hashable {
    public var period: Period
    public var mean: Decimal?
}

/// Every figure of one indicator at one visit: what pages, charts and `summary.json` show.
public struct IndicatorFigures: Sendable, Hashable {
    public var definition: IndicatorDefinition
    public var scorecardID: String
    /// Every row shown at the visit, after the cut-off and disclosure control, in period
    /// then category order (headline first).
    public var points: [PublishedPoint]
    /// The categories in display order: as declared, else as first seen.
    public var categories: [String]
    /// The headline series, nil when the indicator has none (a breakdown of percents).
    public var headline: [PublishedPoint]?
    public var latest: PublishedPoint?
    public var rag: RAG?
    public var trend: Trend?
    /// The rolling means that are not null (see `Figures.rollingMeans`), nil without `rolling`.
    public var rolling: [RollingPoint]?
    /// This visit's latest minus the previous visit's; set by `VisitFigures.compute`.
    public var change: Decimal?
    /// The same indicator's latest at the previous visit, when it had one.
    public var previousLatest: PublishedPoint?
    /// The same indicator's RAG at the previous visit.
    public var previousRAG: RAG?
    /// The same indicator's trend at the previous visit.
    public var previousTrend: Trend?
    /// True when the previous visit had an indicator with this id.
    public var existedAtPreviousVisit: Bool
    /// Rows left out because their period ends after the data-as-of date.
    public var rowsAfterCutoff: Int
    /// Totals not published although a category is suppressed, which a number stated in a
    /// note, a title or the narrative could give back (see `DisclosureLeaks`).
    public var withheldTotals: [WithheldTotal] = []
    /// The comparators from the official statistics, when the indicator has `published:`
    /// and the statistics could be read; set by `VisitFigures.compute`.
    public var benchmark: BenchmarkFigures?

    public var id: String { definition.id }

    /// The chart to draw: as written, else stacked bars for breakdown-only indicators, else a line.
    public var chart: ChartKind {
        if let c = definition.chart { return c }
        return points.contains(where: { $0.breakdown == nil }) || points.isEmpty ? .line : .stackedBar
    }

    /// The latest value as shown, e.g. `85.0%`, `[c]`, or `[x]` with no data.
    public var latestText: String { DisplayFormat.point(latest, definition: definition) }

    /// The target as shown, or nil.
    public var targetText: String? {
        definition.target.map { DisplayFormat.value($0, unit: definition.unit, decimals: definition.decimals) }
    }

    /// The change as shown (`+28.0 pp`), or nil.
    public var changeText: String? {
        change.map { DisplayFormat.change($0, unit: definition.unit, decimals: definition.decimals) }
    }

    /// Computes the figures of one indicator from its rows (all of them, before the cut-off).
    public static func compute(definition: IndicatorDefinition, scorecardID: String, rows: [Observation],
                               dataAsOf: CivilDate, rule: DisclosureRule,
                               base: [Period: Decimal] = [:]) -> IndicatorFigures {
        let shownRows = rows.filter { $0.period.end <= dataAsOf }
        var categories = definition.breakdowns ?? []
        var known = Set(categories)
        for row in shownRows {
            if let b = row.breakdown, known.insert(b).inserted { categories.append(b) }
        }
        let order = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        let source = shownRows.map(PublishedPoint.init).sorted { a, b in
            if a.period != b.period { return a.period < b.period }
            return (a.breakdown.flatMap { order[$0] } ?? -1) < (b.breakdown.flatMap { order[$0] } ?? -1)
        }
        // Sums and secondary suppression go by the categories seen in the series: a declared
        // category with no rows at all neither blanks every sum nor shields a hidden one.
        let seen = categories.filter { c in shownRows.contains { $0.breakdown == c } }
        let points = rule.apply(to: source, definition: definition, categories: seen, base: base)
        let headline = Figures.headline(points: points, source: source, definition: definition,
                                        categories: seen, rule: rule)
        let latest = headline.flatMap(Figures.latest)
        var rolling: [RollingPoint]?
        if let k = definition.rolling, let h = headline {
            rolling = Figures.rollingMeans(h, k: k)?.map { RollingPoint(period: $0.period, mean: $0.mean) }
        }
        var figures = IndicatorFigures(
            definition: definition, scorecardID: scorecardID, points: points, categories: categories,
            headline: headline, latest: latest, rag: Figures.rag(value: latest?.value, definition: definition),
            trend: headline.flatMap { Figures.trend($0, definition: definition) },
            rolling: rolling, change: nil, previousLatest: nil, previousRAG: nil, previousTrend: nil,
            existedAtPreviousVisit: false, rowsAfterCutoff: rows.count - shownRows.count)
        if !definition.disclosureExempt {
            figures.withheldTotals = WithheldTotal.find(points: points, source: source, unit: definition.unit,
                                                        categories: seen, rule: rule)
        }
        return figures
    }
}

/// One scorecard's figures at a visit; `reported` is false when the visit has no folder for it.
public struct ScorecardFigures: Sendable, Hashable {
    public var id: String
    public var title: String
    public var reported: Bool
    public var retired: Bool
    public var indicators: [IndicatorFigures]
    public var narrative: Narrative?
}

/// Every figure of one visit, with the previous visit it is compared against.
public struct VisitFigures: Sendable, Hashable {
    /// The visit's facts and narratives; its scorecards' rows are left out (they are in
    /// `scorecards` as points).
    public var visit: Visit
    /// The latest published visit dated before this one.
    public var previousVisitID: String?
    /// Every scorecard listed in `site.yaml`, in its order (unreported ones included, except
    /// retired ones the visit does not report).
    public var scorecards: [ScorecardFigures]

    /// All indicators of the visit, scorecard by scorecard.
    public var indicators: [IndicatorFigures] { scorecards.flatMap(\.indicators) }

    /// The indicator with `id`, from any scorecard.
    public func indicator(_ id: String) -> IndicatorFigures? {
        for s in scorecards { if let i = s.indicators.first(where: { $0.id == id }) { return i } }
        return nil
    }

    /// Computes a visit's figures; `previous` (already computed) supplies the change.
    public static func compute(visit: Visit, site: Site, previous: VisitFigures?) -> VisitFigures {
        compute(visit: visit, site: site).compared(with: previous)
    }

    /// Computes a visit's own figures, without the comparison with a previous visit.
    static func compute(visit: Visit, site: Site) -> VisitFigures {
        let rule = DisclosureRule(suppressBelow: visit.suppressBelow(in: site))
        var cards: [ScorecardFigures] = []
        for listing in site.scorecards {
            guard let card = visit.scorecards.first(where: { $0.id == listing.id }) else {
                if !listing.retired {
                    cards.append(ScorecardFigures(id: listing.id, title: listing.title, reported: false,
                                                  retired: false, indicators: [], narrative: nil))
                }
                continue
            }
            var rowsByIndicator: [String: [Observation]] = [:]
            for row in card.observations { rowsByIndicator[row.indicator, default: []].append(row) }
            let indicators = card.indicators.map { def -> IndicatorFigures in
                var f = IndicatorFigures.compute(definition: def, scorecardID: card.id,
                                                 rows: rowsByIndicator[def.id] ?? [],
                                                 dataAsOf: visit.dataAsOf, rule: rule,
                                                 base: DisclosureBaseValues.values(for: def, visit: visit, site: site))
                f.benchmark = benchmark(def, visit: visit)
                return f
            }
            cards.append(ScorecardFigures(id: card.id, title: listing.title, reported: true,
                                          retired: listing.retired, indicators: indicators,
                                          narrative: card.narrative))
        }
        // The rows have become the figures' points: keeping them too would hold every row of
        // the site twice while the pages are made.
        var facts = visit
        for i in facts.scorecards.indices { facts.scorecards[i].observations = [] }
        return VisitFigures(visit: facts, previousVisitID: nil, scorecards: cards)
    }

    /// The published comparators of `def` at `visit`: its statistics up to the data cut-off,
    /// with the published series replaced by a hand-written comparator of the same id.
    static func benchmark(_ def: IndicatorDefinition, visit: Visit) -> BenchmarkFigures? {
        guard let measure = def.published, let statistics = visit.statistics[measure.key] else { return nil }
        let written = Set(def.comparators.map(\.id))
        let overridden = Set(Statistics.comparatorIDs.filter { !$0.handWritten.isDisjoint(with: written) }.map(\.id))
        var figures = Statistics.figures(statistics.cut(at: visit.dataAsOf), better: def.better, overridden: overridden)
        figures.measure = measure
        return figures
    }

    /// These figures with the change since `previous` (computed without its own previous
    /// visit: only its latest figures, RAG and trend are read).
    func compared(with previous: VisitFigures?) -> VisitFigures {
        var out = self
        out.previousVisitID = previous?.visit.id
        guard let previous else { return out }
        for c in out.scorecards.indices {
            for i in out.scorecards[c].indicators.indices {
                var f = out.scorecards[c].indicators[i]
                guard let before = previous.indicator(f.definition.id) else { continue }
                f.previousLatest = before.latest
                f.previousRAG = before.rag
                f.previousTrend = before.trend
                f.existedAtPreviousVisit = true
                f.change = Figures.change(current: f.latest, currentUnit: f.definition.unit,
                                          previous: before.latest, previousUnit: before.definition.unit)
                out.scorecards[c].indicators[i] = f
            }
        }
        return out
    }

    /// Computes every visit in date order, each against its previous published visit.
    /// Drafts are computed too but never serve as anyone's previous visit. Each visit's own
    /// figures are independent of the others', so they are computed on every core first.
    public static func computeAll(_ visits: [Visit], site: Site) -> [VisitFigures] {
        let ordered = Visit.ordered(visits)
        let own = concurrentMap(ordered.count) { i in compute(visit: ordered[i], site: site) }
        return own.map { figures in
            let prev = Visit.previous(of: figures.visit, in: visits)
            return figures.compared(with: prev.flatMap { p in own.first { $0.visit.id == p.id } })
        }
    }
}
