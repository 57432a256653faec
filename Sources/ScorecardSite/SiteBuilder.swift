import Foundation
import ScorecardContent
import ScorecardCore

/// What `build` and `check` do, short of touching the disk: content in, files and
/// diagnostics out.
public enum SiteBuilder {
    /// Options of one build.
    public struct Options: Sendable {
        /// Write draft visits too, marked as drafts.
        public var drafts: Bool
        /// Where frozen editions are kept between builds; nil renders every visit afresh and
        /// stores nothing.
        public var cache: (any EditionStore)?
        /// What identifies this `scorecard` in cache keys (its version and executable).
        public var tool: String
        /// Check and render only these visits (and read the previous published visit of each,
        /// for its changes): what `publish` needs. Diagnostics of other visits' files are left
        /// out. Nil: the whole site.
        public var only: Set<String>?
        /// Key every visit, drafts included, by its files as they are now rather than by its
        /// publish record: for the preview, whose store lives only as long as it runs.
        public var keyByContent: Bool = false
        /// Cards rendered by earlier builds, reused where their figures, ids and links are
        /// the same: for the preview, which keeps one for as long as it runs.
        public var memo: CardMemo?
        /// Render through the theme's compiled templates (`CompiledTemplates`); false has
        /// swift-mustache render them, for tests that compare the two.
        public var compiledTemplates = true
        /// Make a visit's pages as soon as it has been read, while its rows are at hand
        /// (`LoadTimePages`); false makes every page after loading, reading the rows again,
        /// for tests that compare the two.
        public var renderWhileLoading = true

        public init(drafts: Bool = false, cache: (any EditionStore)? = nil, tool: String = ScorecardVersion.tool,
                    only: Set<String>? = nil, keyByContent: Bool = false, memo: CardMemo? = nil) {
            self.drafts = drafts
            self.cache = cache
            self.tool = tool
            self.only = only
            self.keyByContent = keyByContent
            self.memo = memo
        }
    }

    /// The files of the site (relative path → bytes) and every problem found. When any
    /// diagnostic is an error, `files` is empty.
    public struct Result: Sendable {
        public var files: [String: [UInt8]]
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// What a streaming build did.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        /// Files handed to the sink, reused ones included.
        public var fileCount: Int
        /// The visits whose pages came from the cache.
        public var reused: [String]
        /// The visits rendered.
        public var rendered: [String]
        /// Those of `rendered` whose pages were made as soon as the visit had been read
        /// (`LoadTimePages`), reading its rows once.
        public var renderedWhileLoading: [String] = []
        /// With `Options.memo`: the cards and sparklines rendered, and those taken from it.
        public var cards: (made: Int, reused: Int)? = nil
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// Where a streaming build puts files: `write` a new file, or `place` a cached one
    /// (output path, the cached file's path, its checked bytes).
    public struct Sink: Sendable {
        public var write: @Sendable (String, [UInt8]) throws -> Void
        public var place: @Sendable (String, String, () throws -> [UInt8]) throws -> Void
        public init(write: @escaping @Sendable (String, [UInt8]) throws -> Void,
                    place: @escaping @Sendable (String, String, () throws -> [UInt8]) throws -> Void) {
            self.write = write
            self.place = place
        }

        /// Into a staging folder of `OutputFolder`.
        public static func staging(_ s: OutputFolder.Staging) -> Sink {
            Sink(write: { try s.write($0, $1) }, place: { try s.place($0, from: $1, bytes: $2) })
        }
    }

    /// Builds every page and data file into memory. Every visit is checked, drafts included;
    /// drafts are written only with `options.drafts`.
    public static func build(_ tree: SourceTree, options: Options = Options()) -> Result {
        let files = LockedBox([String: [UInt8]]())
        let sink = Sink(write: { p, b in files.withLock { $0[p] = b } }, place: { p, _, b in let bytes = try b(); files.withLock { $0[p] = bytes } })
        let report = build(tree, options: options, into: sink)
        return Result(files: report.hasErrors ? [:] : files.withLock { $0 }, diagnostics: report.diagnostics)
    }

