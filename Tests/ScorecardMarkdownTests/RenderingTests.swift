import ScorecardCore
import ScorecardMarkdown
import Testing

@Suite struct RenderingTests {
    @Test func rendersPlainCommonMark() {
        #expect(render("# Title\n\nSome *em* and **strong** text.\n").html
            == "<h1>Title</h1>\n<p>Some <em>em</em> and <strong>strong</strong> text.</p>\n")
    }

    @Test func rendersTables() {
        #expect(render("| Area | Rate |\n|---|:-:|\n| North | 5 |\n").html == """
            <table>
            <thead>
            <tr>
            <th>Area</th>
            <th align="center">Rate</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>North</td>
            <td align="center">5</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func rendersStrikethrough() {
        #expect(render("Was ~~80%~~ now.\n").html == "<p>Was <del>80%</del> now.</p>\n")
    }

    @Test func rendersAutolinks() {
        #expect(render("See www.example.gov.uk and https://example.org/a.\n").html
            == "<p>See <a href=\"http://www.example.gov.uk\">www.example.gov.uk</a> and <a href=\"https://example.org/a\">https://example.org/a</a>.</p>\n")
    }

    @Test func rendersTaskLists() {
        #expect(render("- [ ] audit\n- [x] recruit\n").html == """
            <ul>
            <li><input type="checkbox" disabled="" /> audit</li>
            <li><input type="checkbox" checked="" disabled="" /> recruit</li>
            </ul>

            """)
    }

    @Test func rendersFootnotes() {
        #expect(render("Rate fell.[^src]\n\n[^src]: Local data.\n").html == """
            <p>Rate fell.<sup class="footnote-ref"><a href="#fn-src" id="fnref-src" data-footnote-ref>1</a></sup></p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-src">
            <p>Local data. <a href="#fnref-src" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test func sameInputSameOutput() {
        let text = "# T {{a}}\n\n| x | {{b.change}} |\n|--|--|\n| 1 | 2 |\n\n```kpi\na\n```\n\nNote[^1]\n\n[^1]: n\n"
        let first = render(text)
        for _ in 0..<5 {
            let again = render(text)
            #expect(again.html == first.html)
            #expect(again.diagnostics == first.diagnostics)
            #expect(again.references == first.references)
        }
    }

    /// cmark-gfm changes a global table of special characters on every parse; renders on
    /// many threads at once must still all see strikethrough, tables and autolinks.
    @Test func concurrentRendersAgree() async {
        let text = "~~gone~~ | www.example.com | {{a}}\n\n| a | b |\n|---|---|\n| ~~x~~ | y |\n"
        let expected = MarkdownRenderer.render(text, path: testPath, kpiBlock: { _, _ in "" }, reference: { _ in .text("1") }).html
        let outputs = await withTaskGroup(of: String.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    MarkdownRenderer.render(text, path: testPath, kpiBlock: { _, _ in "" }, reference: { _ in .text("1") }).html
                }
            }
            var all: [String] = []
            for await html in group { all.append(html) }
            return all
        }
        #expect(outputs.count == 64)
        #expect(outputs.allSatisfy { $0 == expected })
        #expect(expected.contains("<del>gone</del>"))
    }
}
