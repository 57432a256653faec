import ScorecardCore

/// Reads RFC 4180 CSV from raw bytes, keeping the line and column of every field.
///
/// The rules, beyond RFC 4180:
/// - The bytes must be strict UTF-8; a leading byte-order mark (EF BB BF) is skipped and
///   columns count from after it.
/// - Records end at LF, CRLF or a lone CR (old Mac files); the last line end is optional.
///   Line ends inside a quoted field are kept in its text, and count as lines for positions.
/// - Lines with nothing on them are skipped; a line of only commas is a record of empty fields.
/// - Columns count Unicode scalars (code points), 1-based, as libyaml does for YAML files.
/// - Field text is exact: nothing is trimmed.
public enum CSVReader {
    /// Parses `bytes` (the raw file) reported as `path`. Never crashes on any input.
    ///
    /// Collects every error in one pass rather than stopping at the first:
    /// - invalid UTF-8, at the first bad sequence (then nothing else is read and `table` is nil);
    /// - a file with no header row, at `path` alone;
    /// - a quote in an unquoted field, text after a closing quote, a quoted field never closed
    ///   (at its opening quote, after which the whole rest of the file belongs to it);
    /// - a header name given twice, at the second (empty names are left to the caller);
    /// - a record whose field count differs from the header's, at its first line, column 1.
    ///
    /// A record with an error is left out of `records`; `table` is nil only when the bytes are
    /// not UTF-8 or the header row is missing or malformed. Header names are not otherwise
    /// checked. O(n) in the number of bytes.
    ///
    /// ```swift
    /// let (table, diagnostics) = CSVReader.read(Array("a,b\n1,\"x,y\"\n".utf8), path: "d.csv")
    /// // table!.records[0].fields[1] == CSVField(text: "x,y", line: 2, column: 3)
    /// // diagnostics.isEmpty
    /// ```
    public static func read(_ bytes: [UInt8], path: String) -> (table: CSVTable?, diagnostics: [Diagnostic]) {
        if let invalid = TextDecoding.problem(in: bytes, path: path) { return (nil, [invalid]) }
        let start = TextDecoding.bomLength(bytes)

        var scanner = CSVScanner(bytes: bytes, start: start, path: path)
        guard case let (headerRecord, headerIsWellFormed)? = scanner.nextRecord() else {
            return (nil, [.error(
                "file is empty; expected a header row such as indicator,period,value",
                at: SourceLocation(path: path))])
        }
        // Field-count errors are reported only against a well-formed header; otherwise
        // they would merely follow from the header's own error.
        let header = headerIsWellFormed ? headerRecord.fields : nil
        var countErrors: [Diagnostic] = []
        if let header {
            countErrors += duplicateNames(in: header, path: path)
        }
        var records: [CSVRecord] = []
        while case let (record, wellFormed)? = scanner.nextRecord() {
            guard wellFormed, let header else { continue }
            if record.fields.count == header.count {
                records.append(record)
            } else {
                countErrors.append(.error(
                    "expected \(fieldCount(header.count)) as in the header, found \(record.fields.count)",
                    at: SourceLocation(path: path, line: record.line, column: 1)))
            }
        }
        let diagnostics = (scanner.diagnostics + countErrors).sorted { $0.location < $1.location }
        return (header.map { CSVTable(header: $0, records: records) }, diagnostics)
    }

    /// An error at each header name already seen earlier in the row.
    private static func duplicateNames(in header: [CSVField], path: String) -> [Diagnostic] {
        var seen = Set<String>()
        var diagnostics: [Diagnostic] = []
        for name in header where !name.text.isEmpty && !seen.insert(name.text).inserted {
            diagnostics.append(.error(
                "duplicate column '\(name.text)' in the header; each column may appear only once",
                at: SourceLocation(path: path, line: name.line, column: name.column)))
        }
        return diagnostics
    }

    private static func fieldCount(_ count: Int) -> String {
        count == 1 ? "1 field" : "\(count) fields"
    }
}
