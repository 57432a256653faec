import CYaml
import Yams

/// Composes the YAML that content files hold (mappings, lists and scalars, nothing more)
/// straight from libyaml's events into the `Node` that `Yams.compose` makes of it, tags,
/// styles and marks included; anything else is left to Yams.
///
/// Yams finds repeated keys by hashing every mapping key with its resolved tag, and resolves
/// a plain key's tag by trying its regular expressions one by one: for content files, that
/// was most of the cost of reading YAML. Here keys are compared by their text, which is all
/// a repeat can share, and a file where two keys of a mapping have the same text goes to
/// Yams, whose rules then decide whether they are the same key (`2020` and `"2020"` are not)
/// and what the error says. So do anchors and aliases, explicit tags, complex keys, a second
/// document, an empty stream and every syntax error: `compose` returns nil for them. One
/// difference no reader sees: Yams has resolved its mapping keys' tags by the time it returns
/// (it hashed them), and these are resolved only when asked for, to the same tags.
enum PlainYAMLComposer {
    /// The document's root, as `Yams.compose(yaml: text, .default, .default, .utf8)` gives
    /// it, or nil when the text is not plain YAML of one document (see above).
    static func compose(_ text: String) -> Node? {
        guard MarkLayout.understood, !text.isEmpty else { return nil }
        var text = text
        return text.withUTF8 { bytes -> Node? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            // One constructor for the file, as Yams makes one per parse: `.default` makes a new
            // one, its maps included, on every use.
            var composer = Composer(constructor: .default)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch composer.take(event) {
                case .more: continue
                case .done(let root): return root
                case .declined: return nil
                }
            }
        }
    }

    private enum Outcome { case more, done(Node?), declined }

    /// The collections open at the current event, innermost last.
    private struct Composer {
        /// A list or mapping not yet closed: its place, and what it holds so far.
        struct Open {
            let mark: Mark
            let isMapping: Bool
            var nodes: [Node] = []
            var pairs: [(Node, Node)] = []
            /// A mapping's key read, its value not yet.
            var key: Node?
            /// A mapping's key texts so far.
            var texts: Set<String> = []
        }
        let constructor: Constructor
        var open: [Open] = []
        var root: Node?
        var documents = 0

        mutating func take(_ event: yaml_event_t) -> Outcome {
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                return .more
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                // A second document is Yams's error to report; %TAG directives change tags.
                guard documents == 1, event.data.document_start.tag_directives.start == nil else { return .declined }
                return .more
            case YAML_STREAM_END_EVENT:
                return root.map { .done($0) } ?? .declined
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                guard s.anchor == nil else { return .declined }
                let name: Tag.Name
                if s.quoted_implicit == 1 {
                    name = .str
                } else if s.tag == nil {
                    name = .implicit
                } else {
                    return .declined
                }
                let bytes = UnsafeBufferPointer(start: s.value, count: s.length)
                // Yams decodes with Foundation, which may take a leading byte-order mark away.
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .declined }
                let value = String(decoding: bytes, as: UTF8.self)
                guard let style = Node.Scalar.Style(rawValue: numericCast(s.style.rawValue)) else { return .declined }
                return add(.scalar(.init(value, Tag(name, .default, constructor), style, Self.mark(event))))
            case YAML_SEQUENCE_START_EVENT:
                let s = event.data.sequence_start
                guard s.anchor == nil, s.implicit != 0 else { return .declined }
                open.append(Open(mark: Self.mark(event), isMapping: false))
                return .more
            case YAML_MAPPING_START_EVENT:
                let m = event.data.mapping_start
                guard m.anchor == nil, m.implicit != 0 else { return .declined }
                open.append(Open(mark: Self.mark(event), isMapping: true))
                return .more
            // Yams takes a collection's style from its end event, whose data libyaml leaves
            // zeroed (`.any`): so does this.
            case YAML_SEQUENCE_END_EVENT:
                guard let closed = open.popLast(), !closed.isMapping,
                      let style = Node.Sequence.Style(rawValue: numericCast(event.data.sequence_start.style.rawValue)) else { return .declined }
                return add(.sequence(.init(closed.nodes, Tag(.implicit, .default, constructor), style, closed.mark)))
            case YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast(), closed.isMapping, closed.key == nil,
                      let style = Node.Mapping.Style(rawValue: numericCast(event.data.mapping_start.style.rawValue)) else { return .declined }
                return add(.mapping(.init(closed.pairs, Tag(.implicit, .default, constructor), style, closed.mark)))
            default:
                // An alias, or an event this libyaml has and Yams does not expect.
                return .declined
            }
        }

        /// Puts a finished node where it belongs: the root, a list's next item, or a
        /// mapping's next key or value.
        mutating func add(_ node: Node) -> Outcome {
            guard let last = open.indices.last else {
                root = node
                return .more
            }
            if !open[last].isMapping {
                open[last].nodes.append(node)
            } else if let key = open[last].key {
                open[last].pairs.append((key, node))
                open[last].key = nil
            } else {
                // A key that is not a scalar, or a second key of the same text: Yams decides.
                guard case .scalar(let s) = node, open[last].texts.insert(s.string).inserted else { return .declined }
                open[last].key = node
            }
            return .more
        }

        static func mark(_ event: yaml_event_t) -> Mark {
            MarkLayout.make(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        }
    }
}

/// Yams keeps `Mark`'s initialiser to itself, and a `Node` made here must carry one. A `Mark`
/// is two `Int`s, line then column; that layout is checked once, against marks Yams made, and
/// while it does not hold nothing is composed here.
enum MarkLayout {
    static func make(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    static let understood: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size,
              let root = try? Yams.compose(yaml: "a:\n  - b\n  -   c\n", .default, .default, .utf8),
              case .mapping(let m) = root, let (key, value) = m.first, case .sequence(let items) = value,
              items.count == 2, let k = key.mark, let c = items[1].mark else { return false }
        // Yams's marks: the key at 1:1, the second item at 3:7.
        for (mark, line, column) in [(k, 1, 1), (c, 3, 7)] {
            let made = make(line: line, column: column)
            guard mark.line == line, mark.column == column, made.line == line, made.column == column else { return false }
        }
        return true
    }()
}
