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
    /// The entries in the order first set, each key once: one array, so an object is one
    /// allocation.
    private var entries: [(key: String, value: TemplateValue)] = []

    public init() {}

    /// An object of `elements`; a key given twice is a programming error, as in a
    /// dictionary literal (checked in debug builds; otherwise the first is found).
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { entries.append((key, value)) }
        assert(Set(entries.map(\.key)).count == entries.count, "a key is given twice in a template object")
    }

    /// The keys, in the order first set.
    public var keys: [String] { entries.map(\.key) }

    /// The value of `key`; setting nil removes it, setting a new key adds it at the end.
    public subscript(key: String) -> TemplateValue? {
        get {
            for entry in entries where entry.key == key { return entry.value }
            return nil
        }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// How many keys it has.
    public var count: Int { entries.count }

    /// The address of the entries' storage: the same for copies of one object, and never
    /// another's while this one is alive (an object that is changed gets storage of its own).
    /// Nil for an object with no entries, whose storage may be shared.
    var storage: UnsafeRawPointer? {
        entries.isEmpty ? nil : entries.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }
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
