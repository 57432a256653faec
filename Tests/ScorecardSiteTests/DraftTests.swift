import Foundation
import Testing
import ScorecardSite

/// Draft visits are written only with `drafts`, say DRAFT on every page, and never change a
/// published visit's figures.
@Suite struct DraftTests {
    /// A draft dated `date` with data to `asOf`: July's rows plus `extra`.
    static func withDraft(id: String, date: String, asOf: String, extra: String = "") -> [String: String] {
        var files = SmallSite.files
        for (path, text) in SmallSite.julyFiles {
            let draftPath = path.replacingOccurrences(of: "content/visits/2020-07/", with: "content/visits/\(id)/")
            files[draftPath] = text
        }
        files["content/visits/\(id)/visit.yaml"] = """
            title: Draft visit \(id)
            date: \(date)
            data-as-of: \(asOf)
            status: draft

            """
        files["content/visits/\(id)/front-door/contacts.csv"]! += extra
        return files
    }

    /// October's draft adds Sep 2020 = 90.0 for `decided-1wd`.
    static let october = withDraft(id: "2020-10", date: "2020-10-14", asOf: "2020-09-30",
                                   extra: "decided-1wd,2020-09,90.0,,,,\n")

    @Test func aDraftIsNotWrittenWithoutTheOption() {
        let plain = build(SmallSite.files)
        let result = build(Self.october)
        #expect(result.printed == [])
        #expect(!result.files.keys.contains { $0.hasPrefix("visits/2020-10/") })
        // Not a byte of the published site changes, the home page and latest/ included.
        #expect(result.files == plain.files)
    }

    @Test func aDraftIsWrittenWithTheOptionAndSaysDraftOnEveryPage() throws {
        let result = build(Self.october, drafts: true)
        #expect(result.printed == [])
        let draftFiles = result.files.keys.filter { $0.hasPrefix("visits/2020-10/") }.sorted()
        #expect(draftFiles == [
            "visits/2020-10/care/data.csv", "visits/2020-10/care/index.html",
            "visits/2020-10/changes.json", "visits/2020-10/changes/index.html",
            "visits/2020-10/front-door/data.csv", "visits/2020-10/front-door/index.html",
            "visits/2020-10/index.html", "visits/2020-10/pack/index.html", "visits/2020-10/summary.json",
        ])
        for path in draftFiles where path.hasSuffix(".html") {
            let html = try #require(result.text(path))
            #expect(html.contains("<title>DRAFT – "), "\(path)")
            #expect(html.contains("<p><strong>DRAFT</strong> – this edition is being prepared and has not been published."), "\(path)")
            // A draft is never "an older edition".
            #expect(!html.contains("banner-older"), "\(path)")
        }
        let summary = try #require(result.text("visits/2020-10/summary.json"))
        #expect(summary.contains("\"status\": \"draft\",\n    \"previousVisit\": \"2020-07\""))
        // The draft's change is against July, the latest published visit before it:
        // 90.0 − 86.25 = 3.75, shown +3.8 pp (not 90.0 − 76.0 = +14.0 pp against February).
        #expect(summary.contains("\"changeSincePreviousVisit\": 3.75,"))
        #expect(result.text("visits/2020-10/front-door/index.html")?.contains("<div><dt>Change</dt><dd>+3.8 pp <span class=\"muted\">since Monitoring visit, July 2020</span>, <span class=\"direction direction-better\"><span aria-hidden=\"true\">✓</span> better</span>") == true)

        // The published visits are exactly as without the draft; the home page lists the
        // draft, marked, but still leads to July, and so does latest/.
        let plain = build(SmallSite.files)
        for (path, bytes) in plain.files where path != "index.html" {
            #expect(result.files[path] == bytes, "\(path)")
        }
        let home = try #require(result.text("index.html"))
        #expect(home.contains("<li><a href=\"visits/2020-10/index.html\">Draft visit 2020-10</a> – 14 October 2020, data as of 30 September 2020 <strong class=\"tag tag-draft\">Draft</strong></li>"))
        #expect(home.contains("<h2 id=\"latest-heading\">Latest edition: Monitoring visit, July 2020</h2>"))
        #expect(!home.contains("DRAFT"))
    }

    /// A draft dated between February and July is not July's previous visit: July still
    /// compares with February (+10.3 pp), with or without `drafts`.
    @Test func aDraftBetweenPublishedVisitsChangesNothing() throws {
        let files = Self.withDraft(id: "2020-05", date: "2020-05-20", asOf: "2020-04-30")
        let plain = build(SmallSite.files)
        for drafts in [false, true] {
            let result = build(files, drafts: drafts)
            // The draft's rows after April are ignored at the draft, with warnings.
            #expect(!result.hasErrors)
            #expect(result.diagnostics.allSatisfy { $0.location.path.hasPrefix("content/visits/2020-05/") })
            for visit in [SmallSite.february, SmallSite.july] {
                for (path, bytes) in plain.files where path.hasPrefix("visits/\(visit)/") {
                    #expect(result.files[path] == bytes, "\(path), drafts: \(drafts)")
                }
            }
            #expect(result.text("visits/2020-07/summary.json")?.contains("\"previousVisit\": \"2020-02\"") == true)
            #expect((result.files["visits/2020-05/index.html"] != nil) == drafts)
        }
        let draft = try #require(build(files, drafts: true).text("visits/2020-05/summary.json"))
        #expect(draft.contains("\"previousVisit\": \"2020-02\""))
    }
}
