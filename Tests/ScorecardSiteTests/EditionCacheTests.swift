import Foundation
import ScorecardContent
import ScorecardCore
import ScorecardSite
import Testing

/// The cache of frozen editions: a warm build writes exactly what a clean one does, reuses
/// the published visits whose pages cannot have changed, and renders again exactly the ones
/// whose inputs did. Both visits of `SmallSite` are published; July's previous visit is
/// February, and July is the latest edition.
@Suite struct EditionCacheTests {
    let feb = SmallSite.february
    let jul = SmallSite.july

    /// A cache in a fresh temporary folder, removed by `cleanUp`.
    static func temporaryCache() -> EditionCache {
        EditionCache(root: FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)"))
    }

    func cleanUp(_ cache: EditionCache) { try? FileManager.default.removeItem(at: cache.root) }

    /// Builds `tree` into memory with `cache`.
    func build(_ tree: SourceTree, cache: EditionCache?, tool: String = "test 1") -> (files: [String: [UInt8]], report: SiteBuilder.Report) {
        let files = LockedBox([String: [UInt8]]())
        let sink = SiteBuilder.Sink(write: { p, b in files.withLock { $0[p] = b } },
                                    place: { p, _, b in let bytes = try b(); files.withLock { $0[p] = bytes } })
        let report = SiteBuilder.build(tree, options: .init(cache: cache, tool: tool), into: sink)
        return (files.withLock { $0 }, report)
    }

    var tree: SourceTree { recorded(SourceTree(files: SmallSite.files)) }

    @Test func aWarmBuildWritesWhatACleanBuildWrites() throws {
        let cache = Self.temporaryCache()
        defer { cleanUp(cache) }
        let clean = build(tree, cache: nil)
        #expect(!clean.report.hasErrors)
        let cold = build(tree, cache: cache)
        #expect(cold.report.reused == [])
        #expect(cold.report.rendered == [feb, jul])
        let warm = build(tree, cache: cache)
        #expect(warm.report.reused == [feb, jul])
        #expect(warm.report.rendered == [])
        #expect(warm.report.diagnostics == clean.report.diagnostics)
        // Byte for byte, every file, and the same set of files.
        #expect(Set(warm.files.keys) == SmallSite.expectedPaths)
        #expect(warm.files == clean.files)
        #expect(cold.files == clean.files)
        #expect(warm.report.fileCount == SmallSite.expectedPaths.count)
    }

    @Test func aNewVersionOfScorecardRendersEveryVisitAgain() {
        let cache = Self.temporaryCache()
        defer { cleanUp(cache) }
        _ = build(tree, cache: cache, tool: "test 1")
        let next = build(tree, cache: cache, tool: "test 2")
        #expect(next.report.reused == [])
        #expect(next.report.rendered == [feb, jul])
        // And the entries it stored are the ones the next build with that version reuses.
        #expect(build(tree, cache: cache, tool: "test 2").report.reused == [feb, jul])
    }

    @Test func aChangedSiteTitleRendersEveryVisitAgain() {
        let cache = Self.temporaryCache()
        defer { cleanUp(cache) }
        _ = build(tree, cache: cache)
        var files = SmallSite.files
        files["site.yaml"] = SmallSite.siteYAML.replacingOccurrences(of: "title: Testshire Scorecards", with: "title: Testshire Performance")
        let changed = recorded(SourceTree(files: files))
        let next = build(changed, cache: cache)
        #expect(!next.report.hasErrors)
        #expect(next.report.reused == [])
        #expect(next.files == build(changed, cache: nil).files)
    }

    @Test func aChangedThemeRendersEveryVisitAgain() throws {
        let cache = Self.temporaryCache()
        defer { cleanUp(cache) }
        // The site's own copy of the default theme, first as it is, then with one template changed.
        var files = SmallSite.files
        for (path, bytes) in Theme.embeddedDefault.files { files["themes/default/\(path)"] = String(decoding: bytes, as: UTF8.self) }
        let first = build(recorded(SourceTree(files: files)), cache: cache)
        #expect(first.report.rendered == [feb, jul])
        #expect(build(recorded(SourceTree(files: files)), cache: cache).report.reused == [feb, jul])
        let card = "themes/default/templates/indicator-card.mustache"
        files[card] = try #require(files[card]).replacingOccurrences(of: "<strong>Definition:</strong>", with: "<strong>What it measures:</strong>")
        let changed = recorded(SourceTree(files: files))
        let next = build(changed, cache: cache)
        #expect(next.report.reused == [])
        #expect(next.report.rendered == [feb, jul])
        #expect(String(decoding: try #require(next.files["visits/\(feb)/front-door/index.html"]), as: UTF8.self).contains("What it measures:"))
    }

