/// Periods put in order, and series matched to them, by sorting rather than hashing: an
/// indicator's charts, table and rolling means each match a few dozen points to their
/// periods, and hashing a `Period` (its two texts among them) cost more than the rest of
/// that work.
extension Period {
    /// The distinct periods of `periods`, in order: what `Array(Set(periods)).sorted()`
    /// gives for periods parsed from rows (`Period.parse`) or made from them (`next`,
    /// `through`), where two periods that sort neither way have the same dates and canonical
    /// text, and so are the same period. A statistics file's academic year has the text and
    /// dates of a range but its own label: such periods are not mixed here.
    public static func sortedDistinct(_ periods: [Period]) -> [Period] {
        // Series come in order as a rule: then only the repeats go.
        var sorted = isInOrder(periods, period: { $0 }) ? periods : periods.sorted()
        var kept = 0
        for i in sorted.indices where kept == 0 || sorted[kept - 1] != sorted[i] {
            if kept != i { sorted.swapAt(kept, i) }
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// For each of `periods` (in order, distinct), the first of `items` (in their own order)
    /// whose `period` it is, or nil: what a dictionary from period to the first such item
    /// gives, looked up at each period. With `last`, the last such item instead.
    @inlinable
    public static func match<T>(_ items: [T], period: (T) -> Period, to periods: [Period], last: Bool = false) -> [T?] {
        // The items' indices by period, then by place, so that equal periods keep their order;
        // items in order already (as a rule) are walked as they are.
        let order: [Int]
        if isInOrder(items, period: period) {
            order = Array(items.indices)
        } else {
            order = items.indices.map { (period(items[$0]), $0) }.sorted { a, b in
                a.0 < b.0 || !(b.0 < a.0) && a.1 < b.1
            }.map(\.1)
        }
        var out: [T?] = []
        out.reserveCapacity(periods.count)
        var j = 0
        for p in periods {
            while j < order.count, period(items[order[j]]) < p { j += 1 }
            guard j < order.count, period(items[order[j]]) == p else { out.append(nil); continue }
            var chosen = order[j]
            while j + 1 < order.count, period(items[order[j + 1]]) == p {
                j += 1
                if last { chosen = order[j] }
            }
            j += 1
            out.append(items[chosen])
        }
        return out
    }

    /// True when no item's period sorts before the one before it.
    @inlinable
    static func isInOrder<T>(_ items: [T], period: (T) -> Period) -> Bool {
        var i = 1
        while i < items.count {
            if period(items[i]) < period(items[i - 1]) { return false }
            i += 1
        }
        return true
    }
}
