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
    /// Primary (`hidesPoint`): a count value, numerator or denominator from 1 to N − 1, a
    /// percent's complement d − n from 1 to N − 1, or a value-only percent whose count
    /// against its declared `base` is small, hides the point (and so the figure built on it).
    /// Then, until nothing more changes: for a `cumulative` count, a point whose step from the
    /// last published point is from 1 to N − 1 (see `hideSmallSteps`); and wherever a
    /// breakdown's parts add up to a published total, counts, numerators and denominators
    /// alike, the next smallest category while a hidden one could be worked out (see
    /// `hideRecoverableCells`).
    ///
    /// - Parameter base: for a value-only percent with a declared base, the base in each period.
    public func apply(to points: [PublishedPoint], definition: IndicatorDefinition,
                      categories: [String], base: [Period: Decimal] = [:]) -> [PublishedPoint] {
        guard suppressBelow > 0, !definition.disclosureExempt else { return points }
        var out = points.map { point -> PublishedPoint in
            hidesPoint(point, unit: definition.unit, base: base[point.period]) ? point.suppressed() : point
        }
        // Each pass hides at least one more point or ends the loop, so it ends.
        while true {
            var changed = false
            if definition.cumulative, definition.unit == .count {
                for series in Self.seriesIndices(out) {
                    if hideSmallSteps(&out, indices: series, trueValues: series.map { points[$0].value }) { changed = true }
                }
            }
            if !categories.isEmpty,
               hideRecoverableCells(&out, unit: definition.unit, categories: categories) { changed = true }
            // Secondary suppression runs each period to the end in one pass; only the steps of
            // a running total can call for another.
            if !changed || !definition.cumulative { break }
        }
        return out
    }

    /// Primary suppression of one point.
    func hidesPoint(_ point: PublishedPoint, unit: MeasureUnit, base: Decimal?) -> Bool {
        // A symbol in place of the figure may still sit beside a small written count.
        if point.symbol != nil { return hides(point.numerator) || hides(point.denominator) }
        switch unit {
        case .count:
            return hides(point.value)
        case .percent:
            if hides(point.numerator) || hides(point.denominator) { return true }
            if let n = point.numerator, let d = point.denominator, d > n, hides(d - n) { return true }
            if point.numerator == nil, let v = point.value, let b = base {
                let n = DecimalNumber.rounded(v * b / 100, places: 0)
                return hides(b) || hides(n) || (b > n && hides(b - n))
            }
            return false
        case .ratePer10k:
            return hides(point.numerator) || hides(point.denominator)
        case .days, .number:
            return false
        }
    }

    /// The indices of each series in `points` (the headline, then each category), in the
    /// order of the points (period order).
    static func seriesIndices(_ points: [PublishedPoint]) -> [[Int]] {
        var order: [String?] = []
        var indices: [String?: [Int]] = [:]
        for (i, p) in points.enumerated() {
            if indices[p.breakdown] == nil { order.append(p.breakdown) }
            indices[p.breakdown, default: []].append(i)
        }
        return order.map { indices[$0]! }
    }
}
