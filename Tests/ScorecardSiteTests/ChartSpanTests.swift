import Foundation
import ScorecardSite
import Testing

/// A chart of a regular series draws every period from the first row to the last so that a
/// missing period shows as a gap, up to 10,000 periods; a longer span (rows a thousand years
/// apart) was cut at 10,000 periods, dropping the latest figures from the chart. Such a
/// series is drawn with the periods it has, as days and ranges are.
@Suite struct ChartSpanTests {
    static let files: [String: String] = [
        "site.yaml": "title: Span\nauthority: Council\nscorecards:\n  - id: card\n    title: Card\n",
        "content/visits/2020-02/visit.yaml": "title: Visit\ndate: 2020-02-12\ndata-as-of: 2020-01-31\nstatus: draft\n",
        "content/visits/2020-02/card/scorecard.yaml": "indicators:\n  - { id: k, title: Kept, unit: number, better: higher }\n",
        "content/visits/2020-02/card/data.csv": "indicator,period,value\nk,1000-01,1\nk,1000-02,2\nk,2020-01,3\n",
    ]

    @Test func aSpanTooLongToDrawWholeKeepsItsLatestPeriod() throws {
        let result = build(Self.files, drafts: true)
        #expect(result.printed == [])
        let visit = try #require(result.text("visits/2020-02/index.html"))
        #expect(visit.contains("Kept, Jan 1000 to Jan 2020"))
        let card = try #require(result.text("visits/2020-02/card/index.html"))
        let svg = try #require(card.range(of: "<svg").flatMap { start in card.range(of: "</svg>", range: start.upperBound..<card.endIndex).map { card[start.lowerBound..<$0.upperBound] } })
        #expect(svg.contains(">Jan 2020</text>"))   // the latest period is on the axis
    }
}
