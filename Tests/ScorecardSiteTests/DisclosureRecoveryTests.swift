import Foundation
import Testing
import ScorecardSite

/// Each way issue 9 found to get a suppressed figure back, on a small site with
/// `suppress-below: 5`: after the fix, `Reader` (everything a reader can work out from
/// data.csv and summary.json) recovers nothing, and the hidden figures are `c`.
@Suite struct DisclosureRecoveryTests {
    /// Total 50/100, A 3/20, B 47/80. A's numerator 3 < 5, so A is c. Published total and B
    /// would give A = 50 − 47 = 3 of 100 − 80 = 20, so B, the only other category, is hidden
    /// too; the total stays (50/100 = 50.0%).
    @Test func percentBreakdownsHideTheNextCategoryForNumeratorsAndDenominators() throws {
        let result = build(DisclosureSite.files(yaml: """
              - id: by-team
                title: Visits in time, by team
                unit: percent
                better: higher
                breakdowns: [A, B]

            """, csv: """
            indicator,period,breakdown,value,numerator,denominator
            by-team,2020-01,,,50,100
            by-team,2020-01,A,,3,20
            by-team,2020-01,B,,47,80

            """))
        #expect(!result.hasErrors, "\(result.printed)")
        let reader = try Reader(result)
        #expect(reader.values("by-team") == ["50.0"])   // 100 × 50 / 100, written as computed
        #expect(reader.values("by-team", breakdown: "A") == ["c"])
        #expect(reader.values("by-team", breakdown: "B") == ["c"])
        #expect(reader.bySubtraction() == [])
        #expect(!reader.rows.contains { $0.numerator == "3" || $0.denominator == "20" || $0.numerator == "47" || $0.denominator == "80" })
    }

    /// Total 30, A 3, B 27, C no row (Jan) or `x` (Mar); C is 10 in Feb, so it is a category
    /// of the series. A is c; a reader takes C as 0, so 30 − 27 = 3 would give A: B (the next
    /// smallest published category) is hidden too. Feb has nothing small: all published.
    @Test func aMissingOrXCellShieldsNothing() throws {
        let result = build(DisclosureSite.files(yaml: """
              - id: cases
                title: Cases by team
                unit: count
                better: neither
                breakdowns: [A, B, C]

            """, csv: """
            indicator,period,breakdown,value
            cases,2020-01,,30
            cases,2020-01,A,3
            cases,2020-01,B,27
            cases,2020-02,,40
            cases,2020-02,A,10
            cases,2020-02,B,20
            cases,2020-02,C,10
            cases,2020-03,,30
            cases,2020-03,A,3
            cases,2020-03,B,27
            cases,2020-03,C,x

            """))
        #expect(!result.hasErrors, "\(result.printed)")
        let reader = try Reader(result)
        #expect(reader.values("cases") == ["30", "40", "30"])
        #expect(reader.values("cases", breakdown: "A") == ["c", "10", "c"])
        #expect(reader.values("cases", breakdown: "B") == ["c", "20", "c"])
        #expect(reader.values("cases", breakdown: "C") == ["10", "x"])
        #expect(reader.bySubtraction() == [])
    }

    /// 84 of 88: 88 − 84 = 4 did not meet the standard, 1 ≤ 4 < 5, so Jan is c (value,
    /// numerator and denominator). 82 of 88 leaves 6: Feb is published, 82 / 88 = 93.18…%.
    @Test func aSmallComplementIsSuppressed() throws {
        let result = build(DisclosureSite.files(yaml: """
              - id: audit
                title: Audits meeting the standard
                unit: percent
                better: higher

            """, csv: """
            indicator,period,value,numerator,denominator
            audit,2020-01,,84,88
            audit,2020-02,,82,88

            """))
        #expect(!result.hasErrors, "\(result.printed)")
        let reader = try Reader(result)
        #expect(reader.rows.map { [$0.numerator, $0.denominator] } == [["", ""], ["82", "88"]])
        let values = reader.values("audit")
        #expect(values.first == "c")
        #expect(abs((Double(values.last ?? "") ?? 0) - 8200.0 / 88.0) < 1e-9)
        #expect(reader.smallComplements() == [])
    }

