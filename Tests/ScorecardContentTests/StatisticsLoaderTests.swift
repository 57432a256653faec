import Foundation
import ScorecardContent
import ScorecardCore
import Testing

private func dec(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }
private let fy1819 = Period.financialYear(2018)!
private let fy1718 = Period.financialYear(2017)!

/// A small site whose one indicator reads a published file. Columns are counted in comments.
enum StatisticsFixture {
    static let care = "content/visits/2020-07/care"

    static let siteYAML = """
        title: Test
        authority: Example Council
        authority-code: E08000032
        statistical-neighbours: [E08000101, E08000102, E08000103]
        scorecards:
          - id: care
            title: Care

        """
    // Line 4: "statistical-neighbours: [" is 25 characters: the codes start at 26, 37 and 48.

    static let visitYAML = """
        title: Visit
        date: 2020-07-15
        data-as-of: 2020-06-30

        """

    static let scorecardYAML = """
        indicators:
          - id: repeat-plans
            title: Repeat plans
            unit: percent
            better: lower
            published: { file: cp.csv, measure: repeat_pct, filters: { plan_type: All } }

        """

    static let dataCSV = """
        indicator,period,value
        repeat-plans,2020-05,15.1

        """

    static let header = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,plan_type,repeat_pct"

    static let statisticsCSV = """
        \(header)
        201819,Financial year,National,E92000001,England,,,,,,All,20.8
        201819,Financial year,Regional,E92000001,England,E12000003,Yorkshire and The Humber,,,,All,21.5
        201819,Financial year,Regional,E92000001,England,E12000004,East Midlands,,,,All,18.0
        201819,Financial year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,380,E08000032,Example,All,19.0
        201819,Financial year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,901,E08000101,Neighbour 1,All,18.0
        201819,Financial year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,902,E08000102,Neighbour 2,All,c
        201819,Financial year,Local authority,E92000001,England,E12000004,East Midlands,903,E08000103,Neighbour 3,All,22.0
        201819,Financial year,Local authority,E92000001,England,E12000004,East Midlands,904,E06000001,Other,All,25.0
        201819,Financial year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,380,E08000032,Example,Second,40.0
        201718,Financial year,National,E92000001,England,,,,,,All,21.9
        201718,Financial year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,380,E08000032,Example,All,20.5
        202021,Financial year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,380,E08000032,Example,All,10.0

        """

    static var files: [String: String] {
        [
            "site.yaml": siteYAML,
            "content/visits/2020-07/visit.yaml": visitYAML,
            care + "/scorecard.yaml": scorecardYAML,
            care + "/data.csv": dataCSV,
            "content/statistics/cp.csv": statisticsCSV,
        ]
    }
}

