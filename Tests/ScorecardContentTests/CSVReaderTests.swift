import ScorecardContent
import ScorecardCore
import Testing

/// Reads `text` as the bytes of `d.csv`, with diagnostics as printed lines.
private func read(_ text: String) -> (table: CSVTable?, diagnostics: [String]) {
    read(bytes: Array(text.utf8))
}

private func read(bytes: [UInt8]) -> (table: CSVTable?, diagnostics: [String]) {
    let result = CSVReader.read(bytes, path: "d.csv")
    return (result.table, result.diagnostics.map(\.description))
}

private func field(_ text: String, _ line: Int, _ column: Int) -> CSVField {
    CSVField(text: text, line: line, column: column)
}

private func record(_ line: Int, _ fields: CSVField...) -> CSVRecord {
    CSVRecord(fields: fields, line: line)
}

private let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

private func utf8(_ text: String, then tail: [UInt8]) -> [UInt8] {
    Array(text.utf8) + tail
}

@Suite struct CSVReaderTests {
    // MARK: Well-formed files

    @Test func plainFields() throws {
        let (table, diagnostics) = read("indicator,period,value\nA1,2024-Q1,12.5\n")
        #expect(diagnostics == [])
        let t = try #require(table)
        #expect(t.header == [field("indicator", 1, 1), field("period", 1, 11), field("value", 1, 18)])
        #expect(t.records == [record(2, field("A1", 2, 1), field("2024-Q1", 2, 4), field("12.5", 2, 12))])
    }

    @Test func headerOnly() throws {
        let (table, diagnostics) = read("a,b\n")
        #expect(diagnostics == [])
        let t = try #require(table)
        #expect(t.header == [field("a", 1, 1), field("b", 1, 3)])
        #expect(t.records == [])
    }

