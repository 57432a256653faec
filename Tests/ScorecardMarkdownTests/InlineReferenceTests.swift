import ScorecardCore
import ScorecardMarkdown
import Testing

@Suite struct InlineReferenceTests {
    private func ref(_ id: String, _ field: InlineReference.Field? = nil, _ line: Int, _ column: Int) -> InlineReference {
        InlineReference(indicator: id, field: field, location: at(line, column))
    }

    @Test func onTheFirstLine() {
        let rendered = render("Rate {{a}} now.\n", resolve: { _ in .text("85.0%") })
        #expect(rendered.references == [ref("a", nil, 1, 6)])
        #expect(rendered.html == "<p>Rate 85.0% now.</p>\n")
        #expect(rendered.diagnostics.isEmpty)
    }

    @Test func onALaterLineOfAParagraph() {
        let rendered = render("First line\n  second {{b.period}} here\nthird {{c.change}}\n")
        #expect(rendered.references == [ref("b", .period, 2, 10), ref("c", .change, 3, 7)])
        #expect(rendered.html == "<p>First line\nsecond [b.period] here\nthird [c.change]</p>\n")
    }

    @Test func inAListItem() {
        let rendered = render("- one\n- two {{c.target}}\n  cont {{d}}\n   1. deep {{e}}\n")
        #expect(rendered.references == [ref("c", .target, 2, 7), ref("d", nil, 3, 8), ref("e", nil, 4, 12)])
    }

    @Test func inATableCell() {
        let rendered = render("| a | {{h}} |\n|---|---|\n| é {{e}} | x {{f.change}} |\n")
        #expect(rendered.references == [ref("h", nil, 1, 7), ref("e", nil, 3, 5), ref("f", .change, 3, 15)])
        #expect(rendered.html.contains("<td>é [e]</td>"))
    }

