/// One field of a CSV file, with the place where it starts.
///
/// For a quoted field the place is the opening quote, and `text` is the content between the
/// quotes with each `""` turned into `"`. Text is exact: nothing is trimmed, and line ends
/// inside a quoted field are kept as written (`\n` or `\r\n`).
public struct CSVField: Hashable, Sendable {
    /// The field's value.
    public var text: String
    /// 1-based line where the field starts.
    public var line: Int
    /// 1-based column where the field starts, in Unicode scalars after any byte-order mark.
    public var column: Int

    /// A field reading `text` that starts at `line` and `column`.
    public init(text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }
}

/// One record (row) of a CSV file.
public struct CSVRecord: Hashable, Sendable {
    /// The fields in file order.
    public var fields: [CSVField]
    /// 1-based line where the record starts (a quoted field may carry it over later lines).
    public var line: Int

    /// A record of `fields` that starts at `line`.
    public init(fields: [CSVField], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// A CSV file read by `CSVReader`: its header row and its well-formed data records.
public struct CSVTable: Hashable, Sendable {
    /// The first record, names taken exactly as written.
    public var header: [CSVField]
    /// The data records after the header, each with exactly as many fields as the header.
    public var records: [CSVRecord]

    /// A table of `header` and `records`.
    public init(header: [CSVField], records: [CSVRecord]) {
        self.header = header
        self.records = records
    }
}
