import Foundation
import ScorecardCore

/// Builds every HTML page of the site from the computed figures through the theme.
struct SitePages {
    let site: Site
    /// Every visit, drafts included, in date order, by its facts (`VisitFigures.outline`):
    /// the lists and links of pages need no more. `source` has the figures.
    let all: [VisitFigures]
    /// The visits that are written, in date order.
    let written: [VisitFigures]
    let renderer: ThemeRenderer
    /// The full figures of the visits read whole, worked out as their pages are made.
    let source: FigureSource
    /// Cards rendered by earlier builds, for the preview; nil renders every card.
    var memo: CardMemo? = nil
    /// Every visit's title by id: pages name the previous visit many times each, and a
    /// search of `all` for each was quadratic in the site's size.
    let titles: [String: String]

    init(site: Site, all: [VisitFigures], written: [VisitFigures], renderer: ThemeRenderer, source: FigureSource) {
        self.site = site
        self.all = all
        self.written = written
        self.renderer = renderer
        self.source = source
        // The first visit of an id wins, as the search from the start found it.
        titles = Dictionary(all.map { ($0.visit.id, $0.visit.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// The newest published visit, which the home page and `latest/` lead to.
    var latestPublished: VisitFigures? { all.last { $0.visit.status == .published } }

    /// Where rendered pages go, and the problems found, filled from both cores. A page is
    /// handed to `sink` as soon as it is made and then dropped, so nothing holds the whole
    /// site.
    final class Output: Sendable {
        typealias Sink = @Sendable (String, [UInt8]) throws -> Void
        private let box = LockedBox((diagnostics: [Diagnostic](), count: 0))
        private let sink: Sink
        init(sink: @escaping Sink) { self.sink = sink }
        var diagnostics: [Diagnostic] { box.withLock { $0.diagnostics } }
        /// How many files were handed to the sink.
        var count: Int { box.withLock { $0.count } }
        func add(_ path: String, _ result: Result<String, Diagnostic>) {
            switch result {
            case .success(let html): add(path, Array(html.utf8))
            case .failure(let d): add([d])
            }
        }
        func add(_ path: String, _ bytes: [UInt8]) {
            do {
                try sink(path, bytes)
                box.withLock { $0.count += 1 }
            } catch {
                add([.error("could not write the page: \(error)", at: SourceLocation(path: path))])
            }
        }
        func add(_ d: [Diagnostic]) { box.withLock { $0.diagnostics += d } }
    }

    /// The keys the layout template uses on every page.
    func layout(path: String, title: String, visit: VisitFigures?, crumbs: [(String, String?)], bodyClass: String = "") -> TemplateObject {
        var older: TemplateValue = .empty
        if let v = visit, let latest = latestPublished, v.visit.status == .published, v.visit.id != latest.visit.id {
            older = .object([
                "title": .text(v.visit.title),
                "latestTitle": .text(latest.visit.title),
                "latestHref": .text(PagePaths.link(from: path, to: PagePaths.visit(latest.visit.id))),
            ])
        }
        let draft = visit?.visit.status == .draft
        let canonical = site.baseURL.map { base in (base.hasSuffix("/") ? base : base + "/") + path }
        return [
            "siteTitle": .text(site.title),
            "authority": .text(site.authority),
            "pageTitle": .text(draft ? "DRAFT – \(title)" : title),
            "heading": .text(title),
            "stylesheet": .text(PagePaths.link(from: path, to: PagePaths.stylesheet)),
            "homeHref": .text(PagePaths.link(from: path, to: PagePaths.home)),
            "breadcrumbs": .list(crumbs.map { .object(["label": .text($0.0), "href": .optional($0.1.map { PagePaths.link(from: path, to: $0) })]) }),
            "draft": .flag(draft),
            "older": older,
            "canonical": .optional(canonical),
            "bodyClass": .text(bodyClass),
        ]
    }

    func visitCrumbs(_ v: VisitFigures) -> [(String, String?)] {
        [("Home", PagePaths.home), (v.visit.title, PagePaths.visit(v.visit.id))]
    }

    func previousTitle(_ v: VisitFigures) -> String? {
        v.previousVisitID.flatMap { titles[$0] }
    }

    func visitFacts(_ v: VisitFigures) -> TemplateValue {
        .object([
            "id": .text(v.visit.id),
            "title": .text(v.visit.title),
            "date": .text(v.visit.date.longLabel),
            "dateISO": .text(v.visit.date.description),
            "dataAsOf": .text(v.visit.dataAsOf.longLabel),
            "status": .text(v.visit.status == .draft ? "Draft" : "Published"),
            "isDraft": .flag(v.visit.status == .draft),
            "previous": .optional(previousTitle(v)),
        ])
    }

    /// Writes every page into `out`.
    func render(into out: Output, skipping skip: Set<String> = []) {
        // The theme's assets are copied as they are; every page links the stylesheet.
        if renderer.theme.files[PagePaths.stylesheet] == nil {
            out.add([.error("the theme has no \(PagePaths.stylesheet), which every page links to",
                            at: SourceLocation(path: renderer.theme.sourcePath))])
        }
        for (path, bytes) in renderer.theme.files where path.hasPrefix("assets/") {
            out.add(path, bytes)
        }
        out.add(PagePaths.home, home())
        out.add(PagePaths.latest, latest())
        // Each visit's pages are independent: one visit per task, on both cores. The tasks
        // are taken in date order, so a visit's own figures are at hand (in `FigureSource`)
        // for the next visit's comparison, and only the two visits being made are in memory.
        // No batch waits for its slowest visit: at the end at most one core is left alone,
        // with one visit.
        let ids = written.map(\.visit.id).filter { !skip.contains($0) && source.has($0) }
        DispatchQueue.concurrentPerform(iterations: ids.count) { i in
            renderPages(of: source.figures(ids[i])!, into: out, dataFiles: true)
        }
    }

    /// Renders every page of one visit and, with `dataFiles`, its data files. Also used by
    /// `check` for visits that are not written.
    func renderVisit(_ outline: VisitFigures, into out: Output, dataFiles: Bool = false) {
        guard let v = source.figures(outline.visit.id) else { return }
        renderPages(of: v, into: out, dataFiles: dataFiles)
    }

    /// Renders every page of a visit whose figures are worked out, and with `dataFiles` its
    /// data files. `previous` is the own figures of its previous visit, asked of `source` when
    /// not given (a build that renders a visit as soon as it has been read gives them:
    /// `LoadTimeFigures`).
    func renderPages(of v: VisitFigures, previous: VisitFigures?? = nil, into out: Output, dataFiles: Bool) {
        let changes = changes(v, previous: previous ?? previousFigures(v))
        renderCardPages(v, changes, into: out)
        renderChanges(v, changes, into: out, dataFiles: dataFiles)
    }

    /// A visit compared with its previous one, and the "what changed" section of the changes
    /// page and the pack.
    struct Changes: Sendable {
        var comparison: VisitComparison
        var section: TemplateObject
        var packSection: TemplateObject
    }

    func changes(_ v: VisitFigures, previous: VisitFigures?) -> Changes {
        let id = v.visit.id
        let comparison = VisitComparison.compare(v, previous: previous)
        // The pack and the changes page sit at the same folder depth, so the links of their
        // "what changed" sections are the same and the section is worked out once.
        let section = ChangesView.context(comparison, path: PagePaths.changes(id), visit: v)
        let packSection = PagePaths.depth(PagePaths.pack(id)) == PagePaths.depth(PagePaths.changes(id))
            ? section : ChangesView.context(comparison, path: PagePaths.pack(id), visit: v)
        return Changes(comparison: comparison, section: section, packSection: packSection)
    }

    /// The pages that show indicator cards: the visit page, the scorecard pages and the pack.
    /// They share one `VisitCards`.
    func renderCardPages(_ v: VisitFigures, _ changes: Changes, into out: Output) {
        // Stated totals that would give a withheld figure back.
        out.add(DisclosureAudit.diagnostics(v, site: site))
        let id = v.visit.id
        let cards = VisitCards(visit: id, previousVisitTitle: previousTitle(v), memo: memo)
        out.add(PagePaths.visit(id), visitPage(v, cards, out))
        for card in v.scorecards where card.reported {
            out.add(PagePaths.scorecard(id, card.id), scorecardPage(v, card, cards, out))
        }
        out.add(PagePaths.pack(id), packPage(v, cards, changes: changes.packSection, out))
    }

    /// The changes page and, with `dataFiles`, summary.json, changes.json and each data.csv.
    func renderChanges(_ v: VisitFigures, _ changes: Changes, into out: Output, dataFiles: Bool) {
        let id = v.visit.id
        out.add(PagePaths.changes(id), changesPage(v, changes: changes.section))
        renderBenchmarking(v, into: out, dataFiles: dataFiles)
        if dataFiles {
            out.add(PagePaths.summary(id), Array(SummaryJSON.document(v).utf8))
            out.add(PagePaths.changesJSON(id), Array(ChangesJSON.document(changes.comparison).utf8))
            for card in v.scorecards where card.reported {
                out.add(PagePaths.dataCSV(id, card.id), DataCSV.bytes(card))
            }
        }
    }

    // MARK: Pages

    func ragCounts(_ card: ScorecardFigures) -> TemplateValue {
        let rated = card.indicators.compactMap(\.rag)
        return .object([
            "green": .text(String(rated.filter { $0 == .green }.count)),
            "amber": .text(String(rated.filter { $0 == .amber }.count)),
            "red": .text(String(rated.filter { $0 == .red }.count)),
            "unrated": .text(String(card.indicators.count - rated.count)),
            "total": .text(String(card.indicators.count)),
        ])
    }

    func home() -> Result<String, Diagnostic> {
        let path = PagePaths.home
        var ctx = layout(path: path, title: site.title, visit: nil, crumbs: [])
        ctx["heading"] = .text(site.title)
        if let v = latestPublished.flatMap({ source.figures($0.visit.id) }) {
            let moved = movers(v)
            ctx["latest"] = .object([
                "visit": visitFacts(v),
                "href": .text(PagePaths.link(from: path, to: PagePaths.visit(v.visit.id))),
                "packHref": .text(PagePaths.link(from: path, to: PagePaths.pack(v.visit.id))),
                "changesHref": .text(PagePaths.link(from: path, to: PagePaths.changes(v.visit.id))),
                "scorecards": .list(v.scorecards.map { card in
                    .object([
                        "title": .text(card.title),
                        "reported": .flag(card.reported),
                        "href": card.reported ? .text(PagePaths.link(from: path, to: PagePaths.scorecard(v.visit.id, card.id))) : .empty,
                        "counts": ragCounts(card),
                    ])
                }),
                "movers": .list(moved.map { mover($0, from: path, visit: v) }),
                "symbolKey": IndicatorView.symbolKey(for: moved.flatMap {
                    [DisplayFormat.point($0.previousLatest, definition: $0.definition), $0.latestText]
                }),
                "hasMovers": .flag(!moved.isEmpty),
                "hasPrevious": .flag(v.previousVisitID != nil),
                "previousTitle": .optional(previousTitle(v)),
            ])
        } else {
            ctx["latest"] = .empty
        }
        ctx["visits"] = .list(written.reversed().map { v in
            .object([
                "visit": visitFacts(v),
                "href": .text(PagePaths.link(from: path, to: PagePaths.visit(v.visit.id))),
                "isLatest": .flag(v.visit.id == latestPublished?.visit.id),
            ])
        })
        return renderer.render("home", ctx)
    }

    /// Indicators that changed RAG band since the previous visit, then the largest changes.
    func movers(_ v: VisitFigures) -> [IndicatorFigures] {
        let all = v.indicators
        let moved = all.filter { $0.rag != nil && $0.previousRAG != nil && $0.rag != $0.previousRAG }
        func relative(_ f: IndicatorFigures) -> Double {
            guard let c = f.change, let p = f.previousLatest?.value else { return 0 }
            let base = abs(DecimalNumber.double(p))
            return base == 0 ? abs(DecimalNumber.double(c)) : abs(DecimalNumber.double(c)) / base
        }
        let rest = all.filter { f in f.change != nil && f.change != 0 && !moved.contains { $0.id == f.id } }
            .sorted { (relative($0), $1.id) > (relative($1), $0.id) }
        return moved + rest.prefix(max(0, 6 - moved.count))
    }

    func mover(_ f: IndicatorFigures, from path: String, visit v: VisitFigures) -> TemplateValue {
        var values = IndicatorView.summary(f, previousVisitTitle: previousTitle(v))
        values["before"] = .text(DisplayFormat.point(f.previousLatest, definition: f.definition))
        values["previousRag"] = IndicatorView.rag(f.previousRAG)
        values["ragMoved"] = .flag(f.rag != nil && f.previousRAG != nil && f.rag != f.previousRAG)
        values["href"] = .text(PagePaths.link(from: path, to: PagePaths.scorecard(v.visit.id, f.scorecardID)) + "#ind-\(f.id)")
        return .object(values)
    }

    func visitPage(_ v: VisitFigures, _ cards: VisitCards, _ out: Output) -> Result<String, Diagnostic> {
        let path = PagePaths.visit(v.visit.id)
        var ctx = layout(path: path, title: v.visit.title, visit: v, crumbs: [("Home", PagePaths.home), (v.visit.title, nil)])
        ctx["visit"] = visitFacts(v)
        ctx["packHref"] = .text(PagePaths.link(from: path, to: PagePaths.pack(v.visit.id)))
        ctx["changesHref"] = .text(PagePaths.link(from: path, to: PagePaths.changes(v.visit.id)))
        ctx["summaryHref"] = .text(PagePaths.link(from: path, to: PagePaths.summary(v.visit.id)))
        ctx["benchmarkingHref"] = benchmarkingLink(v, from: path)
        let ids = PageIDs()
        if let overview = v.visit.overview {
            let view = NarrativeView(figures: v) { f in cardHTML(f, v, cards, ids: ids, path: path, out) }
            let r = view.render(overview)
            out.add(r.diagnostics)
            ctx["overview"] = .html(r.html)
            // The page's h1 is the visit's title: an overview titled the same adds no heading.
            ctx["overviewTitle"] = .optional(overview.title == v.visit.title ? nil : overview.title)
        } else {
            ctx["overview"] = .empty
            ctx["overviewTitle"] = .empty
        }
        ctx["scorecards"] = .list(v.scorecards.map { card in
            .object([
                "id": .text(card.id),
                "title": .text(card.title),
                "reported": .flag(card.reported),
                "href": card.reported ? .text(PagePaths.link(from: path, to: PagePaths.scorecard(v.visit.id, card.id))) : .empty,
                "counts": ragCounts(card),
                "symbolKey": IndicatorView.symbolKey(for: card.indicators.map(\.latestText)),
                "indicators": .list(card.indicators.map { f in
                    var values = IndicatorView.summary(f, previousVisitTitle: previousTitle(v))
                    values["href"] = .text(PagePaths.link(from: path, to: PagePaths.scorecard(v.visit.id, card.id)) + "#ind-\(f.id)")
                    values["sparkline"] = cards.sparkline(f, id: ids.make("spark-\(f.id)"))
                    return .object(values)
                }),
            ])
        })
        return renderer.render("visit", ctx)
    }

    func cardHTML(_ f: IndicatorFigures, _ v: VisitFigures, _ cards: VisitCards, ids: PageIDs, path: String, _ out: Output) -> String {
        // The printed pack shows every data table; on screen they start folded.
        cards.cardHTML(f, ids: ids, dataLink: PagePaths.link(from: path, to: PagePaths.dataCSV(v.visit.id, f.scorecardID)),
                       openTable: path == PagePaths.pack(v.visit.id)) { ctx in
            switch renderer.render("indicator-card", ctx, memo: cards.partials) {
            case .success(let html): return html
            case .failure(let d): out.add([d]); return nil
            }
        }
    }

    /// A scorecard's narrative and the cards of indicators it did not place.
    func scorecardBody(_ v: VisitFigures, _ card: ScorecardFigures, _ cards: VisitCards, ids: PageIDs, path: String, _ out: Output) -> TemplateObject {
        var placed: [String] = []
        var ctx: TemplateObject = [
            "id": .text(card.id),
            "title": .text(card.title),
            "anchor": .text("scorecard-\(card.id)"),
            "counts": ragCounts(card),
            "dataHref": .text(PagePaths.link(from: path, to: PagePaths.dataCSV(v.visit.id, card.id))),
        ]
        if let n = card.narrative {
            let view = NarrativeView(figures: v) { f in cardHTML(f, v, cards, ids: ids, path: path, out) }
            let r = view.render(n)
            out.add(r.diagnostics)
            placed = r.placed
            ctx["narrative"] = .html(r.html)
            ctx["narrativeTitle"] = .optional(n.title)
            ctx["summary"] = .optional(n.summary)
        } else {
            ctx["narrative"] = .empty
            ctx["narrativeTitle"] = .empty
            ctx["summary"] = .empty
        }
        let rest = card.indicators.filter { !placed.contains($0.id) }
        ctx["cards"] = .list(rest.map { .html(cardHTML($0, v, cards, ids: ids, path: path, out)) })
        ctx["hasCards"] = .flag(!rest.isEmpty)
        return ctx
    }

    func scorecardPage(_ v: VisitFigures, _ card: ScorecardFigures, _ cards: VisitCards, _ out: Output) -> Result<String, Diagnostic> {
        let path = PagePaths.scorecard(v.visit.id, card.id)
        var ctx = layout(path: path, title: "\(card.title) – \(v.visit.title)", visit: v,
                         crumbs: visitCrumbs(v) + [(card.title, nil)])
        ctx["heading"] = .text(card.title)
        ctx["visit"] = visitFacts(v)
        ctx["scorecard"] = .object(scorecardBody(v, card, cards, ids: PageIDs(), path: path, out))
        return renderer.render("scorecard", ctx)
    }

    func packPage(_ v: VisitFigures, _ cards: VisitCards, changes: TemplateObject, _ out: Output) -> Result<String, Diagnostic> {
        let path = PagePaths.pack(v.visit.id)
        var ctx = layout(path: path, title: "Monitoring pack – \(v.visit.title)", visit: v,
                         crumbs: visitCrumbs(v) + [("Monitoring pack", nil)], bodyClass: "pack")
        ctx["visit"] = visitFacts(v)
        let ids = PageIDs()
        if let overview = v.visit.overview {
            let view = NarrativeView(figures: v) { f in cardHTML(f, v, cards, ids: ids, path: path, out) }
            let r = view.render(overview)
            out.add(r.diagnostics)
            ctx["overview"] = .html(Self.nestHeadings(r.html))
        } else {
            ctx["overview"] = .empty
        }
        let reported = v.scorecards.filter(\.reported)
        ctx["contents"] = .list(reported.map { .object(["title": .text($0.title), "anchor": .text("scorecard-\($0.id)")]) })
        ctx["notReported"] = .list(v.scorecards.filter { !$0.reported }.map { .text($0.title) })
        ctx["sections"] = .list(reported.map { card in
            var body = scorecardBody(v, card, cards, ids: ids, path: path, out)
            if case .html(let html) = body["narrative"] { body["narrative"] = .html(Self.nestHeadings(html)) }
            if case .list(let cards) = body["cards"] {
                body["cards"] = .list(cards.map { if case .html(let h) = $0 { .html(Self.nestHeadings(h)) } else { $0 } })
            }
            return .object(body)
        })
        ctx["changes"] = .object(changes)
        ctx["benchmarking"] = Self.hasBenchmarking(v) ? .object(benchmarkingBody(v, path: path)) : .empty
        return renderer.render("pack", ctx)
    }

    /// In the pack each scorecard sits under its own `<h2>`, so the headings of narrative
    /// and cards, written for a page whose `<h1>` is the scorecard, go one level down
    /// (`<h2>` to `<h3>`, a card's `<h3>` to `<h4>`). The markup is the generator's own:
    /// Markdown text and template values reach it escaped, so a literal `<h2` is a tag.
    static func nestHeadings(_ html: String) -> String {
        nestHeadingsInBytes(html) ?? html.replacing(/<(\/?)h([1-5])(?=[\s>])/) { m in "<\(m.1)h\(Int(m.2)! + 1)" }
    }

    /// `nestHeadings` by a scan of the UTF-8 bytes, many times quicker than the regex, or
    /// nil where the two could differ. The regex matches characters (grapheme clusters), and
    /// a non-ASCII neighbour can join an ASCII byte into a larger character (`U+0600 <` is one
    /// character, so is `> U+0301`): where a tag touches non-ASCII text the scan checks that
    /// the two are separate characters, and leaves anything else unusual to the regex.
    static func nestHeadingsInBytes(_ html: String) -> String? {
        var html = html
        // The digits to raise, found with `memchr` on the string's own bytes; nil where the
        // regex must decide.
        let raise: [Int]? = html.withUTF8 { bytes in
            /// True when `bytes[range]`, two Unicode scalars, are two characters.
            func separate(_ range: Range<Int>) -> Bool {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).count == 2
            }
            let lt = UInt8(ascii: "<"), slash = UInt8(ascii: "/"), h = UInt8(ascii: "h")
            var out: [Int] = []
            var from = 0
            while let i = bytes.index(of: lt, from: from) {
                from = i + 1
                var j = i + 1
                if j < bytes.count, bytes[j] == slash { j += 1 }
                // `<h1`…`<h5` or `</h1`…`</h5`, then one more character for the lookahead.
                guard j + 2 < bytes.count, bytes[j] == h, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(bytes[j + 1]) else {
                    continue
                }
                if i > 0, bytes[i - 1] >= 0x80 {
                    var start = i - 1
                    while bytes[start] & 0xC0 == 0x80 { start -= 1 }
                    guard separate(start..<(i + 1)) else { return nil }
                }
                let next = bytes[j + 2]
                switch next {
                case UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), 0x0B, 0x0C:
                    if j + 3 < bytes.count, bytes[j + 3] >= 0x80 {
                        var end = j + 4
                        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                        guard separate((j + 2)..<end) else { return nil }
                    }
                    out.append(j + 1)
                case 0x21...0x7E:
                    break  // printable and not `>`: not a heading tag
                default:
                    return nil  // a carriage return, control or non-ASCII character: the regex decides
                }
                from = j + 2
            }
            return out
        }
        guard let raise else { return nil }
        if raise.isEmpty { return html }
        return html.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                _ = out.initialize(fromContentsOf: bytes)
                for k in raise { out[k] += 1 }
                return bytes.count
            }
        }
    }

    func previousFigures(_ v: VisitFigures) -> VisitFigures? {
        v.previousVisitID.flatMap(source.own)
    }

    func changesPage(_ v: VisitFigures, changes: TemplateObject) -> Result<String, Diagnostic> {
        let path = PagePaths.changes(v.visit.id)
        var ctx = layout(path: path, title: "What changed – \(v.visit.title)", visit: v,
                         crumbs: visitCrumbs(v) + [("What changed", nil)])
        ctx["visit"] = visitFacts(v)
        ctx["changes"] = .object(changes)
        ctx["changesJSONHref"] = .text(PagePaths.link(from: path, to: PagePaths.changesJSON(v.visit.id)))
        return renderer.render("changes", ctx)
    }

    func latest() -> Result<String, Diagnostic> {
        let path = PagePaths.latest
        var ctx = layout(path: path, title: "Latest edition", visit: nil, crumbs: [("Home", PagePaths.home), ("Latest edition", nil)])
        if let v = latestPublished {
            ctx["target"] = .object(["title": .text(v.visit.title), "href": .text(PagePaths.link(from: path, to: PagePaths.visit(v.visit.id)))])
        } else {
            ctx["target"] = .empty
        }
        return renderer.render("latest", ctx)
    }
}