@Suite struct StatisticsLoaderTests {
    @Test func readsTheSeriesOfTheAuthorityItsRegionEnglandAndItsNeighbours() throws {
        let content = ContentLoader.load(SourceTree(files: StatisticsFixture.files))
        #expect(content.diagnostics == [])
        let site = try #require(content.site)
        #expect(site.authorityCode == "E08000032")
        #expect(site.statisticalNeighbours == ["E08000101", "E08000102", "E08000103"])
        let visit = try #require(content.visits.first)
        let def = try #require(visit.scorecards.first?.indicators.first)
        let measure = try #require(def.published)
        #expect(measure.file == "cp.csv")
        #expect(measure.measure == "repeat_pct")
        #expect(measure.filters.map(\.column) == ["plan_type"])
        #expect(measure.filters.map(\.value) == ["All"])
        let s = try #require(visit.statistics[measure.key])
        // The plan_type Second row (40.0) is filtered out; 2020/21 is read here and cut per visit.
        #expect(s.authority == [fy1718: .value(dec("20.5")), fy1819: .value(dec("19.0")),
                                Period.financialYear(2020)!: .value(dec("10.0"))])
        #expect(s.england == [fy1718: .value(dec("21.9")), fy1819: .value(dec("20.8"))])
        // The authority's region_code is E12000003, so East Midlands (18.0) is not its region.
        #expect(s.region == [fy1819: .value(dec("21.5"))])
        #expect(s.regionName == "Yorkshire and The Humber")
        #expect(s.neighbours.map(\.code) == ["E08000101", "E08000102", "E08000103"])
        #expect(s.neighbours[1].series == [fy1819: .symbol("c")])
    }

    @Test func theFiguresAtTheVisit() throws {
        let content = ContentLoader.load(SourceTree(files: StatisticsFixture.files))
        let site = try #require(content.site)
        let figures = VisitFigures.computeAll(content.visits, site: site)
        let f = try #require(figures.first?.indicator("repeat-plans"))
        let b = try #require(f.benchmark)
        // 2020/21 ends 31 March 2021, after data-as-of 30 June 2020: left out.
        #expect(b.rows.map(\.period) == [fy1718, fy1819])
        let latest = try #require(b.latest)
        #expect(latest.authority == .value(dec("19.0")))
        #expect(latest.england == .value(dec("20.8")))
        #expect(latest.region == .value(dec("21.5")))
        // Neighbours 18.0, c, 22.0: (18.0 + 22.0) / 2 = 20.0 from 2 of 3 (at least half).
        #expect(latest.neighbourMean == NeighbourMean(value: dec("20"), used: 2, of: 3))
        // Lower is better: of 19.0, 18.0 and 22.0 only 18.0 is lower, so 2nd of 3.
        #expect(latest.rank == Rank(position: 2, of: 3))
        // Every local authority with a figure: 19.0, 18.0, 22.0, 25.0 → 2nd of 4; 1 of 4 strictly
        // better is a share of 1/4, not below 1/4 → B.
        #expect(latest.quartile == .b)
        // 2017/18 had no neighbour figures at all: 0 of 3 is fewer than half.
        #expect(b.rows.first?.neighbourMean == NeighbourMean(value: nil, used: 0, of: 3))
        #expect(b.direction(better: .lower) == .improved)
    }
}

@Suite struct StatisticsErrorTests {
    static let siteYAML = """
        title: Test
        authority: Example Council
        authority-code: E08000032
        statistical-neighbours: [E08000101, E08000999]
        scorecards:
          - id: care
            title: Care

        """
    // Line 4: E08000999 starts at 26 + 11 = 37.

    static let scorecardYAML = """
        indicators:
          - id: a
            title: A
            unit: percent
            better: lower
            published:
              file: cp2.csv
              measure: repeat_pct
          - id: b
            title: B
            unit: percent
            better: lower
            published:
              file: cp.csv
              measure: repeat_pc
          - id: c
            title: C
            unit: percent
            better: lower
            comparators:
              statistical-neighbours: 20.0
            published:
              file: cp.csv
              measure: repeat_pct
          - id: d
            title: D
            unit: percent
            better: lower
            published:
              file: cp.csv
              measure: repeat_pct
              filters:
                plan_type: Al
          - id: e
            title: E
            unit: percent
            better: lower
            published:
              file: cp.csv
              measure: repeat_pct
              filters:
                plan_typ: All

        """
    // Line 7 "      file: " puts cp2.csv at 13; line 15 "      measure: " puts repeat_pc at 16;
    // c's published mapping starts with its first key, line 23 column 7; line 33
    // "        plan_type: " puts Al at 20; line 42 puts plan_typ at 9.

    static let statisticsCSV = """
        \(StatisticsFixture.header)
        201819,Financial year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,380,E08000032,Example,All,19.0
        2018-19,Financial year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,380,E08000032,Example,All,19.0
        201819,Financial year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,901,E08000101,Neighbour 1,All,1.8%
        201819,Financial year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,380,E08000032,Example,All,19.5

        """
    // Line 3: the bad period at column 1. Line 4: the measure is the 12th field, after the
    // text of `row4` below. Line 5 repeats line 2's geography and period.

