import Foundation
import ScorecardContent
import ScorecardCore
@testable import ScorecardSite
import Testing

/// A build makes a visit's pages as soon as the visit has been read, while its rows are at
/// hand (`LoadTimePages`), and leaves the rest to the pages made after loading. Either way
/// the files and diagnostics must be the same, byte for byte.
@Suite struct LoadTimePagesTests {
    func bothWays(_ tree: SourceTree, drafts: Bool) -> (whileLoading: SiteBuilder.Result, after: SiteBuilder.Result) {
        let whileLoading = SiteBuilder.build(tree, options: .init(drafts: drafts))
        var options = SiteBuilder.Options(drafts: drafts)
        options.renderWhileLoading = false
        return (whileLoading, SiteBuilder.build(tree, options: options))
    }

    /// The sample site, the small site, and the small site with two drafts after it (one
    /// compared with July, one whose previous published visit is also July), with and
    /// without drafts written.
    @Test func sitesAreByteIdenticalEitherWay() throws {
        var drafts = DraftTests.withDraft(id: "2020-10", date: "2020-10-14", asOf: "2020-09-30",
                                          extra: "decided-1wd,2020-09,90.0,,,,\n")
        for (path, text) in DraftTests.withDraft(id: "2020-12", date: "2020-12-09", asOf: "2020-11-30") where path.hasPrefix("content/visits/2020-12/") {
            drafts[path] = text
        }
        let sites = [("sample", SourceTreeReader.read(site: SampleSiteTests.root)),
                     ("small", recorded(SourceTree(files: SmallSite.files))),
                     ("drafts", recorded(SourceTree(files: drafts)))]
        for (name, tree) in sites {
            for withDrafts in [false, true] {
                let (a, b) = bothWays(tree, drafts: withDrafts)
                #expect(!a.hasErrors, "\(name)")
                #expect(a.files.count > 10, "\(name)")
                // Paths, not bytes, in the message: a page's bytes fill a screen.
                #expect(a.files.keys.sorted() == b.files.keys.sorted(), "\(name), drafts \(withDrafts)")
                let differing = a.files.keys.sorted().filter { a.files[$0] != b.files[$0] }
                #expect(differing.isEmpty, "\(name), drafts \(withDrafts): \(differing)")
                #expect(a.diagnostics == b.diagnostics, "\(name), drafts \(withDrafts)")
            }
        }
    }

    /// An error in one visit fails the build either way, with the same diagnostics, and the
    /// pages made while loading are not among its files.
    @Test func aFailedBuildWritesNothingEitherWay() {
        var files = SmallSite.files
        files["content/visits/2020-07/front-door/contacts.csv"]! += "decided-1wd,2020-13,50,,,,\n"
        let (a, b) = bothWays(recorded(SourceTree(files: files)), drafts: false)
        #expect(a.hasErrors)
        #expect(a.files.isEmpty && b.files.isEmpty)
        #expect(a.diagnostics == b.diagnostics)
        #expect(a.printed.contains { $0.contains("2020-13") })
    }

    // MARK: LoadTimeFigures

    static let visits: [Visit] = ContentLoader.load(SourceTree(files: SmallSite.files)).visits
    static let site = ContentLoader.load(SourceTree(files: SmallSite.files)).site!

    @Test func figuresAreThoseWorkedOutFromTheRows() throws {
        let figures = LoadTimeFigures(site: Self.site)
        let july = try #require(Self.visits.first { $0.id == SmallSite.july })
        figures.start(july.id)
        figures.finish(july.id, july)
        let own = try #require(figures.own(july.id))
        #expect(own == VisitFigures.compute(visit: july, site: Self.site, previous: nil))
        // Never read, or read and failed: none.
        #expect(figures.own("2019-01") == nil)
        figures.start("2019-02")
        figures.finish("2019-02", nil)
        #expect(figures.own("2019-02") == nil)
    }

    /// A visit being read is waited for, and its figures given once it has been read.
    @Test func aVisitBeingReadIsWaitedFor() async throws {
        let figures = LoadTimeFigures(site: Self.site)
        let february = try #require(Self.visits.first { $0.id == SmallSite.february })
        figures.start(february.id)
        let reader = Thread {
            Thread.sleep(forTimeInterval: 0.2)
            figures.finish(february.id, february)
        }
        let started = Date()
        reader.start()
        let own = figures.own(february.id)
        #expect(own?.visit.id == february.id)
        #expect(Date().timeIntervalSince(started) >= 0.15, "own returned before the visit was read")
    }

    /// At most `keep` visits' figures are kept, the oldest dropped first.
    @Test func onlyTheNewestAreKept() throws {
        let figures = LoadTimeFigures(site: Self.site, keep: 1)
        let february = try #require(Self.visits.first { $0.id == SmallSite.february })
        let july = try #require(Self.visits.first { $0.id == SmallSite.july })
        figures.finish(february.id, february)
        figures.finish(july.id, july)
        #expect(figures.own(february.id) == nil)
        #expect(figures.own(july.id) != nil)
    }
}
