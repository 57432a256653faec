import Foundation

/// Disclosure control: counts small enough to identify a child are never published.
public struct DisclosureRule: Sendable, Hashable {
    /// Counts from 1 to `suppressBelow - 1` are suppressed; 0 turns the rule off.
    public var suppressBelow: Int

    public init(suppressBelow: Int) { self.suppressBelow = suppressBelow }

    /// True when `count` must not be published: at least 1 and below the threshold.
    public func hides(_ count: Decimal?) -> Bool {
        guard suppressBelow > 0, let c = count else { return false }
        return c >= 1 && c < Decimal(suppressBelow)
    }

    /// Applies primary and secondary suppression to one indicator's rows.
    ///
    /// Primary: a count value, numerator or denominator from 1 to N − 1 hides the point (and
    /// so the percent or rate built on it). Secondary: for a count broken down by category,
    /// where a published total and the other categories would give away the one hidden
    /// category, the next smallest non-zero category of that period is hidden too.
    public func apply(to points: [PublishedPoint], definition: IndicatorDefinition,
                      categories: [String]) -> [PublishedPoint] {
        guard suppressBelow > 0, !definition.disclosureExempt else { return points }
        var out = points.map { point -> PublishedPoint in
            // A symbol in place of the figure may still sit beside a small written count.
            if point.symbol != nil, !hides(point.numerator), !hides(point.denominator) { return point }
            let hidden: Bool
            switch definition.unit {
            case .count:
                hidden = hides(point.value)
            case .percent, .ratePer10k:
                hidden = hides(point.numerator) || hides(point.denominator)
            case .days, .number:
                hidden = false
            }
            return hidden ? point.suppressed() : point
        }
        guard definition.unit == .count, !categories.isEmpty else { return out }

        // Secondary suppression, period by period.
        // Where each period's total and categories are, found once rather than searched for
        // period by period.
        var totals: [Period: Int] = [:]
        var cells: [Period: [String: Int]] = [:]
        for (i, p) in out.enumerated() {
            if let b = p.breakdown {
                if cells[p.period]?[b] == nil { cells[p.period, default: [:]][b] = i }
            } else if totals[p.period] == nil {
                totals[p.period] = i
            }
        }
        let periods = Set(out.map(\.period))
        for period in periods.sorted() {
            guard let totalIndex = totals[period], out[totalIndex].value != nil else { continue }
            var unknown = 0
            var suppressedHere = 0
            var candidates: [(index: Int, value: Decimal, order: Int)] = []
            for (order, category) in categories.enumerated() {
                guard let i = cells[period]?[category] else {
                    unknown += 1
                    continue
                }
                if let v = out[i].value {
                    if v > 0 { candidates.append((i, v, order)) }
                } else {
                    unknown += 1
                    if out[i].suppressedByDisclosure { suppressedHere += 1 }
                }
            }
            if unknown == 1 && suppressedHere == 1,
               let next = candidates.min(by: { ($0.value, $0.order) < ($1.value, $1.order) }) {
                out[next.index] = out[next.index].suppressed()
            }
        }
        return out
    }
}
