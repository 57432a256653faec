import Foundation

/// The repository's `themes/default/`, read beside this source file (not as resources), so
/// that a site can carry its own copy of the default theme.
enum ThemeFiles {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support
        .deletingLastPathComponent()   // ScorecardSiteTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // the package
        .appendingPathComponent("themes/default")

    /// Every file of the default theme, path inside the theme → text.
    static func read() throws -> [String: String] {
        var files: [String: String] = [:]
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [:] }
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = root + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                  !relative.split(separator: "/").last!.hasPrefix(".") else { continue }
            files[relative] = try String(contentsOfFile: full, encoding: .utf8)
        }
        return files
    }

    /// The default theme's files as `themes/<name>/…` entries of a site.
    static func asSiteTheme(named name: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for (path, text) in try read() { out["themes/\(name)/\(path)"] = text }
        return out
    }
}
