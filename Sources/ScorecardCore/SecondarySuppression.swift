import Foundation

extension DisclosureRule {
    /// A figure of a point that adds up across a breakdown.
    enum Measure: String, CaseIterable {
        case value = "total", numerator, denominator

        func of(_ p: PublishedPoint) -> Decimal? {
            switch self {
            case .value: return p.value
            case .numerator: return p.numerator
            case .denominator: return p.denominator
            }
        }
    }

    /// The figures of a point that add up across a breakdown: a count's value; a percent's or
    /// rate's numerator and denominator.
    static func additiveMeasures(_ unit: MeasureUnit) -> [Measure] {
        switch unit {
        case .count: return [.value]
        case .percent, .ratePer10k: return [.numerator, .denominator]
        case .days, .number: return []
        }
    }

    /// Secondary suppression, period by period, for every breakdown whose parts add up to a
    /// published total (the period's headline row).
    ///
    /// For each additive measure whose total is published: the reader subtracts the published
    /// categories from the total and takes a category with no row, or with `x` or `z`, as 0
    /// (those shield nothing). What is left belongs to the hidden (`c`) categories. While
    /// exactly one category is hidden (so the remainder is its value), or the remainder is
    /// itself from 1 to N − 1 (a small group), the smallest published category above zero is
    /// hidden as well (first in category order on a tie); when none is left, the total is.
    ///
    /// - Returns: true when a point was hidden.
    func hideRecoverableCells(_ points: inout [PublishedPoint], unit: MeasureUnit, categories: [String]) -> Bool {
        let measures = Self.additiveMeasures(unit)
        guard !measures.isEmpty else { return false }
        var totals: [Period: Int] = [:]
        var cells: [Period: [String: Int]] = [:]
        var periods: [Period] = []
        for (i, p) in points.enumerated() {
            if totals[p.period] == nil && cells[p.period] == nil { periods.append(p.period) }
            if let b = p.breakdown {
                if cells[p.period]?[b] == nil { cells[p.period, default: [:]][b] = i }
            } else if totals[p.period] == nil {
                totals[p.period] = i
            }
        }
        var changed = false
        for period in periods {
            guard let t = totals[period], let row = cells[period] else { continue }
            let here = categories.compactMap { row[$0] }
            guard here.contains(where: { points[$0].isSuppressed }) else { continue }
            // Hiding a cell for one measure changes what the others leave, so go round the
            // measures until none hides anything.
            while measures.map({ hideUntilSafe(&points, total: t, cells: here, measure: $0) }).contains(true) {
                changed = true
            }
        }
        return changed
    }

    /// One period and measure: hides the next smallest cell (or the total) while a hidden
    /// cell could be worked out. True when it hid anything.
    private func hideUntilSafe(_ points: inout [PublishedPoint], total t: Int, cells here: [Int], measure: Measure) -> Bool {
        var changed = false
        while let total = measure.of(points[t]) {
            let hidden = here.filter { points[$0].isSuppressed }
            guard !hidden.isEmpty else { break }
            var published: Decimal = 0
            for i in here { published += measure.of(points[i]) ?? 0 }
            guard hidden.count == 1 || hides(total - published) else { break }
            let candidates = here.enumerated().compactMap { order, i -> (i: Int, v: Decimal, order: Int)? in
                guard !points[i].isSuppressed, let v = measure.of(points[i]), v > 0 else { return nil }
                return (i, v, order)
            }
            if let next = candidates.min(by: { ($0.v, $0.order) < ($1.v, $1.order) }) {
                points[next.i] = points[next.i].suppressed()
            } else {
                points[t] = points[t].suppressed()
            }
            changed = true
        }
        return changed
    }
}
