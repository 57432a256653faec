import Foundation
import Testing
import ScorecardSite

/// Problems in narrative Markdown are reported at the file, line and column where they are
/// written, counting the front matter's lines.
@Suite struct NarrativeDiagnosticsTests {
    static let narrativePath = "content/visits/2020-07/front-door/narrative.md"
    static let overviewPath = "content/visits/2020-07/overview.md"

    @Test func unknownIndicatorsInKPIBlocksAndReferencesAreErrorsAtTheirPlace() {
        var files = SmallSite.files
        // Lines 1–4 are front matter; the reference's `{{` is at line 6, column 10; the kpi
        // block's second id at line 10, column 1 (and indented, at line 14 column 3).
        files[Self.narrativePath] = """
            ---
            title: Front door
            summary: Errors on purpose.
            ---

            Unknown: {{decided-1wdd}} here.

            ```kpi
            decided-1wd
            nosuch
            ```

            - ```kpi
              also-unknown
              ```

            Left alone in code: `{{nosuch.period}}`.

                {{nosuch}} in an indented code block

            """
        // No front matter: line 2, column 3 is the `{{`.
        files[Self.overviewPath] = """
            Fine: {{placements}}.
            A {{placement.change}} typo.

            """
        let result = build(files)
        #expect(result.hasErrors)
        #expect(result.files.isEmpty)
        #expect(result.printed == [
            "content/visits/2020-07/front-door/narrative.md:6:10: error: unknown indicator 'decided-1wdd' in {{decided-1wdd}}; it is not defined in any scorecard of this visit; did you mean 'decided-1wd'?",
            "content/visits/2020-07/front-door/narrative.md:10:1: error: unknown indicator 'nosuch' in a kpi block; it is not defined in any scorecard of this visit",
            "content/visits/2020-07/front-door/narrative.md:14:3: error: unknown indicator 'also-unknown' in a kpi block; it is not defined in any scorecard of this visit",
            "content/visits/2020-07/overview.md:2:3: error: unknown indicator 'placement' in {{placement.change}}; it is not defined in any scorecard of this visit; did you mean 'placements'?",
        ])
    }

    /// A CRLF file with a byte-order mark counts lines and columns the same way.
    @Test func crlfAndAByteOrderMarkDoNotMoveTheLocation() {
        var files = SmallSite.files
        files[Self.narrativePath] = "\u{FEFF}---\r\ntitle: Front door\r\n---\r\n\r\nSee {{nope}}.\r\n"
        let result = build(files)
        #expect(result.printed == [
            "content/visits/2020-07/front-door/narrative.md:5:5: error: unknown indicator 'nope' in {{nope}}; it is not defined in any scorecard of this visit",
        ])
    }

    /// The latest figure of `decided-1wd` is suppressed (3 of 80 is under 5): `{{id}}` and
    /// `.change` print `[c]`, `.period` and `.target` still print; a missing target or change
    /// prints `[x]`; each with a warning at its `{{`. Nothing shows 3.75% (3 × 100 / 80).
    @Test func suppressedAndMissingFiguresPrintSymbolsWithWarnings() throws {
        var files = SmallSite.files
        files["content/visits/2020-07/front-door/contacts.csv"] = files["content/visits/2020-07/front-door/contacts.csv"]!
            .replacingOccurrences(of: "decided-1wd,2020-06,,69,80,,", with: "decided-1wd,2020-06,,3,80,,")
        files[Self.narrativePath] = """
            ---
            title: Front door
            ---
            Now {{decided-1wd}} in {{decided-1wd.period}} against {{decided-1wd.target}},
            a change of {{decided-1wd.change}}. Rates have no target: {{referrals-rate.target}}.

            ```
            {{decided-1wd}} in a code block
            ```

            """
        // February has no previous visit, so no change.
        files["content/visits/2020-02/overview.md"] = "Change: {{placements.change}}.\n"
        let result = build(files)
        #expect(result.printed == [
            "content/visits/2020-02/overview.md:1:9: warning: {{placements.change}} has no change since the previous visit at this visit, so it shows [x]",
            "content/visits/2020-07/front-door/narrative.md:4:5: warning: {{decided-1wd}} has no figure at this visit, so it shows [c]",
            "content/visits/2020-07/front-door/narrative.md:5:13: warning: {{decided-1wd.change}} has no change since the previous visit at this visit, so it shows [c]",
            "content/visits/2020-07/front-door/narrative.md:5:59: warning: {{referrals-rate.target}} has no target at this visit, so it shows [x]",
        ])
        let page = try #require(result.text("visits/2020-07/front-door/index.html"))
        #expect(page.contains("<p>Now [c] in Jun 2020 against 80.0%,\na change of [c]. Rates have no target: [x].</p>"))
        #expect(page.contains("<pre><code>{{decided-1wd}} in a code block\n</code></pre>"))
        #expect(page.contains("<p class=\"card-latest\"><span class=\"big-number\">[c]</span><span class=\"latest-key\"><span>[c] suppressed to protect confidentiality</span> </span> <span class=\"muted\">Jun 2020</span></p>"))
        #expect(result.text("visits/2020-02/index.html")?.contains("<p>Change: [x].</p>") == true)

        let summary = try #require(result.text("visits/2020-07/summary.json"))
        #expect(summary.contains("""
                      "latest": {
                        "period": "2020-06",
                        "periodLabel": "Jun 2020",
                        "periodStart": "2020-06-01",
                        "periodEnd": "2020-06-30",
                        "value": null,
                        "symbol": "c",
                        "suppressed": true
                      },
                      "target": 80.0,
                      "rag": null,
                      "trend": "improving",
                      "changeSincePreviousVisit": null,
            """))
        let hidden = try NSRegularExpression(pattern: "(?<![0-9.])3\\.(75|8)(?![0-9])")
        for (path, bytes) in result.files where path.hasPrefix("visits/2020-07/") || !path.hasPrefix("visits/") {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(hidden.matches(in: text, range: NSRange(text.startIndex..., in: text)).isEmpty, "\(path)")
        }
        #expect(result.text("visits/2020-07/front-door/data.csv")?.contains("\r\ndecided-1wd,2020-06,,c,,,,\r\n") == true)
    }
}