    @Test func inHeadingsAndEmphasis() {
        let rendered = render("# Title {{g}}\n\nSetext\n  line {{s}}\n---\n\n*em {{h}}* and **{{i}}** ~~{{j}}~~\n")
        #expect(rendered.references == [
            ref("g", nil, 1, 9), ref("s", nil, 4, 8), ref("h", nil, 7, 5), ref("i", nil, 7, 18), ref("j", nil, 7, 28),
        ])
        #expect(rendered.html.hasPrefix("<h1>Title [g]</h1>\n<h2>Setext\nline [s]</h2>\n<p><em>em [h]</em> and <strong>[i]</strong> <del>[j]</del></p>"))
    }

    @Test func inBlockQuotesLinksImagesAndFootnotes() {
        let rendered = render("> q {{j}}\nlazy {{k}}\n\n[see {{l}}](https://x.org) ![chart {{m}}](c.png)[^1]\n\n[^1]: note\n    more {{n}}\n")
        #expect(rendered.references == [
            ref("j", nil, 1, 5), ref("k", nil, 2, 6), ref("l", nil, 4, 6), ref("m", nil, 4, 36), ref("n", nil, 7, 10),
        ])
        #expect(rendered.html.contains("<a href=\"https://x.org\">see [l]</a> <img src=\"c.png\" alt=\"chart [m]\" />"))
    }

    @Test func columnsCountUnicodeScalarsAndTabs() {
        let rendered = render("Ünïcödé — {{m}}\n\tand {{n}}\n\nb\t{{o}} 😀 {{p}}\n")
        #expect(rendered.references == [ref("m", nil, 1, 11), ref("n", nil, 2, 6), ref("o", nil, 4, 3), ref("p", nil, 4, 11)])
    }

    @Test func afterMarkupThatConfusesCmarkPositions() {
        // An HTML inline spanning two lines, an entity, autolinks and an email address.
        let rendered = render("x <a\nhref=y> {{o}}\n\n&amp; {{p}} www.example.com {{q}} a@b.org {{r}}\n")
        #expect(rendered.references == [ref("o", nil, 2, 9), ref("p", nil, 4, 7), ref("q", nil, 4, 29), ref("r", nil, 4, 43)])
        #expect(rendered.html.hasPrefix("<p>x &lt;a\nhref=y&gt; [o]</p>"))
    }

    @Test func afterEntitiesAndEscapes() {
        let rendered = render("&amp; {{a}} \\*x\\* &#x41; {{b}}\n\n`c` &copy;&nbsp;{{c}}\n\n\\{{d}} &#123;{e}}\n")
        #expect(rendered.references == [ref("a", nil, 1, 7), ref("b", nil, 1, 26), ref("c", nil, 3, 17), ref("d", nil, 5, 2), ref("e", nil, 5, 8)])
        #expect(rendered.html == "<p>&amp; [a] *x* A [b]</p>\n<p><code>c</code> ©\u{A0}[c]</p>\n<p>[d] [e]</p>\n")
    }

    @Test func notInsideAnEarlierCodeSpanOnALaterLine() {
        let rendered = render("Intro\n  `{{a}}` &amp; {{a}}\n")
        #expect(rendered.references == [ref("a", nil, 2, 17)])
    }

    @Test(arguments: [
        ("| a \\| b {{x}} | c |\n|---|---|\n  d | {{y}}\n", ["x@1:10", "y@3:7"]),
        ("## T {{x}} ##\n", ["x@1:6"]),
        ("*a\n  {{x}}* b\n", ["x@2:3"]),
        ("- > q\n  > w {{x}}\nlazy {{y}}\n", ["x@2:7", "y@3:6"]),
        ("> - a\n>   b {{x}}\n", ["x@2:7"]),
        ("[a\nb](u) {{x}}\n", ["x@2:7"]),
        ("[a](<u {{x}}> \"t {{x}}\")\n  {{x}}\n", ["x@2:3"]),
        ("a  \n   {{x}}\\\n  {{y}}\n", ["x@2:4", "y@3:3"]),
        ("`a\nb` {{x}}\n", ["x@2:4"]),
        ("<a\nhref> <b\nc> {{x}}\n", ["x@3:4"]),
        ("x[^1]\n\n[^1]: a\n\n    b {{x}}\n", ["x@5:7"]),
        ("&ouml;&NotEqualTilde;{{x}}\n", ["x@1:22"]),
        ("a\u{0}{{x}}\n", ["x@1:3"]),
    ])
    func whereCmarkColumnsAreWrongOrMissing(markdown: String, expected: [String]) {
        let found = render(markdown).references.map { "\($0.indicator)@\($0.location.line!):\($0.location.column!)" }
        #expect(found == expected)
    }

    @Test func textSplitByCmarkIsMergedFirst() {
        // The autolink extension stops at every `w`; `_` and `~` split text too.
        let rendered = render("{{www-visits.period}} and {{a}}_x and {{b}}~\n")
        #expect(rendered.references == [ref("www-visits", .period, 1, 1), ref("a", nil, 1, 27), ref("b", nil, 1, 39)])
        #expect(rendered.html == "<p>[www-visits.period] and [a]_x and [b]~</p>\n")
    }

    @Test func inAuthorHTMLShownAsText() {
        let rendered = render("<span>{{a}}</span>\n\n<div>\n  {{b}}\n</div>\n")
        #expect(rendered.references == [ref("a", nil, 1, 7), ref("b", nil, 4, 3)])
        #expect(rendered.html == "<p>&lt;span&gt;[a]&lt;/span&gt;</p>\n<p>&lt;div&gt;\n  [b]\n&lt;/div&gt;</p>\n")
    }

    @Test func codeSpansAndCodeBlocksAreLeftAsWritten() {
        let rendered = render("`{{s}}` and {{t}}\n\n```\n{{u}}\n```\n\n    {{v}}\n")
        #expect(rendered.references == [ref("t", nil, 1, 13)])
        #expect(rendered.html == "<p><code>{{s}}</code> and [t]</p>\n<pre><code>{{u}}\n</code></pre>\n<pre><code>{{v}}\n</code></pre>\n")
    }

    @Test(arguments: ["{{ x }}", "{{}}", "{{ }}", "{x}", "{{x}", "{{x }}", "{{x.period }}", "{ {x}}", "{{x}{y}}"])
    func malformedBracesAreLeftAsText(text: String) {
        let rendered = render(text + "\n")
        #expect(rendered.references.isEmpty)
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.html == "<p>" + text + "</p>\n")
    }

    @Test func anUnknownFieldIsAnErrorNamingTheAllowedFields() {
        let rendered = render("See {{abc.foo}}.\n")
        #expect(rendered.references.isEmpty)
        #expect(rendered.diagnostics == [.error(
            "unknown field 'foo' in '{{abc.foo}}'; expected one of period, target, change, direction (or {{abc}} for the latest value)",
            at: at(1, 5))])
        #expect(rendered.html == "<p>See {{abc.foo}}.</p>\n")
    }

    @Test(arguments: ["{{Abc}}", "{{-a}}", "{{a_b}}", "{{a.period.x}}"])
    func anInvalidIdIsAnError(text: String) {
        let rendered = render("x " + text + "\n")
        #expect(rendered.references.isEmpty)
        #expect(rendered.diagnostics.count == 1)
        #expect(rendered.diagnostics.first?.location == at(1, 3))
        #expect(rendered.html == "<p>x " + text + "</p>\n")
    }

    @Test func theCallersDiagnosticsAndTextAreUsedAndEscaped() {
        let rendered = render("A {{gone}} B {{odd}}\n", resolve: { reference in
            reference.indicator == "gone"
                ? .diagnostic(.warning("'gone' is suppressed", at: reference.location), text: "[c]")
                : .text("<b>&\"")
        })
        #expect(rendered.diagnostics == [.warning("'gone' is suppressed", at: at(1, 3))])
        #expect(rendered.html == "<p>A [c] B &lt;b&gt;&amp;&quot;</p>\n")
    }

    @Test func referencesAndKPIBlocksComeInDocumentOrder() {
        var order: [String] = []
        _ = MarkdownRenderer.render(
            "{{a}}\n\n```kpi\nb\n```\n\n{{c}}\n", path: testPath,
            kpiBlock: { ids, _ in order.append("kpi " + ids.map(\.id).joined()); return "" },
            reference: { order.append($0.indicator); return .text("") })
        #expect(order == ["a", "kpi b", "c"])
    }

    @Test func aByteOrderMarkIsNotAColumn() {
        #expect(render("\u{FEFF}{{a}}\n").references == [ref("a", nil, 1, 1)])
    }
}
