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

    /// Builds `tree` through a sink, as `scorecard build` does, with `cache`.
    func build(_ tree: SourceTree, whileLoading: Bool, drafts: Bool = false, cache: (any EditionStore)? = nil)
        -> (files: [String: [UInt8]], report: SiteBuilder.Report) {
        let files = LockedBox([String: [UInt8]]())
        let sink = SiteBuilder.Sink(write: { p, b in files.withLock { $0[p] = b } },
                                    place: { p, _, b in let bytes = try b(); files.withLock { $0[p] = bytes } })
        var options = SiteBuilder.Options(drafts: drafts, cache: cache, tool: "test 1")
        options.renderWhileLoading = whileLoading
        let report = SiteBuilder.build(tree, options: options, into: sink)
        return (files.withLock { $0 }, report)
    }

    /// Pages are made while loading where they can be: both visits of the small site, and
    /// none of the sample site, which has official statistics (attached to the visits only
    /// once all have been read).
    @Test func visitsAreRenderedWhileLoading() {
        let small = build(recorded(SourceTree(files: SmallSite.files)), whileLoading: true)
        #expect(small.report.rendered == [SmallSite.february, SmallSite.july])
        #expect(small.report.renderedWhileLoading == [SmallSite.february, SmallSite.july])
        let after = build(recorded(SourceTree(files: SmallSite.files)), whileLoading: false)
        #expect(after.report.renderedWhileLoading == [])
        #expect(after.files == small.files)
        let sample = build(SourceTreeReader.read(site: SampleSiteTests.root), whileLoading: true)
        #expect(!sample.report.hasErrors)
        #expect(sample.report.renderedWhileLoading == [])
    }

    /// With a cache: the published visits are reused and only the drafts rendered (their
    /// previous visit, July, read for its figures but not rendered); the same files either way.
    @Test func withACacheTheFilesAreTheSameEitherWay() throws {
        var files = DraftTests.withDraft(id: "2020-10", date: "2020-10-14", asOf: "2020-09-30",
                                         extra: "decided-1wd,2020-09,90.0,,,,\n")
        for (path, text) in DraftTests.withDraft(id: "2020-12", date: "2020-12-09", asOf: "2020-11-30") where path.hasPrefix("content/visits/2020-12/") {
            files[path] = text
        }
        let tree = recorded(SourceTree(files: files))
        var results: [[String: [UInt8]]] = []
        for whileLoading in [true, false] {
            let cache = EditionCacheTests.temporaryCache()
            defer { try? FileManager.default.removeItem(at: cache.root) }
            _ = build(tree, whileLoading: whileLoading, cache: cache)   // fills the cache
            let warm = build(tree, whileLoading: whileLoading, drafts: true, cache: cache)
            #expect(!warm.report.hasErrors)
            #expect(warm.report.reused == [SmallSite.february, SmallSite.july])
            #expect(warm.report.rendered == ["2020-10", "2020-12"])
            #expect(warm.report.renderedWhileLoading == (whileLoading ? ["2020-10", "2020-12"] : []))
            results.append(warm.files)
        }
        #expect(results[0].keys.sorted() == results[1].keys.sorted())
        #expect(results[0].keys.sorted().filter { results[0][$0] != results[1][$0] } == [])
    }

    /// An error in one visit fails the build either way, with the same diagnostics; the
    /// pages already made while loading went only to the sink (a staging folder, which the
    /// caller then discards) and to pending cache entries, which are discarded too.
    @Test func aFailedBuildKeepsNothingEitherWay() throws {
        var files = SmallSite.files
        files["content/visits/2020-07/front-door/contacts.csv"]! += "decided-1wd,2020-13,50,,,,\n"
        let tree = recorded(SourceTree(files: files))
        var diagnostics: [[Diagnostic]] = []
        for whileLoading in [true, false] {
            let cache = EditionCacheTests.temporaryCache()
            defer { try? FileManager.default.removeItem(at: cache.root) }
            let r = build(tree, whileLoading: whileLoading, cache: cache)
            #expect(r.report.hasErrors)
            #expect(r.report.fileCount == 0)
            #expect(r.report.diagnostics.contains { $0.description.contains("2020-13") })
            // February has no error: its pages were made while loading and reached the sink
            // (after loading, nothing is made once an error is known); the report lists none.
            let february = r.files.keys.filter { $0.hasPrefix("visits/\(SmallSite.february)/") }
            #expect(whileLoading ? !february.isEmpty : r.files.isEmpty)
            #expect(r.report.rendered == [] && r.report.renderedWhileLoading == [])
            let left = (try? FileManager.default.subpathsOfDirectory(atPath: cache.root.path)) ?? []
            #expect(left == [], "the cache kept \(left)")
            diagnostics.append(r.report.diagnostics)
        }
        #expect(diagnostics[0] == diagnostics[1])
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
    @Test func aVisitBeingReadIsWaitedFor() throws {
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
