import Foundation
import ScorecardCore
import Testing

@Suite struct StatedNumberTests {
    func values(_ text: String) -> [Decimal] { StatedNumbers.find(in: text).map(\.value) }

    @Test func digitsAndWordsAreRead() {
        #expect(values("We audited 25 files.") == [25])
        #expect(values("twenty-five in all, and twenty five more") == [25, 25])
        #expect(values("one hundred and twelve cases") == [112])
        #expect(values("1,234 contacts") == [1234])
        #expect(values("Two thousand and five") == [2005])
    }

    @Test func decimalsPercentagesAndIdsAreNotCounts() {
        #expect(values("57.5 and 80% and 25 per cent, {{contacts-decided-1wd}}, 2020-07, W16") == [])
    }

    @Test func offsetsPointAtTheNumber() {
        // "Audits: " is 8 scalars, so twenty-five starts at offset 8.
        #expect(StatedNumbers.find(in: "Audits: twenty-five.").map(\.offset) == [8])
    }
}

@Suite struct SecondarySuppressionRuleTests {
    let rule = DisclosureRule(suppressBelow: 5)

    @Test func twoHiddenCellsThatAddUpToASmallNumberHideAThird() {
        // Total 30 = A 1 + B 2 + C 27. A and B are small, so c; 30 − 27 = 3 gives away that
        // A and B hold 3 children between them (1 ≤ 3 < 5), so C is hidden as well.
        let def = IndicatorDefinition(id: "k", title: "K", unit: .count, better: .neither)
        let points = [point("2020-01", "30"), point("2020-01", "1", breakdown: "A"),
                      point("2020-01", "2", breakdown: "B"), point("2020-01", "27", breakdown: "C")]
        let out = rule.apply(to: points, definition: def, categories: ["A", "B", "C"])
        #expect(out.map(\.value) == [d("30"), nil, nil, nil])
    }

    @Test func withNoCategoryLeftToHideTheTotalIsHidden() {
        // Total 13 = A 3 + B 0 + C (x at source; its 10 is not published). A is c; a reader
        // takes C as 0, so 13 − 0 = 13 would be read as A's figure: one category hidden, so
        // more must go. B is 0 (never hidden) and C has no figure, so no category can be
        // hidden and the total is hidden instead.
        let def = IndicatorDefinition(id: "k", title: "K", unit: .count, better: .neither)
        var c = point("2020-01", nil, breakdown: "C")
        c.symbol = .notAvailable
        let points = [point("2020-01", "13"), point("2020-01", "3", breakdown: "A"),
                      point("2020-01", "0", breakdown: "B"), c]
        let out = rule.apply(to: points, definition: def, categories: ["A", "B", "C"])
        #expect(out.map(\.isSuppressed) == [true, true, false, false])
        #expect(out[2].value == 0)
    }
}
