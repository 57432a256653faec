import Testing
@testable import ScorecardSite

@Suite struct NestHeadingsTests {
    @Test func headingsGoOneLevelDown() {
        let html = "<h2>Lockdown</h2>\n<article><h3 id=\"a-title\" class=\"card-title\">A</h3></article>"
        #expect(SitePages.nestHeadings(html) == "<h3>Lockdown</h3>\n<article><h4 id=\"a-title\" class=\"card-title\">A</h4></article>")
    }

    @Test func textAndOtherTagsStay() {
        let html = "<p>&lt;h2&gt; and h2</p><hr><header><h6>x</h6></header>"
        #expect(SitePages.nestHeadings(html) == html)
    }
}
