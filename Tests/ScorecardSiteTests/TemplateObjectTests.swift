@testable import ScorecardSite
import Testing

/// A template object behaves as the dictionary it replaced: a value per key, set, replaced
/// and removed by subscript, and keys kept in the order first set.
struct TemplateObjectTests {
    func text(_ v: TemplateValue?) -> String? {
        if case .text(let s)? = v { return s }
        return nil
    }

    @Test func literalKeysAreFoundAndOthersAreNot() {
        let o: TemplateObject = ["title": .text("A"), "publishedSource": .text("B"), "a-key-longer-than-fifteen-bytes": .text("C")]
        #expect(text(o["title"]) == "A")
        #expect(text(o["publishedSource"]) == "B")
        #expect(text(o["a-key-longer-than-fifteen-bytes"]) == "C")
        #expect(o["Title"] == nil)
        #expect(o["title "] == nil)
        #expect(o[""] == nil)
        #expect(o.count == 3)
        #expect(o.keys == ["title", "publishedSource", "a-key-longer-than-fifteen-bytes"])
    }

    @Test func settingReplacesAddsAndRemoves() {
        var o: TemplateObject = [:]
        #expect(o.count == 0)
        o["a"] = .text("1")
        o["b"] = .text("2")
        o["a"] = .text("3")
        #expect(o.keys == ["a", "b"])
        #expect(text(o["a"]) == "3")
        o["a"] = nil
        #expect(o.keys == ["b"])
        #expect(o["a"] == nil)
        #expect(text(o["b"]) == "2")
        o["missing"] = nil
        #expect(o.keys == ["b"])
        o["a"] = .empty
        #expect(o.keys == ["b", "a"])
    }
}
