import Foundation
import Mustache

/// A theme's templates, compiled once into steps that render `TemplateValue`s directly: the
/// hot path of a build, where swift-mustache's own renderer spends most of its time finding
/// values through `Any`, dynamic casts and `Mirror`.
///
/// The steps are swift-mustache's own parse of each template (read once, through `Mirror`,
/// from the `MustacheTemplate` it made), so the two can never disagree on the syntax or on
/// where whitespace goes; rendering then follows swift-mustache's rules step for step (the
/// same escaping, the same truthiness, the same context stack, partial indentation and
/// block inheritance), and tests render every page both ways and compare the bytes.
/// Transforms (`{{^empty(list)}}`, `{{uppercased(name)}}`) work as swift-mustache's do on
/// text and lists. Where a template uses what these steps do not cover (dynamic partials,
/// content-type pragmas, a sequence's own `first()` or `index()`), or a later swift-mustache
/// stores its parse differently, `compile` returns nil and the library renders, as before;
/// a render that meets something not covered only when it runs (a list `reversed()`) gives
/// nil and the library renders that page.
struct CompiledTemplates: Sendable {
    /// One compiled template.
    final class Template: Sendable {
        let steps: [Step]
        init(_ steps: [Step]) { self.steps = steps }
    }

    /// A tag's name: `.` (the current value), a dotted name looked up from the top of the
    /// stack only (`.a.b`), or one looked up through the whole stack (`a.b`). `ids` number
    /// the parts in `names`, for the record of which names were found.
    struct Name: Sendable {
        enum Scope: Sendable { case current, top, stack }
        let scope: Scope
        let parts: [String]
        let ids: [Int]
        /// Transforms, in the order they apply (innermost first).
        let transforms: [String]
    }

