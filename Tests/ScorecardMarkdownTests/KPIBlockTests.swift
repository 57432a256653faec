import ScorecardCore
import ScorecardMarkdown
import Testing

@Suite struct KPIBlockTests {
    @Test func aBlockWithTwoIdsIsReplacedInPlace() {
        let rendered = render("Intro.\n\n```kpi\ncontacts-decided-1wd\n\nre-referrals\n```\n\nAfter.\n")
        #expect(rendered.kpiCalls == [KPICall(
            ids: ["contacts-decided-1wd", "re-referrals"], locations: [at(4, 1), at(6, 1)], fence: at(3, 1))])
        #expect(rendered.html == "<p>Intro.</p>\n<div class=\"kpi\">contacts-decided-1wd re-referrals</div>\n<p>After.</p>\n")
        #expect(rendered.diagnostics.isEmpty)
    }

    @Test func idsAreLocatedInsideContainersAndAfterTheFrontMatter() {
        let rendered = render("- item\n\n  ~~~~ kpi \n    indented\n  ~~~~\n\n> ```kpi\n>  quoted\n> ```\n", firstLine: 10)
        #expect(rendered.kpiCalls == [
            KPICall(ids: ["indented"], locations: [at(13, 5)], fence: at(12, 3)),
            KPICall(ids: ["quoted"], locations: [at(17, 4)], fence: at(16, 3)),
        ])
    }

    @Test func crlfLineEnds() {
        let rendered = render("```kpi\r\n  a-1\r\nb\r\n```\r\n")
        #expect(rendered.kpiCalls == [KPICall(ids: ["a-1", "b"], locations: [at(2, 3), at(3, 1)], fence: at(1, 1))])
    }

    @Test func anInvalidIdIsAnErrorAtItsLineAndColumn() {
        let rendered = render("Text\n\n```kpi\nContacts\nok\n  bad id\n-x\n```\n")
        let rule = "ids match [a-z0-9][a-z0-9-]*, at most 64 characters, one id per line"
        #expect(rendered.diagnostics == [
            .error("'Contacts' is not a valid indicator id in a kpi block; \(rule)", at: at(4, 1)),
            .error("'bad id' is not a valid indicator id in a kpi block; \(rule)", at: at(6, 3)),
            .error("'-x' is not a valid indicator id in a kpi block; \(rule)", at: at(7, 1)),
        ])
        #expect(rendered.kpiCalls == [KPICall(ids: ["ok"], locations: [at(5, 1)], fence: at(3, 1))])
    }

    @Test func anIdLongerThan64CharactersIsAnError() {
        let long = String(repeating: "a", count: 65)
        let rendered = render("```kpi\n\(long)\n```\n")
        #expect(rendered.diagnostics.count == 1)
        #expect(rendered.kpiCalls.isEmpty)
        #expect(rendered.html == "")
    }

    @Test func anEmptyBlockIsAWarningAndDisappears() {
        let rendered = render("A\n\n```kpi\n\n```\n\nB\n")
        #expect(rendered.diagnostics == [.warning(
            "kpi block lists no indicator ids; write one indicator id per line, or remove the block", at: at(3, 1))])
        #expect(rendered.kpiCalls.isEmpty)
        #expect(rendered.html == "<p>A</p>\n<p>B</p>\n")
    }

    @Test(arguments: ["```kpi extra\na\n```\n", "```KPI\na\n```\n", "    kpi\n", "```\nkpi\n```\n"])
    func onlyTheInfoStringKPIMakesABlock(markdown: String) {
        let rendered = render(markdown)
        #expect(rendered.kpiCalls.isEmpty)
        #expect(rendered.html.contains("<pre><code"))
    }

    @Test func referencesInsideAKPIBlockAreNotResolved() {
        let rendered = render("```kpi\na\n```\n\n```\n{{a}}\n```\n")
        #expect(rendered.references.isEmpty)
        #expect(rendered.html == "<div class=\"kpi\">a</div>\n<pre><code>{{a}}\n</code></pre>\n")
    }

    /// Renders with each kpi block's HTML chosen by its first id.
    private func renderPlacing(_ markdown: String, blocks: [String: String]) -> String {
        MarkdownRenderer.render(markdown, path: testPath, kpiBlock: { ids, _ in blocks[ids[0].id] ?? "" },
                                reference: { .text($0.indicator) }).html
    }

    /// Each block's HTML is placed after cmark has rendered the rest (a marker stands for it
    /// until then); the line breaks around it are cmark's, whether or not the HTML ends in
    /// one, and a block whose HTML is empty leaves nothing.
    @Test func blocksArePlacedWithCmarksLineBreaks() {
        let html = renderPlacing("A\n\n```kpi\nx\n```\n```kpi\ny\n```\n```kpi\nz\n```\nB\n",
                          blocks: ["x": "<div>1</div>\n", "y": "<div>2</div>", "z": ""])
        #expect(html == "<p>A</p>\n<div>1</div>\n<div>2</div>\n<p>B</p>\n")
    }

    /// Author text that spells a marker is written escaped, so it is never taken for one; nor
    /// is a marker's text inside a block's own HTML.
    @Test func markersCannotBeWrittenByAuthors() {
        let html = renderPlacing("<!--scorecard-kpi-block-0-->\n\nSee `<!--scorecard-kpi-block-1-->` and <!--scorecard-kpi-block-1-->.\n\n```kpi\nx\n```\n```kpi\ny\n```\n",
                          blocks: ["x": "<div><!--scorecard-kpi-block-1--></div>\n", "y": "<p>two</p>\n"])
        #expect(html == "<p>&lt;!--scorecard-kpi-block-0--&gt;</p>\n"
            + "<p>See <code>&lt;!--scorecard-kpi-block-1--&gt;</code> and &lt;!--scorecard-kpi-block-1--&gt;.</p>\n"
            + "<div><!--scorecard-kpi-block-1--></div>\n<p>two</p>\n")
    }

    /// A block inside a list item or quote is placed where cmark put its marker.
    @Test func nestedBlocksArePlacedInTheirContainers() {
        let html = renderPlacing("- item\n\n  ```kpi\n  x\n  ```\n\n> ```kpi\n> y\n> ```\n",
                          blocks: ["x": "<div>1</div>\n", "y": "<div>2</div>\n"])
        #expect(html == "<ul>\n<li>\n<p>item</p>\n<div>1</div>\n</li>\n</ul>\n<blockquote>\n<div>2</div>\n</blockquote>\n")
    }
}
