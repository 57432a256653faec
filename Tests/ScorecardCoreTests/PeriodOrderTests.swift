import Foundation
@testable import ScorecardCore
import Testing

/// `Period.sortedDistinct`, `Period.match` and `Period.isFollowed(by:)` replace a `Set`, a
/// dictionary and `next`: each is checked against the plain way it replaces, on periods of
/// every form in shuffled order with repeats, and by hand.
@Suite struct PeriodOrderTests {
    /// Periods of every form, some overlapping (a month inside a quarter, a day inside a
    /// week), each written once.
    static let periods: [Period] = {
        let texts = ["2020-01", "2020-02", "2020-03", "2020-12", "2021-01", "2019-12", "2020-W01", "2020-W02", "2020-W53",
                     "2021-W01", "2020-01-01", "2020-01-02", "2020-03-31", "2019/20 Q4", "2020/21 Q1", "2020/21 Q2",
                     "2020/21", "2021/22", "2019/20", "2020", "2021", "2019", "2020-01-01/2020-01-31",
                     "2020-01-01/2020-03-31", "2020-02-01/2020-02-29"]
        return texts.map { try! Period.parse($0) }
    }()

    @Test func sortedDistinctIsTheSortedSet() {
        var random = SystemRandomNumberGenerator()
        for n in [0, 1, 2, 5, 30, 80] {
            for _ in 0..<40 {
                let list = (0..<n).map { _ in Self.periods.randomElement(using: &random)! }
                #expect(Period.sortedDistinct(list) == Array(Set(list)).sorted())
            }
        }
    }

    @Test func sortedDistinctByHand() throws {
        let m = { try! Period.parse($0) }
        #expect(Period.sortedDistinct([m("2020-03"), m("2020-01"), m("2020-03"), m("2020-02"), m("2020-01")]).map(\.canonical)
                == ["2020-01", "2020-02", "2020-03"])
        // A quarter ends with its last month, and starts before it: periods ending together
        // go by their start, so the quarter comes first.
        #expect(Period.sortedDistinct([m("2020-06"), m("2020/21 Q1")]).map(\.canonical) == ["2020/21 Q1", "2020-06"])
    }

    @Test func matchIsADictionaryLookedUpAtEachPeriod() {
        var random = SystemRandomNumberGenerator()
        for n in [0, 1, 3, 12, 40] {
            for _ in 0..<60 {
                // Items: a period and their place, so that which of several is chosen shows.
                let items = (0..<n).map { i in (Self.periods.randomElement(using: &random)!, i) }
                let wanted = Period.sortedDistinct((0..<8).map { _ in Self.periods.randomElement(using: &random)! })
                let first = Dictionary(items.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
                let last = Dictionary(items.map { ($0.0, $0.1) }, uniquingKeysWith: { _, b in b })
                #expect(Period.match(items, period: \.0, to: wanted).map { $0?.1 } == wanted.map { first[$0] })
                #expect(Period.match(items, period: \.0, to: wanted, last: true).map { $0?.1 } == wanted.map { last[$0] })
            }
        }
    }

    @Test func matchByHand() {
        let m = { try! Period.parse($0) }
        let items = [(m("2020-02"), "a"), (m("2020-01"), "b"), (m("2020-02"), "c"), (m("2020-04"), "d")]
        let at = [m("2020-01"), m("2020-02"), m("2020-03"), m("2020-04")]
        #expect(Period.match(items, period: \.0, to: at).map { $0?.1 } == ["b", "a", nil, "d"])
        #expect(Period.match(items, period: \.0, to: at, last: true).map { $0?.1 } == ["b", "c", nil, "d"])
    }

    @Test func isFollowedByIsNextEquals() {
        for a in Self.periods {
            for b in Self.periods {
                #expect(a.isFollowed(by: b) == (a.next == b), "\(a) then \(b)")
            }
            // Each regular period's own next, made from dates, and across a year's end.
            if let n = a.next { #expect(a.isFollowed(by: n), "\(a)") }
        }
        let m = { try! Period.parse($0) }
        #expect(m("2020-12").isFollowed(by: m("2021-01")))
        #expect(m("2020-W53").isFollowed(by: m("2021-W01")))
        #expect(m("2019/20 Q4").isFollowed(by: m("2020/21 Q1")))
        #expect(!m("2020-01").isFollowed(by: m("2020-03")))
        #expect(!m("2020-01-01").isFollowed(by: m("2020-01-02")))   // days are not regular
        #expect(!m("2019-12").isFollowed(by: m("2020")))            // another form
    }
}
