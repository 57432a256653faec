import Foundation
import ScorecardContent
import ScorecardCore
@testable import ScorecardSite
import Testing

/// The preview's memo of rendered cards: a build with it writes exactly what a build without
/// it writes, and an edit makes again only the cards whose figures it changed.
///
/// The counts come from `SmallSite`, by hand. Each visit shows three indicators
/// (`decided-1wd` and `referrals-rate` on the front door, `placements` in care): the visit
/// page draws a sparkline of each (3), the two scorecard pages show each card once (3) and
/// the pack shows each again, with its table open (3). So a visit has 9 memo entries and
/// the site 18; an indicator has 3 in each visit.
@Suite struct CardMemoTests {
    /// Builds `files` (with a publish record made for them) into memory with `memo`.
    func build(_ files: [String: String], memo: CardMemo?) -> (files: [String: [UInt8]], report: SiteBuilder.Report) {
        let out = LockedBox([String: [UInt8]]())
        let sink = SiteBuilder.Sink(write: { p, b in out.withLock { $0[p] = b } },
                                    place: { p, _, b in let bytes = try b(); out.withLock { $0[p] = bytes } })
        let report = SiteBuilder.build(recorded(SourceTree(files: files)), options: .init(memo: memo), into: sink)
        return (out.withLock { $0 }, report)
    }

    func edited(_ path: String, _ from: String, _ to: String, in files: [String: String] = SmallSite.files) -> [String: String] {
        var files = files
        let text = files[path]!
        precondition(text.contains(from), "the fixture has no '\(from)' in \(path)")
        files[path] = text.replacingOccurrences(of: from, with: to)
        return files
    }

    @Test func aBuildWithTheMemoWritesWhatOneWithoutItWrites() {
        let memo = CardMemo()
        let clean = build(SmallSite.files, memo: nil)
        #expect(!clean.report.hasErrors)
        #expect(clean.report.cards == nil)
        let first = build(SmallSite.files, memo: memo)
        #expect(first.report.cards?.made == 18)
        #expect(first.report.cards?.reused == 0)
        #expect(first.files == clean.files)
        #expect(first.report.diagnostics == clean.report.diagnostics)
        let second = build(SmallSite.files, memo: memo)
        #expect(second.report.cards?.made == 0)
        #expect(second.report.cards?.reused == 18)
        #expect(second.files == clean.files)
        #expect(memo.count == 18)
    }

    @Test func aNarrativeEditMakesNoCardAgain() {
        let memo = CardMemo()
        _ = build(SmallSite.files, memo: memo)
        let files = edited("content/visits/2020-07/front-door/narrative.md", "References in code", "Words added. References in code")
        let after = build(files, memo: memo)
        #expect(after.report.cards?.made == 0)
        #expect(after.report.cards?.reused == 18)
        let page = after.files["visits/2020-07/front-door/index.html"].map { String(decoding: $0, as: UTF8.self) }
        #expect(page?.contains("Words added.") == true)
        #expect(after.files == build(files, memo: nil).files)
    }

    @Test func aChangedRowMakesThatIndicatorsCardsAgain() {
        let memo = CardMemo()
        _ = build(SmallSite.files, memo: memo)
        // July's last referrals figure: July's referrals-rate only.
        let july = edited("content/visits/2020-07/front-door/referrals.csv", "2020-06,33,p", "2020-06,34,p")
        let afterJuly = build(july, memo: memo)
        #expect(afterJuly.report.cards?.made == 3)
        #expect(afterJuly.report.cards?.reused == 15)
        #expect(afterJuly.files == build(july, memo: nil).files)
        // February's last referrals figure: February's card, and July's too, whose change
        // since the previous visit is worked out from it.
        let february = edited("content/visits/2020-02/front-door/contacts.csv", "referrals-rate,2020-01,,31", "referrals-rate,2020-01,,30", in: july)
        let afterFebruary = build(february, memo: memo)
        #expect(afterFebruary.report.cards?.made == 6)
        #expect(afterFebruary.report.cards?.reused == 12)
        #expect(afterFebruary.files == build(february, memo: nil).files)
    }

    @Test func aNewThemeMakesEveryCardAgain() throws {
        let memo = CardMemo()
        _ = build(SmallSite.files, memo: memo)
        var files = SmallSite.files
        for (path, bytes) in Theme.embeddedDefault.files {
            files["themes/default/\(path)"] = String(decoding: bytes, as: UTF8.self)
        }
        let card = "themes/default/templates/indicator-card.mustache"
        files = edited(card, "<h3 id=\"{{anchor}}_title\"", "<h3 data-restyled id=\"{{anchor}}_title\"", in: files)
        let after = build(files, memo: memo)
        #expect(!after.report.hasErrors)
        #expect(after.report.cards?.made == 18)
        #expect(after.report.cards?.reused == 0)
        let page = try #require(after.files["visits/2020-07/care/index.html"])
        #expect(String(decoding: page, as: UTF8.self).contains("<h3 data-restyled id="))
    }

    /// A visit no longer in the site takes its cards with it; a visit not rendered keeps its own.
    @Test func theMemoHoldsTheCardsOfTheVisitsThatAreThere() {
        let memo = CardMemo()
        _ = build(SmallSite.files, memo: memo)
        var files = SmallSite.files
        for path in files.keys where path.hasPrefix("content/visits/2020-02/") { files[path] = nil }
        let after = build(files, memo: memo)
        #expect(!after.report.hasErrors)
        #expect(memo.count == 9)
    }
}
