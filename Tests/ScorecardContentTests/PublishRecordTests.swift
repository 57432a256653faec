import ScorecardContent
import ScorecardCore
import Testing

@Suite struct PublishRecordTests {
    @Test func aPublishedVisitWithoutARecordIsAWarningThatSuggestsPublish() {
        let content = ContentLoader.load(fixtureTree([]))
        #expect(content.diagnostics.map(\.description) == [
            "content/visits/2020-02/visit.yaml: warning: visit '2020-02' is marked published but has no publish record, so changes to it are not caught; run 'scorecard publish 2020-02'",
        ])
    }

    @Test func aRecordOfTheCurrentFilesVerifiesCleanAndCatchesATamper() throws {
        var tree = fixtureTree([])
        let content = ContentLoader.load(tree)
        let site = try #require(content.site)
        let visit = try #require(content.visits.first)
        let record = PublishRecord(visits: ["2020-02": PublishRecord.entry(for: visit, site: site, tree: tree)])
        tree.entries[PublishRecord.path] = .file(Array(record.serialized().utf8))
        #expect(ContentLoader.load(tree).diagnostics == [])
        // The record reads back as written.
        var diags: [Diagnostic] = []
        #expect(PublishRecord.parse(Array(record.serialized().utf8), diagnostics: &diags) == record)
        #expect(diags.isEmpty)
        tree.entries["content/visits/2020-02/overview.md"] = .file(Array("Changed.\n".utf8))
        #expect(ContentLoader.load(tree).diagnostics.map(\.description).contains { $0.hasPrefix("content/visits/2020-02/overview.md: error: this file") })
    }

    @Test func hashesIgnoreByteOrderMarkAndLineEnds() {
        // SHA-256 of "a\nb\n", from `printf 'a\nb\n' | sha256sum`.
        let lf = PublishRecord.hash(Array("a\nb\n".utf8))
        #expect(lf == "911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2")
        #expect(PublishRecord.hash([0xEF, 0xBB, 0xBF] + Array("a\r\nb\r\n".utf8)) == lf)
        #expect(PublishRecord.hash(Array("a\nc\n".utf8)) != lf)
    }
}
