import Foundation
import Mustache

/// The values pages hand to templates: a small tree that is easy to build and test, turned
/// into what swift-mustache reads only at render time.
public indirect enum TemplateValue: Sendable {
    /// Text, escaped by `{{name}}`.
    case text(String)
    /// Markup the generator made and trusts (charts, rendered Markdown), for `{{{name}}}`.
    case html(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A key that exists but has no value: empty in `{{name}}`, false in sections.
    case empty

    /// `.text(s)` or `.none` when `s` is nil.
    static func optional(_ s: String?) -> TemplateValue { s.map(TemplateValue.text) ?? .empty }
}

/// Records which keys templates asked for, so a key no context has (a typo) fails the build
/// instead of rendering as nothing. One recorder serves one render, on one thread, so it
/// needs no lock.
final class LookupRecorder {
    private var found: Set<String> = []
    private var missed: Set<String> = []

    func record(_ name: String, found hit: Bool) {
        if hit { found.insert(name) } else { missed.insert(name) }
    }

    /// Names asked for and never found in any context.
    var unknown: [String] {
        missed.subtracting(found).sorted()
    }
}

/// An object context for swift-mustache that records every lookup.
struct StrictContext: MustacheParent {
    let values: [String: TemplateValue]
    let recorder: LookupRecorder

    func child(named name: String) -> Any? {
        guard let value = values[name] else {
            recorder.record(name, found: false)
            return nil
        }
        recorder.record(name, found: true)
        return StrictContext.mustacheValue(value, recorder: recorder)
    }

    static func mustacheValue(_ value: TemplateValue, recorder: LookupRecorder) -> Any {
        switch value {
        case .text(let s), .html(let s): return s
        case .flag(let b): return b
        case .list(let items): return items.map { mustacheValue($0, recorder: recorder) }
        case .object(let values): return StrictContext(values: values, recorder: recorder)
        case .empty: return EmptyValue()
        }
    }
}

/// Present but empty.
struct EmptyValue: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
