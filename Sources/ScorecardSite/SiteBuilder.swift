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
        public init(drafts: Bool = false) { self.drafts = drafts }
    }

    /// The files of the site (relative path → bytes) and every problem found. When any
    /// diagnostic is an error, `files` is empty.
    public struct Result: Sendable {
        public var files: [String: [UInt8]]
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// Builds every page and data file. Every visit is checked, drafts included; drafts are
    /// written only with `options.drafts`.
    public static func build(_ tree: SourceTree, options: Options = Options()) -> Result {
        let content = ContentLoader.load(tree)
        var diagnostics = content.diagnostics
        guard let site = content.site, !diagnostics.hasErrors else {
            // Nothing is written, but the theme's and the narratives' own errors do not follow
            // from these: report them too, so that every problem comes out in one run.
            if let site = content.site {
                diagnostics += loadTheme(named: site.theme, from: tree).diagnostics
                diagnostics += narrativeErrors(content, site: site)
            }
            return Result(files: [:], diagnostics: diagnostics.normalized())
        }
        let theme = loadTheme(named: site.theme, from: tree)
        diagnostics += theme.diagnostics
        guard let renderer = theme.renderer else {
            diagnostics += narrativeErrors(content, site: site)
            return Result(files: [:], diagnostics: diagnostics.normalized())
        }
        let all = VisitFigures.computeAll(content.visits, site: site)
        for figures in all { diagnostics += DisclosureAudit.diagnostics(figures, site: site) }
        let written = all.filter { options.drafts || $0.visit.status == .published }
        let pages = SitePages(site: site, all: all, written: written, renderer: renderer)
        let out = SitePages.Output()
        pages.render(into: out)
        // `check` sees every problem: render the visits that are not written too, and drop them.
        let unwritten = all.filter { v in !written.contains { $0.visit.id == v.visit.id } }
        if !unwritten.isEmpty {
            let scratch = SitePages.Output()
            for v in unwritten { pages.renderVisit(v, into: scratch) }
            diagnostics += scratch.diagnostics
        }
        diagnostics += out.diagnostics
        let files = out.files
        diagnostics = diagnostics.normalized()
        return Result(files: diagnostics.hasErrors ? [:] : files, diagnostics: diagnostics)
    }

    /// The errors in the narratives of every visit, found without rendering any page: for a
    /// build that writes nothing because of other errors. An unknown indicator id is reported
    /// only where the visit's definitions are known to be complete (no error in site.yaml,
    /// or in any file of the visit other than its CSV data and Markdown), since otherwise
    /// it may merely follow from a definition that could not be read.
    static func narrativeErrors(_ content: LoadedContent, site: Site) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for figures in VisitFigures.computeAll(content.visits, site: site) {
            let folder = "content/visits/\(figures.visit.id)/"
            let complete = !content.diagnostics.contains { d in
                let path = d.location.path
                return d.isError && (path == "site.yaml"
                    || (path.hasPrefix(folder) && !path.hasSuffix(".csv") && !path.hasSuffix(".md")))
            }
            let view = NarrativeView(figures: figures) { _ in "" }
            for narrative in ([figures.visit.overview] + figures.scorecards.map(\.narrative)).compactMap({ $0 }) {
                out += view.render(narrative).diagnostics.filter { d in
                    d.isError && (complete || !d.message.hasPrefix("unknown indicator"))
                }
            }
        }
        return out
    }

    /// The site's own `themes/<name>/` if it has one, else the embedded default theme.
    static func loadTheme(named name: String, from tree: SourceTree) -> (renderer: ThemeRenderer?, diagnostics: [Diagnostic]) {
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
            return (nil, [.error("theme '\(name)' not found; expected a folder \(folder)/ with templates/ and assets/, or leave theme out to use the default theme", at: SourceLocation(path: "site.yaml"))])
        }
        return ThemeRenderer.load(theme)
    }
}
