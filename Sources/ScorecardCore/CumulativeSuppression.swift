import Foundation

extension DisclosureRule {
    /// Cumulative (running-total) series: the step from the last *published* point to a point
    /// is a count in its own right (the children added in between), so a point whose step is
    /// from 1 to N − 1 is hidden. The walk compares each point with the last point that stays
    /// published, not merely the one before it: after a hidden point the next step covers both
    /// periods, and is hidden too when it is still small. So every difference a reader can
    /// take between two published points of the series is 0 or at least N, and a hidden
    /// point's value lies somewhere between its published neighbours without being fixed by
    /// them. A value lower than the last published one starts a new running total (a new year
    /// to date); its own value is then the step, which primary suppression has checked.
    ///
    /// - Parameters:
    ///   - indices: one series' points in period order.
    ///   - trueValues: their values before any suppression.
    /// - Returns: true when a point was hidden.
    func hideSmallSteps(_ points: inout [PublishedPoint], indices: [Int], trueValues: [Decimal?]) -> Bool {
        var changed = false
        var last: Decimal?
        for (k, i) in indices.enumerated() {
            guard let v = trueValues[k], points[i].value != nil else { continue }
            if let l = last, v >= l, hides(v - l) {
                points[i] = points[i].suppressed()
                changed = true
                continue
            }
            last = v
        }
        return changed
    }
}