    @Test func emptyFieldsAndALineOfOnlyCommas() throws {
        let (table, diagnostics) = read("a,b,c\n,,\n,x,\n")
        #expect(diagnostics == [])
        let t = try #require(table)
        #expect(t.records == [
            record(2, field("", 2, 1), field("", 2, 2), field("", 2, 3)),
            record(3, field("", 3, 1), field("x", 3, 2), field("", 3, 4)),
        ])
    }

    @Test func spacesAreKept() throws {
        let (table, diagnostics) = read("a,b\n  x , y\t\n")
        #expect(diagnostics == [])
        #expect(try #require(table).records == [record(2, field("  x ", 2, 1), field(" y\t", 2, 6))])
    }

    @Test func quotedFieldWithCommas() throws {
        let (table, diagnostics) = read("a,b\n\"x, y\",z\n")
        #expect(diagnostics == [])
        #expect(try #require(table).records == [record(2, field("x, y", 2, 1), field("z", 2, 8))])
    }

    @Test func doubledQuotes() throws {
        // "say ""hi""","","""" : the second field opens at 14, the third at 17.
        let (table, diagnostics) = read("a,b,c\n\"say \"\"hi\"\"\",\"\",\"\"\"\"\n")
        #expect(diagnostics == [])
        #expect(try #require(table).records == [
            record(2, field("say \"hi\"", 2, 1), field("", 2, 14), field("\"", 2, 17)),
        ])
    }

    @Test func lineFeedInsideQuotes() throws {
        let (table, diagnostics) = read("a,b\n\"line 1\nline 2\",x\nnext,y\n")
        #expect(diagnostics == [])
        #expect(try #require(table).records == [
            record(2, field("line 1\nline 2", 2, 1), field("x", 3, 9)),
            record(4, field("next", 4, 1), field("y", 4, 6)),
        ])
    }

    @Test func crlfInsideQuotesIsKept() throws {
        let (table, diagnostics) = read("a,b\r\n\"p\r\nq\",x\r\nn,y\r\n")
        #expect(diagnostics == [])
        #expect(try #require(table).records == [
            record(2, field("p\r\nq", 2, 1), field("x", 3, 4)),
            record(4, field("n", 4, 1), field("y", 4, 3)),
        ])
    }

    @Test func quotedLineEndsAsWritten() throws {
        // An LF in a CRLF file and a CRLF in an LF file both stay as they are.
        let (table, diagnostics) = read("a,b\r\n\"1\n2\",\"3\r\n4\"\r\n")
        #expect(diagnostics == [])
        #expect(try #require(table).records == [record(2, field("1\n2", 2, 1), field("3\r\n4", 3, 4))])
    }

    @Test(arguments: [false, true])
    func byteOrderMarkIsSkipped(withBOM: Bool) throws {
        let (table, diagnostics) = read(bytes: (withBOM ? bom : []) + Array("a,b\n1,2\n".utf8))
        #expect(diagnostics == [])
        let t = try #require(table)
        #expect(t.header == [field("a", 1, 1), field("b", 1, 3)])
        #expect(t.records == [record(2, field("1", 2, 1), field("2", 2, 3))])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEnds(_ end: String) throws {
        let (table, diagnostics) = read("a,b" + end + "1,2" + end + "3,4" + end)
        #expect(diagnostics == [])
        let t = try #require(table)
        #expect(t.header == [field("a", 1, 1), field("b", 1, 3)])
        #expect(t.records == [
            record(2, field("1", 2, 1), field("2", 2, 3)),
            record(3, field("3", 3, 1), field("4", 3, 3)),
        ])
    }

    @Test(arguments: ["a,b\n1,2", "a,b\r\n1,2", "a,b\n1,2\n", "a,b\n1,2\n\n\n", "a,b\r\n1,2\r\n\r\n", "a,b\n1,2\n\r\n\n"])
    func finalLineEndIsOptionalAndTrailingBlankLinesAreSkipped(_ text: String) throws {
        let (table, diagnostics) = read(text)
        #expect(diagnostics == [])
        #expect(try #require(table).records == [record(2, field("1", 2, 1), field("2", 2, 3))])
    }

    @Test func emptyLastFieldWithoutFinalLineEnd() throws {
        let (table, diagnostics) = read("a,b\n1,")
        #expect(diagnostics == [])
        #expect(try #require(table).records == [record(2, field("1", 2, 1), field("", 2, 3))])
    }

    @Test func blankLinesBeforeAndBetweenAreSkippedButCounted() throws {
        let (table, diagnostics) = read("\n\na,b\n\n1,2\n\r\n3,4")
        #expect(diagnostics == [])
        let t = try #require(table)
        #expect(t.header == [field("a", 3, 1), field("b", 3, 3)])
        #expect(t.records == [
            record(5, field("1", 5, 1), field("2", 5, 3)),
            record(7, field("3", 7, 1), field("4", 7, 3)),
        ])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // é and £ are two bytes each, 😀 four: columns still advance by one per character.
        let (table, diagnostics) = read("é,£,x\n😀,b,\"é\"\n")
        #expect(diagnostics == [])
        let t = try #require(table)
        #expect(t.header == [field("é", 1, 1), field("£", 1, 3), field("x", 1, 5)])
        #expect(t.records == [record(2, field("😀", 2, 1), field("b", 2, 3), field("é", 2, 5))])
    }

    @Test func columnsCountUnicodeScalars() throws {
        // A decomposed é (e + U+0301) is one Character in Swift but two scalars, as in libyaml.
        let (table, diagnostics) = read("e\u{301},b\n1,2\n")
        #expect(diagnostics == [])
        #expect(try #require(table).header == [field("e\u{301}", 1, 1), field("b", 1, 4)])
    }

    @Test func byteOrderMarkBeforeMultiByteText() throws {
        let (table, diagnostics) = read(bytes: bom + Array("£,b\n".utf8))
        #expect(diagnostics == [])
        #expect(try #require(table).header == [field("£", 1, 1), field("b", 1, 3)])
    }

    // MARK: Errors

    static let emptyFiles: [([UInt8], String)] = [
        ([], "nothing"), (bom, "only a BOM"), (utf8("\n\r\n\r\n", then: []), "blank lines"),
        (bom + [0x0A], "BOM and a blank line"),
    ]

    @Test(arguments: emptyFiles)
    func emptyFile(bytes: [UInt8], _ comment: String) {
        let (table, diagnostics) = read(bytes: bytes)
        #expect(table == nil)
        #expect(diagnostics == ["d.csv: error: file is empty; expected a header row such as indicator,period,value"])
    }

    @Test func raggedRowsAreAllReportedAndLeftOut() throws {
        let (table, diagnostics) = read("a,b,c\n1,2\n1,2,3\n1,2,3,4\n\"x\ny\",2\n5,6,7\n")
        #expect(diagnostics == [
            "d.csv:2:1: error: expected 3 fields as in the header, found 2",
            "d.csv:4:1: error: expected 3 fields as in the header, found 4",
            "d.csv:5:1: error: expected 3 fields as in the header, found 2",
        ])
        let t = try #require(table)
        #expect(t.records == [
            record(3, field("1", 3, 1), field("2", 3, 3), field("3", 3, 5)),
            record(7, field("5", 7, 1), field("6", 7, 3), field("7", 7, 5)),
        ])
    }

    @Test func raggedAgainstOneColumn() throws {
        let (table, diagnostics) = read("a\n1,2\n3\n")
        #expect(diagnostics == ["d.csv:2:1: error: expected 1 field as in the header, found 2"])
        #expect(try #require(table).records == [record(3, field("3", 3, 1))])
    }

    @Test func unterminatedQuoteInData() throws {
        let (table, diagnostics) = read("a,b\n1,\"open\n2,3\n")
        #expect(diagnostics == ["d.csv:2:3: error: unterminated quoted field; add the closing \""])
        let t = try #require(table)
        #expect(t.header == [field("a", 1, 1), field("b", 1, 3)])
        #expect(t.records == [])
    }

    @Test func unterminatedQuoteInHeader() {
        let (table, diagnostics) = read("a,\"b\n1,2\n")
        #expect(table == nil)
        #expect(diagnostics == ["d.csv:1:3: error: unterminated quoted field; add the closing \""])
    }

    @Test func strayQuote() throws {
        let (table, diagnostics) = read("a,b\nx,a\"b\n1,2\n")
        #expect(diagnostics == [
            "d.csv:2:4: error: quote inside the unquoted field 'a\"b'; quote the whole field and double the quote: \"a\"\"b\"",
        ])
        #expect(try #require(table).records == [record(3, field("1", 3, 1), field("2", 3, 3))])
    }

    @Test func strayQuoteIsReportedOncePerField() {
        let (_, diagnostics) = read("a,b\n1,2\"3\"4\n")
        #expect(diagnostics == [
            "d.csv:2:4: error: quote inside the unquoted field '2\"3\"4'; quote the whole field and double the quote: \"2\"\"3\"\"4\"",
        ])
    }

    @Test(arguments: [
        ("a,b\n\"a\"b,c\n1,2\n", "d.csv:2:4: error: unexpected 'b' after the closing quote; end the field at the quote, or write a quote inside a quoted field as \"\""),
        ("a,b\n\"a\" ,c\n1,2\n", "d.csv:2:4: error: unexpected ' ' after the closing quote; end the field at the quote, or write a quote inside a quoted field as \"\""),
        ("a,b\nx,\"é\"£\"\n1,2\n", "d.csv:2:6: error: unexpected '£' after the closing quote; end the field at the quote, or write a quote inside a quoted field as \"\""),
        ("a,b\n\"1\n2\"z,c\n1,2\n", "d.csv:3:3: error: unexpected 'z' after the closing quote; end the field at the quote, or write a quote inside a quoted field as \"\""),
    ])
    func textAfterClosingQuote(_ text: String, _ expected: String) throws {
        let (table, diagnostics) = read(text)
        #expect(diagnostics == [expected])
        let lastLine = text.split(separator: "\n").count
        #expect(try #require(table).records == [record(lastLine, field("1", lastLine, 1), field("2", lastLine, 3))])
    }

    @Test func everyErrorInOneFileComesOutInOneRun() throws {
        let (table, diagnostics) = read("a,b\nx\"y,1\n1,2,3\n\"q\"r,2\n\n1,2\n,\n")
        #expect(diagnostics == [
            "d.csv:2:2: error: quote inside the unquoted field 'x\"y'; quote the whole field and double the quote: \"x\"\"y\"",
            "d.csv:3:1: error: expected 2 fields as in the header, found 3",
            "d.csv:4:4: error: unexpected 'r' after the closing quote; end the field at the quote, or write a quote inside a quoted field as \"\"",
        ])
        #expect(try #require(table).records == [
            record(6, field("1", 6, 1), field("2", 6, 3)),
            record(7, field("", 7, 1), field("", 7, 2)),
        ])
    }

    @Test func malformedHeaderGivesNoTableAndNoFieldCountErrors() {
        let (table, diagnostics) = read("a\"b,c\n1,2,3\nx\"y,1\n")
        #expect(table == nil)
        #expect(diagnostics == [
            "d.csv:1:2: error: quote inside the unquoted field 'a\"b'; quote the whole field and double the quote: \"a\"\"b\"",
            "d.csv:3:2: error: quote inside the unquoted field 'x\"y'; quote the whole field and double the quote: \"x\"\"y\"",
        ])
    }

    @Test func duplicateHeaderNames() throws {
        let (table, diagnostics) = read("a,b,a,b,a\n1,2,3,4,5\n")
        #expect(diagnostics == [
            "d.csv:1:5: error: duplicate column 'a' in the header; each column may appear only once",
            "d.csv:1:7: error: duplicate column 'b' in the header; each column may appear only once",
            "d.csv:1:9: error: duplicate column 'a' in the header; each column may appear only once",
        ])
        let t = try #require(table)
        #expect(t.header.map(\.text) == ["a", "b", "a", "b", "a"])
        #expect(t.records.count == 1)
    }

    @Test func canonicallyEquivalentNamesAreDuplicates() {
        // Precomposed é and e + U+0301 are equal Swift strings, so a caller could not tell them apart.
        let (_, diagnostics) = read("é,e\u{301}\n")
        #expect(diagnostics == ["d.csv:1:3: error: duplicate column 'e\u{301}' in the header; each column may appear only once"])
    }

    @Test func headerNamesAreTakenAsWritten() throws {
        // " a" and "a" differ; empty names are the caller's to report, not duplicates here.
        let (table, diagnostics) = read(" a,a,,\"\"\n1,2,3,4\n")
        #expect(diagnostics == [])
        #expect(try #require(table).header == [field(" a", 1, 1), field("a", 1, 4), field("", 1, 6), field("", 1, 7)])
    }

    // MARK: Invalid UTF-8

    /// Each file with its first ill-formed sequence: where it is and which byte starts it.
    static let invalidUTF8Cases: [([UInt8], String)] = [
        (utf8("a,b\nxé,", then: [0xFF, 0x0A]), "d.csv:2:4: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8"),
        (bom + utf8("ab", then: [0xC3, 0x28]), "d.csv:1:3: error: invalid UTF-8 (byte 0xC3); save the file as UTF-8"),
        ([0xEF, 0xBB, 0x00], "d.csv:1:1: error: invalid UTF-8 (byte 0xEF); save the file as UTF-8"),
        (utf8("a,b\n", then: [0x80]), "d.csv:2:1: error: invalid UTF-8 (byte 0x80); save the file as UTF-8"),
        (utf8("a,", then: [0xC0, 0xAF]), "d.csv:1:3: error: invalid UTF-8 (byte 0xC0); save the file as UTF-8"),
        (utf8("a,", then: [0xE0, 0x80, 0xAF]), "d.csv:1:3: error: invalid UTF-8 (byte 0xE0); save the file as UTF-8"),
        (utf8("a,", then: [0xED, 0xA0, 0x80]), "d.csv:1:3: error: invalid UTF-8 (byte 0xED); save the file as UTF-8"),
        (utf8("a,", then: [0xF4, 0x90, 0x80, 0x80]), "d.csv:1:3: error: invalid UTF-8 (byte 0xF4); save the file as UTF-8"),
        (utf8("a,£", then: [0xE2, 0x82]), "d.csv:1:4: error: invalid UTF-8 (byte 0xE2); save the file as UTF-8"),
        (utf8("a\rb", then: [0xFE]), "d.csv:2:2: error: invalid UTF-8 (byte 0xFE); save the file as UTF-8"),
        (utf8("a\r\nb\n\"x\ny", then: [0xF5]), "d.csv:4:2: error: invalid UTF-8 (byte 0xF5); save the file as UTF-8"),
    ]

    @Test(arguments: invalidUTF8Cases)
    func invalidUTF8(bytes: [UInt8], expected: String) {
        let (table, diagnostics) = read(bytes: bytes)
        #expect(table == nil)
        #expect(diagnostics == [expected])
    }

    @Test func validUTF8AtTheEdgesIsAccepted() throws {
        // U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF.
        let text = "\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF},b\n"
        let (table, diagnostics) = read(text)
        #expect(diagnostics == [])
        #expect(try #require(table).header == [field(String(text.dropLast(3)), 1, 1), field("b", 1, 10)])
    }

    // MARK: Robustness

    @Test func randomBytesNeverCrash() {
        var random = LCG(seed: 20_240_401)
        let alphabet: [[UInt8]] = [[0x22], [0x2C], [0x0A], [0x0D], [0x0D, 0x0A], [0x61], [0x20], bom, [0xC3, 0xA9], [0xC3], [0xFF], [0xF0, 0x9F, 0x98, 0x80]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.next(below: 40) {
                if random.next(below: 8) == 0 {
                    bytes.append(UInt8(random.next(below: 256)))
                } else {
                    bytes += alphabet[random.next(below: alphabet.count)]
                }
            }
            let (table, diagnostics) = CSVReader.read(bytes, path: "r.csv")
            if diagnostics.isEmpty { #expect(table != nil, "\(bytes)") }
            for diagnostic in diagnostics {
                #expect(diagnostic.isError)
                #expect((diagnostic.location.line ?? 1) >= 1 && (diagnostic.location.column ?? 1) >= 1)
            }
            if let table {
                #expect(table.records.allSatisfy { $0.fields.count == table.header.count }, "\(bytes)")
            }
        }
    }

    @Test func writtenTablesReadBackWithTheirPositions() throws {
        // Writes random tables with exact quoting, tracking where each field starts, then reads them back.
        var random = LCG(seed: 7)
        let pieces = ["a", "é", "😀", ",", "\"", "\n", "\r\n", " ", "x", "e\u{301}"]
        for _ in 0..<300 {
            let columns = 2 + random.next(below: 3)
            let end = random.next(below: 2) == 0 ? "\n" : "\r\n"
            var writer = PositionedWriter()
            var expected: [[CSVField]] = []
            for row in 0..<(1 + random.next(below: 5)) {
                var fields: [CSVField] = []
                for column in 0..<columns {
                    if column > 0 { writer.write(",") }
                    // Header names must differ; data may be anything.
                    let text = row == 0
                        ? "h\(column)"
                        : (0..<random.next(below: 4)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
                    fields.append(field(text, writer.line, writer.column))
                    let mustQuote = text.contains { ",\"\n\r\r\n".contains($0) }
                    if mustQuote || random.next(below: 4) == 0 {
                        writer.write("\"" + text.replacing("\"", with: "\"\"") + "\"")
                    } else {
                        writer.write(text)
                    }
                }
                writer.write(end)
                expected.append(fields)
            }
            let (table, diagnostics) = read(writer.text)
            #expect(diagnostics == [], "\(writer.text.debugDescription)")
            let t = try #require(table)
            #expect(t.header == expected[0], "\(writer.text.debugDescription)")
            #expect(t.records.map(\.fields) == Array(expected.dropFirst()), "\(writer.text.debugDescription)")
        }
    }

    @Test func aHundredThousandRows() throws {
        var text = "indicator,period,value\n"
        for row in 1...100_000 { text += "I\(row % 7),2024-Q1,\(row)\n" }
        let (table, diagnostics) = read(text)
        #expect(diagnostics == [])
        let t = try #require(table)
        #expect(t.records.count == 100_000)
        #expect(t.records.last == record(100_001, field("I5", 100_001, 1), field("2024-Q1", 100_001, 4), field("100000", 100_001, 12)))
    }
}

/// A deterministic pseudo-random generator (Knuth's MMIX constants), so failures reproduce.
private struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// Text being written, with the line and column (in Unicode scalars) of its end.
private struct PositionedWriter {
    var text = ""
    var line = 1
    var column = 1
    private var afterCR = false

    mutating func write(_ s: String) {
        text += s
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n":
                if !afterCR { line += 1 }
                column = 1
            case "\r":
                line += 1
                column = 1
            default: column += 1
            }
            afterCR = scalar == "\r"
        }
    }
}
