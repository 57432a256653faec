import Foundation
import ScorecardCore
import Testing

private func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }
private let fy1819 = Period.financialYear(2018)!
private let fy1718 = Period.financialYear(2017)!
private let here = SourceLocation(path: "scorecard.yaml", line: 1, column: 1)
private let measure = PublishedMeasure(file: "cp.csv", measure: "repeat_pct", filters: [], location: here,
                                       fileLocation: here, measureLocation: here)

private func cells(_ texts: [String?]) -> [PublishedCell?] {
    texts.map { t in t.map { DecimalNumber.parse($0).map(PublishedCell.value) ?? .symbol($0) } }
}

/// The worked example of docs/content-format.md, "Comparators from the official statistics".
private func example() -> PublishedStatistics {
    // Ten neighbours in 2018/19: 18.0, 22.5, c, 19.0, 21.0, 17.5, 23.0, 20.0, x, 19.0.
    // In 2017/18 only four of them have a figure.
    let y1819 = cells(["18.0", "22.5", "c", "19.0", "21.0", "17.5", "23.0", "20.0", "x", "19.0"])
    let y1718 = cells(["20.0", "c", "c", "21.0", nil, "x", "22.0", "c", "c", "23.0"])
    let neighbours = (0..<10).map { i -> (code: String, series: PublishedSeries) in
        var s: PublishedSeries = [:]
        if let c = y1819[i] { s[fy1819] = c }
        if let c = y1718[i] { s[fy1718] = c }
        return ("E0900000\(i)", s)
    }
    // All local authorities with a figure in 2018/19: the authority, its eight neighbours with
    // a figure and three others (15.0, 25.0, 30.0): twelve in all.
    let all1819 = ["19.0", "18.0", "22.5", "19.0", "21.0", "17.5", "23.0", "20.0", "19.0", "15.0", "25.0", "30.0"].map(dec)
    return PublishedStatistics(
        measure: measure,
        authority: [fy1718: .value(dec("20.5")), fy1819: .value(dec("19.0"))],
        england: [fy1718: .value(dec("21.9")), fy1819: .value(dec("20.8"))],
        region: [fy1819: .symbol("c")],
        regionName: "Yorkshire and The Humber",
        neighbours: neighbours,
        allAuthorities: [fy1819: all1819, fy1718: ["20.5", "20.0", "21.0", "22.0", "23.0"].map(dec)])
}

@Suite struct StatisticsFiguresTests {
    @Test func theWorkedExample() throws {
        let f = Statistics.figures(example(), better: .lower)
        #expect(f.rows.map(\.period) == [fy1718, fy1819])
        let latest = try #require(f.latest)
        #expect(latest.period == fy1819)
        #expect(latest.authority == .value(dec("19.0")))
        #expect(latest.england == .value(dec("20.8")))
        // The region's published c stays c.
        #expect(latest.region == .symbol("c"))
        // 18.0 + 22.5 + 19.0 + 21.0 + 17.5 + 23.0 + 20.0 + 19.0 = 160.0 over 8 figures = 20.0;
        // c and x are skipped: "8 of 10".
        #expect(latest.neighbourMean == NeighbourMean(value: dec("20"), used: 8, of: 10))
        #expect(latest.neighbourMean?.countText == "8 of 10")
        // better: lower. Among the authority and its 8 neighbours with a figure (9), those
        // strictly lower than 19.0 are 18.0 and 17.5: position 3. The two neighbours at 19.0 tie.
        #expect(latest.rank == Rank(position: 3, of: 9))
        #expect(latest.rank?.text == "3rd of 9")
        // Nationally, 15.0, 17.5 and 18.0 are lower: 3 of 12 strictly better, a share of 1/4,
        // which is not below 1/4 → B.
        #expect(latest.quartile == .b)
        // 20.5 in 2017/18 to 19.0 in 2018/19, lower is better: improved.
        #expect(f.direction(better: .lower) == .improved)
    }

    @Test func fewerThanHalfTheNeighboursGiveNoMean() throws {
        let f = Statistics.figures(example(), better: .lower)
        let first = try #require(f.rows.first)
        // 2017/18: 20.0, 21.0, 22.0, 23.0 are figures; five symbols and one missing row: 4 of 10 < half.
        #expect(first.neighbourMean == NeighbourMean(value: nil, used: 4, of: 10))
        // Exactly half is enough: (1 + 2 + 3 + 4 + 5) / 5 = 3.
        let half = Statistics.neighbourMean(cells(["1", "2", "3", "4", "5", "c", "c", "x", "z", nil]))
        #expect(half == NeighbourMean(value: dec("3"), used: 5, of: 10))
        // A low figure (rounds to zero) is a symbol, not a zero: (10 + 20) / 2 = 15.
        #expect(Statistics.neighbourMean(cells(["10", "low", "20", "u"])) == NeighbourMean(value: dec("15"), used: 2, of: 4))
    }