    enum Step: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, Template, inverted: Bool)
        case block(String, default: Template, indentation: String?)
        case partial(String, indentation: String?, inherits: [String: Template]?)
    }

    let templates: [String: Template]
    /// Every name part any template uses, by id.
    let names: [String]

    /// Compiles every template, or returns nil when any uses what the steps do not cover.
    static func compile(_ templates: [String: MustacheTemplate]) -> CompiledTemplates? {
        var compiler = Compiler()
        var out: [String: Template] = [:]
        for (name, template) in templates {
            guard let t = compiler.template(template) else { return nil }
            out[name] = t
        }
        return CompiledTemplates(templates: out, names: compiler.names)
    }

    /// Reads swift-mustache's tokens. Any shape not expected gives nil.
    private struct Compiler {
        var names: [String] = []
        var ids: [String: Int] = [:]

        mutating func template(_ t: MustacheTemplate) -> Template? {
            guard let tokens = Mirror(reflecting: t).children.first(where: { $0.label == "tokens" })?.value as? [Any] else { return nil }
            var steps: [Step] = []
            steps.reserveCapacity(tokens.count)
            for token in tokens {
                guard let step = step(token) else { return nil }
                steps.append(step)
            }
            return Template(steps)
        }

        mutating func name(_ text: String, transforms: [String]) -> Name? {
            // `{{first()}}` and the like read the sequence being rendered: not covered.
            if text.isEmpty && !transforms.isEmpty { return nil }
            let scope: Name.Scope = text == "." ? .current : text.first == "." ? .top : .stack
            let parts = scope == .current ? [] : text.split(separator: ".").map(String.init)
            let numbers = parts.map { part -> Int in
                if let id = ids[part] { return id }
                ids[part] = names.count
                names.append(part)
                return names.count - 1
            }
            return Name(scope: scope, parts: parts, ids: numbers, transforms: transforms.reversed())
        }

        mutating func step(_ token: Any) -> Step? {
            let mirror = Mirror(reflecting: token)
            guard mirror.displayStyle == .enum, let payload = mirror.children.first, let label = payload.label else { return nil }
            let fields = Mirror(reflecting: payload.value).children.map(\.value)
            switch label {
            case "text":
                guard let text = payload.value as? String else { return nil }
                return .text(text)
            case "variable", "unescapedVariable":
                guard fields.count == 2, let n = fields[0] as? String, let transforms = fields[1] as? [String],
                      let name = name(n, transforms: transforms) else { return nil }
                return .variable(name, escaped: label == "variable")
            case "section", "invertedSection":
                guard fields.count == 3, let n = fields[0] as? String, let transforms = fields[1] as? [String],
                      let name = name(n, transforms: transforms), let inner = fields[2] as? MustacheTemplate, let t = template(inner) else { return nil }
                return .section(name, t, inverted: label == "invertedSection")
            case "blockExpansion":
                guard fields.count == 3, let n = fields[0] as? String, let inner = fields[1] as? MustacheTemplate,
                      let t = template(inner), let indentation = Self.optional(fields[2], String.self) else { return nil }
                return .block(n, default: t, indentation: indentation)
            case "partial":
                guard fields.count == 3, let n = fields[0] as? String, let indentation = Self.optional(fields[1], String.self),
                      let inherits = Self.optional(fields[2], [String: MustacheTemplate].self) else { return nil }
                var blocks: [String: Template]?
                if let inherits {
                    var compiled: [String: Template] = [:]
                    for (block, inner) in inherits {
                        guard let t = template(inner) else { return nil }
                        compiled[block] = t
                    }
                    blocks = compiled
                }
                return .partial(n, indentation: indentation, inherits: blocks)
            default:
                // Dynamic partials, content-type pragmas, block definitions outside a parent.
                return nil
            }
        }

        /// `value`, an `Optional<T>` seen as `Any`: `.some(nil)` for none, `.some(t)` for a
        /// value, nil when it is not an optional `T` at all.
        static func optional<T>(_ value: Any, _: T.Type) -> T??  {
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return nil }
            guard let wrapped = mirror.children.first?.value else { return .some(nil) }
            guard let t = wrapped as? T else { return nil }
            return .some(t)
        }
    }

    // MARK: Rendering

    /// Which names a render asked for and whether each was found, by name id.
    struct Lookups {
        var found: [Bool]
        var missed: [Bool]
        /// Set when the render met what the steps do not cover: its text is not used.
        var uncovered = false
        /// The lowest index of the context stack any lookup has read (`PartialMemo`).
        var lowestFrame = Int.max
        init(count: Int) {
            found = Array(repeating: false, count: count)
            missed = Array(repeating: false, count: count)
        }
    }

    /// The state one template render runs in (swift-mustache's `MustacheContext`, for the
    /// parts these steps use).
    struct Context {
        var stack: [TemplateValue]
        var indentation: String?
        var inherited: [String: Template]?
        /// Partials kept for placing again (see `PartialMemo`), or nil.
        var memo: PartialMemo? = nil
    }

    /// Renders `template` with `values` as the root context: the text and the names looked
    /// up and never found (sorted), or nil when there is no such template or the render met
    /// what the steps do not cover.
    func render(_ template: String, _ values: TemplateObject, memo: PartialMemo? = nil) -> (html: String, unknown: [String])? {
        guard let t = templates[template] else { return nil }
        var lookups = Lookups(count: names.count)
        var context = Context(stack: [.object(values)], indentation: nil, inherited: nil, memo: memo)
        var html = ""
        render(t, &context, &lookups, into: &html)
        if lookups.uncovered { return nil }
        var unknown: [String] = []
        for i in names.indices where lookups.missed[i] && !lookups.found[i] { unknown.append(names[i]) }
        return (html, unknown.sorted())
    }

    /// Appends `template` rendered in `context` to `out`. The context is lent: sections push
    /// their value on its stack and pop it again, so it is as it was when this returns.
    private func render(_ template: Template, _ context: inout Context, _ lookups: inout Lookups, into out: inout String) {
        guard let indentation = context.indentation, indentation != "" else {
            for step in template.steps { render(step, &context, &lookups, into: &out) }
            return
        }
        // Indented (a partial or block on a line of its own): each step that writes something
        // after a line this template wrote is indented, as swift-mustache does it. That
        // compares characters, so a line ended by CRLF (one character) is not a line end.
        let start = out.utf8.count
        for step in template.steps {
            let mark = out.utf8.count
            guard mark > start, Self.endsWithLineFeed(out, after: start) else {
                render(step, &context, &lookups, into: &out)
                continue
            }
            var rendered = ""
            render(step, &context, &lookups, into: &rendered)
            if !rendered.isEmpty { out += indentation }
            out += rendered
        }
    }

    /// True when the text this template wrote, `text` after its first `start` bytes, ends
    /// in a line feed that is a character of its own (not the end of a CRLF).
    static func endsWithLineFeed(_ text: String, after start: Int) -> Bool {
        let utf8 = text.utf8
        guard utf8.last == 0x0A else { return false }
        return utf8.count - start < 2 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] != 0x0D
    }

    private func render(_ step: Step, _ context: inout Context, _ lookups: inout Lookups, into out: inout String) {
        switch step {
        case .text(let text):
            out += text
        case .variable(let name, let escaped):
            guard let value = lookup(name, context, &lookups) else { return }
            switch value {
            case .text(let s), .html(let s):
                if escaped { Self.appendEscaped(s, to: &out) } else { out += s }
            case .flag(let b): out += b ? "true" : "false"
            case .empty: return
            case .list, .object:
                let text = String(describing: StrictContext.mustacheValue(value, recorder: LookupRecorder()))
                if escaped { Self.appendEscaped(text, to: &out) } else { out += text }
            }
        case .section(let name, let inner, let inverted):
            let value = lookup(name, context, &lookups)
            if inverted { renderInverted(value, inner, &context, &lookups, into: &out) } else { renderSection(value, inner, &context, &lookups, into: &out) }
        case .block(let name, let fallback, let indented):
            let template = context.inherited?[name] ?? fallback
            guard let indented else { return render(template, &context, &lookups, into: &out) }
            let outer = context.indentation
            context.indentation = (outer ?? "") + indented
            render(template, &context, &lookups, into: &out)
            context.indentation = outer
        case .partial(let name, let indented, let inherits):
            guard let t = templates[name] else { return }
            let (outerIndentation, outerInherited) = (context.indentation, context.inherited)
            if let indented { context.indentation = (outerIndentation ?? "") + indented }
            if let inherits {
                context.inherited = outerInherited.map { $0.merging(inherits) { outer, _ in outer } } ?? inherits
            }
            if context.inherited == nil, let memo = context.memo, case .object(let top)? = context.stack.last,
               let key = memo.key(name, indentation: context.indentation, object: top) {
                renderKept(t, key, memo, top, &context, &lookups, into: &out)
            } else {
                render(t, &context, &lookups, into: &out)
            }
            context.indentation = outerIndentation
            context.inherited = outerInherited
        }
    }

    /// Renders the partial `template` for `key`, or places what an earlier render of it kept.
    /// Rendering into a text of its own gives what rendering into `out` does: a template's
    /// indentation looks only at the text it wrote itself.
    private func renderKept(_ template: Template, _ key: PartialMemo.Key, _ memo: PartialMemo, _ top: TemplateObject,
                            _ context: inout Context, _ lookups: inout Lookups, into out: inout String) {
        if let kept = memo[key] {
            for id in kept.found { lookups.found[id] = true }
            for id in kept.missed { lookups.missed[id] = true }
            out += kept.text
            return
        }
        let before = lookups
        lookups.lowestFrame = Int.max
        var text = ""
        render(template, &context, &lookups, into: &text)
        let topIndex = context.stack.count - 1
        if !lookups.uncovered && lookups.lowestFrame >= topIndex {
            let found = lookups.found.indices.filter { lookups.found[$0] && !before.found[$0] }
            let missed = lookups.missed.indices.filter { lookups.missed[$0] && !before.missed[$0] }
            memo[key] = PartialMemo.Entry(object: top, text: text, found: found, missed: missed)
        }
        lookups.lowestFrame = min(lookups.lowestFrame, before.lowestFrame)
        out += text
    }

    /// Renders `inner` with `value` on top of the stack, then takes it off again.
    private func render(_ inner: Template, pushing value: TemplateValue, _ context: inout Context, _ lookups: inout Lookups, into out: inout String) {
        context.stack.append(value)
        render(inner, &context, &lookups, into: &out)
        context.stack.removeLast()
    }

    private func renderSection(_ value: TemplateValue?, _ inner: Template, _ context: inout Context, _ lookups: inout Lookups, into out: inout String) {
        switch value {
        case .list(let items):
            for item in items { render(inner, pushing: item, &context, &lookups, into: &out) }
        case .flag(let b):
            if b { render(inner, &context, &lookups, into: &out) }
        case .empty, nil:
            return
        case .text, .html, .object:
            render(inner, pushing: value!, &context, &lookups, into: &out)
        }
    }

    private func renderInverted(_ value: TemplateValue?, _ inner: Template, _ context: inout Context, _ lookups: inout Lookups, into out: inout String) {
        switch value {
        case .list(let items):
            if items.isEmpty { render(inner, pushing: value!, &context, &lookups, into: &out) }
        case .flag(let b):
            if !b { render(inner, &context, &lookups, into: &out) }
        case .empty, nil:
            render(inner, &context, &lookups, into: &out)
        case .text, .html, .object:
            return
        }
    }

    /// A name's value: the first part from the top of the stack down (or from the top
    /// only), the rest from that value's own keys. Only objects have keys; a text, flag or
    /// list on the stack has none (swift-mustache's `Mirror` finds nothing there either).
    private func lookup(_ name: Name, _ context: Context, _ lookups: inout Lookups) -> TemplateValue? {
        var value: TemplateValue?
        if let first = name.parts.first, name.scope != .current {
            if name.scope == .top {
                value = child(first, id: name.ids[0], of: context.stack.last!, &lookups)
                lookups.lowestFrame = min(lookups.lowestFrame, context.stack.count - 1)
            } else {
                var i = context.stack.count - 1
                while i >= 0 {
                    if let v = child(first, id: name.ids[0], of: context.stack[i], &lookups) { value = v; break }
                    i -= 1
                }
                lookups.lowestFrame = min(lookups.lowestFrame, max(i, 0))
            }
            var i = 1
            while i < name.parts.count, let v = value {
                value = child(name.parts[i], id: name.ids[i], of: v, &lookups)
                i += 1
            }
        } else {
            // `.`, or a name of dots alone: the current value.
            value = context.stack.last
            lookups.lowestFrame = min(lookups.lowestFrame, context.stack.count - 1)
        }
        for (k, t) in name.transforms.enumerated() {
            guard let v = value else { return nil }
            value = transform(v, t, last: k == name.transforms.count - 1, &lookups)
        }
        return value
    }

    /// swift-mustache's transforms of text (`String`) and lists (`Array`); flags, objects
    /// and empty values have none. A list's count is an `Int` there: as the `last`
    /// transform it renders, and is true in a section, as its digits do; an `Int` has
    /// transforms of its own (`plusone`), so one applied to it is left to the library.
    private func transform(_ value: TemplateValue, _ name: String, last: Bool, _ lookups: inout Lookups) -> TemplateValue? {
        switch value {
        case .text(let s), .html(let s):
            switch name {
            case "empty": return .flag(s.isEmpty)
            case "capitalized": return .text(s.capitalized)
            case "lowercased": return .text(s.lowercased())
            case "uppercased": return .text(s.uppercased())
            case "reversed": return .text(String(s.reversed()))
            default: return nil
            }
        case .list(let items):
            switch name {
            case "first": return items.first
            case "last": return items.last
            case "count":
                guard last else { lookups.uncovered = true; return nil }
                return .text(String(items.count))
            case "empty": return .flag(items.isEmpty)
            case "reversed":
                // A `ReversedCollection` there, which renders as one when printed.
                lookups.uncovered = true
                return nil
            default: return nil  // `sorted`: the library's lists hold `Any`, which does not sort
            }
        case .flag, .object, .empty:
            return nil
        }
    }

    private func child(_ key: String, id: Int, of frame: TemplateValue, _ lookups: inout Lookups) -> TemplateValue? {
        guard case .object(let values) = frame else { return nil }
        if let v = values[key] {
            lookups.found[id] = true
            return v
        }
        lookups.missed[id] = true
        return nil
    }

    /// True when `text` has any of `<`, `>`, `&`, `"` and `'`: its bytes are looked at once
    /// each, through a mask of the five (all below 64), on the string's own storage.
    static func needsEscaping(_ text: String) -> Bool {
        let escaped: UInt64 = 1 << 0x3C | 1 << 0x3E | 1 << 0x26 | 1 << 0x22 | 1 << 0x27
        var text = text
        return text.withUTF8 { bytes in
            for b in bytes where b < 64 && escaped >> b & 1 != 0 { return true }
            return false
        }
    }

    /// swift-mustache's HTML escaping, character by character, with a quick path for text
    /// that has none of the five characters it escapes.
    static func htmlEscape(_ text: String) -> String {
        var out = ""
        appendEscaped(text, to: &out)
        return out
    }

    /// Appends `htmlEscape(text)` to `out`.
    static func appendEscaped(_ text: String, to out: inout String) {
        guard needsEscaping(text) else {
            out += text
            return
        }
        out.reserveCapacity(out.utf8.count + text.utf8.count + 16)
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
    }
}
