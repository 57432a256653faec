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
            let result = SiteBuilder.build(tree, options: .init(drafts: drafts))
            Report.diagnostics(result.diagnostics)
            if result.hasErrors { throw ExitCode.failure }
            do {
                try folder.replace(with: result.files)
            } catch {
                Report.standardError("error: could not write \(outURL.path): \(error.localizedDescription)\n")
                throw ExitCode.failure
            }
            Report.standardError("wrote \(result.files.count) files to \(outURL.path)\n")
        }
    }

    /// `scorecard check`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem in every visit, drafts included. Writes nothing.")

        @OptionGroup var options: SiteOptions

        func run() throws {
            let tree = SourceTreeReader.read(site: options.siteURL)
            let result = SiteBuilder.build(tree, options: .init(drafts: true))
            Report.diagnostics(result.diagnostics)
            if result.hasErrors { throw ExitCode.failure }
            if result.diagnostics.isEmpty { Report.standardError("no problems found\n") }
        }
    }
}
