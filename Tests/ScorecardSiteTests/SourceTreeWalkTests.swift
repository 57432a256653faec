import Foundation
import ScorecardContent
import ScorecardSite
import Testing

/// Reading a site folder, the visit folders walked on every core: every entry is found, as
/// what it is, hidden files are not read, links are not followed, and the preview's file
/// cache counts reads across visits.
struct SourceTreeWalkTests {
    @Test func everyVisitFolderIsReadAsItIs() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        var expected: [String: SourceTree.Entry] = ["site.yaml": .file(Array("title: T\n".utf8)), "content": .folder,
                                                    "content/visits": .folder, "themes": .folder]
        func write(_ path: String, _ text: String) throws {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("site.yaml", "title: T\n")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("themes"), withIntermediateDirectories: true)
        for v in 0..<30 {
            let folder = "content/visits/v\(v)"
            try write("\(folder)/visit.yaml", "date: \(v)\n")
            try write("\(folder)/card/data.csv", "row \(v)\n")
            try write("\(folder)/.swap", "private \(v)")
            expected[folder] = .folder
            expected["\(folder)/card"] = .folder
            expected["\(folder)/visit.yaml"] = .file(Array("date: \(v)\n".utf8))
            expected["\(folder)/card/data.csv"] = .file(Array("row \(v)\n".utf8))
            expected["\(folder)/.swap"] = .file([])   // listed, never read
        }
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("content/visits/v3/link.md").path, withDestinationPath: "/etc/hostname")
        expected["content/visits/v3/link.md"] = .symlink

        let cache = SourceTreeReader.FileCache()
        let tree = SourceTreeReader.read(site: site, cache: cache)
        #expect(tree.entries == expected)
        #expect(cache.filesRead == 60)
        #expect(SourceTreeReader.read(site: site, cache: cache).entries == expected)
        #expect(cache.filesRead == 0)
        try write("content/visits/v17/card/data.csv", "changed\n")
        expected["content/visits/v17/card/data.csv"] = .file(Array("changed\n".utf8))
        #expect(SourceTreeReader.read(site: site, cache: cache).entries == expected)
        #expect(cache.filesRead == 1)
    }
}
