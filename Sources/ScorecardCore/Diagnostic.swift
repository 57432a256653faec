/// A place in a source file: a path relative to the site, and a 1-based line and column.
///
/// The column counts Unicode characters (not bytes) after any byte-order mark. A location
/// with no line (`line == nil`) points at a whole file or folder.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// The path relative to the site folder, with `/` separators.
    public var path: String
    /// 1-based line, or nil when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column in Unicode characters, or nil.
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.path != b.path { return a.path < b.path }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        return (a.column ?? 0) < (b.column ?? 0)
    }

    /// `path:line:column`, `path:line` or `path`.
    public var description: String {
        switch (line, column) {
        case let (l?, c?): return "\(path):\(l):\(c)"
        case let (l?, nil): return "\(path):\(l)"
        default: return path
        }
    }
}

/// How serious a diagnostic is: errors fail `check` and `build`, warnings do not.
public enum Severity: String, Sendable, Hashable {
    case error
    case warning
}

/// One problem found in the content, reported as `path:line:column: error: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public var isError: Bool { severity == .error }

    /// The line printed on standard error. Control and format characters from the content
    /// (a NUL, a terminal escape sequence, a line break in a file name, a byte-order mark,
    /// a right-to-left override) are written as `\u{…}`, so each diagnostic is one line that
    /// shows what is really in the file.
    public var description: String {
        Self.visible("\(location.description): \(severity.rawValue): \(message)")
    }

    /// `text` with every control or format character (except the joiners that emoji and
    /// some scripts need) written as `\u{…}`.
    public static func visible(_ text: String) -> String {
        func hidden(_ u: Unicode.Scalar) -> Bool {
            switch u.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: return true
            case .format: return u != "\u{200C}" && u != "\u{200D}"
            default: return false
            }
        }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if hidden(u) { out.append(contentsOf: "\\u{\(String(u.value, radix: 16, uppercase: true))}".unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }

    /// Sorted by path, line and column; at one place errors before warnings, then by message.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity == .error }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.isError } }

    /// Sorted and with exact duplicates removed, ready to print.
    public func normalized() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return sorted().filter { seen.insert($0).inserted }
    }
}