    /// Builds the site, handing each file to `sink` as soon as it is made; nothing holds the
    /// whole site. With errors the files already handed over must be thrown away (a staging
    /// folder is discarded). With `options.cache`, published visits whose pages are cached
    /// and still current are placed from the cache, and the visits rendered are stored.
    ///
    /// The tree is taken, not borrowed: once the content is loaded it is dropped, so a caller
    /// that hands it over (`consume tree`) does not hold every file's bytes while the pages
    /// are made (only the visits' CSV files are kept, to read their rows again).
    public static func build(_ tree: consuming SourceTree, options: Options, into sink: Sink?) -> Report {
        let placed = LockedBox(0)
        var theme: (renderer: ThemeRenderer?, diagnostics: [Diagnostic])?
        var plan = BuildPlan()
        // The rows are checked as they are read, and then dropped. A plain build makes a
        // visit's pages as soon as it has been read, while its rows are at hand
        // (`LoadTimePages`); any other, and any visit left over, has `FigureSource` read its
        // rows again when its pages are made. They are never all held at once.
        let early = LockedBox<LoadTimePages?>(nil)
        var content = ContentLoader.load(tree, select: { outline in
            guard let site = outline.site else { return Set(outline.visits.map(\.id)) }
            switch findTheme(named: site.theme, from: tree, at: SourceLocation(path: "site.yaml")) {
            case .failure(let d):
                theme = (nil, [d])
                plan = BuildPlan.make(outline, tree: tree, options: options, theme: nil, sink: sink, placed: placed)
            case .success(let found):
                // The templates are parsed and compiled on another core while the cached
                // pages are checked and placed: the plan needs the theme's files, not its
                // templates.
                let loading = DispatchGroup()
                let loaded = LockedBox<(renderer: ThemeRenderer?, diagnostics: [Diagnostic])?>(nil)
                DispatchQueue.global().async(group: loading) {
                    let t = ThemeRenderer.load(found, compile: options.compiledTemplates)
                    loaded.withLock { $0 = t }
                }
                plan = BuildPlan.make(outline, tree: tree, options: options, theme: found, sink: sink, placed: placed)
                loading.wait()
                let t = loaded.withLock { $0 }!
                theme = t
                // With the theme loaded, the visits' pages can be made as each is read. A theme
                // that does not load fails the build: plan it as before, with no pages taken
                // from the cache (those placed are discarded with the staging).
                if let renderer = t.renderer {
                    let made = LoadTimePages.make(outline, site: site, tree: tree, plan: plan, options: options, sink: sink, renderer: renderer)
                    early.withLock { $0 = made }
                } else {
                    plan = BuildPlan.make(outline, tree: tree, options: options, theme: nil, sink: nil, placed: LockedBox(0))
                }
            }
            return plan.read
        }, keepRows: false, hooks: LoadTimePages.hooks(early))
        let made = early.withLock { $0 }
        var diagnostics = content.diagnostics.filter { d in !plan.ignores(d.location.path) } + plan.cachedDiagnostics
        guard let site = content.site, !diagnostics.hasErrors else {
            // Nothing is written, but the theme's and the narratives' own errors do not follow
            // from these: report them too, so that every problem comes out in one run.
            if let site = content.site {
                diagnostics += themeInUse(theme, site: site, tree: tree, at: content.themeLocation).diagnostics
                diagnostics += narrativeErrors(content, site: site).filter { !plan.ignores($0.location.path) }
            }
            options.cache?.discardPending()
            return Report(diagnostics: diagnostics.normalized(), fileCount: 0, reused: [], rendered: [])
        }
        let loadedTheme = themeInUse(theme, site: site, tree: tree, at: content.themeLocation, compile: options.compiledTemplates)
        // Everything the pages need is loaded: the files' bytes can go, but for the visits'
        // CSV files, which the row reader (`content.rows`) keeps to read the rows again.
        tree = SourceTree()
        diagnostics += loadedTheme.diagnostics
        guard let renderer = loadedTheme.renderer else {
            diagnostics += narrativeErrors(content, site: site)
            options.cache?.discardPending()
            return Report(diagnostics: diagnostics.normalized(), fileCount: 0, reused: [], rendered: [])
        }
        // Figures are worked out visit by visit as the pages are made (`FigureSource`); the
        // pages of other visits need only each visit's facts.
        let visitIDs = content.visits.map(\.id)
        let headerOnly = content.headerOnly
        let all = Self.outline(content.visits)
        let source = FigureSource(visits: content.visits.filter { !headerOnly.contains($0.id) }, rows: content.rows,
                                  outline: all, site: site)
        content.visits = []
        let written = all.filter { options.drafts || $0.visit.status == .published }
        let skip = plan.reused.union(headerOnly)
        // A build that writes nothing (`check`) stores nothing either; pages made while
        // loading went through the same output and writers.
        let writers = made?.writers ?? (sink == nil ? [:] : plan.writers(for: written.map(\.visit.id).filter { !skip.contains($0) }))
        let out = made?.out ?? Self.output(sink: sink, writers: writers)
        var pages = SitePages(site: site, all: all, written: written, renderer: renderer, source: source)
        if let memo = options.memo {
            memo.begin(theme: EditionKey(tool: options.tool, theme: renderer.theme).theme)
            pages.memo = memo
        }
        if options.only == nil {
            pages.render(into: out, skipping: skip.union(made?.rendered.withLock { $0 } ?? []))
        } else {
            for v in written where options.only!.contains(v.visit.id) && !skip.contains(v.visit.id) {
                pages.renderVisit(v, into: out, dataFiles: true)
            }
        }
        // `check` sees every problem: render the visits that are not written too, and drop them.
        let writtenIDs = Set(written.map(\.visit.id))
        let unwritten = all.filter { v in !skip.contains(v.visit.id) && !writtenIDs.contains(v.visit.id) }
        if !unwritten.isEmpty {
            let scratch = SitePages.Output(sink: { _, _ in })
            for v in unwritten { pages.renderVisit(v, into: scratch) }
            diagnostics += scratch.diagnostics
        }
        diagnostics += out.diagnostics
        diagnostics = diagnostics.normalized()
        if let cache = options.cache {
            if diagnostics.hasErrors {
                cache.discardPending()
            } else {
                var finished: [any EditionWriter] = []
                for w in writers.values.sorted(by: { $0.visit < $1.visit }) {
                    let folder = "content/visits/\(w.visit)/"
                    if (try? w.finish(diagnostics: diagnostics.filter { $0.location.path.hasPrefix(folder) })) != nil {
                        finished.append(w)
                    }
                }
                cache.commit(finished: finished, keep: options.only == nil ? Set(visitIDs) : nil)
            }
        }
        let rendered = written.map(\.visit.id).filter { !skip.contains($0) && (options.only?.contains($0) ?? true) }
        return Report(diagnostics: diagnostics, fileCount: diagnostics.hasErrors ? 0 : out.count + placed.withLock { $0 },
                      reused: plan.reused.sorted(), rendered: rendered,
                      renderedWhileLoading: made?.rendered.withLock { $0 }.sorted() ?? [],
                      cards: options.memo?.finish(visits: Set(visitIDs)))
    }

