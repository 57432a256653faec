import Foundation
import ScorecardContent
import ScorecardCore

/// A build's pages of the visits it renders, made as soon as each visit has been read and
/// checked, while the loader still has its rows (`VisitHooks`): the rows of such a visit are
/// then read once. Set up once the outline of the site is known (in the loader's `select`),
/// for a plain build of the whole site into a sink; what it has not made by the end of
/// loading (a visit whose previous visit's figures were not at hand, say) is made afterwards
/// as before, reading the rows again. Visits are read in the order of their folders' names:
/// where that is not their date order, a visit may be read before its previous visit has
/// started, and is then left for afterwards.
///
/// Everything it makes goes to the build's one `SitePages.Output`, with the cache's writers,
/// so a build that then fails discards these pages with the rest.
final class LoadTimePages: Sendable {
    /// The visits this build renders (written, read whole, not taken from the cache).
    let renderable: Set<String>
    /// Every visit's previous visit, by id.
    let previous: [String: String]
    /// The visits whose rows are wanted: those rendered, and the previous visit of each.
    let wanted: Set<String>
    let figures: LoadTimeFigures
    let pages: SitePages
    let out: SitePages.Output
    let writers: [String: any EditionWriter]
    /// The visits whose pages are made.
    let rendered = LockedBox<Set<String>>([])

    private init(renderable: Set<String>, previous: [String: String], figures: LoadTimeFigures, pages: SitePages,
                 out: SitePages.Output, writers: [String: any EditionWriter]) {
        self.renderable = renderable
        self.previous = previous
        self.wanted = renderable.union(renderable.compactMap { previous[$0] })
        self.figures = figures
        self.pages = pages
        self.out = out
        self.writers = writers
    }

    /// The pages of a build with these options, or nil where pages are made only after
    /// loading: `check` (no sink), the preview (its memo and keys), `publish` (some visits
    /// only) and a site with official statistics, which are attached to the visits once all
    /// have been read.
    static func make(_ outline: ContentOutline, site: Site, tree: SourceTree, plan: BuildPlan, options: SiteBuilder.Options,
                     sink: SiteBuilder.Sink?, renderer: ThemeRenderer) -> LoadTimePages? {
        let statistics = "content/statistics"
        guard let sink, options.renderWhileLoading, options.only == nil, options.memo == nil, !options.keyByContent,
              tree.entries[statistics] == nil, tree.children(of: statistics).isEmpty
        else { return nil }
        let all = SiteBuilder.outline(outline.visits)
        let written = all.filter { options.drafts || $0.visit.status == .published }
        let renderable = written.map(\.visit.id).filter { plan.read.contains($0) && !plan.reused.contains($0) }
        let writers = plan.writers(for: renderable)
        let out = SiteBuilder.output(sink: sink, writers: writers)
        var previous: [String: String] = [:]
        for v in all { if let p = v.previousVisitID { previous[v.visit.id] = p } }
        // The pages' own `source` is never asked: every page made here is given its figures.
        let pages = SitePages(site: site, all: all, written: written, renderer: renderer,
                              source: FigureSource(visits: [], outline: all, site: site))
        return LoadTimePages(renderable: Set(renderable), previous: previous, figures: LoadTimeFigures(site: site),
                             pages: pages, out: out, writers: writers)
    }

    /// The loader's hooks: `box` holds this once `select` has made it.
    static func hooks(_ box: LockedBox<LoadTimePages?>) -> VisitHooks {
        VisitHooks(
            wanted: { id in box.withLock { $0 }?.wanted.contains(id) ?? false },
            started: { id in box.withLock { $0 }?.figures.start(id) },
            finished: { id, visit in box.withLock { $0 }?.finish(id, visit) })
    }

    /// `id` has been read (`visit`, with its rows, or nil): its figures are worked out and,
    /// when it is rendered and its previous visit's figures are at hand, its pages made.
    func finish(_ id: String, _ visit: Visit?) {
        guard let mine = figures.finish(id, visit), renderable.contains(id) else { return }
        var before: VisitFigures?
        if let p = previous[id] {
            guard let f = figures.own(p) else { return }
            before = f
        }
        pages.renderPages(of: mine.comparing(with: before), previous: .some(before), into: out, dataFiles: true)
        rendered.withLock { _ = $0.insert(id) }
    }
}
