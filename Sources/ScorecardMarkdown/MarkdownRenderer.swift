public import ScorecardCore
internal import CCmarkGFM

/// Narrative Markdown to HTML: GitHub-flavoured Markdown (tables, strikethrough, autolinks,
/// task lists, footnotes) through cmark-gfm, with author HTML shown as text, dangerous link
/// URLs removed, `kpi` blocks replaced by generated HTML and `{{…}}` references resolved.
public enum MarkdownRenderer {
    /// Renders a narrative's Markdown `body` to HTML.
    ///
    /// - Parameters:
    ///   - body: the Markdown (after any front matter; a leading byte-order mark is dropped).
    ///   - path: the file's path relative to the site, for locations.
    ///   - firstLine: the file line of the body's first line (see `FrontMatter`).
    ///   - kpiBlock: called once per `kpi` block, in document order, with its valid ids and
    ///     the line and column of each, and the location of its opening fence; returns
    ///     trusted HTML that takes the block's place as it is.
    ///   - reference: called once per inline reference, in document order; returns the plain
    ///     text that takes its place (escaped here), with a diagnostic if there is a problem.
    /// - Returns: the HTML, the same for the same input, and the problems found (invalid ids
    ///   in kpi blocks, malformed references, and the diagnostics `reference` returned), in
    ///   document order.
    ///
    /// Locations are file lines (`firstLine` − 1 + the body's line) and 1-based columns in
    /// Unicode scalars after any byte-order mark. They are exact for kpi ids and fences, and
    /// for references in text written literally or with escapes and entities, in any block
    /// (paragraph lines, list items, block quotes, lazy lines, headings, table cells, links,
    /// footnotes); cmark's own inline columns are checked against the source rather than
    /// trusted (see `TextPositions`).
    public static func render(
        _ body: String, path: String, firstLine: Int = 1,
        kpiBlock: (_ ids: [(id: String, location: SourceLocation)], _ location: SourceLocation) -> String,
        reference: (_ reference: InlineReference) -> ReferenceResolution
    ) -> (html: String, diagnostics: [Diagnostic]) {
        precondition(firstLine >= 1, "firstLine is a 1-based file line")
        var scalars = Substring(body).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let text = String(Substring(scalars))

        let document = CMarkDocument(parsing: text)
        var pass = RenderPass(lines: SourceLines(text), path: path, firstLine: firstLine)
        pass.makeSafe(document)
        for task in pass.tasks(document) {
            switch task {
            case .kpi(let node): pass.replaceKPIBlock(node, with: kpiBlock)
            case .text(let run): pass.resolveReferences(in: run, with: reference)
            case .code(let span): _ = pass.positions.place(span)
            }
        }
        return (pass.splice(into: document), pass.diagnostics)
    }
}

/// The state of one render: the source, the diagnostics so far, and what is known about the
/// positions of text nodes that cmark does not place itself.
struct RenderPass {
    enum Task {
        case kpi(CMarkNode)
        case text([CMarkNode])
        /// A code span: placed only so that text after it is not looked for inside it.
        case code(CMarkNode)
    }

    let path: String
    let firstLine: Int
    var diagnostics: [Diagnostic] = []
    var positions: TextPositions
    /// The HTML of each kpi block, and the node that stands for it in the tree until the
    /// document is rendered (see `splice(into:)`).
    var blocks: [(node: CMarkNode, html: String)] = []

    init(lines: SourceLines, path: String, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
        self.positions = TextPositions(lines: lines)
    }

