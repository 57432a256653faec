import Testing
@testable import ScorecardCore

/// RFC 4180 quoting and formula neutralising of data.csv fields, worked by hand.
struct DataCSVQuotingTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("é and ü", "é and ü"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("crlf\r\nlines", "\"crlf\r\nlines\""),
        ("lone\rcr", "\"lone\rcr\""),
        ("'quoted", "\"'quoted\""),
        // A comma or quote with a combining mark after it is one character to Swift, but a
        // spreadsheet still splits or unquotes there: it is quoted.
        ("a,\u{301}b", "\"a,\u{301}b\""),
        ("\"\u{301}", "\"\"\"\u{301}\""),
    ])
    func quotes(field: String, expected: String) {
        #expect(DataCSV.quote(field) == expected)
    }

    @Test(arguments: [
        ("=SUM(A1)", "\"'=SUM(A1)\""),
        ("+44 20", "\"'+44 20\""),
        ("-0.5", "-0.5"),
        ("-x", "\"'-x\""),
        ("@home", "\"'@home\""),
        ("\tindent", "\"'\tindent\""),
        ("a=b", "a=b"),
    ])
    func neutralisesFormulas(field: String, expected: String) {
        #expect(DataCSV.quote(DataCSV.neutralized(field)) == expected)
    }
}