    @Test func everyMistakeAtItsPlaceInOneRun() {
        let files: [String: String] = [
            "site.yaml": Self.siteYAML,
            "content/visits/2020-07/visit.yaml": StatisticsFixture.visitYAML,
            StatisticsFixture.care + "/scorecard.yaml": Self.scorecardYAML,
            "content/statistics/cp.csv": Self.statisticsCSV,
            "content/statistics/notes.txt": "x",
        ]
        let content = ContentLoader.load(SourceTree(files: files))
        let sc = StatisticsFixture.care + "/scorecard.yaml"
        let cp = "content/statistics/cp.csv"
        let row4 = "201819,Financial year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,901,E08000101,Neighbour 1,All,"
        let shown = content.diagnostics.filter { $0.location.path != StatisticsFixture.care }.map(\.description)
        #expect(shown == [
            "\(cp):3:1: error: cannot read the time period '2018-19' with time_identifier 'Financial year'; scorecard reads YYYY with Calendar year or Reporting year (or a month name), and YYYYZZ such as 201920 with Financial year, Financial year Q1 to Q4 or Academic year",
            "\(cp):4:\(row4.count + 1): error: '1.8%' in repeat_pct is neither a number nor one of the symbols c, x, z, low, u",
            "\(cp):5:1: error: a second Local authority row for E08000032, 2018/19, for measure repeat_pct with the filters given (the first is at line 2); add a filter in published: filters so that one row is left for each geography and period",
            "content/statistics/notes.txt: error: unexpected file 'notes.txt'; content/statistics/ holds the open-data .csv files as downloaded",
            "\(sc):7:13: error: no file 'cp2.csv' in content/statistics/; did you mean 'cp.csv'?",
            "\(sc):15:16: error: \(cp) has no column 'repeat_pc'; did you mean 'repeat_pct'?",
            "\(sc):23:7: warning: comparator 'statistical-neighbours' is written by hand in comparators and also published in \(cp) (measure repeat_pct); the hand-written value is shown and the published statistical-neighbours series is not",
            "\(sc):33:20: error: no row of \(cp) has 'Al' in plan_type; did you mean 'All'?",
            "\(sc):42:9: error: \(cp) has no filter column 'plan_typ'; did you mean 'plan_type'?",
            "site.yaml:4:37: error: statistical neighbour E08000999 is not in \(cp): no Local authority row has it in new_la_code",
        ])
    }
}

@Suite struct StatisticsSetupErrorTests {
    @Test func aHeaderWithoutTheTimeColumnsAndAMisspeltFolder() {
        var files = StatisticsFixture.files
        files["content/statistics/cp.csv"] = "period,geographic_level,new_la_code,repeat_pct\n2019,Local authority,E08000032,1\n"
        files["content/statistcs/x.csv"] = "a\n"
        let shown = ContentLoader.load(SourceTree(files: files)).diagnostics.map(\.description)
        // No measure or code errors follow from a header that is not an open-data header.
        #expect(shown == [
            "content/statistcs: error: unexpected folder 'statistcs'; did you mean 'statistics'?",
            "content/statistics/cp.csv:1:1: error: the header has no 'time_period', 'time_identifier'; an Explore Education Statistics open-data file starts time_period,time_identifier,geographic_level and has the geography columns (new_la_code, region_code, …)",
        ])
    }

    @Test func publishedNeedsAnAuthorityCode() {
        var files = StatisticsFixture.files
        files["site.yaml"] = "title: Test\nauthority: Example Council\nscorecards:\n  - id: care\n    title: Care\n"
        let shown = ContentLoader.load(SourceTree(files: files)).diagnostics.map(\.description)
        // Line 6 of the scorecard: `    published: ` puts the mapping at column 16.
        #expect(shown == ["content/visits/2020-07/care/scorecard.yaml:6:16: error: published needs authority-code in site.yaml: the authority's code in the statistics (new_la_code), such as E08000032"])
    }

    @Test func codesMustLookLikeCodes() {
        var files = StatisticsFixture.files
        files["site.yaml"] = """
            title: Test
            authority: Example Council
            authority-code: 380
            statistical-neighbours: [E08000101, E08000101]
            scorecards:
              - id: care
                title: Care

            """
        let shown = ContentLoader.load(SourceTree(files: files)).diagnostics.map(\.description)
        #expect(shown == [
            "site.yaml:3:17: error: authority-code must be a local authority code as the statistics write it in new_la_code: a capital letter and eight digits, such as E08000032, not '380'",
            "site.yaml:4:37: error: statistical neighbour E08000101 is listed twice",
        ])
    }
}
