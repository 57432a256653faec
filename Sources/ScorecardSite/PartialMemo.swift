import Foundation

/// Partials already rendered for a few objects a visit's pages show more than once, for the
/// compiled templates to place again rather than render again: an indicator's data table is
/// rendered by the `data-table` partial in its card on the scorecard page and again in the
/// pack, hundreds of cells each time.
///
/// Only objects registered here are looked for, and a rendering is kept only when it read
/// nothing below the object on the context stack (every name it looked up was found in the
/// object or in what it holds, or missed there without looking further) and nothing the
/// compiled steps leave to the library: then it depends on the object, the partial and the
/// indentation alone. The names it found and missed are kept with it and recorded again
/// each time it is placed, so unknown keys are reported exactly as before.
///
/// One visit's pages are rendered on one thread, so this is a plain class, made with the
/// visit's cards and dropped with them.
final class PartialMemo {
    struct Key: Hashable {
        var partial: String
        var indentation: String
        var object: UnsafeRawPointer
    }

    struct Entry {
        /// Holds the object, so that its storage is not freed and its address given to
        /// another object while this entry stands.
        var object: TemplateObject
        var text: String
        var found: [Int]
        var missed: [Int]
    }

    /// The registered objects by their storage, each held.
    private var registered: [UnsafeRawPointer: TemplateObject] = [:]
    private var entries: [Key: Entry] = [:]

    /// Marks `value`, an object, as one whose partials are worth keeping.
    func register(_ value: TemplateValue) {
        guard case .object(let object) = value, let storage = object.storage else { return }
        registered[storage] = object
    }

    /// The key of `partial` rendered with `object` on top of the stack at `indentation`, or
    /// nil when the object is not registered.
    func key(_ partial: String, indentation: String?, object: TemplateObject) -> Key? {
        guard let storage = object.storage, registered[storage] != nil else { return nil }
        return Key(partial: partial, indentation: indentation ?? "", object: storage)
    }

    /// How many renderings were placed again rather than rendered.
    private(set) var placed = 0

    subscript(key: Key) -> Entry? {
        get {
            let entry = entries[key]
            if entry != nil { placed += 1 }
            return entry
        }
        set { entries[key] = newValue }
    }
}
