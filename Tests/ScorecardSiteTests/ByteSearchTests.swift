@testable import ScorecardSite
import Testing

/// The byte search that decides whether a narrative has footnotes to scope.
struct ByteSearchTests {
    func has(_ text: String, _ needle: String) -> Bool {
        NarrativeView.bytes(of: text, contain: Array(needle.utf8))
    }

    @Test func findsTheNeedleAnywhere() {
        #expect(has("data-footnote", "data-footnote"))
        #expect(has("<section data-footnotes>", "data-footnote"))
        #expect(has("xx data-footnote", "data-footnote"))
        #expect(has(String(repeating: "data-footnot", count: 500) + "e", "data-footnote"))
        #expect(has("é data-footnote ü", "data-footnote"))
    }

    @Test func missesWhatIsNotThere() {
        #expect(!has("", "data-footnote"))
        #expect(!has("data-footnot", "data-footnote"))
        #expect(!has("ata-footnote", "data-footnote"))
        #expect(!has(String(repeating: "data-footnot", count: 500), "data-footnote"))
        #expect(!has("DATA-FOOTNOTE", "data-footnote"))
    }
}
