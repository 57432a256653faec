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

    @Test(arguments: ["", "-", ".", "1.", ".5", "-.5", "1.2.3", "--1", "1-", "+1", " 1", "1 ", "1e3",
                      "\u{663}", "\u{FF11}", "1\u{301}", "1\r\n", String(repeating: "1", count: 31),
                      "-" + String(repeating: "1", count: 30)])
    func rejectsAnythingElse(text: String) { #expect(!DecimalNumber.isPlainDecimal(text)) }

    @Test func acceptsUpToThirtyCharacters() {
        #expect(DecimalNumber.isPlainDecimal(String(repeating: "9", count: 30)))
        #expect(DecimalNumber.isPlainDecimal("-" + String(repeating: "9", count: 29)))
        #expect(DecimalNumber.isPlainDecimal(String(repeating: "1", count: 14) + "." + String(repeating: "2", count: 15)))
    }

    /// Every string of up to four characters from digits, sign, point and a few others,
    /// against the pattern written as a regular expression.
    @Test func agreesWithThePatternOnEveryShortString() throws {
        let pattern = try Regex("^-?[0-9]+(\\.[0-9]+)?$")
        let alphabet = ["0", "7", "-", ".", "+", "e", " ", "\u{663}", "\u{301}"]
        var texts = [""]
        var level = [""]
        for _ in 1...4 {
            level = level.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += level
        }
        var checked = 0
        for text in texts {
            let expected = text.count <= 30 && text.wholeMatch(of: pattern) != nil
            #expect(DecimalNumber.isPlainDecimal(text) == expected, "\(text.debugDescription)")
            checked += 1
        }
        #expect(checked == 7381)
    }

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
