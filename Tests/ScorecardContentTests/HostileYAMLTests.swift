import Foundation
import ScorecardContent
import ScorecardCore
import Testing

private let V = SiteFixture.visit
private let EH = SiteFixture.earlyHelp

/// YAML written to hurt: it is refused with a message at its place, quickly, however large
/// the structure it would expand to.
@Suite struct HostileYAMLTests {
    /// `a0` to `a<depth>`, each a list of nine aliases of the one before: `a<depth>` expands
    /// to 9^(depth + 1) strings ("billion laughs").
    static func laughs(depth: Int) -> String {
        var lines = ["laughs:", "  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for i in 1...depth {
            lines.append("  - &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Yams compares the keys of a mapping by value, so an alias of the bomb as a key took
    /// time in the size of its expansion (seconds at depth 6, years at 12).
    @Test(.timeLimit(.minutes(1))) func anAliasBombAsAKeyIsRefusedAtOnce() {
        let depth = 12
        let yaml = SiteFixture.visitYAML + Self.laughs(depth: depth) + "population:\n  ? *a\(depth)\n  : 1\n"
        var found: [String] = []
        let elapsed = ContinuousClock().measure { found = diagnostics(.write("\(V)/visit.yaml", yaml)) }
        // visit.yaml is refused whole, as for a syntax error.
        #expect(found == [
            "\(V)/visit.yaml:\(depth + 8):5: error: this key is a list, a mapping or an alias (*name); keys are plain words such as title or 2020",
        ])
        #expect(elapsed < .seconds(1))
    }

    @Test func listAndAliasKeysAreRefusedWhereTheyAre() {
        #expect(diagnostics(.replace("\(V)/visit.yaml", "status: published", "status: published\n[a, b]: 1")) == [
            "\(V)/visit.yaml:5:1: error: this key is a list, a mapping or an alias (*name); keys are plain words such as title or 2020",
        ])
        #expect(diagnostics(.replace("\(V)/visit.yaml", "status: published", "status: &s published\n*s : 1")) == [
            "\(V)/visit.yaml:5:1: error: this key is a list, a mapping or an alias (*name); keys are plain words such as title or 2020",
        ])
    }

    /// Anchors and aliases as values are plain YAML and still read.
    @Test func aliasesAsValuesStillWork() {
        let content = loadFixture(.replace("\(V)/visit.yaml", "title: Monitoring visit, February 2020\ndate: 2020-02-12\ndata-as-of: 2020-01-31",
                                           "title: Monitoring visit, February 2020\ndate: &d 2020-02-12\ndata-as-of: 2020-01-31\n# same day: *d"))
        #expect(content.diagnostics.isEmpty)
        let scorecard = loadFixture(.replace("\(EH)/scorecard.yaml", "title: Early help assessments completed",
                                             "title: &t Early help assessments completed\n    definition: *t"))
        #expect(scorecard.diagnostics.isEmpty)
        #expect(scorecard.visits.first?.scorecards.first?.indicators.first?.definition == "Early help assessments completed")
    }

    /// A control character is invisible in most editors: say where it is and which it is.
    @Test func aControlCharacterIsShownAtItsPlace() {
        #expect(diagnostics(.replace("\(V)/visit.yaml", "title: Monitoring visit", "title: Monitoring\u{7} visit")) == [
            "\(V)/visit.yaml:1:18: error: could not read YAML: control characters are not allowed (U+0007); remove it",
        ])
        // In front matter, at its line in the file.
        #expect(diagnostics(.replace("\(EH)/narrative.md", "title: Early help", "title: Early\u{1} help")) == [
            "\(EH)/narrative.md:2:13: error: could not read YAML: control characters are not allowed (U+0001); remove it",
        ])
    }

    /// libyaml stops at 1,000 levels of nesting, with a message meant for programmers.
    @Test func nestingTooDeepIsSaidPlainly() {
        let yaml = SiteFixture.visitYAML + "population: " + String(repeating: "[", count: 1_100) + String(repeating: "]", count: 1_100) + "\n"
        let found = diagnostics(.write("\(V)/visit.yaml", yaml))
        #expect(found == ["\(V)/visit.yaml:5:14: error: YAML syntax error: lists and mappings are nested more than 1,000 levels deep; content files need only a few"])
    }
}
