import Foundation
import ScorecardCore
import Testing

@Suite struct DecimalAndDisplayTests {
    @Test func decimalArithmeticIsExact() {
        // In binary floating point 1.2 + 0.6 is 1.7999999999999998.
        #expect(1.2 + 0.6 != 1.8)
        #expect(DecimalNumber.parse("1.2")! + DecimalNumber.parse("0.6")! == DecimalNumber.parse("1.8")!)
    }

    @Test(arguments: [
        ("2.25", 1, "2.3"), ("-2.25", 1, "-2.3"), ("2.35", 1, "2.4"), ("2.349", 1, "2.3"),
        ("0.5", 0, "1"), ("-0.5", 0, "-1"), ("1.5", 0, "2"), ("-0.04", 1, "0.0"), ("85", 1, "85.0"),
    ])
    func roundsHalfAwayFromZero(text: String, places: Int, expected: String) {
        #expect(DecimalNumber.fixed(DecimalNumber.parse(text)!, places: places) == expected)
    }

    @Test(arguments: ["12", "-3", "85.5", "0.125", "007"])
    func acceptsPlainDecimals(text: String) { #expect(DecimalNumber.isPlainDecimal(text)) }

    @Test(arguments: [
        ("85%", "write percentages without the % sign, as 85"),
        ("1,234", "without thousands separators, as 1234"),
        ("1e3", "without an exponent"),
        ("nan", "leave the value empty for a gap"),
        ("+5", "without the plus sign"),
        (".5", "a digit on both sides of the point"),
        (" 12", "has spaces around it"),
    ])
    func explainsHowToWriteANumber(text: String, fragment: String) throws {
        let problem = try #require(DecimalNumber.problem(with: text))
        #expect(problem.contains(fragment))
    }

    @Test(arguments: [
        ("85", MeasureUnit.percent, 1, "85.0%"),
        ("1234", .count, 0, "1,234"),
        ("1234567.25", .number, 1, "1,234,567.3"),
        ("67.45", .ratePer10k, 1, "67.5 per 10,000"),
        ("12", .days, 0, "12 days"),
        ("1", .days, 0, "1 day"),
        ("3.24", .number, 1, "3.2"),
        ("-3.24", .number, 1, "−3.2"),
    ])
    func displaysValuesInTheirUnit(text: String, unit: MeasureUnit, decimals: Int, expected: String) {
        #expect(DisplayFormat.value(DecimalNumber.parse(text)!, unit: unit, decimals: decimals) == expected)
    }

    @Test(arguments: [
        ("28", MeasureUnit.percent, 1, "+28.0 pp"),
        ("-2.5", .percent, 1, "−2.5 pp"),
        ("0", .percent, 1, "0.0 pp"),
        ("-0.01", .percent, 1, "0.0 pp"),
        ("-3", .count, 0, "−3"),
        ("1500", .count, 0, "+1,500"),
        ("4.25", .ratePer10k, 1, "+4.3 per 10,000"),
    ])
    func displaysSignedChanges(text: String, unit: MeasureUnit, decimals: Int, expected: String) {
        #expect(DisplayFormat.change(DecimalNumber.parse(text)!, unit: unit, decimals: decimals) == expected)
    }

    @Test func jsonNumbersAreUnroundedDoubles() {
        #expect(DecimalNumber.jsonNumber(85) == "85.0")
        #expect(DecimalNumber.jsonNumber(DecimalNumber.parse("28.5")!) == "28.5")
        // 100 × 57 / 67 = 85.0746268656716417…, written as the double nearest to it.
        #expect(DecimalNumber.jsonNumber(Decimal(5700) / Decimal(67)) == "85.07462686567165")
    }

    @Test func identifiers() {
        #expect(Identifier.isValid("contacts-decided-1wd"))
        #expect(Identifier.isValid("2020-07"))
        for bad in ["", "-a", "A", "a_b", "a/b", "..", "a.b", "é", String(repeating: "a", count: 65)] {
            #expect(!Identifier.isValid(bad), "\(bad)")
        }
        #expect(Identifier.problem(with: "Early Help", kind: "scorecard id")
                == "scorecard id 'Early Help' must use only lower-case letters, digits and hyphens, starting with a letter or digit; for example 'early-help'")
    }
}
