/// Rules for the identifiers authors write: visit, scorecard and indicator ids.
public enum Identifier {
    /// The longest identifier allowed.
    public static let maximumLength = 64

    /// Scorecard ids that would collide with pages the site writes itself.
    public static let reservedScorecardIDs: Set<String> = ["pack", "changes", "assets", "benchmarking"]

    /// True when `text` matches `[a-z0-9][a-z0-9-]*` and has at most 64 characters.
    ///
    /// Such an id is safe as a single path component: it cannot be `.`, `..`, empty or
    /// contain a separator.
    public static func isValid(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, scalars.count <= maximumLength else { return false }
        func isLowerAlnum(_ s: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(s) || ("0"..."9").contains(s)
        }
        guard isLowerAlnum(first) else { return false }
        return scalars.allSatisfy { isLowerAlnum($0) || $0 == "-" }
    }

    /// Why `text` is not a valid identifier, as a sentence for a diagnostic; nil when valid.
    public static func problem(with text: String, kind: String) -> String? {
        if isValid(text) { return nil }
        if text.isEmpty { return "\(kind) is empty; use lower-case letters, digits and hyphens" }
        if text.unicodeScalars.count > maximumLength {
            return "\(kind) '\(text)' is longer than \(maximumLength) characters"
        }
        let suggestion = suggestedIdentifier(for: text)
        let hint = suggestion.map { "; for example '\($0)'" } ?? ""
        return "\(kind) '\(text)' must use only lower-case letters, digits and hyphens, starting with a letter or digit\(hint)"
    }

    /// A valid identifier close to `text`: lower-cased, every run of other characters turned
    /// into one hyphen (`Early Help` → `early-help`); nil when nothing valid is left.
    public static func suggestedIdentifier(for text: String) -> String? {
        var out = ""
        for ch in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) {
                out.unicodeScalars.append(ch)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        let candidate = String(out.prefix(maximumLength))
        return isValid(candidate) ? candidate : nil
    }
}
