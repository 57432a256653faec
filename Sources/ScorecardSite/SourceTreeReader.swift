import Foundation
import ScorecardContent
import ScorecardCore

/// Reads a site folder from disk into a `SourceTree`: `site.yaml` and everything under
/// `content/` and `themes/`. Symbolic links are recorded, never followed.
public enum SourceTreeReader {
    /// With `cache` (the preview's), a file whose size, times and inode are those of its
    /// last read is taken from the cache instead of read again.
    public static func read(site root: URL, cache: FileCache? = nil) -> SourceTree {
        var tree = SourceTree()
        let fm = FileManager.default
        let settings = root.appendingPathComponent("site.yaml").path
        if let data = fm.contents(atPath: settings) {
            tree.entries["site.yaml"] = .file(Array(data))
        } else if let k = kind(settings), k != .file([]) {
            tree.entries["site.yaml"] = k   // a folder, a broken link or a pipe: said so, not "missing"
        }
        var walked = Walked()
        for top in ["content", "themes"] {
            walk(path: root.appendingPathComponent(top).path, relative: top, into: &walked, cache: cache)
        }
        for (path, entry) in walked.entries { tree.entries[path] = entry }
        cache?.replace(with: walked.seen, read: walked.seen.count - walked.reused)
        return tree
    }

    /// What a walk found: the entries, and for the cache what each file's stamp was.
    private struct Walked: Sendable {
        var entries: [(String, SourceTree.Entry)] = []
        var seen: [String: FileCache.Entry] = [:]
        var reused = 0

        mutating func add(_ other: Walked) {
            entries += other.entries
            seen.merge(other.seen) { a, _ in a }
            reused += other.reused
        }
    }

    /// The files of a site as last read, by path, with what `stat` said of each then.
    public final class FileCache: Sendable {
        struct Stamp: Equatable, Sendable {
            var size: Int64, inode: UInt64
            var modified: Int, modifiedNanoseconds: Int, changed: Int, changedNanoseconds: Int
            init(_ st: stat) {
                size = Int64(st.st_size)
                inode = UInt64(st.st_ino)
                modified = st.st_mtim.tv_sec
                modifiedNanoseconds = st.st_mtim.tv_nsec
                changed = st.st_ctim.tv_sec
                changedNanoseconds = st.st_ctim.tv_nsec
            }
        }
        struct Entry: Sendable {
            var stamp: Stamp
            var bytes: [UInt8]
        }
        private let files = LockedBox((entries: [String: Entry](), read: 0))
        public init() {}
        /// How many files the last read took from the disk rather than from the cache.
        public var filesRead: Int { files.withLock { $0.read } }
        func bytes(_ path: String, stamp: Stamp) -> [UInt8]? {
            files.withLock { f in f.entries[path].flatMap { $0.stamp == stamp ? $0.bytes : nil } }
        }
        func replace(with entries: [String: Entry], read: Int) { files.withLock { $0 = (entries, read) } }
    }

    /// The kind of the entry at `path`, without following a link.
    static func kind(_ path: String) -> SourceTree.Entry? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return kind(of: st)
    }

    /// The kind `lstat` said an entry is; a file's bytes are not read here.
    static func kind(of st: stat) -> SourceTree.Entry {
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        case S_IFREG: return .file([])
        default: return .other
        }
    }

    private static func walk(path: String, relative: String, into walked: inout Walked, cache: FileCache?) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        let kind = kind(of: st)
        switch kind {
        case .folder:
            walked.entries.append((relative, .folder))
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            guard relative == "content/visits" else {
                for name in names { walk(path: path + "/" + name, relative: relative + "/" + name, into: &walked, cache: cache) }
                return
            }
            // The visit folders, thousands in a large site, are walked on every core.
            let parts = concurrentMap(names.count) { [names] i in
                var part = Walked()
                walk(path: path + "/" + names[i], relative: relative + "/" + names[i], into: &part, cache: cache)
                return part
            }
            for part in parts { walked.add(part) }
        case .file:
            // Hidden files are never read: they may be large or private (editor swap files).
            let name = relative.utf8.lastIndex(of: UInt8(ascii: "/")).map { relative[relative.utf8.index(after: $0)...] } ?? relative[...]
            if name.hasPrefix(".") {
                walked.entries.append((relative, .file([])))
                return
            }
            let stamp = FileCache.Stamp(st)
            let kept = cache?.bytes(relative, stamp: stamp)
            if kept != nil { walked.reused += 1 }
            let bytes = kept ?? FileBytes.read(path) ?? []
            if cache != nil { walked.seen[relative] = FileCache.Entry(stamp: stamp, bytes: bytes) }
            walked.entries.append((relative, .file(bytes)))
        case .symlink, .other:
            walked.entries.append((relative, kind))
        }
    }
}
