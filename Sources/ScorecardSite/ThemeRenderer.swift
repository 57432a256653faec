import Foundation
import Mustache
import ScorecardCore

/// Renders a theme's Mustache templates strictly: a syntax error, a missing template or
/// partial, or a key that no context provides is a diagnostic at the template's file and line.
public struct ThemeRenderer: Sendable {
    public let theme: Theme
    private let library: MustacheLibrary
    /// The same templates compiled to render `TemplateValue`s directly, or nil when the
    /// library renders (a template uses what the compiled steps do not cover, or `load`
    /// was told not to compile).
    private let compiled: CompiledTemplates?
    /// True when the compiled templates render, false when swift-mustache's renderer does.
    var isCompiled: Bool { compiled != nil }
    /// Template name → source text, for finding the line of a problem.
    private let sources: [String: String]

    /// Loads every `templates/*.mustache` of `theme`; problems are returned as diagnostics.
    /// With `compile` (the default) the templates are compiled once for rendering
    /// (`CompiledTemplates`); without it swift-mustache renders them, as tests do to compare.
    public static func load(_ theme: Theme, compile: Bool = true) -> (renderer: ThemeRenderer?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: String] = [:]
        for (path, bytes) in theme.files.sorted(by: { $0.key < $1.key })
        where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            let file = "\(theme.sourcePath)/\(path)"
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                diagnostics.append(.error("the template is not valid UTF-8", at: SourceLocation(path: file)))
                continue
            }
            sources[name] = text
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error("template syntax error: \(error.error)",
                                          at: SourceLocation(path: file, line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("template syntax error: \(error)", at: SourceLocation(path: file)))
            }
        }
        // Every partial and parent a template names must exist.
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for tag in Self.tags(in: text) where tag.sigil == ">" || tag.sigil == "<" {
                if sources[tag.name] == nil {
                    let kind = tag.sigil == ">" ? "partial" : "parent template"
                    diagnostics.append(.error("the \(kind) '\(tag.name)' does not exist; expected templates/\(tag.name).mustache in the theme",
                                              at: SourceLocation(path: "\(theme.sourcePath)/templates/\(name).mustache", line: tag.line, column: tag.column)))
                }
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (ThemeRenderer(theme: theme, library: MustacheLibrary(templates: templates),
                              compiled: compile ? CompiledTemplates.compile(templates) : nil, sources: sources), [])
    }

    /// True when the theme has a template called `name`.
    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// Renders `template` with `context`. Unknown keys are reported at their first use. With
    /// `memo`, the compiled templates place partials an earlier render kept (`PartialMemo`).
    public func render(_ template: String, _ context: TemplateObject) -> Result<String, Diagnostic> {
        render(template, context, memo: nil)
    }

    func render(_ template: String, _ context: TemplateObject, memo: PartialMemo?) -> Result<String, Diagnostic> {
        let file = "\(theme.sourcePath)/templates/\(template).mustache"
        guard sources[template] != nil else {
            return .failure(.error("the theme has no template '\(template)'; expected \(file)", at: SourceLocation(path: theme.sourcePath)))
        }
        let html: String
        let unknown: [String]
        if let r = compiled?.render(template, context, memo: memo) {
            (html, unknown) = r
        } else {
            let recorder = LookupRecorder()
            let root = StrictContext(values: context, recorder: recorder)
            guard let r = library.render(root, withTemplate: template) else {
                return .failure(.error("the template could not be rendered", at: SourceLocation(path: file)))
            }
            (html, unknown) = (r, recorder.unknown)
        }
        if let name = unknown.first {
            return .failure(.error("unknown key '\(name)' in a template; the key does not exist in this page's data\(Suggestion.hint(for: name, in: Array(context.keys).sorted()))",
                                   at: location(ofKey: name, from: template)))
        }
        return .success(html)
    }

    /// The first place `key` is used in `template` or the partials and parents it reaches,
    /// else in any template: another page's template may use the same key rightly.
    private func location(ofKey key: String, from template: String) -> SourceLocation {
        var order: [String] = []
        var queue = [template]
        while !queue.isEmpty {
            let name = queue.removeFirst()
            guard !order.contains(name), let text = sources[name] else { continue }
            order.append(name)
            queue += Self.tags(in: text).filter { $0.sigil == ">" || $0.sigil == "<" }.map(\.name)
        }
        order += sources.keys.sorted().filter { !order.contains($0) }
        for name in order {
            guard let text = sources[name] else { continue }
            for tag in Self.tags(in: text) where tag.name.split(separator: ".").contains(Substring(key)) {
                return SourceLocation(path: "\(theme.sourcePath)/templates/\(name).mustache", line: tag.line, column: tag.column)
            }
        }
        return SourceLocation(path: "\(theme.sourcePath)/templates")
    }

    /// A tag in a template: its sigil (`#`, `^`, `/`, `>`, `<`, `$`, `{`, `&` or none), name and place.
    struct Tag { var sigil: Character?; var name: String; var line: Int; var column: Int }

    /// Scans `{{…}}` tags with their 1-based line and column.
    static func tags(in text: String) -> [Tag] {
        var out: [Tag] = []
        let chars = Array(text)
        var i = 0, line = 1, column = 1
        while i < chars.count {
            if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                let startLine = line, startColumn = column
                var j = i + 2
                var inner = ""
                while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") { inner.append(chars[j]); j += 1 }
                var body = Substring(inner)
                var sigil: Character?
                if let f = body.first, "#^/><$&{!=%".contains(f) { sigil = f; body = body.dropFirst() }
                if body.hasSuffix("}") { body = body.dropLast() }
                let name = body.trimmingCharacters(in: .whitespaces)
                if sigil != "!" && sigil != "=" && sigil != "%" { out.append(Tag(sigil: sigil, name: name, line: startLine, column: startColumn)) }
                for c in chars[i..<min(j + 2, chars.count)] {
                    if c == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                i = j + 2
                continue
            }
            if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return out
    }
}

