/// Escapes `&`, `<`, `>`, `"` and `'` so that `text` is safe both as XML/HTML character data
/// and inside a single- or double-quoted attribute value.
///
/// Every string that comes from the caller (ids, titles, descriptions, captions, labels,
/// categories, statuses) passes through this one function before it reaches the output, as
/// in Plot. Control characters other than tab, line feed and carriage return are dropped,
/// because HTML and XML both forbid them. Example: `escapeXML("a&b<c>")` is `"a&amp;b&lt;c&gt;"`.
///
/// - Complexity: O(*n*) in the length of `text`.
public func escapeXML(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        case "\t", "\n", "\r": result.unicodeScalars.append(character)
        default:
            let value = character.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF {
                continue
            }
            result.unicodeScalars.append(character)
        }
    }
    return result
}
