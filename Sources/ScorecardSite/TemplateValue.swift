import Foundation
import Mustache

/// The values pages hand to templates: a small tree that is easy to build and test, turned
/// into what swift-mustache reads only at render time.
public enum TemplateValue: Sendable {
    /// Text, escaped by `{{name}}`.
    case text(String)
    /// Markup the generator made and trusts (charts, rendered Markdown), for `{{{name}}}`.
    case html(String)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
    /// A key that exists but has no value: empty in `{{name}}`, false in sections.
    case empty

    /// `.text(s)` or `.none` when `s` is nil.
    static func optional(_ s: String?) -> TemplateValue { s.map(TemplateValue.text) ?? .empty }
}

/// The keys and values of a template object, in the order they were first set, found by
/// comparing keys one after another rather than by hashing.
///
/// A page's objects hold from one key (a table cell) to a few dozen (a page's layout), and a
/// template looks a name up in each object on the context stack until one has it: for
/// short keys, comparing them costs less than hashing the name again for every object, and
/// making an object costs an append per key.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    /// The keys, each once, in the order first set.
    public private(set) var keys: [String] = []
    private var values: [TemplateValue] = []

    public init() {}

    /// An object of `elements`; a key given twice is a programming error, as in a
    /// dictionary literal (checked in debug builds; otherwise the first is found).
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        keys.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements {
            keys.append(key)
            values.append(value)
        }
        assert(Set(keys).count == keys.count, "a key is given twice in a template object")
    }

    /// The value of `key`; setting nil removes it, setting a new key adds it at the end.
    public subscript(key: String) -> TemplateValue? {
        get {
            guard let i = keys.firstIndex(of: key) else { return nil }
            return values[i]
        }
        set {
            if let i = keys.firstIndex(of: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// How many keys it has.
    public var count: Int { keys.count }
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
    let values: TemplateObject
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
