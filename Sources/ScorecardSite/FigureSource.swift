import Foundation
import ScorecardCore
import ScorecardContent

/// Works out a visit's figures when its pages are made, and keeps only the few that pages
/// still need: the pages of a visit are rendered and dropped a few visits at a time, so the
/// figures of a site of any size are never all in memory.
final class FigureSource: Sendable {
    /// The visits read whole, by id; without their rows when `rows` is given.
    private let visits: [String: Visit]
    /// Reads a visit's rows again when the loader did not keep them.
    private let rows: RowReader?
    /// Every visit's previous published visit, by id.
    private let previous: [String: String]
    private let site: Site
    /// Own figures (not yet compared with the previous visit) recently worked out, oldest
    /// first, at most `keep` of them: a visit is usually the previous visit of the next.
    private let recent = LockedBox<[(String, VisitFigures)]>([])
    private let keep: Int

    init(visits: [Visit], rows: RowReader? = nil, outline: [VisitFigures], site: Site, keep: Int = SitePages.batch + 2) {
        self.visits = Dictionary(visits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.rows = rows
        var previous: [String: String] = [:]
        for v in outline { if let p = v.previousVisitID { previous[v.visit.id] = p } }
        self.previous = previous
        self.site = site
        self.keep = keep
    }

    /// True when the visit was read whole, so its figures can be worked out.
    func has(_ id: String) -> Bool { visits[id] != nil }

    /// The visit's own figures, without the comparison with its previous visit.
    func own(_ id: String) -> VisitFigures? {
        if let hit = recent.withLock({ $0.last { $0.0 == id }?.1 }) { return hit }
        guard let visit = visits[id] else { return nil }
        let figures = VisitFigures.compute(visit: rows?.withRows(visit) ?? visit, site: site, previous: nil)
        recent.withLock { r in
            r.removeAll { $0.0 == id }
            r.append((id, figures))
            if r.count > keep { r.removeFirst(r.count - keep) }
        }
        return figures
    }

    /// The visit's figures compared with its previous published visit, as its pages show them.
    func figures(_ id: String) -> VisitFigures? {
        guard let mine = own(id) else { return nil }
        return mine.comparing(with: previous[id].flatMap(own))
    }
}
