internal import CCmarkGFM
import Foundation

/// The cmark-gfm document for one render: owns its parser and node tree and frees both.
///
/// cmark-gfm keeps its table of special inline characters in a global that every parse
/// changes (extensions add `~`, `|`, `:`, `w` … while inlines are parsed and remove them
/// afterwards), so two parses on different threads race. Every parse and render therefore
/// runs under one lock; the tree itself belongs to this object alone.
final class CMarkDocument {
    /// The GFM extensions attached to every parser.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions once, on first use, from whichever thread gets there.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let lock = NSLock()

    private let parser: OpaquePointer
    let root: CMarkNode

    /// Parses `text` as GitHub-flavoured Markdown with footnotes.
    init(parsing text: String) {
        precondition(Self.registered)
        var text = text
        let parsed: (OpaquePointer, CMarkNode) = Self.lock.withLock {
            guard let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES) else {
                preconditionFailure("cmark_parser_new failed (out of memory)")
            }
            for name in Self.extensionNames {
                guard let syntax = cmark_find_syntax_extension(name) else {
                    preconditionFailure("cmark-gfm has no '\(name)' extension")
                }
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
            text.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                }
            }
            guard let root = cmark_parser_finish(parser) else {
                preconditionFailure("cmark_parser_finish returned no document")
            }
            return (parser, CMarkNode(root))
        }
        parser = parsed.0
        root = parsed.1
    }

    deinit {
        cmark_node_free(root.pointer)
        cmark_parser_free(parser)
    }

    /// Every node of the tree in document order (on entering it).
    ///
    /// Collecting first and changing the tree afterwards is what cmark's iterator requires.
    func nodes() -> [CMarkNode] {
        var nodes: [CMarkNode] = []
        guard let iterator = cmark_iter_new(root.pointer) else { return nodes }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                nodes.append(CMarkNode(node))
            }
        }
        return nodes
    }

    /// The tree as HTML, with HTML nodes written out as they stand.
    ///
    /// `CMARK_OPT_UNSAFE` lets the generated kpi blocks through; by then every author HTML
    /// node has become text and every dangerous URL has been blanked. No extension list is
    /// passed: it is only used for HTML filters, and tagfilter would mangle the trusted kpi
    /// HTML (an SVG's `<title>`, a `<style>`), while author HTML no longer exists to filter.
    func renderHTML() -> String {
        Self.lock.withLock {
            guard let html = cmark_render_html(root.pointer, CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES, nil) else {
                return ""
            }
            defer { cmark_get_default_mem_allocator().pointee.free(html) }
            return String(cString: html)
        }
    }
}

/// A cmark node borrowed from a `CMarkDocument`; valid only while the document lives and
/// never seen outside this module.
struct CMarkNode: Hashable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    private init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    /// A new node, owned by whoever it is attached to (or freed with `free()`).
    static func make(_ type: cmark_node_type) -> CMarkNode {
        guard let pointer = cmark_node_new(type) else { preconditionFailure("cmark_node_new failed") }
        return CMarkNode(pointer)
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }

    /// True for block nodes (including the table extension's rows and cells).
    var isBlock: Bool { type.rawValue & 0xC000 == 0x8000 }

    var parent: CMarkNode? { CMarkNode(cmark_node_parent(pointer)) }
    var next: CMarkNode? { CMarkNode(cmark_node_next(pointer)) }
    var previous: CMarkNode? { CMarkNode(cmark_node_previous(pointer)) }

    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    var literal: String {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    /// The whole info string of a fenced code block (nil for an indented one).
    var fenceInfo: String? {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        guard cmark_node_get_fenced(pointer, &length, &offset, &character) != 0 else { return nil }
        return cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? ""
    }

    /// The fence of a fenced code block, e.g. "```".
    var fence: String {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        guard cmark_node_get_fenced(pointer, &length, &offset, &character) != 0, length > 0 else { return "" }
        return String(repeating: String(UnicodeScalar(UInt8(bitPattern: character))), count: Int(length))
    }

    func append(_ child: CMarkNode) { cmark_node_append_child(pointer, child.pointer) }

    /// Puts `node` in this node's place and frees this node (and its children).
    func replace(with node: CMarkNode) {
        cmark_node_replace(pointer, node.pointer)
        cmark_node_free(pointer)
    }

    /// Takes this node out of the tree and frees it (and its children).
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }
}
