public import ScorecardCore

/// A narrative file cut into its optional YAML front matter and its Markdown body, with the
/// file line on which each starts so that diagnostics about either point into the file.
///
/// The front matter is a block whose first line is `---` at the very start of the file
/// (after an optional byte-order mark) and whose last line is `---` or `...`; trailing spaces
/// or tabs on those lines are allowed. Lines end with LF or CRLF (a lone CR also ends a line,
/// as it does for cmark and YAML, so that all three agree on line numbers).
public struct FrontMatter: Sendable, Hashable {
    /// The YAML between the delimiter lines, exactly as written; nil when there is no block.
    public var yaml: String?
    /// The file line of the YAML's first line (the line after the opening `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing line (or the whole file, without a byte-order mark).
    public var body: String
    /// The file line of the body's first line.
    public var bodyFirstLine: Int

    public init(yaml: String?, yamlFirstLine: Int, body: String, bodyFirstLine: Int) {
        self.yaml = yaml
        self.yamlFirstLine = yamlFirstLine
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }

    /// Splits `text` (the file at `path`, relative to the site) into front matter and body.
    ///
    /// An opening `---` with no closing line is an error at line 1; the whole file is then
    /// returned as the body (with no YAML), so that its references are still checked.
    ///
    /// Complexity: O(*n*) in the length of `text`.
    public static func split(_ text: String, path: String) -> (frontMatter: FrontMatter, diagnostics: [Diagnostic]) {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let content = Substring(scalars)
        let whole = FrontMatter(yaml: nil, yamlFirstLine: 1, body: String(content), bodyFirstLine: 1)

        let utf8 = content.utf8
        var lines = LineCursor(utf8)
        guard let opening = lines.next(), isDelimiter(utf8[opening.text], closing: false) else {
            return (whole, [])
        }
        let yamlStart = opening.next
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if isDelimiter(utf8[line.text], closing: true) {
                let yaml = String(decoding: utf8[yamlStart..<line.text.lowerBound], as: UTF8.self)
                let body = String(decoding: utf8[line.next...], as: UTF8.self)
                return (FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: lineNumber + 1), [])
            }
        }
        let error = Diagnostic.error(
            "front matter opened with '---' on line 1 is never closed; end it with a line '---' (or '...') before the Markdown",
            at: SourceLocation(path: path, line: 1, column: 1))
        return (whole, [error])
    }

    /// `---` (or, closing, also `...`) followed by nothing but spaces or tabs.
    private static func isDelimiter(_ line: Substring.UTF8View, closing: Bool) -> Bool {
        let marks = line.prefix(3)
        guard marks.count == 3 else { return false }
        let dashes = marks.allSatisfy { $0 == UInt8(ascii: "-") }
        let dots = closing && marks.allSatisfy { $0 == UInt8(ascii: ".") }
        guard dashes || dots else { return false }
        return line.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}

/// Walks the lines of a UTF-8 view: each line's text (without its ending) and where the next
/// line starts. LF, CRLF and a lone CR end a line.
private struct LineCursor {
    typealias Index = Substring.UTF8View.Index
    let utf8: Substring.UTF8View
    var position: Index?

    init(_ utf8: Substring.UTF8View) {
        self.utf8 = utf8
        self.position = utf8.startIndex
    }

    mutating func next() -> (text: Range<Index>, next: Index)? {
        guard let start = position else { return nil }
        var i = start
        while i < utf8.endIndex {
            let byte = utf8[i]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                var after = utf8.index(after: i)
                if byte == UInt8(ascii: "\r"), after < utf8.endIndex, utf8[after] == UInt8(ascii: "\n") {
                    after = utf8.index(after: after)
                }
                position = after
                return (start..<i, after)
            }
            i = utf8.index(after: i)
        }
        position = nil
        return (start..<i, i)
    }
}
