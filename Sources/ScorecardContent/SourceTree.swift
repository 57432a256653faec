import ScorecardCore

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

    /// Every path in the tree. Changing it drops the folder index, which is made again when
    /// `children(of:)` is next asked.
    public var entries: [String: Entry] {
        get { storage }
        // Not `didSet`: that turns `entries[path] = …` into a get and a set, copying the
        // whole dictionary for each file read.
        _modify {
            index = ChildIndex()
            yield &storage
        }
        set {
            storage = newValue
            index = ChildIndex()
        }
    }

    private var storage: [String: Entry]

    /// The names in each folder, made once on first use: a site of 10,000 visits asks for a
    /// folder's names tens of thousands of times, and a scan of every path for each was
    /// quadratic in the site's size.
    private var index = ChildIndex()

    public init(entries: [String: Entry] = [:]) { storage = entries }

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
        storage = entries
    }

    /// The names directly inside `folder`, sorted.
    public func children(of folder: String) -> [String] {
        index.children(of: folder, in: entries)
    }

    public func file(_ path: String) -> [UInt8]? {
        if case .file(let bytes) = entries[path] { return bytes }
        return nil
    }

    public func isFolder(_ path: String) -> Bool { entries[path] == .folder }
}

/// The names directly inside each folder of a tree (`""` for the top), sorted; made from
/// the paths on first use, under a lock, since builds read a tree from several threads.
private final class ChildIndex: Sendable {
    private let folders = LockedBox<[String: [String]]?>(nil)

    func children(of folder: String, in entries: [String: SourceTree.Entry]) -> [String] {
        folders.withLock { folders in
            if folders == nil { folders = Self.make(entries) }
            return folders?[folder] ?? []
        }
    }

    private static func make(_ entries: [String: SourceTree.Entry]) -> [String: [String]] {
        var folders: [String: [String]] = [:]
        for path in entries.keys {
            let parent: Substring, name: Substring
            if let slash = path.lastIndex(of: "/") {
                parent = path[..<slash]
                name = path[path.index(after: slash)...]
            } else {
                parent = ""
                name = Substring(path)
            }
            guard !name.isEmpty else { continue }
            folders[String(parent), default: []].append(String(name))
        }
        for key in folders.keys { folders[key]!.sort() }
        return folders
    }
}
