import ScorecardCore

private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D
private let comma: UInt8 = 0x2C
private let quote: UInt8 = 0x22

/// A position in the raw bytes: the next byte's index and the line and column it starts at.
///
/// Lines end at LF, CRLF or a lone CR. Columns count Unicode scalars: each byte that is not
/// a UTF-8 continuation byte starts one. Positions are only ever read at a scalar's first
/// byte, so continuation bytes never show.
struct CSVCursor {
    let bytes: [UInt8]
    var index: Int
    var line = 1
    var column = 1

    init(bytes: [UInt8], index: Int) {
        self.bytes = bytes
        self.index = index
    }

    /// The next byte, or nil at the end.
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Steps over one byte. The caller makes sure there is one.
    mutating func advance() {
        let byte = bytes[index]
        index += 1
        switch byte {
        case lineFeed:
            line += 1
            column = 1
        case carriageReturn:
            // The LF of a CRLF counts the line; a lone CR counts it itself.
            if index < bytes.count, bytes[index] == lineFeed { break }
            line += 1
            column = 1
        default:
            if byte & 0xC0 != 0x80 { column += 1 }
        }
    }

    /// Steps over a line end (LF, CRLF or lone CR) if there is one here.
    mutating func skipLineEnd() {
        if current == carriageReturn { advance() }
        if current == lineFeed { advance() }
    }

    /// The Unicode scalar starting at the cursor, as text for a message. Bytes must be valid UTF-8.
    var currentCharacter: String {
        guard let byte = current else { return "" }
        let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        return String(decoding: bytes[index..<min(index + length, bytes.count)], as: UTF8.self)
    }
}

/// Where the first ill-formed UTF-8 sequence starts, or nil when all is well-formed.
///
/// Strict: overlong forms, surrogates, values above U+10FFFF and truncated sequences are
/// rejected (Unicode 15, table 3-7). `byte` is the first byte of the bad sequence. O(n).
func firstInvalidUTF8(in bytes: [UInt8], from start: Int) -> (line: Int, column: Int, byte: UInt8)? {
    var cursor = CSVCursor(bytes: bytes, index: start)
    while let lead = cursor.current {
        let index = cursor.index
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F:
            cursor.advance()
            continue
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return (cursor.line, cursor.column, lead)
        }
        var wellFormed = index + length <= bytes.count && (low...high).contains(bytes[index + 1])
        if wellFormed {
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                wellFormed = false
            }
        }
        guard wellFormed else { return (cursor.line, cursor.column, lead) }
        for _ in 0..<length { cursor.advance() }
    }
    return nil
}

/// Splits valid UTF-8 bytes into records, collecting syntax errors as it goes.
struct CSVScanner {
    private var cursor: CSVCursor
    private let path: String
    /// Syntax errors found so far, in file order.
    private(set) var diagnostics: [Diagnostic] = []
    /// Reused for the content of quoted fields, which may differ from the bytes (`""`).
    private var buffer: [UInt8] = []

    init(bytes: [UInt8], start: Int, path: String) {
        cursor = CSVCursor(bytes: bytes, index: start)
        self.path = path
    }

    /// The next record, skipping empty lines, or nil at the end of the bytes.
    ///
    /// `wellFormed` is false when a syntax error in the record was added to `diagnostics`;
    /// such a record is still returned whole so that the caller can tell the header apart.
    mutating func nextRecord() -> (record: CSVRecord, wellFormed: Bool)? {
        while let byte = cursor.current, byte == lineFeed || byte == carriageReturn {
            cursor.advance()
        }
        guard cursor.current != nil else { return nil }
        let line = cursor.line
        var fields: [CSVField] = []
        var wellFormed = true
        while true {
            let (field, fieldIsWellFormed) = cursor.current == quote ? scanQuoted() : scanUnquoted()
            fields.append(field)
            wellFormed = wellFormed && fieldIsWellFormed
            guard cursor.current == comma else { break }
            cursor.advance()
        }
        cursor.skipLineEnd()
        return (CSVRecord(fields: fields, line: line), wellFormed)
    }

    /// A field up to the next comma, line end or end of bytes; a quote in it is an error.
    private mutating func scanUnquoted() -> (CSVField, Bool) {
        let line = cursor.line
        let column = cursor.column
        let start = cursor.index
        var strayQuote: SourceLocation?
        while let byte = cursor.current, byte != comma, byte != lineFeed, byte != carriageReturn {
            if byte == quote, strayQuote == nil {
                strayQuote = location(cursor.line, cursor.column)
            }
            cursor.advance()
        }
        let text = String(decoding: cursor.bytes[start..<cursor.index], as: UTF8.self)
        let field = CSVField(text: text, line: line, column: column)
        guard let strayQuote else { return (field, true) }
        let quoted = "\"" + text.replacing("\"", with: "\"\"") + "\""
        diagnostics.append(.error(
            "quote inside the unquoted field '\(text)'; quote the whole field and double the quote: \(quoted)",
            at: strayQuote))
        return (field, false)
    }

    /// A field from its opening quote to its closing quote, which must end the field.
    private mutating func scanQuoted() -> (CSVField, Bool) {
        let line = cursor.line
        let column = cursor.column
        cursor.advance()
        buffer.removeAll(keepingCapacity: true)
        while true {
            guard let byte = cursor.current else {
                // Everything after the opening quote went into this field: one error, no more.
                diagnostics.append(.error(
                    "unterminated quoted field; add the closing \"", at: location(line, column)))
                return (CSVField(text: String(decoding: buffer, as: UTF8.self), line: line, column: column), false)
            }
            cursor.advance()
            if byte == quote {
                guard cursor.current == quote else { break }
                cursor.advance()
            }
            buffer.append(byte)
        }
        let field = CSVField(text: String(decoding: buffer, as: UTF8.self), line: line, column: column)
        guard let next = cursor.current, next != comma, next != lineFeed, next != carriageReturn else {
            return (field, true)
        }
        diagnostics.append(.error(
            "unexpected '\(cursor.currentCharacter)' after the closing quote; "
                + "end the field at the quote, or write a quote inside a quoted field as \"\"",
            at: location(cursor.line, cursor.column)))
        // Resynchronise at the next comma or line end, as an unquoted field would.
        while let byte = cursor.current, byte != comma, byte != lineFeed, byte != carriageReturn {
            cursor.advance()
        }
        return (field, false)
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }
}