    @Test func noRankOrQuartileWithoutADirection() throws {
        let f = Statistics.figures(example(), better: .neither)
        #expect(f.latest?.rank == nil)
        #expect(f.latest?.quartile == nil)
        // 20.5 → 19.0 with no direction: down.
        #expect(f.direction(better: .neither) == .down)
        // The mean does not need a direction.
        #expect(f.latest?.neighbourMean?.value == dec("20"))
    }

    @Test func higherIsBetterReversesTheOrder() throws {
        let f = Statistics.figures(example(), better: .higher)
        // Strictly higher than 19.0 among the 9: 22.5, 21.0, 23.0, 20.0 → position 5.
        #expect(f.latest?.rank == Rank(position: 5, of: 9))
        // Nationally strictly higher: 22.5, 21.0, 23.0, 20.0, 25.0, 30.0: 6 of 12 = 1/2, not below
        // 1/2, below 3/4 → C.
        #expect(f.latest?.quartile == .c)
        #expect(f.direction(better: .higher) == .worsened)
    }

    @Test func aSymbolForTheAuthorityHasNoRank() throws {
        var s = example()
        s.authority[fy1819] = .symbol("c")
        let f = Statistics.figures(s, better: .lower)
        #expect(f.latest?.authority == .symbol("c"))
        #expect(f.latest?.rank == nil)
        #expect(f.latest?.quartile == nil)
        #expect(f.direction(better: .lower) == nil)
    }

    @Test func quartileCuts() {
        // The share strictly better is (p − 1) / n: below 1/4 → A, below 1/2 → B, below 3/4 → C,
        // else D. With n = 12: positions 1–3 (0 to 2/12) → A, 4–6 → B, 7–9 → C, 10–12 → D.
        #expect(Statistics.quartile(position: 3, of: 12) == .a)
        #expect(Statistics.quartile(position: 4, of: 12) == .b)
        #expect(Statistics.quartile(position: 9, of: 12) == .c)
        #expect(Statistics.quartile(position: 10, of: 12) == .d)
        // n = 150: 38 → 37/150 = 0.2467 → A; 39 → 38/150 = 0.2533 → B.
        #expect(Statistics.quartile(position: 38, of: 150) == .a)
        #expect(Statistics.quartile(position: 39, of: 150) == .b)
        // Alone, or first of two: nobody is better → A. Second of two: 1/2 → C.
        #expect(Statistics.quartile(position: 1, of: 1) == .a)
        #expect(Statistics.quartile(position: 2, of: 2) == .c)
        #expect(Statistics.quartile(position: 0, of: 4) == nil)
    }

    @Test func tiesShareTheBestPosition() {
        // 5, 5, 5, 7 with higher better: 7 is first; each 5 has one strictly better → 2nd.
        #expect(Statistics.rank(of: 5, in: [5, 5, 5, 7], better: .higher) == Rank(position: 2, of: 4))
        #expect(Statistics.rank(of: 7, in: [5, 5, 5, 7], better: .higher) == Rank(position: 1, of: 4))
    }

    @Test func ordinals() {
        let expected = [1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th",
                        21: "21st", 22: "22nd", 23: "23rd", 101: "101st", 111: "111th"]
        for (n, text) in expected { #expect(Rank.ordinal(n) == text) }
    }

    @Test func timePeriods() {
        #expect(Period.statistics(timePeriod: "201920", identifier: "Financial year")?.canonical == "2019/20")
        let ay = Period.statistics(timePeriod: "201920", identifier: "Academic year")
        #expect(ay?.start == CivilDate(year: 2019, month: 9, day: 1))
        #expect(ay?.end == CivilDate(year: 2020, month: 8, day: 31))
        #expect(ay?.label == "2019/20 academic year")
        #expect(ay?.canonical == "2019-09-01/2020-08-31")
        #expect(Period.statistics(timePeriod: "2019", identifier: "Reporting year")?.canonical == "2019")
        #expect(Period.statistics(timePeriod: "2019", identifier: "Calendar year")?.canonical == "2019")
        #expect(Period.statistics(timePeriod: "201920", identifier: "Financial year Q4")?.canonical == "2019/20 Q4")
        #expect(Period.statistics(timePeriod: "2020", identifier: "March")?.canonical == "2020-03")
        // 20 does not follow 19 + 1 = 21; a four-digit financial year says too little; unknown identifiers.
        #expect(Period.statistics(timePeriod: "201921", identifier: "Financial year") == nil)
        #expect(Period.statistics(timePeriod: "2019", identifier: "Financial year") == nil)
        #expect(Period.statistics(timePeriod: "201920", identifier: "Calendar year") == nil)
        #expect(Period.statistics(timePeriod: "2019", identifier: "Spring term") == nil)
        #expect(Period.statistics(timePeriod: "20l9", identifier: "Calendar year") == nil)
    }
}
