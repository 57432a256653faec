import Testing
@testable import ScorecardCharts

@Suite struct EscapingTests {
    @Test(arguments: [
        ("a&b<c>", "a&amp;b&lt;c&gt;"),
        ("\"><script>alert(1)</script>", "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("it's", "it&#39;s"),
        ("plain text", "plain text"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("bell\u{07}nul\u{00}c1\u{85}", "bellnulc1"),
        ("£ – é", "£ – é"),
        // The edges of the quick path for plain ASCII: `~` is the last printable byte kept
        // as it is, DEL (0x7F) is dropped, CR kept, U+FFFE dropped.
        ("~{}|", "~{}|"),
        ("del\u{7F}x", "delx"),
        ("cr\r\n", "cr\r\n"),
        ("nc\u{FFFE}", "nc"),
    ])
    func escapes(input: String, expected: String) {
        #expect(escapeXML(input) == expected)
    }
}

@Suite struct ValueFormatTests {
    // Each expected string worked by hand from the decimal digits, rounding half away from zero.
    @Test(arguments: [
        (ValueFormat(.percent), 80.0, "80%"),
        (ValueFormat(.percent, decimals: 1), 21.45, "21.5%"),
        (ValueFormat(.percent, decimals: 1), 11.9, "11.9%"),
        (ValueFormat(.count), 1234.0, "1,234"),
        (ValueFormat(.count), 999.0, "999"),
        (ValueFormat(.count), 1_234_567.0, "1,234,567"),
        (ValueFormat(.number, decimals: 1), 1_234_567.891, "1,234,567.9"),
        (ValueFormat(.rate, decimals: 1), 67.5, "67.5"),
        (ValueFormat(.rate, decimals: 1), 67.0, "67.0"),
        (ValueFormat(.days), 12.0, "12"),
        (ValueFormat(.days), 2.5, "3"),
        (ValueFormat(.days), -2.5, "-3"),
        (ValueFormat(.number, decimals: 2), 1.005, "1.01"),  // (1.005 * 100).rounded() gives 100
        (ValueFormat(.number, decimals: 2), 0.125, "0.13"),
        (ValueFormat(.number, decimals: 1), 99.95, "100.0"),
        (ValueFormat(.number, decimals: 1), -0.04, "0.0"),  // never "-0.0"
        (ValueFormat(.number, decimals: 5), 0.000012, "0.00001"),
        (ValueFormat(.number), 1e16, "10,000,000,000,000,000"),
        (ValueFormat(.number), .nan, "0"),
        (ValueFormat(.count, decimals: -3), 7.0, "7"),
    ])
    func formats(format: ValueFormat, value: Double, expected: String) {
        #expect(format.string(value) == expected)
    }

    @Test(arguments: [
        (ValueFormat(.percent, decimals: 1), 85.0, "85.0%"),
        (ValueFormat(.count), 1234.0, "1,234"),
        (ValueFormat(.rate, decimals: 1), 67.5, "67.5 per 10,000"),
        (ValueFormat(.days), 12.0, "12 days"),
        (ValueFormat(.days), 1.0, "1 day"),
        (ValueFormat(.days, decimals: 1), 1.0, "1.0 days"),
        (ValueFormat(.number, decimals: 1), 3.2, "3.2"),
    ])
    func displaysWithTheUnitInWords(format: ValueFormat, value: Double, expected: String) {
        #expect(format.displayString(value) == expected)
    }

    @Test func tickLabelsUseTheFewestExactDecimals() {
        #expect(ValueFormat(.percent, decimals: 1).tickLabels([0, 20, 40, 60, 80, 100])
            == ["0%", "20%", "40%", "60%", "80%", "100%"])
        #expect(ValueFormat(.number).tickLabels([4.5, 5, 5.5]) == ["4.5", "5.0", "5.5"])
        #expect(ValueFormat(.rate).tickLabels([0.1, 0.2, 0.3]) == ["0.1", "0.2", "0.3"])
        #expect(ValueFormat(.count).tickLabels([1000, 2000, 3000]) == ["1,000", "2,000", "3,000"])
        #expect(ValueFormat(.number).tickLabels([-20, -10, 0]) == ["-20", "-10", "0"])
        #expect(ValueFormat(.number).tickLabels([]) == [])
    }

    @Test(arguments: [
        (12.5, "12.5"), (3.0, "3"), (-0.001, "0"), (-0.0, "0"), (-0.25, "-0.25"),
        (1.005, "1.01"), (2.0 / 3.0, "0.67"), (1e-7, "0"), (286.0, "286"), (202.666, "202.67"),
        (1e20, "100000000000000000000"), (640.10, "640.1"),
    ])
    func svgNumbers(value: Double, expected: String) {
        #expect(svgNumber(value) == expected)
    }
}
