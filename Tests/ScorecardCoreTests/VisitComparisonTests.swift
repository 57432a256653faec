import Foundation
import ScorecardCore
import Testing

@Suite struct VisitComparisonTests {
    func visit(_ id: String, _ date: String, asOf: String, _ scorecards: [Scorecard]) -> Visit {
        Visit(id: id, title: id, date: CivilDate(iso: date)!, dataAsOf: CivilDate(iso: asOf)!, status: .published, scorecards: scorecards)
    }

    func rows(_ id: String, _ values: [(String, String)]) -> [Observation] {
        values.map { Observation.value(id, month($0.0), d($0.1)) }
    }

    @Test func comparesTwoVisits() throws {
        let site = Site(title: "S", authority: "A", scorecards: [.init(id: "fd", title: "Front door")])
        let timely = IndicatorDefinition(id: "timely", title: "Timely", unit: .percent, better: .higher, target: d("80"), tolerance: d("5"))
        let old = IndicatorDefinition(id: "old", title: "Old", unit: .count, better: .neither)
        let new = IndicatorDefinition(id: "new", title: "New", unit: .count, better: .neither)
        var timelyLater = timely
        timelyLater.target = d("85")
        let feb = visit("2020-02", "2020-02-12", asOf: "2020-01-31", [Scorecard(
            id: "fd", title: "Front door", indicators: [timely, old],
            observations: rows("timely", [("2019-11", "70"), ("2019-12", "72"), ("2020-01", "76")]) + rows("old", [("2020-01", "3")]))])
        // July revises December (72 → 73), adds months to June, drops "old", adds "new", raises the target.
        let jul = visit("2020-07", "2020-07-15", asOf: "2020-06-30", [Scorecard(
            id: "fd", title: "Front door", indicators: [timelyLater, new],
            observations: rows("timely", [("2019-11", "70"), ("2019-12", "73"), ("2020-01", "76"), ("2020-06", "86")])
                + rows("new", [("2020-06", "9")]))])
        let all = VisitFigures.computeAll([jul, feb], site: site)
        let c = VisitComparison.compare(all[1], previous: all[0])
        #expect(c.previousVisitID == "2020-02")
        let card = try #require(c.scorecards.first)
        #expect(card.added.map(\.id) == ["new"])
        #expect(card.dropped.map(\.id) == ["old"])
        let row = try #require(card.indicators.first)
        // February: 76.0 against target 80, tolerance 5 → amber. July: 86.0 against 85 → green.
        #expect(row.figures.previousRAG == .amber)
        #expect(row.figures.rag == .green)
        #expect(row.ragMoved)
        #expect(row.figures.change == d("10"))   // 86 − 76
        #expect(row.targetChanged)
        #expect(row.revisions.count == 1)
        #expect(row.revisions.first?.period.canonical == "2019-12")
        #expect(row.revisions.first?.before.value == d("72"))
        #expect(row.revisions.first?.after.value == d("73"))
        let json = ChangesJSON.document(c)
        #expect(json.contains("\"ragMoved\": true"))
        #expect(json.contains("\"previousVisit\": \"2020-02\""))
    }

    @Test func aDraftIsNeverThePreviousVisit() {
        let site = Site(title: "S", authority: "A", scorecards: [])
        var draft = visit("2020-05", "2020-05-01", asOf: "2020-04-30", [])
        draft.status = .draft
        let feb = visit("2020-02", "2020-02-12", asOf: "2020-01-31", [])
        let jul = visit("2020-07", "2020-07-15", asOf: "2020-06-30", [])
        let all = VisitFigures.computeAll([jul, draft, feb], site: site)
        #expect(all.map(\.visit.id) == ["2020-02", "2020-05", "2020-07"])
        #expect(all.map(\.previousVisitID) == [nil, "2020-02", "2020-02"])
    }

    @Test func theDataAsOfCutOffExcludesAMonthStillUnderWay() {
        // A June row ends on 30 June; with data as of 29 June it is not shown.
        let def = IndicatorDefinition(id: "k", title: "K", unit: .count, better: .neither)
        let f = IndicatorFigures.compute(definition: def, scorecardID: "s",
                                         rows: rows("k", [("2020-05", "10"), ("2020-06", "12")]),
                                         dataAsOf: CivilDate(iso: "2020-06-29")!, rule: DisclosureRule(suppressBelow: 0))
        #expect(f.latest?.period.canonical == "2020-05")
        #expect(f.rowsAfterCutoff == 1)
        #expect(f.points.count == 1)
    }
}
