import ArgumentParser
import Foundation
import ScorecardPreview

extension ScorecardCommand {
    /// `scorecard serve`
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Preview the site, drafts included, at http://127.0.0.1:<port>/.",
            discussion: """
                Builds into memory (never into output/, so drafts are never deployed by \
                accident), rebuilds when site.yaml, content/ or themes/ change, and reloads \
                open pages. Content errors show as a banner over the last good site. Listens on \
                127.0.0.1 only.
                """)

        @OptionGroup var options: SiteOptions

        @Option(help: ArgumentHelp("The port to listen on.", valueName: "n"))
        var port: UInt16 = 8080

        func run() async throws {
            let server = PreviewServer(site: options.siteURL) { Report.standardError($0 + "\n") }
            do {
                try await server.run(port: port)
            } catch {
                Report.standardError("error: cannot listen on 127.0.0.1:\(port) (\(error.localizedDescription)); if another program uses that port, choose another with --port\n")
                throw ExitCode.failure
            }
        }
    }
}
