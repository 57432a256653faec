import Foundation
@testable import ScorecardCLI
import ScorecardSite
import Testing

/// `build` keeps the pages of published visits in `.scorecard/cache/` and reuses them;
/// `--no-cache` neither reads nor writes it; `publish` checks only the visit it publishes.
@Suite(.serialized) struct CacheCommandTests {
    /// The minimal site with its one visit published (and so recorded).
    func publishedSite() throws -> TempSite {
        let site = try TempSite(TempSite.minimal)
        #expect(Publishing.publish(visit: "2020-02", site: site.url).succeeded)
        return site
    }

    @Test func buildStoresThePublishedVisitAndReusesIt() async throws {
        let site = try publishedSite()
        defer { site.remove() }
        #expect(await exitCode(["build", "--site", site.url.path]) == 0)
        let manifest = site.read(".scorecard/cache/2020-02/manifest")
        #expect(manifest?.hasPrefix("scorecard-cache 2\nkey\t") == true)
        // The front-door page is among the cached files, under its output path.
        #expect(manifest?.contains("\tvisits/2020-02/front-door/index.html\n") == true)
        let first = site.snapshot("output")
        #expect(await exitCode(["build", "--site", site.url.path]) == 0)
        #expect(site.snapshot("output") == first)
        // A clean build with --no-cache writes the same bytes.
        #expect(await exitCode(["build", "--site", site.url.path, "--no-cache"]) == 0)
        #expect(site.snapshot("output") == first)
    }

    @Test func noCacheNeitherReadsNorWritesTheCache() async throws {
        let site = try publishedSite()
        defer { site.remove() }
        #expect(await exitCode(["build", "--site", site.url.path, "--no-cache"]) == 0)
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent(".scorecard").path))
        // check writes nothing either, the cache included.
        #expect(await exitCode(["check", "--site", site.url.path]) == 0)
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent(".scorecard").path))
    }

    /// A broken draft elsewhere in the site does not stop a sound visit from being
    /// published: publish reads and checks the visit it publishes (and the previous visit it
    /// is compared with), not every visit of the site.
    @Test func publishChecksOnlyTheVisitItPublishes() throws {
        var files = TempSite.minimal
        files["content/visits/2020-02/visit.yaml"] = "title: February 2020\ndate: 2020-02-12\ndata-as-of: 2020-01-31\nstatus: draft\n"
        files["content/visits/2020-07/visit.yaml"] = "title: July 2020\ndate: 2020-07-15\ndata-as-of: 2020-06-30\nstatus: draft\n"
        files["content/visits/2020-07/front-door/scorecard.yaml"] = files["content/visits/2020-02/front-door/scorecard.yaml"]
        files["content/visits/2020-07/front-door/data.csv"] = "indicator,period,value\ncontacts,2020-06,1O0\n"
        let site = try TempSite(files)
        defer { site.remove() }
        let outcome = Publishing.publish(visit: "2020-02", site: site.url)
        #expect(outcome.succeeded)
        #expect(site.read("content/published.yaml")?.contains("  2020-02:\n") == true)
        // The broken draft itself is refused, with its error at its place.
        let refused = Publishing.publish(visit: "2020-07", site: site.url)
        #expect(!refused.succeeded)
        #expect(refused.diagnostics.contains { $0.isError && $0.location.path == "content/visits/2020-07/front-door/data.csv" && $0.location.line == 2 })
    }
}