    /// A value-only percent with `base: referrals` (a count: Jan 40, Feb 200): Jan 95.0% of 40
    /// is 38, leaving 40 − 38 = 2 < 5, so Jan is c; Feb 50.0% of 200 is 100 (and 100 left), so
    /// it is published. With `base: count-of-children` (50,000 in 2020), 0.004% is 2 children:
    /// c; 10.0% is 5,000: published. A value-only percent with no base is warned about at its
    /// first row (line 8 of data.csv, where the row starts).
    @Test func aValueOnlyPercentIsCheckedAgainstItsBase() throws {
        let result = build(DisclosureSite.files(yaml: """
              - id: referrals
                title: Referrals
                unit: count
                better: neither
              - id: seen
                title: Referrals seen in time
                unit: percent
                better: higher
                base: referrals
              - id: open
                title: Children with an open case
                unit: percent
                better: neither
                decimals: 3
                base: count-of-children
              - id: loose
                title: No base
                unit: percent
                better: higher

            """, csv: """
            indicator,period,value
            referrals,2020-01,40
            referrals,2020-02,200
            seen,2020-01,95.0
            seen,2020-02,50.0
            open,2020-01,0.004
            open,2020-02,10.0
            loose,2020-01,70.0

            """))
        #expect(!result.hasErrors, "\(result.printed)")
        let reader = try Reader(result)
        #expect(reader.values("seen") == ["c", "50.0"])
        #expect(reader.values("open") == ["c", "10.0"])
        #expect(result.printed.filter { $0.contains("bare value") }.map { $0.prefix(while: { $0 != " " }) }
                == ["content/visits/2020-07/s/data.csv:8:1:"])
    }

    @Test func aBaseThatIsNotACountIndicatorIsAnError() {
        // base on line 6 of scorecard.yaml ("indicators:" is line 1), value at column 11.
        let result = build(DisclosureSite.files(yaml: """
              - id: seen
                title: Referrals seen in time
                unit: percent
                better: higher
                base: no-such-thing

            """, csv: "indicator,period,value\nseen,2020-01,95.0\n"))
        #expect(result.printed.contains { $0.hasPrefix("content/visits/2020-07/s/scorecard.yaml:6:11: error: base 'no-such-thing' is not an indicator of this visit") }, "\(result.printed)")
    }

    /// Year to date: Jan 10, Feb 13, Mar 20, Apr 22, May 30, Jun 32, and in a second series
    /// (`ytd2`) Jan 10, Feb 12, Mar 14, Apr 20. Steps from the last published point:
    /// ytd: Jan 10 (itself ≥ 5, published), Feb 13 − 10 = 3 → c, Mar 20 − 10 = 10 → published,
    /// Apr 22 − 20 = 2 → c, May 30 − 20 = 10 → published, Jun 32 − 30 = 2 → c.
    /// ytd2: Feb 12 − 10 = 2 → c; Mar 14 − 10 = 4 → c (two steps together still small, so
    /// the neighbour is hidden too); Apr 20 − 10 = 10 → published.
    @Test func aCumulativeSeriesHidesSmallSteps() throws {
        let result = build(DisclosureSite.files(yaml: """
              - id: ytd
                title: Assessments this year
                unit: count
                better: neither
                cumulative: true
              - id: ytd2
                title: Reviews this year
                unit: count
                better: neither
                cumulative: true

            """, csv: """
            indicator,period,value
            ytd,2020-01,10
            ytd,2020-02,13
            ytd,2020-03,20
            ytd,2020-04,22
            ytd,2020-05,30
            ytd,2020-06,32
            ytd2,2020-01,10
            ytd2,2020-02,12
            ytd2,2020-03,14
            ytd2,2020-04,20

            """))
        #expect(!result.hasErrors, "\(result.printed)")
        let reader = try Reader(result)
        #expect(reader.values("ytd") == ["10", "c", "20", "c", "30", "c"])
        #expect(reader.values("ytd2") == ["10", "c", "c", "20"])
        #expect(reader.smallSteps("ytd") == [])
        #expect(reader.smallSteps("ytd2") == [])
        // summary.json's latest is June's c: it has no value, so it gives no 32.
        #expect(reader.latest["ytd"] == nil)
    }

    static let gradesYAML = """
          - id: grades
            title: Audits by grade
            unit: count
            better: neither
            breakdowns: [Good, Requires improvement, Inadequate]

        """
    static let gradesCSV = """
        indicator,period,breakdown,value,note
        grades,2019-07-01/2019-12-31,Good,12,
        grades,2019-07-01/2019-12-31,Requires improvement,12,
        grades,2019-07-01/2019-12-31,Inadequate,5,
        grades,2020-01-01/2020-06-30,Good,12,Counts for 25 audits
        grades,2020-01-01/2020-06-30,Requires improvement,12,
        grades,2020-01-01/2020-06-30,Inadequate,1,

        """

    /// Jan–Jun 2020: Good 12, Requires improvement 12, Inadequate 1 → c. The total 25 is
    /// withheld, but the note on that period says 25, and 25 − 12 − 12 = 1. The narrative
    /// says "twenty-five" in a sentence about the indicator, and the title "All 25 files".
    /// Each is warned about: the note at its row (line 5), the words at line 1, column 38
    /// ("The audits covered {{grades}} files, " is 37 characters), the title at the id.
    @Test func notesTitlesAndNarrativeThatStateTheWithheldTotalAreWarned() throws {
        let yaml = Self.gradesYAML.replacingOccurrences(of: "Audits by grade", with: "All 25 files, by grade")
        let result = build(DisclosureSite.files(yaml: yaml, csv: Self.gradesCSV,
                                                narrative: "The audits covered {{grades}} files, twenty-five in all.\n"))
        let leaks = result.printed.filter { $0.contains("withheld total") }
        #expect(leaks.map { String($0.prefix(while: { $0 != " " })) } == [
            "content/visits/2020-07/s/data.csv:5:1:",
            "content/visits/2020-07/s/narrative.md:1:38:",
            "content/visits/2020-07/s/scorecard.yaml:2:9:",
        ], "\(result.printed)")
        #expect(leaks.allSatisfy { $0.contains(": warning: ") && $0.contains("'Inadequate'") })
        // A number that is not the total (12, "twelve") is not warned about.
        let fine = build(DisclosureSite.files(yaml: Self.gradesYAML,
                                              csv: Self.gradesCSV.replacingOccurrences(of: "Counts for 25 audits", with: "12 graded good"),
                                              narrative: "Twelve files were graded good.\n"))
        #expect(!fine.printed.contains { $0.contains("withheld total") }, "\(fine.printed)")
    }

    /// The same grades: Jan–Jun's summed total has a suppressed part, so it is c (withheld),
    /// not x: in the page's table, and as summary.json's latest (symbol c).
    @Test func aWithheldTotalReadsAsSuppressed() throws {
        let result = build(DisclosureSite.files(yaml: Self.gradesYAML, csv: Self.gradesCSV))
        let html = try #require(result.text("visits/2020-07/s/index.html"))
        #expect(html.contains("<tr><th scope=\"row\">1 Jan – 30 Jun 2020</th><td>[c]</td><td>12</td><td>12</td><td>[c]</td>"), "\(html)")
        let data = try #require(result.files["visits/2020-07/summary.json"])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"symbol\": \"c\"") || text.contains("\"symbol\":\"c\""))
        #expect(try Reader(result).bySubtraction() == [])
    }

    /// Referrals North 10 + South 12 = 22 in Jan 2020; in Feb 2020 South is x, so Feb's summed
    /// total is a gap and the latest falls back to Jan's 22. The reference is shown with its
    /// period and warned about at line 1, column 19 ("Referrals reached " is 18 characters).
    @Test func aReferenceToAnOlderPeriodSaysSo() throws {
        let result = build(DisclosureSite.files(yaml: """
              - id: refs
                title: Referrals
                unit: count
                better: neither
                breakdowns: [North, South]

            """, csv: """
            indicator,period,breakdown,value
            refs,2020-01,North,10
            refs,2020-01,South,12
            refs,2020-02,North,11
            refs,2020-02,South,x

            """, narrative: "Referrals reached {{refs}} in February.\n"))
        #expect(result.printed.contains { $0.hasPrefix("content/visits/2020-07/s/narrative.md:1:19: warning: {{refs}} shows the figure for Jan 2020, not for the indicator's newest period Feb 2020") }, "\(result.printed)")
        let html = try #require(result.text("visits/2020-07/s/index.html"))
        #expect(html.contains("Referrals reached 22 (Jan 2020) in February."))
    }

    /// Notes and categories that a spreadsheet would run as formulas get a leading quote
    /// inside a quoted field; numbers (−0.5) stay numbers.
    @Test func dataCSVCellsCannotRunAsFormulas() throws {
        let result = build(DisclosureSite.files(yaml: """
              - id: score
                title: Score
                unit: number
                better: higher
                breakdowns: ["@team", "-east", "+west", "=north"]

            """, csv: """
            indicator,period,breakdown,value,note
            score,2020-01,@team,-0.5,"=HYPERLINK(""http://x"")"
            score,2020-01,-east,1.5,+1
            score,2020-01,+west,2,-2 is fine
            score,2020-01,=north,3,"\ttab"

            """))
        #expect(!result.hasErrors, "\(result.printed)")
        let csv = try #require(result.text("visits/2020-07/s/data.csv"))
        #expect(csv == "indicator,period,breakdown,value,numerator,denominator,status,note\r\n"
                + "score,2020-01,\"'@team\",-0.5,,,,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
                + "score,2020-01,\"'-east\",1.5,,,,\"'+1\"\r\n"
                + "score,2020-01,\"'+west\",2,,,,\"'-2 is fine\"\r\n"
                + "score,2020-01,\"'=north\",3,,,,\"'\ttab\"\r\n")
    }
}