    /// After `reopen`, a change to July and `publish` again: only July is rendered again.
    /// February does not show July's figures, and the latest edition (July, by the same
    /// title) is the same, so February's pages are reused.
    @Test func republishingTheLatestVisitRendersOnlyThatVisit() throws {
        let cache = Self.temporaryCache()
        defer { cleanUp(cache) }
        _ = build(tree, cache: cache)
        var files = SmallSite.files
        let narrative = "content/visits/\(jul)/front-door/narrative.md"
        files[narrative] = try #require(files[narrative]) + "\nA sentence added after reopening.\n"
        let changed = recorded(SourceTree(files: files))   // the record as publish writes it anew
        let next = build(changed, cache: cache)
        #expect(!next.report.hasErrors)
        #expect(next.report.reused == [feb])
        #expect(next.report.rendered == [jul])
        #expect(next.files == build(changed, cache: nil).files)
    }

    /// A change to February renders February and July again: July shows the change since
    /// February.
    @Test func republishingAnEarlierVisitRendersTheVisitsComparedWithIt() throws {
        let cache = Self.temporaryCache()
        defer { cleanUp(cache) }
        _ = build(tree, cache: cache)
        var files = SmallSite.files
        let overview = "content/visits/\(feb)/overview.md"
        files[overview] = try #require(files[overview]) + "\nA sentence added after reopening.\n"
        let changed = recorded(SourceTree(files: files))
        let next = build(changed, cache: cache)
        #expect(!next.report.hasErrors)
        #expect(next.report.reused == [])
        #expect(next.report.rendered == [feb, jul])
    }

    /// A file changed under a published visit without `reopen` fails the build as always,
    /// cache or not, and the cached pages are not passed off as current.
    @Test func aChangeWithoutReopenStillFails() throws {
        let cache = Self.temporaryCache()
        defer { cleanUp(cache) }
        _ = build(tree, cache: cache)
        var t = tree
        let path = "content/visits/\(jul)/front-door/narrative.md"
        t.entries[path] = .file(Array((String(decoding: try #require(t.file(path)), as: UTF8.self) + "\nEdited.\n").utf8))
        let next = build(t, cache: cache)
        #expect(next.report.hasErrors)
        #expect(next.report.diagnostics.contains { $0.isError && $0.location.path == path })
        #expect(next.report.reused == [])
    }

    /// Every kind of damage to a cached file: the visit is rendered again and the output is
    /// still exactly the clean build's.
    @Test(arguments: ["altered", "truncated", "missing", "manifest"])
    func aDamagedEntryIsRenderedAgain(damage: String) throws {
        let cache = Self.temporaryCache()
        defer { cleanUp(cache) }
        _ = build(tree, cache: cache)
        let entry = cache.root.appendingPathComponent(jul)
        let page = entry.appendingPathComponent("files/visits/\(jul)/front-door/index.html")
        let original = try Data(contentsOf: page)
        switch damage {
        case "altered":
            var bytes = [UInt8](original)
            bytes[bytes.count / 2] ^= 0x20   // one letter's case: same size, other bytes
            try Data(bytes).write(to: page)
        case "truncated": try original.prefix(original.count - 10).write(to: page)
        case "missing": try FileManager.default.removeItem(at: page)
        default: try Data("scorecard-cache 2\nkey\tnot-a-key\n".utf8).write(to: entry.appendingPathComponent("manifest"))
        }
        let next = build(tree, cache: cache)
        #expect(next.report.reused == [feb])
        #expect(next.report.rendered == [jul])
        #expect(next.files == build(tree, cache: nil).files)
        // The entry was stored anew, so the build after reuses it.
        #expect(build(tree, cache: cache).report.reused == [feb, jul])
    }

    /// Warnings of a reused visit come out on every build, as they did when it was rendered.
    @Test func aReusedVisitStillGivesItsWarnings() throws {
        let cache = Self.temporaryCache()
        defer { cleanUp(cache) }
        var files = SmallSite.files
        let csv = "content/visits/\(feb)/front-door/contacts.csv"
        // A row after February's data cut-off (31 Jan 2020) is left out with a warning.
        files[csv] = try #require(files[csv]) + "decided-1wd,2020-02,,40,50,,\n"
        let t = recorded(SourceTree(files: files))
        let cold = build(t, cache: cache)
        let warnings = cold.report.diagnostics.filter { $0.location.path == csv }
        #expect(warnings.count == 1)
        let warm = build(t, cache: cache)
        #expect(warm.report.reused == [feb, jul])
        #expect(warm.report.diagnostics == cold.report.diagnostics)
    }

    /// `EditionKey.pageSettings` and the record between them cover every setting of
    /// `site.yaml`: a new property of `Site` must be added to the key, or this fails.
    @Test func theKeyCoversEverySiteSetting() {
        let site = Site(title: "T", authority: "A", scorecards: [])
        let properties = Set(Mirror(reflecting: site).children.compactMap(\.label))
        #expect(properties == EditionKey.coveredSiteProperties)
    }
}
