import Foundation
import ScorecardCore
@testable import ScorecardSite
import Testing

/// A cache entry's manifest reads back as it was written, whatever its paths and messages
/// hold, and anything else is refused (the entry is then rebuilt, never reused).
@Suite struct CacheManifestTests {
    typealias Manifest = EditionCache.Manifest

    static let awkward = Manifest(
        key: "k1",
        files: [.init(path: "visits/v1/index.html", hash: String(repeating: "ab", count: 32), size: 120),
                .init(path: "visits/v1/odd\tname\\with\nbreaks.csv", hash: String(repeating: "0f", count: 32), size: 0)],
        diagnostics: [
            Diagnostic(.warning, "no data\tyet", at: SourceLocation(path: "content/visits/v1/a.csv", line: 3, column: 7)),
            // A field starting with a combining mark: split by characters, the tab before it
            // and the mark are one character, and the line had no separator there.
            Diagnostic(.warning, "\u{301}accent first, then a CRLF\r\nend", at: SourceLocation(path: "content/visits/v1/\u{301}b.md")),
        ])

    @Test func readsBackWhatItWrote() throws {
        let text = Self.awkward.serialized()
        let read = try #require(Manifest.parse(Array(text.utf8)))
        #expect(read == Self.awkward)
    }

    @Test func writtenByHand() throws {
        let text = "scorecard-cache 1\nkey\tabc\nfile\t\(String(repeating: "1", count: 64))\t5\tindex.html\n"
            + "diagnostic\twarning\tcontent/x.csv\t2\t\tsee \\\\ here\n"
        let m = try #require(Manifest.parse(Array(text.utf8)))
        #expect(m.key == "abc")
        #expect(m.files == [.init(path: "index.html", hash: String(repeating: "1", count: 64), size: 5)])
        #expect(m.diagnostics.map(\.description) == ["content/x.csv:2: warning: see \\ here"])
    }

    @Test func refusesAnythingElse() {
        let good = Self.awkward.serialized()
        for text in [
            "",
            "scorecard-cache 2\nkey\tk\n",                 // another format
            String(good.dropLast()),                         // no final line feed
            good.replacingOccurrences(of: "key\tk1", with: "key\tk1\textra"),
            good + "unknown\tline\n",
            good.replacingOccurrences(of: "\t120\t", with: "\tmany\t"),
            "scorecard-cache 1\nkey\tk\nfile\th\t1\tbad\\escape\n",
            "scorecard-cache 1\nfile\th\t1\tp\n",          // no key
        ] {
            #expect(Manifest.parse(Array(text.utf8)) == nil, "\(text.debugDescription)")
        }
    }
}
