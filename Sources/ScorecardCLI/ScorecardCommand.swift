import ArgumentParser
import Foundation
import ScorecardSite

/// The `scorecard` command and its subcommands.
public struct ScorecardCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Build children's services performance scorecards into a static website.",
        discussion: """
            A site folder holds site.yaml and content/visits/<visit-id>/, one folder per \
            monitoring visit, each with visit.yaml and a folder per scorecard \
            (scorecard.yaml, *.csv, narrative.md).

            Start with 'scorecard check' to find problems, then 'scorecard build' to write \
            the site into output/. Open output/index.html in a browser to read it.
            """,
        version: ScorecardVersion.number,
        subcommands: [Build.self, Check.self, Publish.self, Reopen.self, NewVisit.self, Serve.self],
        defaultSubcommand: nil)

    public init() {}
}

/// Options every command that reads a site takes.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding site.yaml and content/.", valueName: "dir"))
    var site: String = "."

    var siteURL: URL {
        URL(fileURLWithPath: site, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }
}
