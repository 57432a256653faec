import Foundation

/// A theme: templates and assets, from a site's `themes/<name>/` or the default theme
/// embedded in the executable.
public struct Theme: Sendable {
    /// The theme's name, as `site.yaml` gives it.
    public var name: String
    /// Path inside the theme folder → bytes.
    public var files: [String: [UInt8]]
    /// Where the files came from, for diagnostics (`themes/default`).
    public var sourcePath: String

    /// The default theme, as embedded at build time from `themes/default/`.
    public static let embeddedDefault: Theme = {
        var files: [String: [UInt8]] = [:]
        for (path, base64) in EmbeddedDefaultTheme.files {
            files[path] = Array(Data(base64Encoded: base64) ?? Data())
        }
        return Theme(name: "default", files: files, sourcePath: "themes/default")
    }()
}
