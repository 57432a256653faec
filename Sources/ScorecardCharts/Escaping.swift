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
    // Most text (numbers, colours, class names, titles in plain ASCII) needs no change: a
    // scan of its bytes says so without building a copy.
    let plain = text.utf8.allSatisfy { b in
        switch b {
        case 0x26, 0x3C, 0x3E, 0x22, 0x27: false  // & < > " '
        case 0x20...0x7E, 0x09, 0x0A, 0x0D: true
        default: false  // a control character, or non-ASCII: the scalar rules below decide
        }
    }
    if plain { return text }
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
