import Foundation
import ScorecardContent
import ScorecardCore
import Testing

private let EH = SiteFixture.earlyHelp
private let FD = SiteFixture.frontDoor

/// `ContentLoader.load(_:select:keepRows: false)`: rows are checked and reported as before,
/// dropped, and read again one visit at a time by `LoadedContent.rows`.
@Suite struct RowReaderTests {
    static func load(_ edits: [Edit], keepRows: Bool) -> LoadedContent {
        withoutPublishReminder(ContentLoader.load(fixtureTree(edits), select: nil, keepRows: keepRows))
    }

    @Test func droppedRowsAreReadAgainAsTheyWere() throws {
        let kept = Self.load([], keepRows: true)
        let dropped = Self.load([], keepRows: false)
        #expect(kept.rows == nil)
        let reader = try #require(dropped.rows)
        let visit = try #require(dropped.visits.first)
        // The fixture's early-help CSV has 6 rows and front-door's 5; none is held.
        #expect(visit.scorecards.map(\.id) == ["early-help", "front-door"])
        #expect(visit.scorecards.map(\.observations.count) == [0, 0])
        // Everything else is there: definitions, narratives.
        #expect(visit.scorecards.map(\.indicators.count) == [2, 2])
        #expect(visit.scorecards[0].narrative?.title == "Early help at this visit")

        let again = reader.withRows(visit)
        #expect(again.scorecards.map(\.observations.count) == [6, 5])
        #expect(again == kept.visits.first)
        #expect(dropped.visits.map(reader.withRows) == kept.visits)
        // The rate row, worked by hand: 150 / 141,500 (the 2019 population) × 10,000.
        let rate = again.scorecards[0].observations[4]
        #expect(rate.location.description == "\(EH)/assessments.csv:6:1")
        #expect(rate.populationDenominator == 141500)
        #expect(rate.number == Decimal(1_500_000) / Decimal(141_500))
    }

    @Test func rowsReadAgainUseTheVisitsOwnPopulationAndEveryFile() throws {
        // visit.yaml gives 2019 as 150,000, replacing site.yaml's 141,500; a second CSV file
        // adds a row. Read again, the rate is 150 / 150,000 × 10,000 = 10 exactly.
        let edits: [Edit] = [
            .replace(SiteFixture.visit + "/visit.yaml", "status: published\n", "status: published\npopulation: { 2019: 150000 }\n"),
            .write(EH + "/more.csv", "indicator,period,value\neh-assessments,2020-01,130\n"),
        ]
        let kept = Self.load(edits, keepRows: true)
        let dropped = Self.load(edits, keepRows: false)
        #expect(dropped.diagnostics == kept.diagnostics)
        let visit = try #require(dropped.visits.first)
        let again = try #require(dropped.rows?.withRows(visit))
        #expect(again == kept.visits.first)
        let rows = again.scorecards[0].observations
        #expect(rows.count == 7)
        #expect(rows.last?.location.description == "\(EH)/more.csv:2:1")
        #expect(rows[4].populationDenominator == 150000)
        #expect(rows[4].number == 10)
    }

    @Test func aPopulationThatCouldNotBeReadIsNotUsedWhenReadAgain() throws {
        // visit.yaml's population is in error, so the first reading works out no rate from a
        // population: the eh-rate row of 2019/20 Q2 (150, no denominator) is left out. Read
        // again (as `build --only` does for a previous visit whose errors it ignores), it is
        // left out too, not worked out from site.yaml's 2019 figure.
        let edits: [Edit] = [.replace(SiteFixture.visit + "/visit.yaml", "status: published\n", "status: published\npopulation: { 2019: lots }\n")]
        let kept = Self.load(edits, keepRows: true)
        let dropped = Self.load(edits, keepRows: false)
        #expect(kept.diagnostics.contains { $0.isError && $0.location.path == SiteFixture.visit + "/visit.yaml" })
        let visit = try #require(dropped.visits.first)
        let again = try #require(dropped.rows?.withRows(visit))
        #expect(again == kept.visits.first)
        #expect(again.scorecards[0].observations.count == 5)
        #expect(!again.scorecards[0].observations.contains { $0.populationDenominator != nil })
    }

    /// Scorecards whose rows were all taken with no error are read again without the checks
    /// that only find errors; one with an error is read again with every check, so the rows
    /// that error left out stay out: a repeated row and a period in an odd form, each of
    /// which a reading without those checks would keep.
    @Test func rowsLeftOutForAnErrorStayOutWhenReadAgain() throws {
        let edits: [Edit] = [
            .write(EH + "/repeat.csv", "indicator,period,value\neh-assessments,2019-11,999\n"),
            .write(FD + "/odd.csv", "indicator,period,value\nreferrals,2019/20 Q3,5\n"),
        ]
        let kept = Self.load(edits, keepRows: true)
        let dropped = Self.load(edits, keepRows: false)
        #expect(dropped.diagnostics == kept.diagnostics)
        #expect(kept.diagnostics.filter(\.isError).map(\.location.path) == [EH + "/repeat.csv", FD + "/odd.csv"])
        let visit = try #require(dropped.visits.first)
        let again = try #require(dropped.rows?.withRows(visit))
        #expect(again == kept.visits.first)
        // By hand: early help keeps its 6 rows, not the repeat; front door its 5, not the quarter.
        #expect(again.scorecards.map(\.observations.count) == [6, 5])
        #expect(!again.scorecards[0].observations.contains { $0.number == 999 })
    }

    @Test func everyProblemInTheRowsIsStillReported() {
        // A bad period (an error), a row after the cut-off of 31 January 2020 and an
        // indicator left with no data (two warnings that need the visit's rows).
        let edits: [Edit] = [
            .replace(EH + "/assessments.csv", "eh-assessments,2019-12,,,", "eh-assessments,2019-13,,,"),
            .replace(FD + "/contacts.csv", "referrals,2020-01,z,,,,", "referrals,2020-02,z,,,,"),
            .replace(FD + "/contacts.csv", "contacts-decided-1wd,2019-11,,568,1000,,\n", ""),
            .replace(FD + "/contacts.csv", "contacts-decided-1wd,2019-12,57,171,300,p,\"Includes \"\"late\"\" contacts, see note\"\n", ""),
        ]
        let kept = Self.load(edits, keepRows: true).diagnostics.map(\.description)
        let dropped = Self.load(edits, keepRows: false).diagnostics.map(\.description)
        #expect(dropped == kept)
        #expect(dropped.count == 3)
        #expect(dropped.contains { $0.hasPrefix("\(EH)/assessments.csv:5:16: error:") })
        #expect(dropped.contains { $0.hasPrefix("\(FD)/contacts.csv:4:1: warning: 1 row ends after the data cut-off") })
        #expect(dropped.contains { $0.contains("warning: indicator 'contacts-decided-1wd' has no data up to the data cut-off") })
    }

    @Test func visitsReadOnlyAsFarAsTheirHeaderAreLeftAsTheyAre() throws {
        let content = withoutPublishReminder(ContentLoader.load(fixtureTree([]), select: { _ in [] }, keepRows: false))
        #expect(content.headerOnly == ["2020-02"])
        // The reader keeps the CSV files of the visits read whole only: it finds no rows for
        // a visit read as far as its header, which stays as it is.
        let reader = try #require(content.rows)
        let visits = content.visits.map(reader.withRows)
        #expect(visits == content.visits)
        #expect(visits.first?.scorecards.map(\.indicators.count) == [0, 0])
    }
}
