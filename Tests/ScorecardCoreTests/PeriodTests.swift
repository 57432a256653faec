import ScorecardCore
import Testing

@Suite struct PeriodTests {
    /// Each form: text → (start, end, canonical, label), worked out from a calendar.
    @Test(arguments: [
        ("2020-04", "2020-04-01", "2020-04-30", "2020-04", "Apr 2020"),
        ("2020-02", "2020-02-01", "2020-02-29", "2020-02", "Feb 2020"),       // leap year
        ("2019-02", "2019-02-01", "2019-02-28", "2019-02", "Feb 2019"),
        ("2020-06-05", "2020-06-05", "2020-06-05", "2020-06-05", "5 Jun 2020"),
        ("2020-W16", "2020-04-13", "2020-04-19", "2020-W16", "w/c 13 Apr 2020"),
        ("2020-W01", "2019-12-30", "2020-01-05", "2020-W01", "w/c 30 Dec 2019"),  // week 1 starts in December
        ("2020-W53", "2020-12-28", "2021-01-03", "2020-W53", "w/c 28 Dec 2020"),  // 2020 has 53 ISO weeks
        ("2020-02-13/2020-06-30", "2020-02-13", "2020-06-30", "2020-02-13/2020-06-30", "13 Feb – 30 Jun 2020"),
        ("2019-12-01/2020-01-31", "2019-12-01", "2020-01-31", "2019-12-01/2020-01-31", "1 Dec 2019 – 31 Jan 2020"),
        ("2019/20 Q1", "2019-04-01", "2019-06-30", "2019/20 Q1", "Q1 2019/20"),
        ("2019/20 Q2", "2019-07-01", "2019-09-30", "2019/20 Q2", "Q2 2019/20"),
        ("2019/20 Q3", "2019-10-01", "2019-12-31", "2019/20 Q3", "Q3 2019/20"),
        ("2019/20 Q4", "2020-01-01", "2020-03-31", "2019/20 Q4", "Q4 2019/20"),
        ("1999/00 Q4", "2000-01-01", "2000-03-31", "1999/00 Q4", "Q4 1999/00"),
        ("2019/20", "2019-04-01", "2020-03-31", "2019/20", "2019/20"),
        ("2019", "2019-01-01", "2019-12-31", "2019", "2019"),
    ])
    func parsesEveryForm(text: String, start: String, end: String, canonical: String, label: String) throws {
        let p = try Period.parse(text)
        #expect(p.start.description == start)
        #expect(p.end.description == end)
        #expect(p.canonical == canonical)
        #expect(p.label == label)
    }

    @Test(arguments: [
        ("Q1 19/20", "'Q1 19/20' is not a period; did you mean '2019/20 Q1'?"),
        ("Q4 2019/20", "'Q4 2019/20' is not a period; did you mean '2019/20 Q4'?"),
        ("2019-20 Q2", "'2019-20 Q2' is not a period; did you mean '2019/20 Q2'?"),
        ("2019/21", "'2019/21' is not a financial year: 2019 is followed by 20, so write '2019/20'"),
        ("2019/21 Q1", "'2019/21 Q1' is not a financial year: 2019 is followed by 20, so write '2019/20 Q1'"),
        ("2019/20 Q5", "'2019/20 Q5' is not a financial quarter; quarters run from Q1 to Q4"),
        ("2020-13", "'2020-13' is not a period (months run from 01 to 12)"),
        ("2019-02-29", "'2019-02-29' is not a period (that day does not exist)"),
        ("2019-W53", "'2019-W53' is not a period (2019 has weeks 01 to 52)"),
        ("2020-06-30/2020-02-13", "'2020-06-30/2020-02-13' is not a period (the range ends before it starts; write the earlier date first)"),
        ("Apr 2020", "'Apr 2020' is not a period; did you mean '2020-04'?"),
    ])
    func rejectsWithTheRightForm(text: String, message: String) {
        #expect(throws: Period.ParseError(message: message)) { try Period.parse(text) }
    }

    /// "2019-20" is a financial year written with a hyphen: 20 = (2019 + 1) mod 100, so the
    /// right form is 2019/20, and the message says so rather than only "months run from 01 to 12".
    @Test func aFinancialYearWrittenWithAHyphenSuggestsTheRightForm() {
        #expect(throws: Period.ParseError(message: "'2019-20' is not a period; did you mean '2019/20'?")) {
            try Period.parse("2019-20")
        }
        #expect(throws: Period.ParseError(message: "'2099-00' is not a period; did you mean '2099/00'?")) {
            try Period.parse("2099-00")
        }
    }

    @Test func unrecognisedTextListsEveryForm() throws {
        let error = try #require(throws: Period.ParseError.self) { try Period.parse("last month") }
        #expect(error.message.contains("2019/20 Q1"))
        #expect(error.message.contains("2020-W16"))
    }

    @Test func nextPeriodFollowsEachRegularForm() throws {
        #expect(try Period.parse("2019-12").next?.canonical == "2020-01")
        #expect(try Period.parse("2020-W53").next?.canonical == "2021-W01")
        #expect(try Period.parse("2019/20 Q3").next?.canonical == "2019/20 Q4")
        #expect(try Period.parse("2019/20 Q4").next?.canonical == "2020/21 Q1")
        #expect(try Period.parse("2019/20").next?.canonical == "2020/21")
        #expect(try Period.parse("2019").next?.canonical == "2020")
        #expect(try Period.parse("2020-06-05").next == nil)
    }

    @Test func populationYearIsTheYearThePeriodOrFinancialYearBegins() throws {
        #expect(try Period.parse("2019/20 Q4").populationYear == 2019)   // Jan–Mar 2020, financial year from 2019
        #expect(try Period.parse("2020-W01").populationYear == 2019)     // begins 30 Dec 2019
        #expect(try Period.parse("2020-01").populationYear == 2020)
        #expect(try Period.parse("2019/20").populationYear == 2019)
    }

    @Test func periodsSortByEndDate() throws {
        let ps = try ["2020-03", "2019-12", "2020-01"].map { try Period.parse($0) }.sorted()
        #expect(ps.map(\.canonical) == ["2019-12", "2020-01", "2020-03"])
    }

    @Test func civilDatesRoundTripThroughDayNumbers() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 2020, month: 4, day: 13)!.isoWeekday == 1)   // a Monday
    }
}
