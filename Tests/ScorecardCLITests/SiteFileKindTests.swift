import Foundation
import ScorecardSite
import Testing

/// What stands at site.yaml on disk is read for what it is: a folder or a pipe is not
/// "missing", and a pipe is never opened for reading (which would wait for a writer).
@Suite(.serialized) struct SiteFileKindTests {
    func settingsDiagnostics(_ site: TempSite) -> [String] {
        SiteBuilder.build(SourceTreeReader.read(site: site.url)).diagnostics.map(\.description).filter { $0.hasPrefix("site.yaml") }
    }

    @Test func aFolderOrAPipeAtSiteYAML() throws {
        let site = try TempSite(TempSite.minimal)
        defer { site.remove() }
        let path = site.url.appendingPathComponent("site.yaml")
        try FileManager.default.removeItem(at: path)
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: false)
        #expect(settingsDiagnostics(site) == ["site.yaml: error: site.yaml is a folder; it must be a text file with the site's settings"])
        try FileManager.default.removeItem(at: path)
        #expect(mkfifo(path.path, 0o644) == 0)
        #expect(settingsDiagnostics(site) == ["site.yaml: error: site.yaml is not a regular file (it is a pipe, socket or device); it must be a text file with the site's settings"])
    }
}
