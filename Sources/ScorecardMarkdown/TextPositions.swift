internal import CCmarkGFM

/// Where cmark's nodes are in the source, checked against the source itself.
///
/// cmark-gfm 0.29.0.gfm.6 gives every block a reliable start line and byte column, and every
/// inline node a line and byte column that are right on a paragraph's first line but not
/// always after it: a continuation line's leading spaces and a lazy line's missing `>` are
/// not counted, text after an inline (HTML, link) spanning lines keeps the earlier line, and
/// text made by the autolink extension has no position at all. cmark also merges the text
/// of an entity or backslash escape into the text around it, so a literal is not always a
/// copy of its source.
///
/// So each line of a text node's literal is aligned with the source, reading `\*` as `*`
/// and `&amp;` as `&`: at cmark's position if the source reads as the literal there, else
/// at the first place that does after the text (or code span) placed before it in the same
/// block, else anywhere in the block's lines.
///
/// Guarantee: when a text line is aligned, every `{{` in it is reported at its exact line
/// and column (Unicode scalars, a tab counting one; a brace written as an entity at the
/// entity's `&`). Text aligns when written literally or with backslash escapes, numeric
/// entities or named entities of one or two scalars. A wrong place is possible only where
/// cmark's column is wrong (see above) and the same text also occurs between the previous
/// text of the block and the real place, inside markup such as a link's URL or title. Text
/// that aligns nowhere (a longer named entity) keeps cmark's line and column plus its offset
/// in the literal.
struct TextPositions {
    typealias Position = SourceLines.Position

    let lines: SourceLines
    /// Text nodes made from author HTML, placed where the HTML was.
    private var origins: [CMarkNode: Position] = [:]
    /// For each block, where the last text placed in it ended.
    private var cursors: [CMarkNode: Position] = [:]

    init(lines: SourceLines) {
        self.lines = lines
    }

    /// Records that `text` stands for `original` (which is about to be freed).
    mutating func remember(_ text: CMarkNode, asFrom original: CMarkNode) {
        guard original.startLine > 0 else { return }
        origins[text] = Position(line: original.startLine, byte: max(original.startColumn - 1, 0))
    }

    /// The column of a fenced code block's opening fence.
    func fenceColumn(of block: CMarkNode) -> Int {
        let hint = Position(line: block.startLine, byte: max(block.startColumn - 1, 0))
        let fence = ArraySlice(block.fence.utf8)
        if lines.matches(fence, at: hint) { return lines.column(line: hint.line, byte: hint.byte) }
        if let found = lines.first(fence, from: Position(line: hint.line, byte: 0), through: hint.line) {
            return lines.column(line: found.line, byte: found.byte)
        }
        return lines.column(line: hint.line, byte: hint.byte)
    }

    /// The column of `trimmed` on a code block's content line `line` whose text (after cmark
    /// removed the block's indentation and any container prefix) is `content`.
    func codeLineColumn(line: Int, content: Substring, trimmed: String) -> Int {
        let source = lines.bytes(ofLine: line)
        let text = Array(content.utf8)
        let leading = content.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        if source.count >= text.count, source.suffix(text.count).elementsEqual(text) {
            return lines.column(line: line, byte: source.count - text.count + leading)
        }
        if let found = lines.first(ArraySlice(trimmed.utf8), from: Position(line: line, byte: 0), through: line) {
            return lines.column(line: found.line, byte: found.byte)
        }
        return lines.column(line: line, byte: leading)
    }

