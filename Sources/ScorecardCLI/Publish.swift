import ArgumentParser
import Foundation
import ScorecardSite

extension ScorecardCommand {
    /// `scorecard publish VISIT`
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a visit published and freeze it.",
            discussion: """
                Sets status: published in the visit's visit.yaml and records a hash of each of \
                its files and of the site settings in force for it in content/published.yaml. \
                From then on, check and build fail if any of them changes, until 'scorecard reopen'.
                """)

        @Argument(help: ArgumentHelp("The visit id (its folder name under content/visits/).", valueName: "visit"))
        var visit: String

        @OptionGroup var options: SiteOptions

        func run() throws { try Report.outcome(Publishing.publish(visit: visit, site: options.siteURL)) }
    }

    /// `scorecard reopen VISIT`
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lift the freeze on a published visit so its files can change.")

        @Argument(help: ArgumentHelp("The visit id.", valueName: "visit"))
        var visit: String

        @OptionGroup var options: SiteOptions

        func run() throws { try Report.outcome(Publishing.reopen(visit: visit, site: options.siteURL)) }
    }

    /// `scorecard new-visit VISIT --date D --data-as-of D`
    struct NewVisit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new-visit",
            abstract: "Start a draft visit by copying the latest one.",
            discussion: """
                Copies the definitions, data and narrative of the latest visit (or --from) into \
                content/visits/<visit>/ as a draft, ready for new rows and new narrative. \
                Never overwrites anything.
                """)

        @Argument(help: ArgumentHelp("The new visit's id, e.g. 2020-11.", valueName: "visit"))
        var visit: String

        @Option(help: ArgumentHelp("The visit date (YYYY-MM-DD).", valueName: "date"))
        var date: String

        @Option(name: .customLong("data-as-of"), help: ArgumentHelp("The data cut-off (YYYY-MM-DD), not later than the date.", valueName: "date"))
        var dataAsOf: String

        @Option(help: ArgumentHelp("The visit to copy (default: the latest).", valueName: "visit"))
        var from: String?

        @Option(help: ArgumentHelp("The new visit's title (default: Monitoring visit, <Month YYYY>).", valueName: "title"))
        var title: String?

        @OptionGroup var options: SiteOptions

        func run() throws {
            try Report.outcome(Publishing.newVisit(id: visit, date: date, dataAsOf: dataAsOf, from: from,
                                                   title: title, site: options.siteURL))
        }
    }
}
