/// The check cmark's safe mode makes on link and image URLs, made here because the tree is
/// rendered with `CMARK_OPT_UNSAFE` (to let generated kpi HTML through).
enum URLSafety {
    /// Schemes that run code or reach outside the site; a URL with one is blanked.
    static let dangerousSchemes = ["javascript:", "vbscript:", "file:", "data:"]

    /// True when `url`, once control characters, format characters and white space are
    /// removed and ASCII letters lowercased, starts with a dangerous scheme.
    ///
    /// Browsers ignore tabs and newlines inside a URL and spaces and controls around it, so
    /// `java&#09;script:` and ` JaVaScRiPt:` must count as `javascript:`. This removes more
    /// than browsers do, which can only blank more URLs.
    ///
    /// Complexity: O(*n*) in the length of `url`.
    static func isDangerous(_ url: String) -> Bool {
        var squeezed = ""
        for scalar in url.unicodeScalars {
            let properties = scalar.properties
            if properties.isWhitespace || properties.generalCategory == .control || properties.generalCategory == .format {
                continue
            }
            if ("A"..."Z").contains(scalar) {
                squeezed.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            } else {
                squeezed.unicodeScalars.append(scalar)
            }
            if squeezed.unicodeScalars.count > 16 { break }
        }
        return dangerousSchemes.contains { squeezed.hasPrefix($0) }
    }
}
