/// The text handed to cmark, cut into lines the way cmark cuts them (LF, CRLF or a lone CR),
/// so that cmark's line numbers and byte columns can be checked against the source and
/// turned into the spec's columns (1-based, counted in Unicode scalars).
struct SourceLines {
    /// A place in the text: a 1-based line (as cmark numbers them) and a 0-based byte offset
    /// into that line.
    struct Position: Comparable {
        var line: Int
        var byte: Int

        static func < (a: Position, b: Position) -> Bool {
            (a.line, a.byte) < (b.line, b.byte)
        }
    }

    private let bytes: [UInt8]
    /// Byte range of each line without its line ending; index 0 is line 1.
    private let ranges: [Range<Int>]
    /// Each line's bytes as an array of its own, made once, so that placing a text node does
    /// not copy its whole line (a one-line narrative may hold many thousands of nodes).
    private let lineArrays: [[UInt8]]
    /// How many Unicode scalars start before each byte of the text (and at its end), so that
    /// a column is found without counting the line again for every reference on it.
    private let scalarsBefore: [UInt32]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\n"):
                ranges.append(start..<i)
                i += 1
                start = i
            case UInt8(ascii: "\r"):
                ranges.append(start..<i)
                i += (i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n")) ? 2 : 1
                start = i
            default:
                i += 1
            }
        }
        ranges.append(start..<bytes.count)
        self.bytes = bytes
        self.ranges = ranges
        self.lineArrays = ranges.map { Array(bytes[$0]) }
        self.scalarsBefore = Self.scalarsBefore(bytes)
    }

    /// For each byte of UTF-8 `bytes`, and for their end, how many Unicode scalars start before it.
    static func scalarsBefore(_ bytes: [UInt8]) -> [UInt32] {
        var counts: [UInt32] = []
        counts.reserveCapacity(bytes.count + 1)
        var count: UInt32 = 0
        for b in bytes {
            counts.append(count)
            if startsScalar(b) { count += 1 }
        }
        counts.append(count)
        return counts
    }

    /// The number of lines (a final line ending starts one more, empty, line).
    var lineCount: Int { ranges.count }

    /// The bytes of line `line` (1-based), or an empty slice outside the text.
    func bytes(ofLine line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= ranges.count else { return [] }
        return bytes[ranges[line - 1]]
    }

    /// The 1-based column, in Unicode scalars, of the byte at `byte` in `line`. Bytes past
    /// the end of the line count one column each.
    func column(line: Int, byte: Int) -> Int {
        let text = bytes(ofLine: line)
        let inside = min(max(byte, 0), text.count)
        let scalars = Int(scalarsBefore[text.startIndex + inside] - scalarsBefore[text.startIndex])
        return scalars + max(byte - inside, 0) + 1
    }

    /// True when `needle` occurs in the text exactly at `position`.
    func matches(_ needle: ArraySlice<UInt8>, at position: Position) -> Bool {
        let text = bytes(ofLine: position.line)
        guard position.byte >= 0, position.byte + needle.count <= text.count else { return false }
        let start = text.startIndex + position.byte
        return text[start..<(start + needle.count)].elementsEqual(needle)
    }

    /// The first occurrence of `needle` at or after `start`, on lines up to `lastLine`.
    ///
    /// Complexity: O(*n* × *m*) for *n* bytes searched and a needle of *m* bytes.
    func first(_ needle: ArraySlice<UInt8>, from start: Position, through lastLine: Int) -> Position? {
        firstAlignment(of: needle, from: start, through: lastLine, exactly: true)?.position
    }

    /// The first place at or after `start`, on lines up to `lastLine`, where the source reads
    /// as the text node literal `literal` (one line of it), and where each of its bytes is.
    ///
    /// cmark's literal is the source with backslash escapes and entities decoded, so `\\*`
    /// and `&amp;` in the source match `*` and `&`; an escaped character maps to itself
    /// (after its backslash), an entity's bytes to its `&`. With `exactly`, only identical
    /// bytes match.
    ///
    /// Complexity: O(*n* × *m*) for *n* bytes searched and a literal of *m* bytes.
    func firstAlignment(
        of literal: ArraySlice<UInt8>, from start: Position, through lastLine: Int, exactly: Bool = false
    ) -> (position: Position, bytes: [Int])? {
        guard !literal.isEmpty, start.line >= 1 else { return nil }
        var line = start.line
        var from = max(start.byte, 0)
        while line <= min(lastLine, ranges.count) {
            let text = lineArrays[line - 1]
            var offset = from
            while offset < text.count {
                if let map = align(literal, in: text, at: offset, exactly: exactly) {
                    return (Position(line: line, byte: offset), map)
                }
                offset += 1
            }
            line += 1
            from = 0
        }
        return nil
    }

    /// Where each byte of `literal` is (plus its end), if the source reads as it from `position`.
    func alignment(of literal: ArraySlice<UInt8>, at position: Position) -> [Int]? {
        guard position.line >= 1, position.line <= ranges.count, position.byte >= 0 else { return nil }
        return align(literal, in: lineArrays[position.line - 1], at: position.byte, exactly: false)
    }

    /// The source byte offset (in the line) of each byte of `literal`, plus one for its end,
    /// if the line reads as `literal` from `start`; nil if it does not.
    private func align(_ literal: ArraySlice<UInt8>, in source: [UInt8], at start: Int, exactly: Bool) -> [Int]? {
        var map: [Int] = []
        map.reserveCapacity(literal.count + 1)
        var i = literal.startIndex
        var j = start
        while i < literal.endIndex {
            guard j < source.count else { return nil }
            if exactly {
                guard literal[i] == source[j] else { return nil }
                map.append(j)
                i += 1
                j += 1
                continue
            }
            // A backslash before ASCII punctuation is always an escape to cmark.
            if source[j] == UInt8(ascii: "\\"), j + 1 < source.count, source[j + 1] == literal[i],
                Self.isASCIIPunctuation(literal[i])
            {
                map.append(j + 1)
                i += 1
                j += 2
                continue
            }
            if source[j] == UInt8(ascii: "&"), let end = Self.entityEnd(source, at: j) {
                let raw = source[j..<end]
                if literal[i...].starts(with: raw) {
                    for _ in raw { map.append(j); j += 1 }
                    i += raw.count
                    j = end
                    continue
                }
                guard let decoded = Self.decodedLength(source[j..<end], literal: literal[i...], next: end < source.count ? source[end] : nil) else {
                    return nil
                }
                for _ in 0..<decoded { map.append(j) }
                i += decoded
                j = end
                continue
            }
            if literal[i] == source[j] {
                map.append(j)
                i += 1
                j += 1
                continue
            }
            // cmark replaces NUL with U+FFFD.
            if source[j] == 0, literal[i...].starts(with: [0xEF, 0xBF, 0xBD]) {
                map += [j, j, j]
                i += 3
                j += 1
                continue
            }
            return nil
        }
        map.append(j)
        return map
    }

    /// The end of an entity reference (`&name;`, `&#123;`, `&#x7B;`) starting at `start`.
    private static func entityEnd(_ source: [UInt8], at start: Int) -> Int? {
        var j = start + 1
        func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
        func isHex(_ b: UInt8) -> Bool {
            isDigit(b) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b | 0x20)
        }
        func isAlpha(_ b: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b | 0x20) }
        guard j < source.count else { return nil }
        let digits: (UInt8) -> Bool
        let limit: Int
        if source[j] == UInt8(ascii: "#") {
            j += 1
            if j < source.count, source[j] | 0x20 == UInt8(ascii: "x") {
                j += 1
                digits = isHex
                limit = 6
            } else {
                digits = isDigit
                limit = 7
            }
        } else {
            guard isAlpha(source[j]) else { return nil }
            digits = { isAlpha($0) || isDigit($0) }
            limit = 32
        }
        let first = j
        while j < source.count, j - first < limit, digits(source[j]) { j += 1 }
        guard j > first, j < source.count, source[j] == UInt8(ascii: ";") else { return nil }
        return j + 1
    }

    /// How many bytes of `literal` an entity decoded to: exact for numeric references; for a
    /// named one, one or two scalars, whichever lets the text after it line up.
    private static func decodedLength(_ entity: ArraySlice<UInt8>, literal: ArraySlice<UInt8>, next: UInt8?) -> Int? {
        let body = entity.dropFirst().dropLast()
        if body.first == UInt8(ascii: "#") {
            let hex = body.dropFirst().first.map { $0 | 0x20 == UInt8(ascii: "x") } ?? false
            let digits = body.dropFirst(hex ? 2 : 1)
            let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10) ?? 0
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            let count = scalar.map { String($0).utf8.count } ?? 3
            return literal.count >= count ? count : nil
        }
        var lengths: [Int] = []
        var offset = literal.startIndex
        for _ in 0..<2 {
            guard offset < literal.endIndex else { break }
            offset += scalarLength(literal[offset])
            guard offset <= literal.endIndex else { break }
            lengths.append(offset - literal.startIndex)
        }
        guard let one = lengths.first else { return nil }
        if lengths.count == 2, let next, literal.startIndex + one < literal.endIndex,
            literal[literal.startIndex + one] != next, next != UInt8(ascii: "\\"), next != UInt8(ascii: "&")
        {
            return lengths[1]
        }
        return one
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case ..<0x80: 1
        case ..<0xE0: 2
        case ..<0xF0: 3
        default: 4
        }
    }

    private static func isASCIIPunctuation(_ b: UInt8) -> Bool {
        (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b)
    }

    /// Whether a UTF-8 byte begins a Unicode scalar (is not a continuation byte).
    static func startsScalar(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

    /// The number of Unicode scalars in UTF-8 `bytes`.
    static func scalarCount<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        bytes.reduce(0) { $0 + (startsScalar($1) ? 1 : 0) }
    }
}
