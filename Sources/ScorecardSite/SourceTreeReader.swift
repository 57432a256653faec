import Foundation
import ScorecardContent

/// Reads a site folder from disk into a `SourceTree`: `site.yaml` and everything under
/// `content/` and `themes/`. Symbolic links are recorded, never followed.
public enum SourceTreeReader {
    public static func read(site root: URL) -> SourceTree {
        var tree = SourceTree()
        let fm = FileManager.default
        let settings = root.appendingPathComponent("site.yaml").path
        if let data = fm.contents(atPath: settings) {
            tree.entries["site.yaml"] = .file(Array(data))
        } else if let k = kind(settings), k != .file([]) {
            tree.entries["site.yaml"] = k   // a folder, a broken link or a pipe: said so, not "missing"
        }
        walk(root, relative: "content", into: &tree)
        walk(root, relative: "themes", into: &tree)
        return tree
    }

    /// The kind of the entry at `path`, without following a link.
    static func kind(_ path: String) -> SourceTree.Entry? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        case S_IFREG: return .file([])
        default: return .other
        }
    }

    static func walk(_ root: URL, relative: String, into tree: inout SourceTree) {
        let path = root.appendingPathComponent(relative).path
        guard let k = kind(path) else { return }
        switch k {
        case .folder:
            tree.entries[relative] = .folder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names.sorted() { walk(root, relative: "\(relative)/\(name)", into: &tree) }
        case .file:
            // Hidden files are never read: they may be large or private (editor swap files).
            let name = relative.split(separator: "/").last.map(String.init) ?? ""
            if name.hasPrefix(".") {
                tree.entries[relative] = .file([])
            } else {
                tree.entries[relative] = .file(Array(FileManager.default.contents(atPath: path) ?? Data()))
            }
        default:
            tree.entries[relative] = k
        }
    }
}
