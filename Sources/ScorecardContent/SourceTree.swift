/// The files of a site, read into memory: the loader's one view of the file system.
///
/// Paths are relative to the site folder with `/` separators (`content/visits/2020-02/visit.yaml`).
/// Tests build trees from literals; the site layer reads them from disk.
public struct SourceTree: Sendable {
    /// What stands at a path.
    public enum Entry: Sendable, Hashable {
        case file([UInt8])
        case folder
        /// A symbolic link, never followed.
        case symlink
        /// A device, socket or anything else that is neither file nor folder.
        case other
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// A tree of text files; their folders are added.
    public init(files: [String: String]) {
        var entries: [String: Entry] = [:]
        for (path, text) in files {
            entries[path] = .file(Array(text.utf8))
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                entries[parts.joined(separator: "/")] = .folder
                parts = parts.dropLast()
            }
        }
        self.entries = entries
    }

    /// The names directly inside `folder`, sorted.
    public func children(of folder: String) -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        return entries.keys.compactMap { path -> String? in
            guard path.hasPrefix(prefix) else { return nil }
            let rest = path.dropFirst(prefix.count)
            return rest.isEmpty || rest.contains("/") ? nil : String(rest)
        }.sorted()
    }

    public func file(_ path: String) -> [UInt8]? {
        if case .file(let bytes) = entries[path] { return bytes }
        return nil
    }

    public func isFolder(_ path: String) -> Bool { entries[path] == .folder }
}
