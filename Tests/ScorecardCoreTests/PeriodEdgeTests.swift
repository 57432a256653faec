import ScorecardCore
import Testing

/// Periods at the ends of the calendar are refused with the real reason, and no message
/// has a stray space before its semicolon.
@Suite struct PeriodEdgeTests {
    static let years = "years run from 0001 to 9999, and financial years from 0001/02 to 9998/99"

    @Test(arguments: ["0000-05", "0000-W01", "0000-01-01", "0000", "9999/00", "9999/00 Q4"])
    func yearsOutsideTheCalendarSaySo(text: String) {
        #expect(throws: Period.ParseError(message: "'\(text)' is not a period: \(Self.years)")) { try Period.parse(text) }
    }

    @Test func theEndsOfTheCalendarAreStillPeriods() throws {
        #expect(try Period.parse("0001-01").canonical == "0001-01")
        #expect(try Period.parse("9999-12").canonical == "9999-12")
        #expect(try Period.parse("9998/99 Q4").end == CivilDate(year: 9999, month: 3, day: 31))
    }

    @Test(arguments: ["last month", "2019-03\u{0}", "12/2020/1"])
    func noSpaceBeforeTheSemicolon(text: String) throws {
        let error = try #require(throws: Period.ParseError.self) { try Period.parse(text) }
        #expect(error.message.hasPrefix("'\(text)' is not a period; write a month as 2020-04"))
    }
}
