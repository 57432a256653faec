import Foundation
import ScorecardContent
import ScorecardCore
import ScorecardSite

/// The small site most tests build: two published visits, two scorecards, three indicators.
///
/// - `2020-02` (visit 12 Feb 2020, data to 31 Jan 2020) and `2020-07` (visit 15 Jul 2020,
///   data to 30 Jun 2020), both published; July compares with February.
/// - `front-door`: `decided-1wd`, a percent with target 80, tolerance 5 and a
///   statistical-neighbours comparator, partly from numerator/denominator, with one point
///   (Mar 2020, 4 of 7 = 57.142857…%) suppressed because 4 < 5; `referrals-rate`, a rate per
///   10,000 from a numerator and the site's population (2019: 48,000, 2020: 50,000).
/// - `care`: `placements`, a count broken down into three categories with no headline rows,
///   so its headline is the sum; Apr 2020's `Other` is 3, suppressed, which makes the sum
///   (125 + 28 + 3 = 156) withheld, [c].
///
/// Every figure the tests expect is worked by hand in `FigureTests`.
enum SmallSite {
    static let july = "2020-07"
    static let february = "2020-02"

    static let siteYAML = """
        title: Testshire Scorecards
        authority: Testshire County Council
        scorecards:
          - id: front-door
            title: Front Door
          - id: care
            title: Children in Care
        population:
          2019: 48000
          2020: 50000
        disclosure: { suppress-below: 5 }

        """

    static let frontDoorYAML = """
        indicators:
          - id: decided-1wd
            title: Contacts decided in one working day
            unit: percent
            better: higher
            target: 80
            tolerance: 5
            comparators:
              statistical-neighbours: 75.0
            definition: "Contacts with a decision within one working day of receipt."
            source: "Case management system"
          - id: referrals-rate
            title: Referrals per 10,000 children
            unit: rate-per-10k
            better: lower
            definition: "Referrals accepted in the month for every 10,000 children."
            source: "Referrals report"

        """

    static let careYAML = """
        indicators:
          - id: placements
            title: Children in care by placement
            unit: count
            better: neither
            breakdowns: [Foster care, Residential, Other]
            definition: "Children in care at the end of the month, by placement."
            source: "Children in care register"

        """

    /// February's rows: everything up to January 2020.
    static let februaryFiles: [String: String] = [
        "content/visits/2020-02/visit.yaml": """
            title: Monitoring visit, February 2020
            date: 2020-02-12
            data-as-of: 2020-01-31
            status: published

            """,
        "content/visits/2020-02/overview.md": """
            ---
            title: February overview
            ---

            Decisions within a day reached {{decided-1wd}} in {{decided-1wd.period}}.

            """,
        "content/visits/2020-02/front-door/scorecard.yaml": frontDoorYAML,
        "content/visits/2020-02/front-door/contacts.csv": """
            indicator,period,value,numerator,denominator,status,note
            decided-1wd,2019-10,70.0,,,,
            decided-1wd,2019-11,72.5,,,,
            decided-1wd,2019-12,71,,,,
            decided-1wd,2020-01,,38,50,,
            referrals-rate,2019-12,,36,,,
            referrals-rate,2020-01,,31,,,

            """,
        "content/visits/2020-02/care/scorecard.yaml": careYAML,
        "content/visits/2020-02/care/placements.csv": """
            indicator,period,breakdown,value
            placements,2019-11,Foster care,115
            placements,2019-11,Residential,28
            placements,2019-11,Other,9
            placements,2019-12,Foster care,117
            placements,2019-12,Residential,30
            placements,2019-12,Other,10
            placements,2020-01,Foster care,120
            placements,2020-01,Residential,30
            placements,2020-01,Other,10

            """,
    ]

    static let julyNarrative = """
        ---
        title: Front door at July 2020
        summary: Decisions are faster than at the last visit.
        ---

        In {{decided-1wd.period}}, {{decided-1wd}} of contacts were decided within one working
        day, against a target of {{decided-1wd.target}}: a change of {{decided-1wd.change}}
        since February.

        ```kpi
        decided-1wd
        ```

        References in code stay as written: `{{decided-1wd}}`.

        """

