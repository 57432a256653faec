/// One `{{…}}` token found in text, before it is resolved.
struct ReferenceToken: Equatable {
    enum Kind: Equatable {
        /// A well-formed reference.
        case reference(indicator: String, field: InlineReference.Field?)
        /// Looks like a reference but cannot be one; the message says why.
        case malformed(String)
    }

    /// The token's byte range in the scanned text, braces included.
    var range: Range<Int>
    /// The token as written.
    var written: String
    var kind: Kind

    /// Finds the tokens in UTF-8 `text`: `{{`, one or more of `[A-Za-z0-9_.-]`, `}}`.
    ///
    /// Anything else between braces (spaces, nothing, other punctuation) is not a token and
    /// stays text without a diagnostic, so `{{ x }}` and `{{}}` are left alone. A token whose
    /// id or field is wrong is `malformed`, and reported.
    ///
    /// Complexity: O(*n*) in the length of `text`.
    static func scan(_ text: [UInt8]) -> [ReferenceToken] {
        var tokens: [ReferenceToken] = []
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var i = 0
        while i + 1 < text.count {
            guard text[i] == open, text[i + 1] == open else {
                i += 1
                continue
            }
            var j = i + 2
            while j < text.count, isTokenByte(text[j]) { j += 1 }
            if j > i + 2, j + 1 < text.count, text[j] == close, text[j + 1] == close {
                let inner = String(decoding: text[(i + 2)..<j], as: UTF8.self)
                let written = "{{" + inner + "}}"
                tokens.append(ReferenceToken(range: i..<(j + 2), written: written, kind: classify(inner, written: written)))
                i = j + 2
            } else {
                i += 1
            }
        }
        return tokens
    }

    private static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    private static func classify(_ inner: String, written: String) -> Kind {
        let parts = inner.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let id = String(parts[0])
        guard IndicatorID.isValid(id) else {
            return .malformed(
                "'\(written)' is not a valid inline reference: '\(id)' is not an indicator id (\(IndicatorID.rule)); write {{id}}, {{id.period}}, {{id.target}}, {{id.change}} or {{id.direction}}")
        }
        guard parts.count == 2 else { return .reference(indicator: id, field: nil) }
        guard let field = InlineReference.Field(rawValue: String(parts[1])) else {
            return .malformed(
                "unknown field '\(parts[1])' in '\(written)'; expected one of period, target, change, direction (or {{\(id)}} for the latest value)")
        }
        return .reference(indicator: id, field: field)
    }
}

/// The rule for indicator ids, shared by kpi blocks and inline references.
enum IndicatorID {
    static let rule = "ids match [a-z0-9][a-z0-9-]*, at most 64 characters"

    /// True when `id` matches `[a-z0-9][a-z0-9-]*` and has at most 64 characters.
    static func isValid(_ id: some StringProtocol) -> Bool {
        let bytes = id.utf8
        guard let first = bytes.first, bytes.count <= 64 else { return false }
        func alnum(_ b: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
        }
        return alnum(first) && bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") }
    }
}
