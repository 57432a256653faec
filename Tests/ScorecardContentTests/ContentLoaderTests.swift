import Foundation
import ScorecardContent
import ScorecardCore
import Testing

private let V = SiteFixture.visit
private let EH = SiteFixture.earlyHelp
private let FD = SiteFixture.frontDoor

private func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }
private func period(_ text: String) -> Period { try! Period.parse(text) }
private func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

@Suite struct ContentLoaderFixtureTests {
    @Test func fixtureHasNoDiagnostics() {
        #expect(diagnostics() == [])
    }

    @Test func siteSettings() throws {
        let site = try #require(loadFixture().site)
        #expect(site.title == "Children's Services Improvement Scorecards")
        #expect(site.authority == "Example Metropolitan Borough Council")
        #expect(site.theme == "default")
        #expect(site.baseURL == nil)
        #expect(site.scorecards == [
            .init(id: "early-help", title: "Early Help"),
            .init(id: "front-door", title: "Integrated Front Door"),
        ])
        #expect(site.population == [2019: 141500, 2020: 142300])
        #expect(site.suppressBelow == 0)
    }

    @Test func visit() throws {
        let content = loadFixture()
        #expect(content.visits.count == 1)
        let v = try #require(content.visits.first)
        #expect(v.id == "2020-02")
        #expect(v.title == "Monitoring visit, February 2020")
        #expect(v.date == date(2020, 2, 12))
        #expect(v.dataAsOf == date(2020, 1, 31))
        #expect(v.status == .published)
        #expect(v.population == nil)
        #expect(v.suppressBelow == nil)
        #expect(v.overview == nil)
        #expect(v.scorecards.map(\.id) == ["early-help", "front-door"])
        #expect(v.scorecards.map(\.title) == ["Early Help", "Integrated Front Door"])
    }

    @Test func definitions() throws {
        let v = try #require(loadFixture().visits.first)
        let eh = v.scorecards[0].indicators
        #expect(eh.map(\.id) == ["eh-assessments", "eh-rate"])
        #expect(eh[0].title == "Early help assessments completed")
        #expect(eh[0].unit == .count)
        #expect(eh[0].better == .higher)
        #expect(eh[0].target == 100)
        #expect(eh[0].tolerance == 10)
        #expect(eh[0].decimals == 0)
        #expect(eh[0].breakdowns == ["North", "South"])
        #expect(eh[0].rolling == nil)
        #expect(eh[0].trendWindow == 6)
        #expect(eh[0].location.description == "\(EH)/scorecard.yaml:2:9")
        #expect(eh[1].unit == .ratePer10k)
        #expect(eh[1].better == .neither)
        #expect(eh[1].decimals == 1)
        #expect(eh[1].target == nil)
        #expect(eh[1].location.description == "\(EH)/scorecard.yaml:9:9")

        let fd = v.scorecards[1].indicators
        #expect(fd.map(\.id) == ["contacts-decided-1wd", "referrals"])
        #expect(fd[0].unit == .percent)
        #expect(fd[0].decimals == 1)
        #expect(fd[0].target == 80)
        #expect(fd[0].tolerance == 5)
        #expect(fd[0].comparators == [
            Benchmark(id: "statistical-neighbours", label: "Statistical neighbours", value: 75),
            Benchmark(id: "england", label: "England", value: 78),
        ])
        #expect(fd[1].title == "Referrals to children's social care")
        #expect(fd[1].chart == .bar)
        #expect(fd[1].breakdowns == nil)
    }

    @Test func earlyHelpObservations() throws {
        let v = try #require(loadFixture().visits.first)
        let rows = v.scorecards[0].observations
        #expect(rows.count == 6)
        guard rows.count == 6 else { return }
        #expect(rows.map(\.indicator) == ["eh-assessments", "eh-assessments", "eh-assessments", "eh-assessments", "eh-rate", "eh-rate"])
        #expect(rows.map(\.period.canonical) == ["2019-11", "2019-11", "2019-11", "2019-12", "2019/20 Q2", "2019/20 Q3"])
        #expect(rows.map(\.breakdown) == [nil, "North", "South", nil, nil, nil])
        #expect(rows.map(\.location.description) == (2...7).map { "\(EH)/assessments.csv:\($0):1" })
        #expect(rows[0].content == .number(120))
        #expect(rows[0].valueText == "120")
        #expect(rows[1].content == .number(70))
        #expect(rows[2].content == .number(50))
        // An empty value with no numerator is a gap, never a zero.
        #expect(rows[3].content == .gap)
        #expect(rows[3].number == nil)

        // The rate: 2019/20 Q2 runs 1 Jul – 30 Sep 2019, so it begins in 2019 and uses the
        // 2019 population, 141,500. 150 / 141500 × 10000 = 1500000 / 141500 = 10.600706713…
        let rate = rows[4]
        #expect(rate.period.populationYear == 2019)
        #expect(rate.period.end == date(2019, 9, 30))
        #expect(rate.numerator == 150)
        #expect(rate.denominator == nil)
        #expect(rate.populationDenominator == 141500)
        #expect(rate.valueText == nil)
        let value = try #require(rate.number)
        #expect(value == Decimal(1_500_000) / Decimal(141_500))
        #expect(DecimalNumber.rounded(value, places: 6) == dec("10.600707"))

        // "[x]": the bracketed symbol is accepted.
        #expect(rows[5].content == .symbol(.notAvailable))
    }

    @Test func frontDoorObservations() throws {
        let v = try #require(loadFixture().visits.first)
        let rows = v.scorecards[1].observations
        #expect(rows.count == 5)
        guard rows.count == 5 else { return }
        // 100 × 568 / 1000 = 56.8, the figure used even though no value is written.
        #expect(rows[0].content == .number(dec("56.8")))
        #expect(rows[0].numerator == 568)
        #expect(rows[0].denominator == 1000)
        #expect(rows[0].valueText == nil)
        #expect(rows[0].status == nil)
        #expect(rows[0].note == nil)
        // 100 × 171 / 300 = 57, matching the written 57.
        #expect(rows[1].content == .number(57))
        #expect(rows[1].status == .provisional)
        #expect(rows[1].note == "Includes \"late\" contacts, see note")
        #expect(rows[2].content == .number(412))
        #expect(rows[2].valueText == "412")
        #expect(rows[3].content == .symbol(.suppressed))
        #expect(rows[3].status == .revised)
        #expect(rows[4].content == .symbol(.notApplicable))
        #expect(rows[4].period.end == date(2020, 1, 31))
        #expect(rows.map(\.location.description) == (2...6).map { "\(FD)/contacts.csv:\($0):1" })
    }

    @Test func narratives() throws {
        let v = try #require(loadFixture().visits.first)
        let eh = try #require(v.scorecards[0].narrative)
        #expect(eh.path == "\(EH)/narrative.md")
        #expect(eh.title == "Early help at this visit")
        #expect(eh.summary == "Assessments held steady.")
        #expect(eh.body == "Assessments held steady over the winter.\n")
        #expect(eh.bodyFirstLine == 5)
        let fd = try #require(v.scorecards[1].narrative)
        #expect(fd.title == nil)
        #expect(fd.body == "Contacts are decided faster than a year ago.\n")
        #expect(fd.bodyFirstLine == 1)
    }

    /// Every file with a byte-order mark and CRLF line ends loads to the same model.
    @Test func byteOrderMarkAndCRLFLoadTheSame() throws {
        let edits = SiteFixture.files.map { Edit.bytes($0.key, bomCRLF($0.value)) }
        let content = withoutPublishReminder(ContentLoader.load(fixtureTree(edits)))
        #expect(content.diagnostics.map(\.description) == [])
        let plain = loadFixture()
        #expect(content.site == plain.site)
        let v = try #require(content.visits.first)
        let p = try #require(plain.visits.first)
        #expect(v.title == p.title)
        #expect(v.scorecards.map(\.indicators) == p.scorecards.map(\.indicators))
        #expect(v.scorecards.map(\.observations) == p.scorecards.map(\.observations))
        #expect(v.scorecards[0].narrative?.title == "Early help at this visit")
        #expect(v.scorecards[0].narrative?.bodyFirstLine == 5)
    }
}

