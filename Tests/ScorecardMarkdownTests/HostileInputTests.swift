import ScorecardCore
import ScorecardMarkdown
import Testing

/// Narratives written to hurt: every reference is still placed exactly, in time linear in
/// the size of the text (each of these took seconds to minutes when placing a reference
/// recounted its line, or searched every earlier piece of its text).
@Suite struct HostileInputTests {
    static func timed(_ body: () -> Rendered) -> (Rendered, Duration) {
        var result: Rendered?
        let elapsed = ContinuousClock().measure { result = body() }
        return (result!, elapsed)
    }

    @Test func manyReferencesOnOneLongLine() {
        let n = 20_000
        // Each piece is 8 scalars ("é" is two bytes); piece k's "{{" is at column 8k + 3.
        let (rendered, elapsed) = Self.timed { render(String(repeating: "é {{a}} ", count: n) + "\n") }
        #expect(rendered.references.count == n)
        #expect(rendered.references.last?.location == at(1, 8 * (n - 1) + 3))
        #expect(elapsed < .seconds(1))
    }

    @Test func manyTextNodesOnOneLine() {
        // Every "[" ends a text node: one run of 2n adjacent nodes on one line.
        let n = 10_000
        let (rendered, elapsed) = Self.timed { render(String(repeating: "{{a}}[", count: n) + "\n") }
        #expect(rendered.references.count == n)
        #expect(rendered.references.last?.location == at(1, 6 * (n - 1) + 1))
        #expect(elapsed < .seconds(1))
    }

    @Test func manyLinesInOneHTMLBlock() {
        // Author HTML becomes one text node with a piece for every line.
        let n = 20_000
        let (rendered, elapsed) = Self.timed { render("<div>\n" + String(repeating: "{{a}}\n", count: n)) }
        #expect(rendered.references.count == n)
        #expect(rendered.references.last?.location == at(n + 1, 1))
        #expect(elapsed < .seconds(1))
    }

    @Test func manyReferencesAmongEntities() {
        let n = 1_500
        let (rendered, elapsed) = Self.timed { render(String(repeating: "&amp;{{x}}&ThickSpace;&#123;{{y}}", count: n) + "\n") }
        #expect(rendered.references.count == 2 * n)
        #expect(elapsed < .seconds(1))
    }
}
