import ArgumentParser
import Foundation
import ScorecardContent
import ScorecardSite

extension ScorecardCommand {
    /// `scorecard build`
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site into the output folder.",
            discussion: """
                Reads site.yaml and content/, computes every figure and writes the pages and \
                data files. If the content has any error, nothing is written and the previous \
                output stays exactly as it was.
                """)

        @OptionGroup var options: SiteOptions

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <site>/output). A relative path is resolved against the current folder.", valueName: "dir"))
        var output: String?

        @Flag(name: .long, help: "Include draft visits, marked DRAFT on every page.")
        var drafts = false

        @Flag(name: .long, help: "Render every visit afresh: neither reuse nor store the frozen editions kept in <site>/.scorecard/cache.")
        var noCache = false

        func run() throws {
            let siteURL = options.siteURL
            let outURL = output.map {
                URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
            } ?? siteURL.appendingPathComponent("output")
            let folder = OutputFolder(url: outURL)
            if let problem = folder.problem(forSite: siteURL) {
                Report.standardError("error: \(problem)\n")
                throw ExitCode.failure
            }
            let tree = SourceTreeReader.read(site: siteURL)
            let staging: OutputFolder.Staging
            do {
                staging = try folder.begin()
            } catch {
                Report.standardError("error: could not write \(outURL.path): \(error.localizedDescription)\n")
                throw ExitCode.failure
            }
            // Pages go into the staging folder as they are made; it replaces the output folder
            // only when the whole build succeeded.
            let cache = noCache ? nil : EditionCache(root: EditionCache.folder(forSite: siteURL))
            let result = SiteBuilder.build(consume tree, options: .init(drafts: drafts, cache: cache), into: .staging(staging))
            Report.diagnostics(result.diagnostics)
            if result.hasErrors {
                folder.discard(staging)
                throw ExitCode.failure
            }
            do {
                try folder.commit(staging)
            } catch {
                folder.discard(staging)
                Report.standardError("error: could not write \(outURL.path): \(error.localizedDescription)\n")
                throw ExitCode.failure
            }
            let reused = result.reused.isEmpty ? "" : " (\(result.reused.count) published visits reused from the cache)"
            Report.standardError("wrote \(result.fileCount) files to \(outURL.path)\(reused)\n")
        }
    }

    /// `scorecard check`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem in every visit, drafts included. Writes nothing.")

        @OptionGroup var options: SiteOptions

        func run() throws {
            let tree = SourceTreeReader.read(site: options.siteURL)
            // Published visits whose cached edition is current are not rendered again: their
            // warnings were kept with them. Nothing is written, the cache included.
            let cache = EditionCache(root: EditionCache.folder(forSite: options.siteURL))
            let result = SiteBuilder.build(consume tree, options: .init(drafts: true, cache: cache), into: nil)
            Report.diagnostics(result.diagnostics)
            if result.hasErrors { throw ExitCode.failure }
            if result.diagnostics.isEmpty { Report.standardError("no problems found\n") }
        }
    }
}