@Suite struct ContentLoaderDiagnosticTests {
    // MARK: Identifiers

    @Test func visitFolderWithABadName() {
        #expect(diagnostics(.moveFolder(V, "content/visits/Feb-2020")) == [
            "content/visits/Feb-2020: error: visit id 'Feb-2020' must use only lower-case letters, digits and hyphens, starting with a letter or digit; for example 'feb-2020' (it is the folder name)",
        ])
    }

    /// The folder `front-door` is what the author meant: it is not reported as unlisted too.
    @Test func scorecardIDWithCapitals() {
        #expect(diagnostics(.replace("site.yaml", "- id: front-door", "- id: Front-Door")) == [
            "site.yaml:6:9: error: scorecard id 'Front-Door' must use only lower-case letters, digits and hyphens, starting with a letter or digit; for example 'front-door'",
        ])
    }

    @Test func reservedScorecardID() {
        #expect(diagnostics(
            .replace("site.yaml", "- id: front-door", "- id: pack"),
            .moveFolder(FD, "\(V)/pack")
        ) == [
            "site.yaml:6:9: error: scorecard id 'pack' is reserved for the site's own pages; choose another",
        ])
    }

    /// The CSV rows still say `referrals`: they are not reported as unknown as well.
    @Test func indicatorIDWithCapitals() {
        #expect(diagnostics(.replace("\(FD)/scorecard.yaml", "id: referrals", "id: Referrals")) == [
            "\(FD)/scorecard.yaml:11:9: error: indicator id 'Referrals' must use only lower-case letters, digits and hyphens, starting with a letter or digit; for example 'referrals'",
        ])
    }

    // MARK: YAML keys

    /// A misspelt key is one error with a hint, not a second one for the missing key, and
    /// nothing that depends on the file (rows, folders) is reported as well.
    @Test(arguments: [
        ("site.yaml", "title: Children's", "titel: Children's",
         "site.yaml:1:1: error: unknown key 'titel' in site.yaml; did you mean 'title'?"),
        ("site.yaml", "population:", "populaton:",
         "site.yaml:8:1: error: unknown key 'populaton' in site.yaml; did you mean 'population'?"),
        ("site.yaml", "    title: Early Help", "    titel: Early Help",
         "site.yaml:5:5: error: unknown key 'titel' in a scorecard entry; did you mean 'title'?"),
        ("\(V)/visit.yaml", "title: Monitoring", "titel: Monitoring",
         "\(V)/visit.yaml:1:1: error: unknown key 'titel' in visit.yaml; did you mean 'title'?"),
        ("\(V)/visit.yaml", "data-as-of:", "data-as-at:",
         "\(V)/visit.yaml:3:1: error: unknown key 'data-as-at' in visit.yaml; did you mean 'data-as-of'?"),
        ("\(EH)/scorecard.yaml", "indicators:", "indicator:",
         "\(EH)/scorecard.yaml:1:1: error: unknown key 'indicator' in scorecard.yaml; did you mean 'indicators'?"),
        ("\(EH)/scorecard.yaml", "    title: Early help", "    titel: Early help",
         "\(EH)/scorecard.yaml:3:5: error: unknown key 'titel' in an indicator; did you mean 'title'?"),
        ("\(FD)/scorecard.yaml", "    tolerance: 5", "    tolerence: 5",
         "\(FD)/scorecard.yaml:7:5: error: unknown key 'tolerence' in an indicator; did you mean 'tolerance'?"),
        ("\(EH)/narrative.md", "title: Early help at", "titel: Early help at",
         "\(EH)/narrative.md:2:1: error: unknown key 'titel' in the front matter; did you mean 'title'?"),
    ])
    func unknownKey(path: String, old: String, new: String, expected: String) {
        #expect(diagnostics(.replace(path, old, new)) == [expected])
    }

    @Test func unknownKeyWithNothingClose() {
        #expect(diagnostics(.replace("\(V)/visit.yaml", "status: published\n", "status: published\ncolour: blue\n")) == [
            "\(V)/visit.yaml:5:1: error: unknown key 'colour' in visit.yaml; allowed keys are title, date, data-as-of, status, population, disclosure",
        ])
    }

    @Test func missingRequiredKeyInVisit() {
        #expect(diagnostics(.replace("\(V)/visit.yaml", "date: 2020-02-12\n", "")) == [
            "\(V)/visit.yaml:1:1: error: visit.yaml needs 'date'",
        ])
    }

    /// Reported at the indicator's entry; its rows are not reported as unknown as well.
    @Test func missingRequiredKeyInIndicator() {
        #expect(diagnostics(.replace("\(FD)/scorecard.yaml", "    unit: count\n", "")) == [
            "\(FD)/scorecard.yaml:11:5: error: indicator 'referrals' needs 'unit'",
        ])
    }

    /// The entry is reported; its folder is not reported again as unlisted.
    @Test func scorecardEntryWithoutTitle() {
        #expect(diagnostics(.replace("site.yaml", "    title: Early Help\n", "")) == [
            "site.yaml:4:5: error: scorecard 'early-help' needs 'title'",
        ])
    }

    @Test func missingRequiredKeyInSite() {
        #expect(diagnostics(.replace("site.yaml", "authority: Example Metropolitan Borough Council\n", "")) == [
            "site.yaml:1:1: error: site.yaml needs 'authority'",
        ])
    }

    @Test(arguments: [
        ("    unit: count", "    unit: counts",
         "\(EH)/scorecard.yaml:4:11: error: unit must be one of percent, count, rate-per-10k, days or number, not 'counts'; did you mean 'count'?"),
        ("    unit: count", "    unit: percentage",
         "\(EH)/scorecard.yaml:4:11: error: unit must be one of percent, count, rate-per-10k, days or number, not 'percentage'; did you mean 'percent'?"),
        ("    unit: count", "    unit: people",
         "\(EH)/scorecard.yaml:4:11: error: unit must be one of percent, count, rate-per-10k, days or number, not 'people'"),
        ("    better: higher", "    better: hgher",
         "\(EH)/scorecard.yaml:5:13: error: better must be one of higher, lower or neither, not 'hgher'; did you mean 'higher'?"),
    ])
    func unknownChoice(old: String, new: String, expected: String) {
        #expect(diagnostics(.replace("\(EH)/scorecard.yaml", old, new)) == [expected])
    }

    @Test func unknownStatus() {
        #expect(diagnostics(.replace("\(V)/visit.yaml", "status: published", "status: publshed")) == [
            "\(V)/visit.yaml:4:9: error: status must be draft or published, not 'publshed'; did you mean 'published'?",
        ])
    }

    // MARK: CSV columns and values

    @Test func unknownColumn() {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "status,note\n", "status,notes\n")) == [
            "\(FD)/contacts.csv:1:53: error: unknown column 'notes'; did you mean 'note'?",
        ])
    }

    @Test func unknownColumnWithNothingClose() {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "status,note\n", "status,comment\n")) == [
            "\(FD)/contacts.csv:1:53: error: unknown column 'comment'; allowed columns are indicator, period, value, numerator, denominator, breakdown, status, note",
        ])
    }

    /// A misspelt `value` column is one error, not a second for the missing column.
    @Test func misspeltValueColumn() {
        #expect(diagnostics(.write("\(FD)/more.csv", "indicator,period,vaule\nreferrals,2019-10,400\n")) == [
            "\(FD)/more.csv:1:18: error: unknown column 'vaule'; did you mean 'value'?",
        ])
    }

    @Test(arguments: [
        ("85%", "\(FD)/contacts.csv:4:19: error: '85%' is not a plain number; write percentages without the % sign, as 85"),
        ("\"1,234\"", "\(FD)/contacts.csv:4:19: error: '1,234' is not a plain number; write it without thousands separators, as 1234"),
        ("1e3", "\(FD)/contacts.csv:4:19: error: '1e3' is not a plain number; write it out in full, without an exponent"),
        ("nan", "\(FD)/contacts.csv:4:19: error: 'nan' is not a number; leave the value empty for a gap, or write x (not available), z (not applicable) or c (suppressed at source)"),
    ])
    func valueThatIsNotAPlainNumber(value: String, expected: String) {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "referrals,2019-11,412,", "referrals,2019-11,\(value),")) == [expected])
    }

    @Test(arguments: [
        ("2019-02-29", "\(FD)/contacts.csv:4:11: error: '2019-02-29' is not a period (that day does not exist)"),
        ("2020-13", "\(FD)/contacts.csv:4:11: error: '2020-13' is not a period (months run from 01 to 12)"),
        ("Q1 19/20", "\(FD)/contacts.csv:4:11: error: 'Q1 19/20' is not a period; did you mean '2019/20 Q1'?"),
    ])
    func badPeriod(text: String, expected: String) {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "referrals,2019-11,", "referrals,\(text),")) == [expected])
    }

    @Test func aBadPeriodIsReportedOnEveryRowThatHasIt() {
        // Periods are looked up once read; one that cannot be read is read (and reported)
        // again on each row. Rows 4 and 5 of contacts.csv, period at column 11.
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "referrals,2019-11,412,,,,\nreferrals,2019-12,", "referrals,2020-13,412,,,,\nreferrals,2020-13,")) == [
            "\(FD)/contacts.csv:4:11: error: '2020-13' is not a period (months run from 01 to 12)",
            "\(FD)/contacts.csv:5:11: error: '2020-13' is not a period (months run from 01 to 12)",
        ])
    }

    @Test func aCountWithLeadingZerosIsTheSameNumber() throws {
        // "0568" of "01000": 100 × 568 / 1000 = 56.8, as with the fixture's own 568 and 1000.
        let v = try #require(loadFixture(.replace("\(FD)/contacts.csv", ",,568,1000,", ",,0568,01000,")).visits.first)
        let row = v.scorecards[1].observations[0]
        #expect(row.numerator == 568)
        #expect(row.denominator == 1000)
        #expect(row.number == Decimal(string: "56.8", locale: Locale(identifier: "en_US_POSIX")))
    }

    @Test func mixedPeriodForms() {
        // Line 7, period at column 11.
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "referrals,2020-01,z,,,,\n", "referrals,2020-01,z,,,,\nreferrals,2019/20 Q2,400,,,,\n")) == [
            "\(FD)/contacts.csv:7:11: error: '2019/20 Q2' is a financial quarter (YYYY/YY Qn), but 'referrals' uses a month (YYYY-MM) at \(FD)/contacts.csv:4:11; write every period of an indicator in one form",
        ])
    }

    @Test func mixedPeriodFormsAcrossFiles() {
        #expect(diagnostics(.write("\(FD)/more.csv", "indicator,period,value\nreferrals,2019,4000\n")) == [
            "\(FD)/more.csv:2:11: error: '2019' is a calendar year (YYYY), but 'referrals' uses a month (YYYY-MM) at \(FD)/contacts.csv:4:11; write every period of an indicator in one form",
        ])
    }

    /// a.csv is read before contacts.csv, but its one calendar-year row is the odd one out
    /// among three months: one error for it, not one for each month.
    @Test func mixedPeriodFormsWithTheOddRowFirst() throws {
        let content = loadFixture(.write("\(FD)/a.csv", "indicator,period,value\nreferrals,2019,4000\n"))
        #expect(content.diagnostics.map(\.description) == [
            "\(FD)/a.csv:2:11: error: '2019' is a calendar year (YYYY), but 'referrals' uses a month (YYYY-MM) at \(FD)/contacts.csv:4:11; write every period of an indicator in one form",
        ])
        let referrals = try #require(content.visits.first?.scorecards[1].observations.filter { $0.indicator == "referrals" })
        #expect(referrals.map(\.period.canonical) == ["2019-11", "2019-12", "2020-01"])
    }

    @Test func duplicateRowAcrossFiles() {
        #expect(diagnostics(.write("\(FD)/more.csv", "indicator,period,value\nreferrals,2019-12,415\n")) == [
            "\(FD)/more.csv:2:1: error: 'referrals' already has a row for 2019-12 at \(FD)/contacts.csv:5; each indicator, period and breakdown appears only once across the scorecard's CSV files",
        ])
    }

    @Test func duplicateBreakdownRowInOneFile() {
        #expect(diagnostics(.replace("\(EH)/assessments.csv", "eh-assessments,2019-12,,,\n", "eh-assessments,2019-11,50,,South\n")) == [
            "\(EH)/assessments.csv:5:1: error: 'eh-assessments' already has a row for 2019-11 and breakdown 'South' at \(EH)/assessments.csv:4; each indicator, period and breakdown appears only once across the scorecard's CSV files",
        ])
    }

    /// n = 568, d = 1000 give 56.8. "57" has no decimals, so it may differ by 0.5: it matches.
    /// "57.0" has one, so it may differ by 0.05: 0.2 is too much.
    @Test func valueAgainstNumeratorAndDenominator() throws {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "2019-11,,568,1000", "2019-11,57.0,568,1000")) == [
            "\(FD)/contacts.csv:2:30: error: value 57.0 disagrees with numerator 568 and denominator 1000, which give 56.8; correct one of them or leave the value empty",
        ])
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "2019-11,,568,1000", "2019-11,56.85,568,1000")) == [
            "\(FD)/contacts.csv:2:30: error: value 56.85 disagrees with numerator 568 and denominator 1000, which give 56.80; correct one of them or leave the value empty",
        ])
        let content = loadFixture(.replace("\(FD)/contacts.csv", "2019-11,,568,1000", "2019-11,57,568,1000"))
        #expect(content.diagnostics == [])
        let row = try #require(content.visits.first?.scorecards[1].observations.first)
        #expect(row.content == .number(dec("56.8")))   // the computed figure is used
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "2019-11,,568,1000", "2019-11,56.8,568,1000")) == [])
    }

    @Test func numeratorOnACount() {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "referrals,2019-11,412,,,,", "referrals,2019-11,412,412,500,,")) == [
            "\(FD)/contacts.csv:4:23: error: numerator and denominator are only for percent and rate-per-10k indicators; 'referrals' is a count, so give its value alone",
        ])
    }

    @Test func percentWithNumeratorButNoDenominator() {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", ",568,1000,", ",568,,")) == [
            "\(FD)/contacts.csv:2:31: error: a percent computed from a numerator needs a denominator too",
        ])
    }

    @Test func zeroDenominator() {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", ",568,1000,", ",0,0,")) == [
            "\(FD)/contacts.csv:2:33: error: the denominator must be more than 0",
        ])
    }

    @Test func numeratorThatIsNotAWholeNumber() {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", ",568,1000,", ",56.8,1000,")) == [
            "\(FD)/contacts.csv:2:31: error: the numerator must be a whole number of children or cases, not '56.8'",
        ])
    }

    @Test func symbolInTheNumerator() throws {
        let content = loadFixture(.replace("\(FD)/contacts.csv", ",568,1000,", ",[c],1000,"))
        #expect(content.diagnostics == [])
        let row = try #require(content.visits.first?.scorecards[1].observations.first)
        #expect(row.content == .symbol(.suppressed))
        #expect(row.countSymbol == .suppressed)
        #expect(row.denominator == 1000)
    }

    @Test func unknownStatusInCSV() {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", ",568,1000,,", ",568,1000,q,")) == [
            "\(FD)/contacts.csv:2:40: error: unknown status 'q'; use e (estimated), p (provisional) or r (revised), or leave it empty",
        ])
    }

    @Test func estimatedStatus() throws {
        let content = loadFixture(.replace("\(FD)/contacts.csv", ",568,1000,,", ",568,1000,e,"))
        #expect(content.diagnostics == [])
        #expect(content.visits.first?.scorecards[1].observations.first?.status == .estimated)
    }

    @Test func undeclaredBreakdownCategory() {
        #expect(diagnostics(.replace("\(EH)/assessments.csv", ",,North", ",,Nrth")) == [
            "\(EH)/assessments.csv:3:28: error: 'Nrth' is not a breakdown category of 'eh-assessments'; did you mean 'North'?",
        ])
        #expect(diagnostics(.replace("\(EH)/assessments.csv", ",,North", ",,Central")) == [
            "\(EH)/assessments.csv:3:28: error: 'Central' is not a breakdown category of 'eh-assessments'; its categories are North, South",
        ])
    }

    // MARK: Unknown indicators

    /// One error for the row and nothing that follows from it.
    @Test func unknownIndicatorRow() {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "referrals,2020-01,z,,,,\n", "referrals,2020-01,z,,,,\nreferals,2019-10,400,,,,\n")) == [
            "\(FD)/contacts.csv:7:1: error: unknown indicator 'referals': it is not in this scorecard's scorecard.yaml; did you mean 'referrals'?",
        ])
    }

    @Test func indicatorOfAnotherScorecard() {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", "referrals,2020-01,z,,,,\n", "referrals,2020-01,z,,,,\neh-rate,2019/20 Q1,3.5,,,,\n")) == [
            "\(FD)/contacts.csv:7:1: error: indicator 'eh-rate' belongs to the scorecard 'early-help'; put its rows in that folder",
        ])
    }

    @Test func duplicateIndicatorAcrossScorecards() {
        let extra = """
              - id: referrals
                title: Referrals
                unit: count
                better: neither

            """
        #expect(diagnostics(.replace("\(EH)/scorecard.yaml", "    better: neither\n", "    better: neither\n" + extra)) == [
            "\(FD)/scorecard.yaml:11:9: error: indicator id 'referrals' is already used in the scorecard 'early-help' (\(EH)/scorecard.yaml:13:9); ids are unique across a visit",
        ])
    }

    // MARK: Layout

    @Test func scorecardFolderNotInSite() {
        #expect(diagnostics(
            .write("\(V)/youth-justice/scorecard.yaml", "indicators: []\n"),
            .write("\(V)/youth-justice/narrative.md", "Text.\n")
        ) == [
            "\(V)/youth-justice: error: scorecard folder 'youth-justice' is not listed in site.yaml; add it to scorecards in site.yaml or rename the folder",
        ])
        #expect(diagnostics(.moveFolder(FD, "\(V)/frontdoor")) == [
            "\(V)/frontdoor: error: scorecard folder 'frontdoor' is not listed in site.yaml; did you mean 'front-door'?",
        ])
    }

    @Test func strayFiles() {
        #expect(diagnostics(
            .remove("\(FD)/narrative.md"),
            .write("\(FD)/narative.md", "Text.\n"),
            .write("\(FD)/notes.txt", "Text.\n"),
            .write("\(V)/overveiw.md", "Text.\n"),
            .write("\(V)/.DS_Store", "ignored"),
            .write("content/visit/2020-03/visit.yaml", "title: x\n")
        ) == [
            "content/visit: error: unexpected folder 'visit'; did you mean 'visits'?",
            "\(FD)/narative.md: error: unexpected file 'narative.md'; did you mean 'narrative.md'?",
            "\(FD)/notes.txt: error: unexpected file 'notes.txt'; a scorecard folder holds scorecard.yaml, narrative.md and *.csv files",
            "\(V)/overveiw.md: error: unexpected file 'overveiw.md'; did you mean 'overview.md'?",
        ])
    }

    /// A right name on the wrong kind of entry is not met with "did you mean" the same name.
    @Test func fileWhereAFolderBelongsAndTheOtherWayRound() {
        #expect(diagnostics(.folder("\(V)/overview.md")) == [
            "\(V)/overview.md: error: 'overview.md' must be a file, not a folder",
        ])
        #expect(diagnostics(.moveFolder(FD, "\(V)/gone"), .write("\(V)/front-door", "x"), .remove("\(V)/gone/scorecard.yaml"),
                            .remove("\(V)/gone/contacts.csv"), .remove("\(V)/gone/narrative.md")) == [
            "\(V)/front-door: error: 'front-door' must be a folder, not a file",
        ])
        #expect(diagnostics(.remove("\(V)/visit.yaml"), .folder("\(V)/visit.yaml")) == [
            "\(V)/visit.yaml: error: 'visit.yaml' must be a file, not a folder",
        ])
    }

    @Test func symbolicLinks() {
        #expect(diagnostics(.symlink("\(FD)/extra.csv")) == [
            "\(FD)/extra.csv: error: symbolic links are not allowed in content/; copy the file or folder here instead",
        ])
        #expect(diagnostics(.symlink("content/visits/2019-11")) == [
            "content/visits/2019-11: error: symbolic links are not allowed in content/; copy the file or folder here instead",
        ])
    }

    /// A linked visit.yaml or scorecard.yaml is reported as a link, not also as missing.
    @Test func symbolicLinkInPlaceOfARequiredFile() {
        #expect(diagnostics(.symlink("\(V)/visit.yaml")) == [
            "\(V)/visit.yaml: error: symbolic links are not allowed in content/; copy the file or folder here instead",
        ])
        #expect(diagnostics(.symlink("\(FD)/scorecard.yaml")) == [
            "\(FD)/scorecard.yaml: error: symbolic links are not allowed in content/; copy the file or folder here instead",
        ])
    }

    @Test func missingFiles() {
        #expect(diagnostics(.remove("\(V)/visit.yaml")) == [
            "\(V)/visit.yaml: error: missing visit.yaml; every visit folder needs one with title, date and data-as-of",
        ])
        #expect(diagnostics(.remove("\(FD)/scorecard.yaml")) == [
            "\(FD)/scorecard.yaml: error: missing scorecard.yaml; every scorecard folder needs one listing its indicators",
        ])
        #expect(diagnostics(.remove("site.yaml")) == [
            "site.yaml: error: missing site.yaml; a site folder needs site.yaml beside content/",
        ])
    }

    // MARK: YAML syntax and text encoding

    @Test func yamlSyntaxError() {
        // "title: " is 7 characters, "Monitoring visit" 16 more: the second colon is at 24.
        #expect(diagnostics(.replace("\(V)/visit.yaml", "title: Monitoring visit, February 2020", "title: Monitoring visit: February 2020")) == [
            "\(V)/visit.yaml:1:24: error: YAML syntax error: mapping values are not allowed in this context; a value containing ': ' must be quoted",
        ])
    }

    /// libyaml finds the missing quote only at the end of the file; the error points at the
    /// opening quote (line 1, column 8) instead.
    @Test func yamlQuoteNeverClosed() {
        #expect(diagnostics(.replace("\(V)/visit.yaml", "title: Monitoring", "title: \"Monitoring")) == [
            "\(V)/visit.yaml:1:8: error: YAML syntax error: the quote that starts this value is never closed; end the value with the same quote",
        ])
    }

    @Test func yamlTabIndentation() {
        // The tab opens line 5.
        #expect(diagnostics(.replace("\(V)/visit.yaml", "status: published", "status: published\n\tx: y")) == [
            "\(V)/visit.yaml:5:1: error: YAML syntax error: found a tab character that violates indentation (while scanning a plain scalar at line 4); indent with spaces, not tabs",
        ])
    }

    /// Reported at the second 'title' (line 5), where the author has to act.
    @Test func yamlDuplicateKey() {
        #expect(diagnostics(.replace("\(V)/visit.yaml", "status: published\n", "status: published\ntitle: Again\n")) == [
            "\(V)/visit.yaml:5:1: error: the key 'title' appears more than once; keep only one",
        ])
        // Inside a list item: the first 'unit' of referrals is on line 13, the repeat on 16.
        #expect(diagnostics(.replace("\(FD)/scorecard.yaml", "    chart: bar\n", "    chart: bar\n    unit: percent\n")) == [
            "\(FD)/scorecard.yaml:16:5: error: the key 'unit' appears more than once; keep only one",
        ])
        // In front matter, lines count from the top of the file: the repeat is on line 4.
        #expect(diagnostics(.replace("\(EH)/narrative.md", "summary: Assessments held steady.\n", "summary: Assessments held steady.\ntitle: Again\n")) == [
            "\(EH)/narrative.md:4:1: error: the key 'title' appears more than once; keep only one",
        ])
    }

    /// Columns count characters: "é" is two bytes but one column, so the colon is at 22, not 23.
    @Test func yamlSyntaxErrorColumnCountsCharacters() {
        #expect(diagnostics(.replace("\(V)/visit.yaml", "title: Monitoring visit, February 2020", "title: Visite d'étude: février")) == [
            "\(V)/visit.yaml:1:22: error: YAML syntax error: mapping values are not allowed in this context; a value containing ': ' must be quoted",
        ])
    }

    /// A scorecard.yaml that cannot be read is one error: its rows are not all reported as
    /// unknown indicators, nor its indicators as having no data.
    @Test func yamlSyntaxErrorInScorecardDoesNotCascade() {
        // "    title: " is 11 characters, "Referrals" 9 more: the colon is at 21.
        #expect(diagnostics(.replace("\(FD)/scorecard.yaml", "    title: Referrals to children's social care", "    title: Referrals: all")) == [
            "\(FD)/scorecard.yaml:12:21: error: YAML syntax error: mapping values are not allowed in this context; a value containing ': ' must be quoted",
        ])
    }

    /// The rest of the folder is still checked when scorecard.yaml cannot be read.
    @Test func folderCheckedDespiteUnreadableScorecardYAML() {
        #expect(diagnostics(
            .replace("\(FD)/scorecard.yaml", "    title: Referrals to children's social care", "    title: Referrals: all"),
            .write("\(FD)/notes.txt", "Text.\n"),
            .replace("\(FD)/contacts.csv", "referrals,2020-01,z,,,,\n", "referrals,2020-01,z,,,\n")
        ) == [
            "\(FD)/contacts.csv:6:1: error: expected 7 fields as in the header, found 6",
            "\(FD)/notes.txt: error: unexpected file 'notes.txt'; a scorecard folder holds scorecard.yaml, narrative.md and *.csv files",
            "\(FD)/scorecard.yaml:12:21: error: YAML syntax error: mapping values are not allowed in this context; a value containing ': ' must be quoted",
        ])
    }

    @Test func yamlSyntaxErrorInSiteDoesNotCascade() {
        #expect(diagnostics(.replace("site.yaml", "title: Children's Services Improvement Scorecards", "title: Children's: Services")) == [
            "site.yaml:1:18: error: YAML syntax error: mapping values are not allowed in this context; a value containing ': ' must be quoted",
        ])
    }

    @Test func invalidUTF8InCSV() {
        // Line 3's note starts at column 43; "Caf" takes 43–45, the bad byte is at 46.
        let text = SiteFixture.frontDoorCSV.replacingOccurrences(of: "\"Includes \"\"late\"\" contacts, see note\"", with: "Caf")
        var bytes = Array(text.utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "f"))! + 1
        bytes.insert(0xE9, at: at)
        #expect(diagnostics(.bytes("\(FD)/contacts.csv", bytes)) == [
            "\(FD)/contacts.csv:3:46: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8",
        ])
    }

    @Test func invalidUTF8InYAML() {
        // "title: Monitoring visit, F" is 26 characters: the Latin-1 é is at 27.
        let text = SiteFixture.visitYAML.replacingOccurrences(of: "February", with: "F\u{1}vrier")
        let bytes = Array(text.utf8).map { $0 == 1 ? 0xE9 : $0 }
        #expect(diagnostics(.bytes("\(V)/visit.yaml", bytes)) == [
            "\(V)/visit.yaml:1:27: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8",
        ])
    }

    /// With a byte-order mark and CRLF line ends, columns still count from the first
    /// character after the mark.
    @Test func byteOrderMarkDoesNotShiftColumns() {
        let visit = SiteFixture.visitYAML.replacingOccurrences(of: "title:", with: "titel:")
        #expect(diagnostics(.bytes("\(V)/visit.yaml", bomCRLF(visit))) == [
            "\(V)/visit.yaml:1:1: error: unknown key 'titel' in visit.yaml; did you mean 'title'?",
        ])
        let status = SiteFixture.visitYAML.replacingOccurrences(of: "status: published", with: "status: publshed")
        #expect(diagnostics(.bytes("\(V)/visit.yaml", bomCRLF(status))) == [
            "\(V)/visit.yaml:4:9: error: status must be draft or published, not 'publshed'; did you mean 'published'?",
        ])
        let csv = SiteFixture.frontDoorCSV.replacingOccurrences(of: "indicator,period", with: "indicatr,period")
        #expect(diagnostics(.bytes("\(FD)/contacts.csv", bomCRLF(csv))) == [
            "\(FD)/contacts.csv:1:1: error: unknown column 'indicatr'; did you mean 'indicator'?",
        ])
        // Line 1, further along: the BOM's three bytes (one character) are not counted.
        let colon = SiteFixture.visitYAML.replacingOccurrences(of: "Monitoring visit,", with: "Monitoring visit:")
        #expect(diagnostics(.bytes("\(V)/visit.yaml", bomCRLF(colon))) == [
            "\(V)/visit.yaml:1:24: error: YAML syntax error: mapping values are not allowed in this context; a value containing ': ' must be quoted",
        ])
        let notes = SiteFixture.frontDoorCSV.replacingOccurrences(of: "status,note\n", with: "status,notes\n")
        #expect(diagnostics(.bytes("\(FD)/contacts.csv", bomCRLF(notes))) == [
            "\(FD)/contacts.csv:1:53: error: unknown column 'notes'; did you mean 'note'?",
        ])
        let latin1 = bomCRLF(SiteFixture.visitYAML.replacingOccurrences(of: "February", with: "F\u{1}vrier")).map { $0 == 1 ? 0xE9 : $0 }
        #expect(diagnostics(.bytes("\(V)/visit.yaml", latin1)) == [
            "\(V)/visit.yaml:1:27: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8",
        ])
        let row = SiteFixture.frontDoorCSV.replacingOccurrences(of: "referrals,2019-11,412", with: "referrals,2019-11,85%")
        #expect(diagnostics(.bytes("\(FD)/contacts.csv", bomCRLF(row))) == [
            "\(FD)/contacts.csv:4:19: error: '85%' is not a plain number; write percentages without the % sign, as 85",
        ])
    }

    // MARK: visit.yaml

    /// A visit.yaml that cannot be read does not hide the problems in the rest of the visit.
    @Test func visitFolderCheckedDespiteBrokenVisitYAML() {
        let csvError = Edit.replace("\(FD)/contacts.csv", "referrals,2019-11,412", "referrals,2019-11,85%")
        #expect(diagnostics(.replace("\(V)/visit.yaml", "title: Monitoring", "titel: Monitoring"), csvError) == [
            "\(FD)/contacts.csv:4:19: error: '85%' is not a plain number; write percentages without the % sign, as 85",
            "\(V)/visit.yaml:1:1: error: unknown key 'titel' in visit.yaml; did you mean 'title'?",
        ])
        #expect(diagnostics(.remove("\(V)/visit.yaml"), csvError, .write("\(EH)/narative.md", "x")) == [
            "\(EH)/narative.md: error: unexpected file 'narative.md'; did you mean 'narrative.md'?",
            "\(FD)/contacts.csv:4:19: error: '85%' is not a plain number; write percentages without the % sign, as 85",
            "\(V)/visit.yaml: error: missing visit.yaml; every visit folder needs one with title, date and data-as-of",
        ])
        #expect(loadFixture(.remove("\(V)/visit.yaml")).visits.isEmpty)
    }

    @Test func dataAsOfLaterThanDate() {
        #expect(diagnostics(.replace("\(V)/visit.yaml", "data-as-of: 2020-01-31", "data-as-of: 2020-02-20")) == [
            "\(V)/visit.yaml:3:13: error: data-as-of 2020-02-20 is later than the visit date 2020-02-12; the data cut-off cannot follow the visit",
        ])
    }

    @Test func dateThatIsNotADate() {
        #expect(diagnostics(.replace("\(V)/visit.yaml", "date: 2020-02-12", "date: 12/02/2020")) == [
            "\(V)/visit.yaml:2:7: error: date must be a date written YYYY-MM-DD, such as 2020-02-12, not '12/02/2020'",
        ])
    }

    @Test func draftIsTheDefaultStatus() throws {
        let content = loadFixture(.replace("\(V)/visit.yaml", "status: published\n", ""))
        #expect(content.diagnostics == [])
        #expect(content.visits.first?.status == .draft)
    }

    // MARK: Rules across rows

    @Test func rollingOnDayPeriods() {
        let indicator = """
              - id: strategy-meetings
                title: Strategy meetings held
                unit: count
                better: neither
                rolling: 3

            """
        #expect(diagnostics(
            .replace("\(FD)/scorecard.yaml", "    chart: bar\n", "    chart: bar\n" + indicator),
            .write("\(FD)/meetings.csv", "indicator,period,value\nstrategy-meetings,2020-01-06,4\nstrategy-meetings,2020-01-13,5\n")
        ) == [
            "\(FD)/scorecard.yaml:20:14: error: indicator 'strategy-meetings' has rolling: 3, but its periods are a day (YYYY-MM-DD); a rolling mean needs months, weeks, quarters or years",
        ])
    }

    @Test func rollingOnMonthsIsFine() {
        #expect(diagnostics(.replace("\(FD)/scorecard.yaml", "    chart: bar\n", "    chart: bar\n    rolling: 3\n")) == [])
    }

    /// 2019/20 Q2 begins in 2019; with only 2018 given, 2018 is borrowed with a warning.
    @Test func populationBorrowedFromAnEarlierYear() throws {
        let content = loadFixture(.replace("site.yaml", "  2019: 141500\n  2020: 142300\n", "  2018: 140900\n"))
        #expect(content.diagnostics.map(\.description) == [
            "\(EH)/assessments.csv:6:21: warning: no population is given for 2019 in site.yaml, so the 2018 figure (140900) is used; add 2019 to population in site.yaml",
        ])
        let row = try #require(content.visits.first?.scorecards[0].observations[4])
        #expect(row.populationDenominator == 140900)
        #expect(row.number == Decimal(1_500_000) / Decimal(140_900))
    }

    /// visit.yaml's population replaces site.yaml's year by year: a 2019 figure in the visit
    /// wins for 2019 rows; a visit that gives only 2018 leaves 2019 to site.yaml.
    @Test func populationFromVisitOverridesSiteYearByYear() throws {
        let own = loadFixture(.replace("\(V)/visit.yaml", "status: published\n", "status: published\npopulation: { 2019: 150000 }\n"))
        #expect(own.diagnostics.isEmpty)
        let rate = try #require(own.visits.first?.scorecards.first?.observations.first { $0.indicator == "eh-rate" && $0.number != nil })
        // 150 / 150000 × 10000 = 10 exactly.
        #expect(rate.populationDenominator == 150000)
        #expect(rate.number == 10)
        let other = loadFixture(.replace("\(V)/visit.yaml", "status: published\n", "status: published\npopulation: { 2018: 140000 }\n"))
        #expect(other.diagnostics.isEmpty)
        let siteYear = try #require(other.visits.first?.scorecards.first?.observations.first { $0.indicator == "eh-rate" && $0.number != nil })
        #expect(siteYear.populationDenominator == 141500)
        #expect(other.visits.first?.population == [2018: 140000])
    }

    @Test func populationMissingForEveryEarlierYear() {
        #expect(diagnostics(.replace("site.yaml", "  2019: 141500\n", "")) == [
            "\(EH)/assessments.csv:6:21: error: no population is given for 2019 or any earlier year; add it to population in site.yaml, or give a denominator",
        ])
    }

    /// The only row of eh-rate is in error: no "no data" warning follows from it.
    @Test func populationMissingForTheOnlyRow() {
        #expect(diagnostics(
            .replace("site.yaml", "  2019: 141500\n", ""),
            .replace("\(EH)/assessments.csv", "eh-rate,2019/20 Q3,[x],,\n", "")
        ) == [
            "\(EH)/assessments.csv:6:21: error: no population is given for 2019 or any earlier year; add it to population in site.yaml, or give a denominator",
        ])
    }

    /// A population that cannot be read is one error: rates are not then reported as having
    /// no population, nor as borrowing an earlier year's.
    @Test func populationThatCannotBeRead() {
        #expect(diagnostics(.replace("site.yaml", "  2019: 141500", "  2019: lots")) == [
            "site.yaml:9:9: error: the population for 2019 must be a whole number, not 'lots'",
        ])
        #expect(diagnostics(.replace("\(V)/visit.yaml", "status: published\n", "status: published\npopulaton: { 2019: 141500 }\n")) == [
            "\(V)/visit.yaml:5:1: error: unknown key 'populaton' in visit.yaml; did you mean 'population'?",
        ])
        #expect(diagnostics(.replace("\(V)/visit.yaml", "status: published\n", "status: published\npopulation: 141500\n")) == [
            "\(V)/visit.yaml:5:13: error: population must map years to head counts, such as 2020: 142300",
        ])
    }

    @Test func rowsAfterTheCutOff() throws {
        let content = loadFixture(.replace("\(FD)/contacts.csv", "referrals,2020-01,z,,,,\n", "referrals,2020-01,z,,,,\nreferrals,2020-02,400,,,,\nreferrals,2020-03,390,,,,\n"))
        #expect(content.diagnostics.map(\.description) == [
            "\(FD)/contacts.csv:7:1: warning: 2 rows end after the data cut-off (31 January 2020) and are not shown at this visit",
        ])
    }

    @Test func indicatorWithNoData() {
        #expect(diagnostics(.replace("\(EH)/assessments.csv", "eh-rate,2019/20 Q2,,150,\neh-rate,2019/20 Q3,[x],,\n", "")) == [
            "\(EH)/scorecard.yaml:9:9: warning: indicator 'eh-rate' has no data up to the data cut-off (31 January 2020), so it shows no figures at this visit",
        ])
    }

    @Test func toleranceWithoutTarget() {
        #expect(diagnostics(.replace("\(EH)/scorecard.yaml", "    target: 100\n", "")) == [
            "\(EH)/scorecard.yaml:6:16: warning: tolerance has no effect without a target; add a target or remove the tolerance",
        ])
    }

    @Test func numeratorLargerThanDenominator() throws {
        let content = loadFixture(.replace("\(FD)/contacts.csv", ",568,1000,", ",1200,1000,"))
        #expect(content.diagnostics.map(\.description) == [
            "\(FD)/contacts.csv:2:31: warning: the numerator 1200 is larger than the denominator 1000, so the percentage is over 100",
        ])
        #expect(content.visits.first?.scorecards[1].observations.first?.number == 120)
    }

    /// One warning for the folder, not one more for each of its indicators.
    @Test func scorecardWithNoCSVFiles() {
        #expect(diagnostics(.remove("\(FD)/contacts.csv")) == [
            "\(FD): warning: no CSV files in this scorecard folder, so none of its indicators has data",
        ])
    }

    /// The South row is in error, so 300 alone is not compared with the headline 412.
    @Test func headlineNotComparedWhenACategoryRowIsInError() {
        #expect(diagnostics(.write("\(FD)/areas.csv", "indicator,period,value,breakdown\nreferrals,2019-11,300,North\nreferrals,2019-11,1l2,South\n")) == [
            "\(FD)/areas.csv:3:19: error: '1l2' is not a number; write a plain decimal such as 12 or 85.5",
        ])
        #expect(diagnostics(.write("\(FD)/areas.csv", "indicator,period,value,breakdown\nreferrals,2019-11,300,North\nreferrals,2019-11,102,South\n")) == [
            "\(FD)/contacts.csv:4:1: warning: the headline 412 for 2019-11 differs from the sum of its categories, 402",
        ])
    }

    @Test func headlineDiffersFromSumOfCategories() {
        #expect(diagnostics(.replace("\(EH)/assessments.csv", "2019-11,120,", "2019-11,125,")) == [
            "\(EH)/assessments.csv:2:1: warning: the headline 125 for 2019-11 differs from the sum of its categories, 120",
        ])
    }

    /// East is declared but has no rows, so the categories of the series are North and South:
    /// 70 + 50 = 120, which the headline 125 does not match.
    @Test func headlineDiffersFromSumWhenADeclaredCategoryHasNoRows() {
        #expect(diagnostics(.replace("\(EH)/assessments.csv", "2019-11,120,", "2019-11,125,"),
                            .replace("\(EH)/scorecard.yaml", "[North, South]", "[North, South, East]")) == [
            "\(EH)/assessments.csv:2:1: warning: the headline 125 for 2019-11 differs from the sum of its categories, 120",
        ])
    }

    // MARK: Several problems at once

    @Test func severalProblemsInOneRunSorted() {
        #expect(diagnostics(
            .replace("\(V)/visit.yaml", "status: published", "status: publshed"),
            .replace("\(FD)/contacts.csv", "referrals,2019-11,412", "referrals,2019-11,85%"),
            .replace("\(FD)/contacts.csv", "referrals,2019-12,c,,,r,", "referrals,2019-12,c,,,q,"),
            .replace("\(EH)/scorecard.yaml", "    unit: rate-per-10k", "    unit: rate"),
            .replace("site.yaml", "    title: Integrated Front Door\n", "    title: Integrated Front Door\n    retried: true\n")
        ) == [
            "\(EH)/scorecard.yaml:11:11: error: unit must be one of percent, count, rate-per-10k, days or number, not 'rate'; did you mean 'rate-per-10k'?",
            "\(FD)/contacts.csv:4:19: error: '85%' is not a plain number; write percentages without the % sign, as 85",
            "\(FD)/contacts.csv:5:23: error: unknown status 'q'; use e (estimated), p (provisional) or r (revised), or leave it empty",
            "\(V)/visit.yaml:4:9: error: status must be draft or published, not 'publshed'; did you mean 'published'?",
            "site.yaml:8:5: error: unknown key 'retried' in a scorecard entry; did you mean 'retired'?",
        ])
    }
}
