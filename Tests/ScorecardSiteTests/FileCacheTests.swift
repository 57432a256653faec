import Foundation
import ScorecardSite
import Testing

/// The preview's cache of file contents: unchanged files are not read again, changed ones are.
@Suite struct FileCacheTests {
    @Test func onlyChangedFilesAreReadAgain() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("filecache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let files = ["site.yaml": "title: T\n", "content/a.txt": "one", "content/b/c.txt": "two", "themes/x/t.mustache": "{{a}}"]
        for (path, text) in files {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let cache = SourceTreeReader.FileCache()
        let first = SourceTreeReader.read(site: site, cache: cache)
        #expect(first.entries == SourceTreeReader.read(site: site).entries)
        // site.yaml is read apart from the walk and never cached: three files under content/ and themes/.
        #expect(cache.filesRead == 3)
        #expect(SourceTreeReader.read(site: site, cache: cache).entries == first.entries)
        #expect(cache.filesRead == 0)
        // The same size, written again: its times change, so it is read again.
        try Data("six".utf8).write(to: site.appendingPathComponent("content/a.txt"))
        let third = SourceTreeReader.read(site: site, cache: cache)
        #expect(cache.filesRead == 1)
        #expect(third.entries["content/a.txt"] == .file(Array("six".utf8)))
        #expect(third.entries == SourceTreeReader.read(site: site).entries)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/b/c.txt"))
        #expect(SourceTreeReader.read(site: site, cache: cache).entries["content/b/c.txt"] == nil)
        #expect(cache.filesRead == 0)
    }
}
