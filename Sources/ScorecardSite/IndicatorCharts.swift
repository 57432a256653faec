import Foundation
import ScorecardCharts
import ScorecardCore

/// Draws an indicator's chart from its published figures: values in, SVG out.
enum IndicatorCharts {
    static func format(_ def: IndicatorDefinition) -> ValueFormat {
        let kind: ValueFormat.Kind
        switch def.unit {
        case .percent: kind = .percent
        case .count: kind = .count
        case .ratePer10k: kind = .rate
        case .days: kind = .days
        case .number: kind = .number
        }
        return ValueFormat(kind, decimals: def.decimals)
    }

    /// Every period from the first to the last for regular forms (so a missing period shows
    /// as a gap), or just the periods present for days and ranges, and for a span of more
    /// than 10,000 periods (rows centuries apart), which would otherwise lose its end.
    static func span(_ periods: [Period]) -> [Period] {
        let sorted = Period.sortedDistinct(periods)
        guard let first = sorted.first, let last = sorted.last else { return sorted }
        return first.through(last, limit: 10_000) ?? sorted
    }

    static func double(_ d: Decimal?) -> Double? { d.map(DecimalNumber.double) }

    /// The headline over every period of its span, with the point (the first, if several)
    /// and the value to draw at each: what the chart and the sparkline both draw.
    struct Headline {
        var periods: [Period]
        var points: [PublishedPoint?]
        var values: [Double?]
    }

    /// The indicator's `Headline`, or nil when it has none; worked out once per visit and
    /// handed to `figure` and `sparkline`.
    static func headline(_ f: IndicatorFigures) -> Headline? {
        guard let headline = f.headline else { return nil }
        let periods = span(headline.map(\.period))
        let points = Period.match(headline, period: { $0.period }, to: periods)
        return Headline(periods: periods, points: points, values: points.map { double($0?.value) })
    }

    /// The `<figure>` for the indicator, or nil when it has no chart or nothing to draw.
    /// `headline` is `headline(f)`.
    static func figure(_ f: IndicatorFigures, id: String, headline series: Headline?) -> String? {
        let def = f.definition
        let title = def.title
        let published = PublishedView.chart(f, periods: series?.periods ?? [], lines: f.chart == .line)
        let description = ChartDescription.describe(f)
            + PublishedView.description(f, periods: series?.periods ?? [], lines: f.chart == .line)
        var references: [ReferenceLine] = []
        if let t = def.target { references.append(ReferenceLine("Target", value: DecimalNumber.double(t), kind: .target)) }
        for c in def.comparators {
            references.append(ReferenceLine(c.label, value: DecimalNumber.double(c.value), kind: .comparator))
        }
        references += published.references
        switch f.chart {
        case .none:
            return nil
        case .stackedBar:
            let periods = span(f.points.map(\.period))
            guard !periods.isEmpty, !f.categories.isEmpty else { return nil }
            let pointByCell = IndicatorView.pointsByPeriodAndCategory(f.points)
            let values = f.categories.map { c in
                periods.map { p in double(pointByCell[PeriodAndCategory(period: p, category: c)]?.value) }
            }
            return StackedBarChart(id: id, title: title, description: description, periods: periods.map(\.label),
                                   categories: f.categories, values: values, format: format(def)).responsiveSVG
        case .line, .bar:
            guard let headline = f.headline, headline.contains(where: { $0.value != nil }), let series else { return nil }
            let periods = series.periods
            let points = periods.indices.map { i -> ChartPoint in
                let point = series.points[i]
                return ChartPoint(periods[i].label, series.values[i], marked: point?.note != nil,
                                  status: point?.value != nil ? point?.status?.rawValue : nil)
            }
            if f.chart == .bar {
                return BarChart(id: id, title: title, description: description, points: points,
                                references: references, format: format(def)).responsiveSVG
            }
            var rolling: [Double?]?
            if let r = f.rolling {
                rolling = Period.match(r, period: { $0.period }, to: periods).map { double($0?.mean ?? nil) }
            }
            var chart = LineChart(id: id, title: title, description: description, points: points,
                                  references: references, rollingMean: rolling, format: format(def))
            chart.comparisons = published.lines
            return chart.responsiveSVG
        }
    }

    /// A small trend line for tables, or nil with fewer than two figures. `headline` is
    /// `headline(f)`.
    static func sparkline(_ f: IndicatorFigures, id: String, headline series: Headline?) -> String? {
        guard let headline = f.headline, headline.filter({ $0.value != nil }).count >= 2, let series else { return nil }
        let first = series.periods.first!.label, last = series.periods.last!.label
        return Sparkline(id: id, points: series.values, label: "\(f.definition.title), \(first) to \(last)").svg
    }
}