    /// Where a build's pages go: to the cache's writer of their visit and the sink, or, with no
    /// sink (`check`), nowhere: they are made, checked and dropped.
    static func output(sink: Sink?, writers: [String: any EditionWriter]) -> SitePages.Output {
        SitePages.Output(sink: { @Sendable path, bytes in
            guard let sink else { return }
            if let w = writers[Self.visitID(ofOutputPath: path) ?? ""] {
                try sink.place(path, try w.store(path, bytes), { bytes })
            } else {
                try sink.write(path, bytes)
            }
        })
    }

    /// Every visit by its facts, in date order, each with its previous published visit.
    static func outline(_ visits: [Visit]) -> [VisitFigures] {
        let previous = Visit.previousIDs(in: visits)
        return Visit.ordered(visits).map { .outline(of: $0, previousVisitID: previous[$0.id]) }
    }

    /// The theme loaded while planning, or, when it could not be loaded then, loaded again
    /// with the place in site.yaml that names it, for its diagnostics.
    static func themeInUse(_ planned: (renderer: ThemeRenderer?, diagnostics: [Diagnostic])?, site: Site, tree: SourceTree,
                           at location: SourceLocation, compile: Bool = true) -> (renderer: ThemeRenderer?, diagnostics: [Diagnostic]) {
        if let planned, planned.renderer != nil { return planned }
        return loadTheme(named: site.theme, from: tree, at: location, compile: compile)
    }

