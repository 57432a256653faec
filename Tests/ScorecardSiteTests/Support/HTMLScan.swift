/// A tag in an HTML or inline SVG page: its name and attributes, as a browser's tokenizer
/// would split them. Enough to find scripts, event handlers and links; not a full parser.
struct ScannedTag {
    var name: String
    /// Attribute names (lowercased) and their values, entities left as written.
    var attributes: [(name: String, value: String)]

    func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}

/// Every start and end tag of `html`, skipping comments, the doctype and text.
///
/// Text between tags never produces a tag, so escaped text such as `&lt;img onerror=x&gt;`
/// is correctly not one; a `<` that a template forgot to escape is.
func scanTags(_ html: String) -> [ScannedTag] {
    let s = Array(html.unicodeScalars)
    var tags: [ScannedTag] = []
    var i = 0
    func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
    while i < s.count {
        guard s[i] == "<", i + 1 < s.count else { i += 1; continue }
        let next = s[i + 1]
        if next == "!" {
            // A comment or the doctype: skip to the end.
            let isComment = i + 3 < s.count && s[i + 2] == "-" && s[i + 3] == "-"
            var j = i + 2
            while j < s.count {
                if isComment ? (s[j] == ">" && s[j - 1] == "-" && s[j - 2] == "-" && j >= i + 6) : s[j] == ">" { break }
                j += 1
            }
            i = j + 1
            continue
        }
        var j = i + 1
        if s[j] == "/" { j += 1 }
        guard j < s.count, s[j].properties.isAlphabetic else { i += 1; continue }
        var name = ""
        while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "/" { name.unicodeScalars.append(s[j]); j += 1 }
        var attributes: [(String, String)] = []
        while j < s.count, s[j] != ">" {
            if isSpace(s[j]) || s[j] == "/" { j += 1; continue }
            var attr = ""
            while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "=", !(s[j] == "/" && attr.isEmpty) {
                attr.unicodeScalars.append(s[j]); j += 1
            }
            while j < s.count, isSpace(s[j]) { j += 1 }
            var value = ""
            if j < s.count, s[j] == "=" {
                j += 1
                while j < s.count, isSpace(s[j]) { j += 1 }
                if j < s.count, s[j] == "\"" || s[j] == "'" {
                    let quote = s[j]
                    j += 1
                    while j < s.count, s[j] != quote { value.unicodeScalars.append(s[j]); j += 1 }
                    j += 1
                } else {
                    while j < s.count, !isSpace(s[j]), s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                }
            }
            if !attr.isEmpty { attributes.append((attr.lowercased(), value)) }
        }
        tags.append(ScannedTag(name: name.lowercased(), attributes: attributes))
        i = j + 1
    }
    return tags
}

/// Decodes the few entities templates and cmark write in attribute values.
func decodeEntities(_ s: String) -> String {
    s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&amp;", with: "&")
}

/// One link from a page: where it is and what it points at.
struct PageLink: CustomStringConvertible {
    var page: String
    var attribute: String
    var target: String
    var description: String { "\(page): \(attribute)=\"\(target)\"" }
}

/// Every `href` and `src` of every tag, and the URL of a meta refresh.
func links(in html: String, page: String) -> [PageLink] {
    var out: [PageLink] = []
    for tag in scanTags(html) {
        for (name, value) in tag.attributes where name == "href" || name == "src" || name == "xlink:href" {
            out.append(PageLink(page: page, attribute: name, target: decodeEntities(value)))
        }
        if tag.name == "meta", tag.value("http-equiv")?.lowercased() == "refresh", let content = tag.value("content"),
           let range = content.range(of: "url=") {
            out.append(PageLink(page: page, attribute: "refresh", target: decodeEntities(String(content[range.upperBound...]))))
        }
    }
    return out
}

/// The values of every `id` attribute of a page.
func ids(in html: String) -> [String] {
    scanTags(html).compactMap { $0.value("id") }
}

/// `base/../x/./y` → `x/y`; nil when the path climbs above the site's root.
func normalise(_ path: String) -> String? {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: false) {
        switch part {
        case ".", "": continue
        case "..":
            guard !parts.isEmpty else { return nil }
            parts.removeLast()
        default: parts.append(part)
        }
    }
    return parts.joined(separator: "/")
}

/// The site-relative file a relative link from `page` points at, and its fragment.
func resolve(_ link: PageLink) -> (file: String?, fragment: String?) {
    var target = link.target
    var fragment: String?
    if let hash = target.firstIndex(of: "#") {
        fragment = String(target[target.index(after: hash)...])
        target = String(target[..<hash])
    }
    if target.isEmpty { return (link.page, fragment) }
    let folder = link.page.split(separator: "/").dropLast().joined(separator: "/")
    return (normalise(folder.isEmpty ? target : folder + "/" + target), fragment)
}
