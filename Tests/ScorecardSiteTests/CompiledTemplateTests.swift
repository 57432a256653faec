import Foundation
import ScorecardContent
import ScorecardCore
@testable import ScorecardSite
import Testing

/// The compiled templates render what swift-mustache renders, byte for byte: whole sites
/// through the default theme, and small templates for each rule (worked out by hand from the
/// Mustache spec and swift-mustache's behaviour, then checked against the library too).
@Suite struct CompiledTemplateTests {
    /// A theme of `templates` (name → source) and a stylesheet.
    static func theme(_ templates: [String: String]) -> Theme {
        var files: [String: [UInt8]] = ["assets/style.css": Array("body{}".utf8)]
        for (name, text) in templates { files["templates/\(name).mustache"] = Array(text.utf8) }
        return Theme(name: "test", files: files, sourcePath: "themes/test")
    }

    /// Renders `template` of `templates` with both renderers; fails the test when the two
    /// differ, and returns the compiled one's text (or its diagnostic's message).
    func render(_ templates: [String: String], _ values: TemplateObject, template: String = "t",
                sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let theme = Self.theme(templates)
        let compiled = try #require(ThemeRenderer.load(theme).renderer, sourceLocation: sourceLocation)
        let library = try #require(ThemeRenderer.load(theme, compile: false).renderer, sourceLocation: sourceLocation)
        #expect(compiled.isCompiled, sourceLocation: sourceLocation)
        #expect(!library.isCompiled, sourceLocation: sourceLocation)
        func text(_ r: Result<String, Diagnostic>) -> String {
            switch r {
            case .success(let s): return s
            case .failure(let d): return "error: \(d)"
            }
        }
        let a = text(compiled.render(template, values)), b = text(library.render(template, values))
        #expect(a == b, "compiled and library differ", sourceLocation: sourceLocation)
        return a
    }

