import Foundation
@testable import ScorecardContent
import Testing
import Yams

/// `PlainYAMLComposer` must make exactly Yams's node of the YAML it takes (every scalar's
/// text, tag, style and place, every collection's shape), and leave to Yams whatever it
/// does not take, so that Yams's rules and messages still decide those.
@Suite struct PlainYAMLComposerTests {
    /// The same node, told apart by everything the loaders read and by what Yams compares.
    static func same(_ a: Node, _ b: Node, at path: String = "root") -> [String] {
        var out: [String] = []
        // The tags as made, before `==` resolves them (a tag is a class, resolved in place):
        // a quoted scalar must come as `str`, a plain one as implicit, as Yams makes them.
        if a.tag.description != b.tag.description { out.append("\(path): tag \(a.tag) vs \(b.tag) as made") }
        if a != b { out.append("\(path): not == (text or resolved tag)") }
        if a.mark?.line != b.mark?.line || a.mark?.column != b.mark?.column { out.append("\(path): mark \(String(describing: a.mark)) vs \(String(describing: b.mark))") }
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            if x.string != y.string || x.style != y.style { out.append("\(path): \(x.string)/\(x.style) vs \(y.string)/\(y.style)") }
        case (.mapping(let x), .mapping(let y)):
            if x.style != y.style || x.count != y.count { out.append("\(path): mapping \(x.style)/\(x.count) vs \(y.style)/\(y.count)") }
            for (i, (p, q)) in zip(x, y).enumerated() {
                out += same(p.key, q.key, at: "\(path).key\(i)") + same(p.value, q.value, at: "\(path).value\(i)")
            }
        case (.sequence(let x), .sequence(let y)):
            if x.style != y.style || x.count != y.count { out.append("\(path): sequence \(x.style)/\(x.count) vs \(y.style)/\(y.count)") }
            for (i, (p, q)) in zip(x, y).enumerated() { out += same(p, q, at: "\(path)[\(i)]") }
        default:
            out.append("\(path): kinds differ")
        }
        return out
    }

    /// Every value's tag as made, in document order, read before anything compares the
    /// nodes: `==` resolves each tag in place (a tag is a class), and would hide a composer
    /// that left a quoted scalar implicit (it resolves to `str` all the same). Mapping keys
    /// are left out: Yams resolves their tags while it looks for repeated keys, the composer
    /// leaves them to resolve when asked (nothing asks), and `same` compares them resolved.
    static func tagsAsMade(_ n: Node) -> [String] {
        switch n {
        case .scalar(let s): return [s.tag.description]
        case .mapping(let m): return [m.tag.description] + m.flatMap { tagsAsMade($0.value) }
        case .sequence(let q): return [q.tag.description] + q.flatMap(tagsAsMade)
        case .alias: return ["alias"]
        }
    }

    /// Plain YAML in every style content files use, and some they rarely do.
    static let plain: [String] = [
        SiteFixture.siteYAML, SiteFixture.visitYAML,
        "a: 1\n",
        "title: 'It''s done'\nsummary: \"line\\none\"\nnote: |\n  kept\n  lines\nfolded: >\n  one\n  two\n",
        "list:\n  - a\n  - 'b'\n  - { x: 1, y: [2, 3] }\n  -\n    - nested\n",
        "# a comment\nkey: value # another\n\nempty:\nnull: ~\nbool: true\nyes: no\nnumber: 0x1F\nfloat: 1.5e3\ndate: 2020-02-12\n",
        "2019: 141500\n2020: 142300\n\"2021\": 1\n",
        "a:\r\n  b: c\r\n  d: e\r\n",
        "é: ünïcödé ✓\n\"key with: colon\": v\nkey: \"tab\\there\"\n",
        "---\nexplicit: document\n...\n",
        "%YAML 1.1\n---\nversion: directive\n",
        "[flow, sequence, at, root]\n",
        "just a scalar\n",
        "---\n",
        "  indented: mapping\n  second: key\n",
        "deep:\n  a:\n    b:\n      c:\n        - d: [e, {f: g}]\n",
        "<<: merge key alone\nother: 1\n",
        "\u{FEFF}bom: at the start of the stream\n",
    ]

    @Test func makesYamssNodeOfPlainYAML() throws {
        for text in Self.plain {
            let expected = try Yams.compose(yaml: text, .default, .default, .utf8)
            let made = PlainYAMLComposer.compose(text)
            guard let expected else { #expect(made == nil, "\(text)"); continue }
            let node = try #require(made, "declined: \(text)")
            #expect(Self.tagsAsMade(node) == Self.tagsAsMade(expected), "\(text)")
            #expect(Self.same(node, expected) == [], "\(text)")
        }
    }

    /// Every YAML file of the sample site in this repository, and its narratives' front matter.
    @Test func makesYamssNodeOfTheSampleSite() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var texts: [String] = []
        let walker = FileManager.default.enumerator(at: root.appendingPathComponent("content"), includingPropertiesForKeys: nil)!
        for case let url as URL in walker {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            if url.pathExtension == "yaml" { texts.append(text) }
            if url.pathExtension == "md", text.hasPrefix("---\n"), let end = text.range(of: "\n---\n") {
                texts.append(String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n")
            }
        }
        texts.append(try String(contentsOf: root.appendingPathComponent("site.yaml"), encoding: .utf8))
        #expect(texts.count > 20)
        for text in texts {
            let expected = try #require(try Yams.compose(yaml: text, .default, .default, .utf8))
            let node = try #require(PlainYAMLComposer.compose(text), "declined: \(text.prefix(80))")
            #expect(Self.tagsAsMade(node) == Self.tagsAsMade(expected), "\(text.prefix(80))")
            #expect(Self.same(node, expected) == [], "\(text.prefix(80))")
        }
    }

    /// Left to Yams: what it reports or resolves by rules of its own.
    @Test func leavesTheRestToYams() {
        let declined = [
            "",                                   // no document: Yams gives nil
            "a: &x 1\nb: *x\n",                   // anchors and aliases
            "a: !!str 1\n",                       // an explicit tag
            "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
            "a: 1\na: 2\n",                       // a repeated key
            "2020: 1\n\"2020\": 2\n",             // the same text: Yams's tags decide whether it repeats
            "[a, b]: 1\n",                        // a complex key
            "? {a: 1}\n: 2\n",
            "a: 1\n---\nb: 2\n",                  // a second document
            "a: 'never closed\n",                 // syntax errors
            "a: b: c\n",
            "\ta: 1\n",
            "a: \"\u{FEFF}x\"\n",                 // a scalar starting with a byte-order mark
        ]
        for text in declined {
            #expect(PlainYAMLComposer.compose(text) == nil, "\(text)")
        }
    }

    @Test func marksAreMadeAsYamsLaysThemOut() {
        #expect(MarkLayout.understood)
        let m = MarkLayout.make(line: 12, column: 7)
        #expect(m.line == 12 && m.column == 7)
    }

    /// Worked by hand: the key at line 2, column 3; the item's text at line 3, column 7.
    @Test func placesByHand() throws {
        let node = try #require(PlainYAMLComposer.compose("top:\n  key:\n    - 'item'\n"))
        guard case .mapping(let top) = node, case .mapping(let inner) = top.first!.value,
              case .sequence(let items) = inner.first!.value, case .scalar(let item) = items.first! else {
            Issue.record("shape"); return
        }
        #expect(inner.first!.key.mark?.line == 2 && inner.first!.key.mark?.column == 3)
        #expect(item.string == "item" && item.style == .singleQuoted && item.tag.description == Tag.Name.str.rawValue)
        #expect(item.mark?.line == 3 && item.mark?.column == 7)
    }
}