    /// The visit an output path belongs to: `visits/<id>/…`.
    static func visitID(ofOutputPath path: String) -> String? {
        guard path.hasPrefix("visits/") else { return nil }
        let rest = path.dropFirst("visits/".count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        return String(rest[..<slash])
    }

    /// The errors in the narratives of every visit, found without rendering any page: for a
    /// build that writes nothing because of other errors. Indicator ids come from
    /// scorecard.yaml alone, so an unknown indicator id is reported unless some scorecard of
    /// the visit could not be read in full (`visitsWithUncertainIDs`): only then may it
    /// merely follow from a definition that could not be read. Errors in the data, in
    /// visit.yaml or elsewhere in site.yaml do not hide it. The errors come from the
    /// narratives' text and the indicators' definitions, never from the rows (a figure with
    /// no data is a warning), so the visits are taken as loaded, without their rows: a build
    /// that fails does not read every visit's rows again at once.
    static func narrativeErrors(_ content: LoadedContent, site: Site) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for figures in VisitFigures.computeAll(content.visits, site: site) {
            let complete = !content.visitsWithUncertainIDs.contains(figures.visit.id)
            let view = NarrativeView(figures: figures) { _ in "" }
            for narrative in ([figures.visit.overview] + figures.scorecards.map(\.narrative)).compactMap({ $0 }) {
                out += view.render(narrative).diagnostics.filter { d in
                    d.isError && (complete || !d.message.hasPrefix("unknown indicator"))
                }
            }
        }
        return out
    }

    /// The site's own `themes/<name>/` if it has one, else the embedded default theme. An
    /// unknown name is reported at `location` (site.yaml's `theme:` value).
    static func loadTheme(named name: String, from tree: SourceTree, at location: SourceLocation,
                          compile: Bool = true) -> (renderer: ThemeRenderer?, diagnostics: [Diagnostic]) {
        switch findTheme(named: name, from: tree, at: location) {
        case .success(let theme): return ThemeRenderer.load(theme, compile: compile)
        case .failure(let d): return (nil, [d])
        }
    }

    /// The files of the theme `loadTheme` loads, or why there is none.
    static func findTheme(named name: String, from tree: SourceTree, at location: SourceLocation) -> Swift.Result<Theme, Diagnostic> {
        let folder = "themes/\(name)"
        let theme: Theme
        if tree.isFolder(folder) {
            var files: [String: [UInt8]] = [:]
            for (path, entry) in tree.entries where path.hasPrefix(folder + "/") {
                let relative = String(path.dropFirst(folder.count + 1))
                // Hidden files (.DS_Store, editor swap files) are never part of a theme.
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                if case .file(let bytes) = entry { files[relative] = bytes }
            }
            theme = Theme(name: name, files: files, sourcePath: folder)
        } else if name == "default" {
            theme = Theme.embeddedDefault
        } else {
            let themes = ["default"] + tree.children(of: "themes").filter { tree.isFolder("themes/\($0)") && !$0.hasPrefix(".") }
            let hint = Suggestion.hint(for: name, in: themes, otherwise: "expected a folder \(folder)/ with templates/ and assets/, or leave theme out to use the default theme")
            return .failure(.error("theme '\(name)' not found\(hint)", at: location))
        }
        return .success(theme)
    }
}
