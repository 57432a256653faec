import Foundation

/// A breakdown's total that the site does not publish in one period although a category of
/// it is suppressed: a number stated elsewhere (a note, a title, the narrative) that equals
/// it gives the suppressed category back, by subtracting the published ones.
public struct WithheldTotal: Sendable, Hashable {
    public var period: Period
    /// What is added up: `total` for a count, `numerator` or `denominator` for a percent or rate.
    public var measure: String
    /// The true total (from the rows before suppression).
    public var total: Decimal
    /// The published categories (name and figure), whose sum a reader subtracts.
    public var published: [(category: String, value: Decimal)]
    /// The suppressed categories.
    public var hidden: [String]

    public static func == (a: WithheldTotal, b: WithheldTotal) -> Bool {
        a.period == b.period && a.measure == b.measure && a.total == b.total && a.hidden == b.hidden
            && a.published.map(\.category) == b.published.map(\.category) && a.published.map(\.value) == b.published.map(\.value)
    }

    public func hash(into h: inout Hasher) {
        h.combine(period); h.combine(measure); h.combine(total); h.combine(hidden)
    }

    /// The totals withheld in `points` (after suppression) that would give a hidden category
    /// back: exactly one category is hidden, or what is hidden adds up to 1 … N − 1.
    static func find(points: [PublishedPoint], source: [PublishedPoint], unit: MeasureUnit,
                     categories: [String], rule: DisclosureRule) -> [WithheldTotal] {
        guard rule.suppressBelow > 0, !categories.isEmpty,
              points.contains(where: { $0.breakdown != nil && $0.isSuppressed }) else { return [] }
        var out: [WithheldTotal] = []
        // Only periods with a hidden category and a total not published for some measure.
        var headlines: [Period: PublishedPoint] = [:]
        for p in points where p.breakdown == nil { headlines[p.period] = p }
        let measuresOfUnit = DisclosureRule.additiveMeasures(unit)
        var wanted: Set<Period> = []
        for p in points where p.breakdown != nil && p.isSuppressed && !wanted.contains(p.period) {
            if measuresOfUnit.contains(where: { m in headlines[p.period].flatMap(m.of) == nil }) { wanted.insert(p.period) }
        }
        guard !wanted.isEmpty else { return [] }
        var shownBy: [Period: [PublishedPoint]] = [:]
        var beforeBy: [Period: [PublishedPoint]] = [:]
        var periods: [Period] = []
        for p in points where wanted.contains(p.period) {
            if shownBy[p.period] == nil { periods.append(p.period) }
            shownBy[p.period, default: []].append(p)
        }
        for p in source where wanted.contains(p.period) { beforeBy[p.period, default: []].append(p) }
        for period in periods {
            let shown = shownBy[period] ?? []
            let before = beforeBy[period] ?? []
            guard shown.contains(where: { $0.breakdown != nil && $0.isSuppressed }) else { continue }
            let headline = shown.first(where: { $0.breakdown == nil })
            let measures = DisclosureRule.additiveMeasures(unit).filter { m in headline.flatMap(m.of) == nil }
            guard !measures.isEmpty else { continue }
            let hidden = categories.filter { c in shown.contains { $0.breakdown == c && $0.isSuppressed } }
            guard !hidden.isEmpty else { continue }
            for measure in measures {
                var total: Decimal = 0
                if let written = before.first(where: { $0.breakdown == nil }).flatMap(measure.of) {
                    total = written
                } else {
                    var complete = true
                    for c in categories {
                        guard let v = before.first(where: { $0.breakdown == c }).flatMap(measure.of) else {
                            // A category with no row, or `x`, is taken as 0; one suppressed at
                            // source has no figure here, so no total can be known.
                            if before.contains(where: { $0.breakdown == c && $0.symbol == .suppressed && $0.value == nil }) { complete = false }
                            continue
                        }
                        total += v
                    }
                    guard complete else { continue }
                }
                var published: [(category: String, value: Decimal)] = []
                var sum: Decimal = 0
                for c in categories {
                    if let p = shown.first(where: { $0.breakdown == c }), !p.isSuppressed, let v = measure.of(p) {
                        published.append((c, v))
                        sum += v
                    }
                }
                guard hidden.count == 1 || rule.hides(total - sum) else { continue }
                out.append(WithheldTotal(period: period, measure: measure.rawValue, total: total,
                                         published: published, hidden: hidden))
            }
        }
        return out
    }
}
