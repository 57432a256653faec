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
        let text = "scorecard-cache 2\nkey\tabc\nfile\t\(String(repeating: "1", count: 32))\t5\tindex.html\n"
            + "diagnostic\twarning\tcontent/x.csv\t2\t\tsee \\\\ here\n"
        let m = try #require(Manifest.parse(Array(text.utf8)))
        #expect(m.key == "abc")
        #expect(m.files == [.init(path: "index.html", hash: String(repeating: "1", count: 32), size: 5)])
        #expect(m.diagnostics.map(\.description) == ["content/x.csv:2: warning: see \\ here"])
    }

    @Test func refusesAnythingElse() {
        let good = Self.awkward.serialized()
        for text in [
            "",
            "scorecard-cache 1\nkey\tk\n",                 // the SHA-256 format before it
            "scorecard-cache 3\nkey\tk\n",                 // a later one
            String(good.dropLast()),                         // no final line feed
            good.replacingOccurrences(of: "key\tk1", with: "key\tk1\textra"),
            good + "unknown\tline\n",
            good.replacingOccurrences(of: "\t120\t", with: "\tmany\t"),
            "scorecard-cache 2\nkey\tk\nfile\th\t1\tbad\\escape\n",
            "scorecard-cache 2\nfile\th\t1\tp\n",          // no key
        ] {
            #expect(Manifest.parse(Array(text.utf8)) == nil, "\(text.debugDescription)")
        }
    }

    /// XXH3-128 as `xxhsum -H2` (Debian's xxhash package, a separate build of the algorithm)
    /// printed it for the same bytes; the empty input's is the algorithm's published value.
    @Test func checksumsAreXXH3OfTheBytes() {
        #expect(EditionCache.checksum([UInt8]()) == "99aa06d3014798d86001c324468d497f")
        #expect(EditionCache.checksum(Array("abc".utf8)) == "06b05ab6733a618578af5f94892f3950")
        let long = Array((0..<40).flatMap { _ in (0...255).map(UInt8.init) })
        #expect(EditionCache.checksum(long) == "1cb22534d0d96975c03d2231ab9348f3")
        // A slice is checked as its own bytes (the reuse path hashes a buffer's prefix).
        #expect(EditionCache.checksum((long + [1, 2, 3])[..<long.count]) == "1cb22534d0d96975c03d2231ab9348f3")
        var changed = long
        changed[5_000] ^= 1
        #expect(EditionCache.checksum(changed) != EditionCache.checksum(long))
    }
}
