import Testing
@testable import ScorecardSite

/// The byte scan behind `nestHeadings` gives what the regex gives, or leaves it to the regex.
@Suite struct NestHeadingsBytesTests {
    static func byRegex(_ html: String) -> String {
        html.replacing(/<(\/?)h([1-5])(?=[\s>])/) { m in "<\(m.1)h\(Int(m.2)! + 1)" }
    }

    @Test(arguments: [
        "<h2>Lockdown</h2>\n<article><h3 id=\"a-title\" class=\"card-title\">A</h3></article>",
        "<p>&lt;h2&gt; and h2</p><hr><header><h6>x</h6></header>",
        "<h1\t>a</h1\n><h4\u{0B}><h5\u{0C}><h3x><h2", "<h2", "<h", "<", "", "</h5>", "<</h2><<h2>",
        "é<h2>é</h2>é", "<h2>–</h2>", "\u{600}<h2>x</h2>", "<h2\u{301}>x</h2>", "<h2 \u{301}>", "<h2\r\n>",
        "<h2\u{85}>", "<h2\u{A0}>", "<h2\u{1C}>", "<h2\u{7F}>", "<h2>\u{301}x</h2>", "<h3>Ä</h3>",
    ])
    func sameAsTheRegex(_ html: String) {
        #expect(SitePages.nestHeadings(html) == Self.byRegex(html))
        if let quick = SitePages.nestHeadingsInBytes(html) { #expect(quick == Self.byRegex(html)) }
    }

    @Test func generatedMarkupNeedsNoRegex() {
        let html = "<p>–</p><h2 id=\"x\">Café</h2>\n<article><h3 class=\"t\">Ä</h3></article>"
        #expect(SitePages.nestHeadingsInBytes(html) == "<p>–</p><h3 id=\"x\">Café</h3>\n<article><h4 class=\"t\">Ä</h4></article>")
    }
}
