import Foundation
import ScorecardSite
import Testing

/// Ids are unique on every page, however often an indicator is placed: a second card for
/// `a` was numbered `ind-a-2`, the id of indicator `a-2`'s card, so labels and links on the
/// page pointed at the wrong chart.
@Suite struct PageIDTests {
    @Test func placingAnIndicatorTwiceDoesNotTakeAnotherIndicatorsIDs() throws {
        let files = [
            "site.yaml": "title: Ids\nauthority: Council\nscorecards:\n  - id: card\n    title: Card\n",
            "content/visits/2020-02/visit.yaml": "title: Visit\ndate: 2020-02-12\ndata-as-of: 2020-01-31\nstatus: draft\n",
            "content/visits/2020-02/card/scorecard.yaml": """
                indicators:
                  - { id: a, title: A, unit: number, better: higher }
                  - { id: a-2, title: A2, unit: number, better: higher }

                """,
            "content/visits/2020-02/card/data.csv": "indicator,period,value\na,2019-12,2\na,2020-01,1\na-2,2019-12,3\na-2,2020-01,3\n",
            "content/visits/2020-02/card/narrative.md": "```kpi\na\na\n```\n",
        ]
        let result = build(files, drafts: true)
        #expect(result.printed == [])
        for (path, html) in result.pages {
            let all = ids(in: html)
            let repeated = Set(all.filter { id in all.filter { $0 == id }.count > 1 })
            #expect(repeated.isEmpty, "\(path): \(repeated.sorted())")
        }
    }
}
