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
}