    @Test func textIsEscapedAsSwiftMustacheEscapesIt() throws {
        let out = try render(["t": "{{a}}|{{{a}}}|{{&a}}|{{b}}|{{c}}"],
                             ["a": .text(#"<b> & "q" 'x'"#), "b": .html("<i>"), "c": .text("plain")])
        #expect(out == "&lt;b&gt; &amp; &quot;q&quot; &#39;x&#39;|<b> & \"q\" 'x'|<b> & \"q\" 'x'|&lt;i&gt;|plain")
        // swift-mustache escapes by character: `<` joined with a combining mark is another
        // character, left as it is.
        #expect(try render(["t": "{{a}}"], ["a": .text("<\u{301}>")]) == "<\u{301}&gt;")
    }

    @Test func sectionsFollowSwiftMustachesTruthiness() throws {
        let t = "{{#v}}Y{{/v}}{{^v}}N{{/v}}"
        #expect(try render(["t": t], ["v": .flag(true)]) == "Y")
        #expect(try render(["t": t], ["v": .flag(false)]) == "N")
        #expect(try render(["t": t], ["v": .empty]) == "N")
        // Any text is true, the empty text too: it is a value, not a false one.
        #expect(try render(["t": t], ["v": .text("")]) == "Y")
        #expect(try render(["t": t], ["v": .list([])]) == "N")
        #expect(try render(["t": t], ["v": .list([.empty, .empty])]) == "YY")
        #expect(try render(["t": t], ["v": .object([:])]) == "Y")
        #expect(try render(["t": "{{#v}}[{{.}}]{{/v}}"], ["v": .list([.text("a"), .text("<b>"), .flag(true)])]) == "[a][&lt;b&gt;][true]")
    }

    @Test func namesAreFoundUpTheStackAndDottedNamesDoNotClimb() throws {
        let values: TemplateObject = [
            "title": .text("Root"),
            "a": .object(["b": .object(["c": .text("deep")]), "title": .text("A")]),
            "items": .list([.object(["name": .text("one")]), .object(["name": .text("two"), "title": .text("Own")])]),
        ]
        #expect(try render(["t": "{{#items}}{{name}}:{{title}} {{/items}}"], values) == "one:Root two:Own ")
        #expect(try render(["t": "{{a.b.c}}/{{#a}}{{title}}{{/a}}/{{#a}}{{.title}}{{/a}}"], values) == "deep/A/A")
        // `{{#a.b}}` puts `a.b` on the stack, not `a`: its `title` is the root's.
        #expect(try render(["t": "{{a.title}}|{{#a.b}}{{c}}{{title}}{{/a.b}}"], values) == "A|deepRoot")
        // The parts after the first are looked for in the value found, never further up:
        // `a.b` has no `title`, and the root's does not count, so the key is unknown.
        #expect(try render(["t": "[{{a.b.title}}]"], values).contains("unknown key 'title'"))
    }

    @Test func unknownKeysAreReportedByBoth() throws {
        let out = try render(["t": "{{#items}}{{nmae}}{{/items}}"], ["items": .list([.object(["name": .text("x")])])])
        #expect(out.contains("unknown key 'nmae'"))
        // A name missed in an inner context but found further up is not unknown.
        #expect(try render(["t": "{{#items}}{{title}}{{/items}}"], ["items": .list([.object([:])]), "title": .text("T")]) == "T")
    }

    @Test func transformsWorkOnTextAndLists() throws {
        let values: TemplateObject = ["l": .list([.text("x"), .text("y")]), "e": .list([]), "s": .text("abc Def")]
        #expect(try render(["t": "{{^empty(l)}}full{{/empty(l)}}{{#empty(e)}} empty{{/empty(e)}}"], values) == "full empty")
        #expect(try render(["t": "{{count(l)}} {{first(l)}} {{last(l)}} {{uppercased(s)}} {{lowercased(s)}} {{capitalized(s)}} {{reversed(s)}}"], values)
            == "2 x y ABC DEF abc def Abc Def feD cba")
        #expect(try render(["t": "[{{first(e)}}]{{^first(e)}}none{{/first(e)}}"], values) == "[]none")
        // A list reversed is left to the library, which gives the same text.
        #expect(try render(["t": "{{#reversed(l)}}{{.}}{{/reversed(l)}}"], values) == "yx")
        // Transforms apply to the current value too.
        #expect(try render(["t": "{{#l}}{{uppercased(.)}}{{^empty(.)}}!{{/empty(.)}}{{/l}}"], values) == "X!Y!")
        // A count is a whole number there, with transforms of its own: left to the library.
        #expect(try render(["t": "{{plusone(count(l))}} {{#even(count(e))}}even{{/even(count(e))}} [{{uppercased(count(l))}}]"], values)
            == "3 even []")
    }

    @Test func partialsAreIndentedAndParentsFillTheirBlocks() throws {
        let templates = [
            "t": "<ul>\n  {{>item}}\n</ul>\n",
            "item": "<li>{{a}}</li>\n<li>{{b}}</li>\n",
            "page": "{{<frame}}{{$body}}Body {{a}}{{/body}}{{/frame}}",
            "frame": "<main>\n  {{$body}}default{{/body}}\n</main>{{$foot}} foot{{/foot}}",
        ]
        let values: TemplateObject = ["a": .text("A"), "b": .text("B")]
        #expect(try render(templates, values) == "<ul>\n  <li>A</li>\n  <li>B</li>\n</ul>\n")
        #expect(try render(templates, values, template: "page") == "<main>\n  Body A\n</main> foot")
    }

    /// An indented partial indents a step's text only when the text so far ends a line with
    /// "\n" ("\r\n" is one character, not "\n") and the step writes something: an empty
    /// value after a line end gets no indentation, and nested partials add theirs.
    @Test func indentationFollowsLineEndsAndEmptySteps() throws {
        let templates = [
            "t": "<div>\n  {{>item}}\n</div>\n",
            "item": "a\n{{empty}}{{b}}\r\n{{b}}\n{{#list}}{{.}}\n{{/list}}\n  {{>inner}}",
            "inner": "x\n{{b}}\n",
        ]
        let values: TemplateObject = ["b": .text("B"), "empty": .text(""), "list": .list([.text("1"), .text("2")])]
        // Worked by hand. The standalone {{>item}} keeps its "  " as text and indents item's
        // steps by "  ": after "a\n" the empty value writes nothing (so no indentation), then
        // "B" is indented; after "B\r\n" the next "B" is not; the list section is one step,
        // indented once ("  1\n2\n": each item starts its own text). The last line's "  " is
        // text, indented ("    "); inner keeps item's "  ", its first step starts its text.
        #expect(try render(templates, values) == "<div>\n  a\n  B\r\nB\n  1\n2\n    x\n  B\n</div>\n")
    }

    /// A section inside an indented partial starts text of its own for each item, so the
    /// line end it looks at is its own, even where the text before it ends with "\r":
    /// "\r" then "\n" written by two templates are not one CRLF to the indentation rule.
    @Test func indentationLooksOnlyAtTheTextItsTemplateWrote() throws {
        let templates = [
            "t": "<div>\n  {{>item}}\n</div>\n",
            "item": "a\r{{#list}}\n{{.}}{{/list}}\n",
        ]
        let values: TemplateObject = ["list": .list([.text("1"), .text("2")])]
        // Worked by hand: "a\r" starts item's text (no indentation); each item's "\n" starts
        // its own text, so its value after it is indented.
        #expect(try render(templates, values) == "<div>\n  a\r\n  1\n  2\n</div>\n")
    }

    /// Every page and data file of the sample site and of the small test site.
    @Test func wholeSitesAreByteIdenticalEitherWay() throws {
        let sample = SourceTreeReader.read(site: SampleSiteTests.root)
        for (name, tree) in [("sample", sample), ("small", recorded(SourceTree(files: SmallSite.files)))] {
            let compiled = SiteBuilder.build(tree, options: .init(drafts: true))
            var options = SiteBuilder.Options(drafts: true)
            options.compiledTemplates = false
            let library = SiteBuilder.build(tree, options: options)
            #expect(!compiled.hasErrors, "\(name)")
            #expect(compiled.files.count > 10, "\(name)")
            #expect(compiled.files == library.files, "\(name): the two renderers wrote different files")
            #expect(compiled.diagnostics == library.diagnostics, "\(name)")
        }
    }

    /// A template the steps do not cover (a sequence's own `first()`) is rendered by the library.
    @Test func whatIsNotCoveredFallsBackToTheLibrary() throws {
        let theme = Self.theme(["t": "{{#l}}{{#first()}}first {{/first()}}{{.}} {{/l}}"])
        let r = try #require(ThemeRenderer.load(theme).renderer)
        #expect(!r.isCompiled)
        #expect(try r.render("t", ["l": .list([.text("a"), .text("b")])]).get() == "first a b ")
    }

    /// Text is escaped where it has any of the five characters swift-mustache escapes, at
    /// its start, middle or end, whatever else it holds; escaped as the library escapes it.
    @Test func escapingFindsEachOfTheFiveCharacters() throws {
        for c in ["<", ">", "&", "\"", "'"] {
            for text in [c, "a\(c)", "\(c)b", "long text before \(c) and after, é ✓"] {
                #expect(CompiledTemplates.needsEscaping(text), "\(text)")
            }
        }
        for text in ["", "plain", "|^~`{}[]()=+-*/\\;:,.?!#$%@", "é ✓ 😀", "\u{7C}\u{7E}\u{5E}"] {
            #expect(!CompiledTemplates.needsEscaping(text), "\(text)")
        }
        #expect(CompiledTemplates.htmlEscape("a<b>&\"c'd é") == "a&lt;b&gt;&amp;&quot;c&#39;d é")
        #expect(try render(["t": "{{v}}|{{{v}}}"], ["v": .text("<&'\">")]) == "&lt;&amp;&#39;&quot;&gt;|<&'\">")
    }

    // MARK: Partials kept for placing again

    /// Renders `template` with the same registered object under each of `outer`'s values,
    /// through one memo, and by swift-mustache's own renderer (`fresh`), the reference.
    func renderTwice(_ templates: [String: String], object: TemplateObject, outer: [TemplateObject]) throws
        -> (kept: [String], fresh: [String], placed: Int) {
        let renderer = try #require(ThemeRenderer.load(Self.theme(templates)).renderer)
        let library = try #require(ThemeRenderer.load(Self.theme(templates), compile: false).renderer)
        let memo = PartialMemo()
        let value = TemplateValue.object(object)
        memo.register(value)
        func text(_ r: Result<String, Diagnostic>) -> String {
            switch r {
            case .success(let s): return s
            case .failure(let d): return "error: \(d.message)"
            }
        }
        var kept: [String] = []
        var fresh: [String] = []
        for var values in outer {
            values["obj"] = value
            kept.append(text(renderer.render("t", values, memo: memo)))
            fresh.append(text(library.render("t", values)))
        }
        return (kept, fresh, memo.placed)
    }

    /// A partial that reads only its object is rendered once and placed again, indented as
    /// where it stands, and the names it found still count as found: `caption`, missed at
    /// the top, is found in the partial, so neither render reports it unknown.
    @Test func aPartialOfItsObjectAloneIsPlacedAgain() throws {
        let templates = ["t": "<div>\n  {{#obj}}\n  {{>p}}\n  {{/obj}}\n</div>{{^caption}}!{{/caption}}{{x}}",
                         "p": "<p>{{caption}}</p>\n{{#rows}}<i>{{.}}</i>\n{{/rows}}"]
        let object: TemplateObject = ["caption": .text("A & B"), "rows": .list([.text("1"), .text("2")])]
        let r = try renderTwice(templates, object: object, outer: [["x": .text("one")], ["x": .text("two")]])
        // By hand, the parts that do not depend on swift-mustache's indentation rules: the
        // partial's escaped caption, and `{{^caption}}` at the top, which is not found there.
        #expect(r.fresh.allSatisfy { $0.contains("  <p>A &amp; B</p>\n") })
        #expect(r.fresh[0].hasSuffix("</div>!one") && r.fresh[1].hasSuffix("</div>!two"))
        #expect(r.kept == r.fresh)
        #expect(r.placed == 1)
    }

    /// A partial that reads a name from below its object (the page's) is never placed
    /// again: its text depends on more than the object.
    @Test func aPartialThatReadsThePageIsRenderedEachTime() throws {
        let templates = ["t": "{{#obj}}{{>p}}{{/obj}}", "p": "{{caption}} on {{page}}"]
        let object: TemplateObject = ["caption": .text("Table")]
        let r = try renderTwice(templates, object: object, outer: [["page": .text("one")], ["page": .text("two")]])
        #expect(r.fresh == ["Table on one", "Table on two"])
        #expect(r.kept == r.fresh)
        #expect(r.placed == 0)
    }

    /// A name the partial misses everywhere is unknown each time, kept or not.
    @Test func aPartialsUnknownKeyIsReportedEachTime() throws {
        let templates = ["t": "{{#obj}}{{>p}}{{/obj}}", "p": "{{caption}}{{captoin}}"]
        let object: TemplateObject = ["caption": .text("Table")]
        let r = try renderTwice(templates, object: object, outer: [[:], [:]])
        #expect(r.kept.allSatisfy { $0.hasPrefix("error: unknown key 'captoin'") })
        #expect(r.kept == r.fresh)
    }
}
