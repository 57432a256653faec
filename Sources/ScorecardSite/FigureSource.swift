import Foundation
import ScorecardCore
import ScorecardContent

/// Works out a visit's figures when its pages are made, and keeps only the few that pages
/// still need: the pages of a visit are rendered and dropped a visit or two at a time, so the
/// figures of a site of any size are never all in memory.
///
/// It is `@unchecked Sendable` because its mutable state (`recent`, `computing`) is reached
/// only with `condition` locked.
final class FigureSource: @unchecked Sendable {
    /// The visits read whole, by id; without their rows when `rows` is given.
    private let visits: [String: Visit]
    /// Reads a visit's rows again when the loader did not keep them.
    private let rows: RowReader?
    /// Every visit's previous published visit, by id.
    private let previous: [String: String]
    private let site: Site
    /// Own figures (not yet compared with the previous visit) recently worked out, at most
    /// `keep` of them: a visit's are asked for by its own pages and by the next visit's (and
    /// by any draft after it), and two visits are made at a time.
    private var recent: RecentFigures
    /// The visits whose own figures some thread is working out now: another thread that
    /// needs them waits for them rather than working them out a second time.
    private var computing: Set<String> = []
    private let condition = NSCondition()

    init(visits: [Visit], rows: RowReader? = nil, outline: [VisitFigures], site: Site, keep: Int = 6) {
        self.visits = Dictionary(visits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.rows = rows
        var previous: [String: String] = [:]
        for v in outline { if let p = v.previousVisitID { previous[v.visit.id] = p } }
        self.previous = previous
        self.site = site
        recent = RecentFigures(keep: keep)
    }

    /// True when the visit was read whole, so its figures can be worked out.
    func has(_ id: String) -> Bool { visits[id] != nil }

    /// The visit's own figures, without the comparison with its previous visit.
    func own(_ id: String) -> VisitFigures? {
        guard let visit = visits[id] else { return nil }
        condition.lock()
        while true {
            // Kept as the most recently used: a published visit followed by several drafts
            // is asked for by each of them.
            if let hit = recent.get(id) {
                condition.unlock()
                return hit
            }
            guard computing.contains(id) else { break }
            condition.wait()
        }
        computing.insert(id)
        condition.unlock()
        let figures = VisitFigures.compute(visit: rows?.withRows(visit) ?? visit, site: site, previous: nil)
        condition.lock()
        computing.remove(id)
        recent.put(id, figures)
        condition.broadcast()
        condition.unlock()
        return figures
    }

    /// The visit's figures compared with its previous published visit, as its pages show them.
    func figures(_ id: String) -> VisitFigures? {
        guard let mine = own(id) else { return nil }
        return mine.comparing(with: previous[id].flatMap(own))
    }
}

/// The own figures of the visits most recently worked out or asked for, at most `keep`:
/// what `FigureSource` and `LoadTimeFigures` hold while a visit and the next are made.
struct RecentFigures {
    let keep: Int
    /// Least recently used first.
    private var list: [(id: String, figures: VisitFigures)] = []

    init(keep: Int) { self.keep = keep }

    /// The figures of `id`, which become the most recently used; nil when not kept.
    mutating func get(_ id: String) -> VisitFigures? {
        guard let i = list.lastIndex(where: { $0.id == id }) else { return nil }
        let hit = list.remove(at: i)
        list.append(hit)
        return hit.figures
    }

    /// Keeps `figures` as `id`'s, the most recently used, dropping the least recently used
    /// beyond `keep`.
    mutating func put(_ id: String, _ figures: VisitFigures) {
        list.removeAll { $0.id == id }
        list.append((id, figures))
        if list.count > keep { list.removeFirst(list.count - keep) }
    }
}