    /// Places a text node's literal in the source, line piece by line piece.
    mutating func place(_ node: CMarkNode) -> PlacedText {
        let bytes = Array(node.literal.utf8)
        let block = node.enclosingBlock
        let hint = origins[node]
            ?? (node.startLine > 0 ? Position(line: node.startLine, byte: max(node.startColumn - 1, 0)) : nil)
        let newlines = bytes.count { $0 == UInt8(ascii: "\n") }
        let firstLine: Int, lastLine: Int
        if let block, block.startLine > 0 {
            firstLine = block.startLine
            lastLine = max(block.endLine, block.startLine, (hint?.line ?? 0) + newlines)
        } else if let hint {
            firstLine = hint.line
            lastLine = hint.line + newlines
        } else {
            firstLine = 1
            lastLine = lines.lineCount
        }
        var cursor = block.flatMap { cursors[$0] } ?? Position(line: firstLine, byte: 0)

        var pieces: [PlacedText.Piece] = []
        var offset = 0
        for (index, piece) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            defer { offset += piece.count + 1 }
            let searched = piece.last == UInt8(ascii: "\r") ? piece.dropLast() : piece
            if searched.isEmpty { continue }
            let placed: (position: Position, bytes: [Int])?
            if index == 0, let hint, let map = lines.alignment(of: searched, at: hint) {
                placed = (hint, map)
            } else {
                // cmark's line is a lower bound even where its column is not.
                let lower = index == 0 && hint.map { $0.line > cursor.line } == true
                    ? Position(line: hint!.line, byte: 0) : cursor
                placed = lines.firstAlignment(of: searched, from: lower, through: lastLine)
                    ?? lines.firstAlignment(of: searched, from: Position(line: firstLine, byte: 0), through: lastLine)
            }
            if let placed {
                pieces.append(.init(offset: offset, position: placed.position, bytes: placed.bytes))
                cursor = Position(line: placed.position.line, byte: placed.bytes.last ?? placed.position.byte)
            } else {
                let approximate = index == 0
                    ? (hint ?? cursor)
                    : Position(line: (hint?.line ?? cursor.line) + index, byte: 0)
                pieces.append(.init(offset: offset, position: approximate, bytes: nil))
            }
        }
        if let block { cursors[block] = cursor }
        var placedText = PlacedText(bytes: bytes, pieces: pieces, lines: lines)
        if pieces.contains(where: { $0.bytes == nil }) { placedText.scalarsBefore = SourceLines.scalarsBefore(bytes) }
        return placedText
    }
}

/// A text node's literal with the source position of each of its lines.
struct PlacedText {
    struct Piece {
        /// Byte offset of the piece in the literal.
        var offset: Int
        /// Where the piece starts in the source (cmark line numbering).
        var position: SourceLines.Position
        /// The source byte (in the line) of each byte of the piece, plus its end; nil when
        /// the piece was not found in the source and `position` is a guess.
        var bytes: [Int]?
    }

    let bytes: [UInt8]
    let pieces: [Piece]
    let lines: SourceLines
    /// When a piece was not found in the source: how many scalars of the literal start before
    /// each of its bytes, so that each reference in a long piece is not counted from its start.
    var scalarsBefore: [UInt32] = []

    /// The cmark line and the 1-based column, in Unicode scalars, of byte `offset` of the
    /// literal.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        // The last piece starting at or before `offset`, found by halving: a text node made
        // from an HTML block may have a piece for each of thousands of lines.
        var low = 0, high = pieces.count
        while low < high {
            let mid = (low + high) / 2
            if pieces[mid].offset <= offset { low = mid + 1 } else { high = mid }
        }
        guard let piece = low > 0 ? pieces[low - 1] : pieces.first else { return (1, 1) }
        let line = piece.position.line
        if let map = piece.bytes {
            return (line, lines.column(line: line, byte: map[min(offset - piece.offset, map.count - 1)]))
        }
        let end = max(offset, piece.offset)
        let within = scalarsBefore.count > end
            ? Int(scalarsBefore[end] - scalarsBefore[piece.offset])
            : SourceLines.scalarCount(bytes[piece.offset..<end])
        return (line, lines.column(line: line, byte: piece.position.byte) + within)
    }
}

extension CMarkNode {
    /// The nearest block that holds this node (a paragraph, heading, table cell …).
    var enclosingBlock: CMarkNode? {
        var node = parent
        while let current = node, !current.isBlock { node = current.parent }
        return node
    }
}
