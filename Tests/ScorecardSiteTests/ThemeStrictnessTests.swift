import Foundation
import Testing
import ScorecardSite

/// A site's own theme is rendered strictly: a typo'd key or a missing partial fails the build
/// at the template's file and line instead of rendering as nothing.
@Suite struct ThemeStrictnessTests {
    /// The small site with its own `themes/custom/`, a copy of the default theme with `edit`
    /// applied to one template.
    func site(theme: String = "custom", editing template: String? = nil,
              _ edit: (String) -> String = { $0 }) throws -> [String: String] {
        var files = SmallSite.files
        files["site.yaml"] = SmallSite.siteYAML + "theme: \(theme)\n"
        var themeFiles = try ThemeFiles.asSiteTheme(named: "custom")
        #expect(themeFiles.count >= 10)
        if let template {
            let path = "themes/custom/templates/\(template).mustache"
            let original = try #require(themeFiles[path])
            themeFiles[path] = edit(original)
            #expect(themeFiles[path] != original, "the edit changed nothing")
        }
        files.merge(themeFiles) { a, _ in a }
        return files
    }

    /// A site's unchanged copy of the default theme gives exactly the default output.
    @Test func anUnchangedCopyOfTheDefaultThemeGivesTheSameSite() throws {
        let custom = build(try site())
        let plain = build(SmallSite.files)
        #expect(custom.printed == [])
        #expect(custom.files == plain.files)
    }

    /// `{{titel}}` on line 3 of the card template, after `  <h3 id="{{anchor}}-title" class="card-title">`
    /// (47 characters), so at column 48.
    @Test func aTypoedKeyFailsAtItsTemplateLine() throws {
        let files = try site(editing: "indicator-card") {
            $0.replacingOccurrences(of: "class=\"card-title\">{{title}}</h3>", with: "class=\"card-title\">{{titel}}</h3>")
        }
        let result = build(files)
        #expect(result.files.isEmpty)
        #expect(result.printed == [
            "themes/custom/templates/indicator-card.mustache:3:48: error: unknown key 'titel' in a template; the key does not exist in this page's data; did you mean 'title'?",
        ])
    }

    /// A key the visit page does not have, which the scorecard page has (`summary`), is
    /// reported in the visit template where it was written, not in the first template that
    /// uses the name. `<h1>{{heading}}</h1>` is 20 characters, so column 21 of line 3.
    @Test func anUnknownKeyIsReportedInTheTemplateThatUsesIt() throws {
        let files = try site(editing: "visit") {
            $0.replacingOccurrences(of: "<h1>{{heading}}</h1>\n", with: "<h1>{{heading}}</h1>{{summary}}\n")
        }
        let result = build(files)
        #expect(result.files.isEmpty)
        #expect(result.printed == [
            "themes/custom/templates/visit.mustache:3:21: error: unknown key 'summary' in a template; the key does not exist in this page's data; did you mean 'summaryHref'?",
        ])
    }

    /// A typo inside a section that renders only on some pages (the older-edition banner,
    /// shown on February's pages) is still found.
    @Test func aTypoInASometimesRenderedSectionIsFound() throws {
        let files = try site(editing: "layout") {
            $0.replacingOccurrences(of: "See the latest edition: {{latestTitle}}", with: "See the latest edition: {{latestTitel}}")
        }
        let result = build(files)
        #expect(result.files.isEmpty)
        #expect(result.printed.count == 1)
        #expect(result.printed.first?.hasPrefix("themes/custom/templates/layout.mustache:38:") == true)
        #expect(result.printed.first?.contains("error: unknown key 'latestTitel' in a template") == true)
    }

    /// `{{>nope}}` added as a second line of the RAG template.
    @Test func aMissingPartialFailsAtItsTemplateLine() throws {
        let files = try site(editing: "rag") { $0 + "{{>nope}}\n" }
        let result = build(files)
        #expect(result.files.isEmpty)
        #expect(result.printed == [
            "themes/custom/templates/rag.mustache:2:1: error: the partial 'nope' does not exist; expected templates/nope.mustache in the theme",
        ])
    }

    @Test func aTemplateSyntaxErrorFailsAtItsTemplate() throws {
        let files = try site(editing: "trend") { $0 + "{{#open}}\n" }
        let result = build(files)
        #expect(result.files.isEmpty)
        #expect(result.printed.count == 1)
        #expect(result.printed.first?.hasPrefix("themes/custom/templates/trend.mustache:") == true)
        #expect(result.printed.first?.contains(": error: template syntax error") == true)
    }

    @Test func anUnknownThemeIsAnError() throws {
        var files = SmallSite.files
        files["site.yaml"] = SmallSite.siteYAML + "theme: nosuch\n"
        let result = build(files)
        #expect(result.files.isEmpty)
        // siteYAML has 11 lines, so `theme:` is line 12; "theme: " is 7 characters, so the
        // value starts at column 8.
        #expect(result.printed == [
            "site.yaml:12:8: error: theme 'nosuch' not found; expected a folder themes/nosuch/ with templates/ and assets/, or leave theme out to use the default theme",
        ])
    }

    /// A misspelt theme name is answered with the nearest of the site's themes/ folders and
    /// the built-in `default`, at the value's place.
    @Test func aMisspeltThemeGetsADidYouMean() throws {
        var files = SmallSite.files
        files.merge(try ThemeFiles.asSiteTheme(named: "custom")) { a, _ in a }
        // `custon` is one letter from `custom`; `defualt` two swapped letters from `default`.
        for (written, meant) in [("custon", "custom"), ("defualt", "default")] {
            files["site.yaml"] = SmallSite.siteYAML + "theme:   \(written)\n"
            let result = build(files)
            #expect(result.files.isEmpty)
            // Three spaces after `theme:`: the value starts at column 10 of line 12.
            #expect(result.printed == [
                "site.yaml:12:10: error: theme '\(written)' not found; did you mean '\(meant)'?",
            ])
        }
    }
}
