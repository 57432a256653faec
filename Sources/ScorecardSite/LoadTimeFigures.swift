import Foundation
import ScorecardCore

/// Visits' own figures worked out while the loader still has their rows, for a build that
/// makes a visit's pages as soon as the visit has been read (`SiteBuilder`): its rows are then
/// read once, not read and checked, dropped, and read again when its pages are made.
///
/// A visit's pages need its own figures and those of its previous visit. The loader reads
/// visits on every core, so the previous visit may still be being read by another thread:
/// then this waits for it. A visit that is neither kept here nor being read (it failed, or its
/// figures were dropped) gives nil, and the caller leaves that visit for the pages made after
/// loading, which read its rows again. Waiting is only ever for a visit whose reading has
/// started and ends without waiting on anything, so it cannot deadlock.
///
/// It is `@unchecked Sendable` because its state is reached only with `condition` locked.
final class LoadTimeFigures: @unchecked Sendable {
    private let site: Site
    private let condition = NSCondition()
    /// Visits being read now, whose figures `finish` will bring.
    private var reading: Set<String> = []
    /// Own figures, at most `keep` of them.
    private var kept: RecentFigures

    init(site: Site, keep: Int = 4) {
        self.site = site
        kept = RecentFigures(keep: keep)
    }

    /// The loader has started reading `id`.
    func start(_ id: String) {
        condition.lock()
        reading.insert(id)
        condition.unlock()
    }

    /// The loader has read `id`: its own figures are worked out from `visit` (with its rows),
    /// and returned, or there are none when `visit` is nil.
    @discardableResult
    func finish(_ id: String, _ visit: Visit?) -> VisitFigures? {
        let figures = visit.map { VisitFigures.compute(visit: $0, site: site, previous: nil) }
        condition.lock()
        reading.remove(id)
        if let figures { kept.put(id, figures) }
        condition.broadcast()
        condition.unlock()
        return figures
    }

    /// The own figures of `id`, waiting while it is being read; nil when they are not here.
    func own(_ id: String) -> VisitFigures? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let hit = kept.get(id) { return hit }
            guard reading.contains(id) else { return nil }
            condition.wait()
        }
    }
}
