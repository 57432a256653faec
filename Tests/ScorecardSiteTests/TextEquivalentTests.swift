import Foundation
import ScorecardSite
import Testing

/// What axe and vnu cannot judge: every chart and every RAG rating must carry its meaning
/// in words, not only in shape and colour.
@Suite struct TextEquivalentTests {
    let result = build(SmallSite.files)

    /// The text between `<tag … id="id" …>` and the next `</tag>`.
    func text(ofElementWithID id: String, in html: String) -> String? {
        guard let open = html.range(of: "id=\"\(id)\"") else { return nil }
        guard let start = html[open.upperBound...].firstIndex(of: ">") else { return nil }
        guard let end = html[start...].range(of: "</") else { return nil }
        return String(html[html.index(after: start)..<end.lowerBound])
    }

    @Test func everyChartIsNamedAndDescribedInWordsWithItsDataOnThePage() throws {
        var charts = 0
        for (path, html) in result.pages {
            for tag in scanTags(html) where tag.name == "svg" && tag.value("role") == "img" {
                let ids = try #require(tag.value("aria-labelledby"), "\(path): a chart without aria-labelledby").split(separator: " ").map(String.init)
                // A sparkline is named by its title; a chart by its title and description.
                #expect(ids.count == (tag.value("class") == "sparkline" ? 1 : 2), "\(path): \(ids)")
                for id in ids {
                    let words = try #require(text(ofElementWithID: id, in: html), "\(path): no element \(id)")
                    #expect(words.count > 10, "\(path): \(id) says too little: \(words)")
                }
                charts += 1
            }
            // A page with a full chart also carries the data as a table.
            if html.contains("<figure class=\"chart\"") {
                #expect(html.contains("<table"), "\(path)")
            }
        }
        #expect(charts > 0)
    }

    @Test func everyRAGRatingSaysItsColourInWords() {
        var ratings = 0
        for (path, html) in result.pages {
            var rest = Substring(html)
            while let r = rest.range(of: "<span class=\"rag rag-") {
                let after = rest[r.upperBound...]
                let colour = after.prefix { $0 != "\"" }
                let element = after.prefix(200)
                let word = ["green": "Green", "amber": "Amber", "red": "Red"][String(colour)] ?? "?"
                // Either the rating's own word or a count of ratings ("3 green").
                #expect(element.contains(word) || element.contains(" \(colour)</span>"), "\(path): \(element)")
                ratings += 1
                rest = after
            }
        }
        #expect(ratings > 0)
    }
}
