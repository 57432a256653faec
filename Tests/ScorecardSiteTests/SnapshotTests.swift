import Foundation
import Testing
import ScorecardSite

/// Golden files of the small site's July pages, under `Snapshots/` beside this source file
/// (not as resources). Nothing is normalised: the output is deterministic.
///
/// To re-record, run with `RECORD_SNAPSHOTS=1`: the files are written and the test fails, so
/// a recording run can never pass by accident. The figures in these pages are worked by hand
/// in `FigureTests`.
@Suite struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    func assertSnapshot(_ actual: String?, named name: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = try #require(actual, sourceLocation: sourceLocation)
        let file = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
            Issue.record("Recorded \(name); run again without RECORD_SNAPSHOTS.", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            Issue.record("No snapshot \(name); record it with RECORD_SNAPSHOTS=1.", sourceLocation: sourceLocation)
            return
        }
        #expect(String(decoding: data, as: UTF8.self) == actual, sourceLocation: sourceLocation)
    }

    let result = build(SmallSite.files)

    @Test func visitPage() throws {
        try assertSnapshot(result.text("visits/2020-07/index.html"), named: "visit-2020-07.html")
    }

    @Test func scorecardPage() throws {
        try assertSnapshot(result.text("visits/2020-07/front-door/index.html"), named: "scorecard-2020-07-front-door.html")
    }

    @Test func pack() throws {
        try assertSnapshot(result.text("visits/2020-07/pack/index.html"), named: "pack-2020-07.html")
    }

    /// The same content always gives the same bytes, whatever order the visits render in.
    @Test func twoBuildsGiveTheSameBytes() {
        let again = build(SmallSite.files)
        #expect(Set(again.files.keys) == Set(result.files.keys))
        for (path, bytes) in result.files {
            #expect(again.files[path] == bytes, "\(path)")
        }
        let withDrafts = (0..<3).map { _ in build(DraftTests.october, drafts: true).files }
        #expect(withDrafts.allSatisfy { $0 == withDrafts[0] })
    }
}
