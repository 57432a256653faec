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
            return Result(files: [:], diagnostics: diagnostics.normalized())
        }
        let all = VisitFigures.computeAll(content.visits, site: site)
        let written = all.filter { options.drafts || $0.visit.status == .published }
        var files: [String: [UInt8]] = [:]
        for figures in written {
            let base = "visits/\(figures.visit.id)"
            files["\(base)/summary.json"] = Array(SummaryJSON.document(figures).utf8)
            for card in figures.scorecards where card.reported {
                files["\(base)/\(card.id)/data.csv"] = Array(DataCSV.document(card).utf8)
            }
        }
        diagnostics = diagnostics.normalized()
        return Result(files: diagnostics.hasErrors ? [:] : files, diagnostics: diagnostics)
    }
}