    /// July's rows: the whole series again, up to June 2020.
    static let julyFiles: [String: String] = [
        "content/visits/2020-07/visit.yaml": """
            title: Monitoring visit, July 2020
            date: 2020-07-15
            data-as-of: 2020-06-30
            status: published

            """,
        "content/visits/2020-07/overview.md": """
            Children in care numbered {{placements}} in {{placements.period}}
            ({{placements.change}} since February).

            """,
        "content/visits/2020-07/front-door/scorecard.yaml": frontDoorYAML,
        "content/visits/2020-07/front-door/narrative.md": julyNarrative,
        "content/visits/2020-07/front-door/contacts.csv": """
            indicator,period,value,numerator,denominator,status,note
            decided-1wd,2019-10,70.0,,,,
            decided-1wd,2019-11,72.5,,,,
            decided-1wd,2019-12,71,,,,
            decided-1wd,2020-01,,38,50,,
            decided-1wd,2020-02,78.0,,,,
            decided-1wd,2020-03,,4,7,,
            decided-1wd,2020-04,80.5,,,,
            decided-1wd,2020-05,79.0,,,,"Lower after the ""April push"", as expected"
            decided-1wd,2020-06,,69,80,,

            """,
        "content/visits/2020-07/front-door/referrals.csv": """
            indicator,period,numerator,status
            referrals-rate,2019-12,36,
            referrals-rate,2020-01,31,
            referrals-rate,2020-02,29,
            referrals-rate,2020-03,35,
            referrals-rate,2020-04,22,
            referrals-rate,2020-05,26,
            referrals-rate,2020-06,33,p

            """,
        "content/visits/2020-07/care/scorecard.yaml": careYAML,
        "content/visits/2020-07/care/placements.csv": """
            indicator,period,breakdown,value
            placements,2020-01,Foster care,120
            placements,2020-01,Residential,30
            placements,2020-01,Other,10
            placements,2020-02,Foster care,118
            placements,2020-02,Residential,31
            placements,2020-02,Other,9
            placements,2020-03,Foster care,121
            placements,2020-03,Residential,29
            placements,2020-03,Other,12
            placements,2020-04,Foster care,125
            placements,2020-04,Residential,28
            placements,2020-04,Other,3
            placements,2020-05,Foster care,126
            placements,2020-05,Residential,30
            placements,2020-05,Other,8
            placements,2020-06,Foster care,130
            placements,2020-06,Residential,32
            placements,2020-06,Other,11

            """,
    ]

    static var files: [String: String] {
        var all = ["site.yaml": siteYAML]
        all.merge(februaryFiles) { a, _ in a }
        all.merge(julyFiles) { a, _ in a }
        return all
    }

    /// The files `build` writes for these two visits.
    static let expectedPaths: Set<String> = {
        var paths: Set<String> = ["index.html", "latest/index.html", "assets/style.css"]
        for visit in [february, july] {
            paths.formUnion([
                "visits/\(visit)/index.html",
                "visits/\(visit)/front-door/index.html",
                "visits/\(visit)/care/index.html",
                "visits/\(visit)/changes/index.html",
                "visits/\(visit)/pack/index.html",
                "visits/\(visit)/summary.json",
                "visits/\(visit)/changes.json",
                "visits/\(visit)/front-door/data.csv",
                "visits/\(visit)/care/data.csv",
            ])
        }
        return paths
    }()
}

/// Builds a site from literal files.
func build(_ files: [String: String], drafts: Bool = false) -> SiteBuilder.Result {
    SiteBuilder.build(recorded(SourceTree(files: files)), options: .init(drafts: drafts))
}

/// The tree with a publish record of its published visits as they stand, as
/// `scorecard publish` would have written it, so fixtures carry no publish reminder.
func recorded(_ tree: SourceTree) -> SourceTree {
    var tree = tree
    let content = ContentLoader.load(tree)
    guard let site = content.site, tree.file(PublishRecord.path) == nil else { return tree }
    var record = PublishRecord()
    for visit in content.visits where visit.status == .published {
        record.visits[visit.id] = PublishRecord.entry(for: visit, site: site, tree: tree)
    }
    tree.entries[PublishRecord.path] = .file(Array(record.serialized().utf8))
    return tree
}

extension SiteBuilder.Result {
    /// The file at `path` as text, or nil.
    func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    /// The diagnostics as printed, one per line.
    var printed: [String] { diagnostics.map(\.description) }

    /// Every HTML page, path → text.
    var pages: [(path: String, html: String)] {
        files.keys.sorted().filter { $0.hasSuffix(".html") }.map { ($0, text($0)!) }
    }
}