    /// A location in the file from a cmark line and a column.
    func location(cmarkLine: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: firstLine - 1 + max(cmarkLine, 1), column: column)
    }

    // MARK: Safety

    /// Turns author HTML into text and blanks dangerous link and image URLs, so that the
    /// tree can be rendered with `CMARK_OPT_UNSAFE`.
    mutating func makeSafe(_ document: CMarkDocument) {
        for node in document.nodes() {
            switch node.type {
            case CMARK_NODE_HTML_INLINE:
                let text = CMarkNode.make(CMARK_NODE_TEXT)
                text.literal = node.literal
                positions.remember(text, asFrom: node)
                node.replace(with: text)
            case CMARK_NODE_HTML_BLOCK:
                let paragraph = CMarkNode.make(CMARK_NODE_PARAGRAPH)
                let text = CMarkNode.make(CMARK_NODE_TEXT)
                var literal = node.literal.replacing("\r\n", with: "\n")
                while literal.hasSuffix("\n") { literal.removeLast() }
                text.literal = literal
                paragraph.append(text)
                positions.remember(text, asFrom: node)
                node.replace(with: paragraph)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if URLSafety.isDangerous(node.url) { node.url = "" }
            default:
                break
            }
        }
    }

    // MARK: Tasks

    /// The kpi blocks, runs of adjacent text nodes and code spans, in document order.
    func tasks(_ document: CMarkDocument) -> [Task] {
        var tasks: [Task] = []
        for node in document.nodes() {
            switch node.type {
            case CMARK_NODE_CODE_BLOCK:
                if let info = node.fenceInfo, info.trimmingSpacesAndTabs() == "kpi" { tasks.append(.kpi(node)) }
            case CMARK_NODE_CODE:
                tasks.append(.code(node))
            case CMARK_NODE_TEXT:
                // cmark splits text at characters that might start markup; a run of adjacent
                // text nodes is what the author wrote as one piece of text.
                if node.previous?.type == CMARK_NODE_TEXT { continue }
                var run = [node]
                while let next = run.last?.next, next.type == CMARK_NODE_TEXT { run.append(next) }
                tasks.append(.text(run))
            default:
                break
            }
        }
        return tasks
    }

    // MARK: kpi blocks

    /// Replaces a `kpi` code block with the HTML `kpiBlock` returns for its valid ids.
    mutating func replaceKPIBlock(
        _ block: CMarkNode,
        with kpiBlock: (_ ids: [(id: String, location: SourceLocation)], _ location: SourceLocation) -> String
    ) {
        let fenceLine = block.startLine
        let fenceColumn = positions.fenceColumn(of: block)
        let fenceLocation = location(cmarkLine: fenceLine, column: fenceColumn)

        var ids: [(id: String, location: SourceLocation)] = []
        var invalid = false
        let contentLines = block.literal.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in contentLines.enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let id = line.trimmingSpacesAndTabs()
            if id.isEmpty { continue }
            let cmarkLine = fenceLine + 1 + index
            let column = positions.codeLineColumn(line: cmarkLine, content: line, trimmed: id)
            let where_ = location(cmarkLine: cmarkLine, column: column)
            if IndicatorID.isValid(id) {
                ids.append((id: id, location: where_))
            } else {
                invalid = true
                diagnostics.append(.error(
                    "'\(id)' is not a valid indicator id in a kpi block; \(IndicatorID.rule), one id per line",
                    at: where_))
            }
        }
        if ids.isEmpty {
            if !invalid {
                diagnostics.append(.warning(
                    "kpi block lists no indicator ids; write one indicator id per line, or remove the block",
                    at: fenceLocation))
            }
            block.remove()
            return
        }
        let html = CMarkNode.make(CMARK_NODE_HTML_BLOCK)
        let trusted = kpiBlock(ids, fenceLocation)
        if trusted.isEmpty {
            html.literal = ""
        } else {
            // A marker stands in the tree for the block's HTML until it is rendered.
            html.literal = Self.marker(blocks.count, endingAs: trusted)
            blocks.append((html, trusted))
        }
        block.replace(with: html)
    }

    // MARK: Rendering

    /// What stands in the tree for the `index`th kpi block: an HTML comment, which cmark
    /// writes only from HTML nodes, and the only HTML nodes left are the kpi blocks' (author
    /// HTML has become text, written escaped).
    /// It ends in a line feed when `html` does, so that cmark puts the same line breaks
    /// around it.
    static func marker(_ index: Int, endingAs html: String) -> String {
        "<!--scorecard-kpi-block-\(index)-->" + (html.utf8.last == 0x0A ? "\n" : "")
    }

    /// The document as HTML, each kpi block's marker replaced by its HTML. A page of cards
    /// is mostly their markup: handed to cmark, it was copied into its tree, copied again
    /// into its output and then checked as UTF-8 once more, all under the lock every render
    /// takes; placed here, it is copied once. Should a marker not be found where expected
    /// (nothing known makes that happen), the blocks' HTML is put into the tree and the
    /// document rendered again, as before.
    func splice(into document: CMarkDocument) -> String {
        let rendered = document.renderHTML()
        guard !blocks.isEmpty else { return rendered }
        let utf8 = rendered.utf8
        var out = ""
        out.reserveCapacity(utf8.count + blocks.reduce(0) { $0 + $1.html.utf8.count })
        var copied = utf8.startIndex
        for (index, block) in blocks.enumerated() {
            guard let found = Self.find(Self.marker(index, endingAs: block.html), in: rendered, from: copied) else {
                for b in blocks { b.node.literal = b.html }
                return document.renderHTML()
            }
            out += rendered[copied..<found.lowerBound]
            out += block.html
            copied = found.upperBound
        }
        out += rendered[copied...]
        return out
    }

    /// Where `needle` first occurs in `text` at or after `start`, by its UTF-8.
    static func find(_ needle: String, in text: String, from start: String.Index) -> Range<String.Index>? {
        let utf8 = text.utf8
        let offset = utf8.distance(from: utf8.startIndex, to: start)
        var needle = needle
        var text = text
        let at = text.withUTF8 { hay in needle.withUTF8 { hay.index(of: $0, from: offset) } }
        guard let at else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: at)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    // MARK: Inline references

    /// Resolves the `{{…}}` references in a run of adjacent text nodes, merging the run into
    /// its first node when anything is replaced.
    mutating func resolveReferences(in run: [CMarkNode], with reference: (_ reference: InlineReference) -> ReferenceResolution) {
        // Placing every run, not only those with references, keeps the search cursor of each
        // block in step with the text.
        let placed = run.map { positions.place($0) }
        let merged = placed.flatMap(\.bytes)
        let tokens = ReferenceToken.scan(merged)
        guard !tokens.isEmpty else { return }

        var output: [UInt8] = []
        var copied = 0
        var starts: [Int] = []
        var total = 0
        for segment in placed {
            starts.append(total)
            total += segment.bytes.count
        }
        var segmentIndex = 0   // tokens come in order, so the segment only moves forward
        for token in tokens {
            while segmentIndex + 1 < starts.count, starts[segmentIndex + 1] <= token.range.lowerBound { segmentIndex += 1 }
            let position = placed[segmentIndex].position(ofByte: token.range.lowerBound - starts[segmentIndex])
            let here = location(cmarkLine: position.line, column: position.column)
            let replacement: String
            switch token.kind {
            case .reference(let indicator, let field):
                switch reference(InlineReference(indicator: indicator, field: field, location: here)) {
                case .text(let text):
                    replacement = text
                case .diagnostic(let diagnostic, let text):
                    diagnostics.append(diagnostic)
                    replacement = text
                }
            case .malformed(let message):
                diagnostics.append(.error(message, at: here))
                replacement = token.written
            }
            output += merged[copied..<token.range.lowerBound]
            output += Array(replacement.utf8)
            copied = token.range.upperBound
        }
        output += merged[copied...]

        run[0].literal = String(decoding: output, as: UTF8.self)
        for node in run.dropFirst() { node.remove() }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpacesAndTabs() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
