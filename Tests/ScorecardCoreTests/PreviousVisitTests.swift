import ScorecardCore
import Testing

/// `Visit.previousIDs(in:)` gives each visit the latest published visit dated strictly
/// before it, as `Visit.previous(of:in:)` does one visit at a time.
@Suite struct PreviousVisitTests {
    static func visit(_ id: String, _ date: String, _ status: VisitStatus) -> Visit {
        Visit(id: id, title: id, date: CivilDate(iso: date)!, dataAsOf: CivilDate(iso: date)!, status: status)
    }

    @Test func eachVisitGetsTheLatestPublishedVisitBeforeItsDate() {
        // Given out of order. a and b are published on the same day, c is a draft that day:
        // none of the three has a previous visit (same day is not before). d (a draft in
        // February) and e (published in March) follow b, the later of a and b by id. f (a
        // draft in April) follows e. Drafts are never anyone's previous visit: g follows e too.
        let all = [Self.visit("e", "2020-03-01", .published), Self.visit("b", "2020-01-10", .published),
                   Self.visit("f", "2020-04-01", .draft), Self.visit("a", "2020-01-10", .published),
                   Self.visit("d", "2020-02-01", .draft), Self.visit("c", "2020-01-10", .draft),
                   Self.visit("g", "2020-05-01", .draft)]
        let previous = Visit.previousIDs(in: all)
        #expect(previous == ["d": "b", "e": "b", "f": "e", "g": "e"])
        for v in all {
            #expect(previous[v.id] == Visit.previous(of: v, in: all)?.id, "\(v.id)")
        }
    }
}
