import ScorecardCore
import ScorecardMarkdown
import Testing

@Suite struct SafetyTests {
    @Test func aScriptBlockIsShownAsText() {
        let html = render("<script>alert(1)</script>\n\nAfter.\n").html
        #expect(html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>After.</p>\n")
        #expect(!html.contains("<script"))
    }

    @Test func inlineHTMLIsShownAsText() {
        let html = render("Hi <img src=x onerror=alert(1)> there.\n").html
        #expect(html == "<p>Hi &lt;img src=x onerror=alert(1)&gt; there.</p>\n")
        #expect(!html.contains("<img"))
    }

    @Test func htmlInContainersAndCommentsIsShownAsText() {
        let html = render("> <div onclick=\"x()\">\n> hi\n> </div>\n\n- a <!-- note --> b\n\n<textarea><title>\n").html
        #expect(!html.contains("<div"))
        #expect(!html.contains("<!--"))
        #expect(!html.contains("<textarea"))
        #expect(!html.contains("<title"))
        #expect(html.contains("&lt;div onclick=&quot;x()&quot;&gt;\nhi\n&lt;/div&gt;"))
        #expect(html.contains("a &lt;!-- note --&gt; b"))
    }

    @Test(arguments: [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#09;script:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x]( vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](file:///etc/passwd)",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<javascript:alert(1)>",
    ])
    func dangerousLinksLoseTheirURL(markdown: String) {
        let html = render(markdown + "\n").html
        #expect(html.contains("<a href=\"\">"), "\(html)")
        #expect(!html.contains("href=\"j") && !html.contains("href=\"J") && !html.contains("href=\"v") && !html.contains("href=\"d") && !html.contains("href=\"f"))
    }

    @Test(arguments: ["![i](javascript:alert(1))", "![i](DATA:image/svg+xml,<svg/onload=alert(1)>)"])
    func dangerousImagesLoseTheirURL(markdown: String) {
        let html = render(markdown + "\n").html
        #expect(html.contains("<img src=\"\" alt=\"i\" />"), "\(html)")
    }

    @Test func ordinaryLinksKeepTheirURL() {
        #expect(render("[a](https://example.org/x?y=1) [b](notes.html#s) [c](mailto:a@example.org) ![d](chart.png)\n").html
            == "<p><a href=\"https://example.org/x?y=1\">a</a> <a href=\"notes.html#s\">b</a> <a href=\"mailto:a@example.org\">c</a> <img src=\"chart.png\" alt=\"d\" /></p>\n")
    }

    @Test func generatedKPIHTMLIsNotFiltered() {
        let card = "<figure><svg role=\"img\"><title id=\"t\">Rate</title></svg><style>.a{}</style></figure>"
        let result = MarkdownRenderer.render(
            "```kpi\na\n```\n\n<title>author</title>\n", path: testPath,
            kpiBlock: { _, _ in card }, reference: { _ in .text("") })
        #expect(result.html == card + "\n<p>&lt;title&gt;author&lt;/title&gt;</p>\n")
    }
}
