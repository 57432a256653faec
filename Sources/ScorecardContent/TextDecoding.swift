import ScorecardCore

/// Strict UTF-8 decoding of content files: a byte-order mark is dropped, invalid bytes are
/// an error at their line and column.
public enum TextDecoding {
    /// The length of a leading UTF-8 byte-order mark: 3 or 0.
    static func bomLength(_ bytes: [UInt8]) -> Int { bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 }

    /// An error at the first ill-formed UTF-8 sequence after any BOM, or nil when the bytes
    /// are valid UTF-8.
    public static func problem(in bytes: [UInt8], path: String) -> Diagnostic? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // Excel's "Unicode text" and Notepad's "Unicode" both save this.
            return .error("the file is saved as UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
                          at: SourceLocation(path: path, line: 1, column: 1))
        }
        guard let bad = firstInvalidUTF8(in: bytes, from: bomLength(bytes)) else { return nil }
        let hex = String(bad.byte, radix: 16, uppercase: true)
        return .error("invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save the file as UTF-8",
                      at: SourceLocation(path: path, line: bad.line, column: bad.column))
    }

    /// The text of `bytes` without a leading BOM, or a diagnostic at the first invalid byte.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        if let d = problem(in: bytes, path: path) { return .failure(d) }
        return .success(String(decoding: bytes[bomLength(bytes)...], as: UTF8.self))
    }
}
