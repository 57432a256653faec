import Foundation

/// Watches a site's `site.yaml`, `content/` and `themes/` with Linux's inotify: the kernel
/// says when something changed, so nothing polls. Folders made later are watched as they
/// appear. `wait()` blocks until a change comes, then gathers the changes that follow it
/// closely (an editor saving writes several times), so one save means one rebuild.
final class FileWatcher: @unchecked Sendable {
    // @unchecked: `fd` is fixed at init; `watches` is touched only by the one thread that
    // calls `wait()` (the watcher's own), after init.
    private let fd: Int32
    private let root: URL
    private var watches: [Int32: String] = [:]

    /// Nil when inotify is not available (not Linux, or out of watches).
    init?(site root: URL) {
        #if os(Linux)
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.root = root
        add(root.path, recursive: false)
        for name in ["content", "themes"] { add(root.appendingPathComponent(name).path, recursive: true) }
        #else
        return nil
        #endif
    }

    deinit { close(fd) }

    #if os(Linux)
    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    private func add(_ path: String, recursive: Bool) {
        let wd = inotify_add_watch(fd, path, Self.mask | UInt32(IN_ONLYDIR))
        guard wd >= 0 else { return }
        watches[wd] = path
        guard recursive else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            var st = stat()
            let child = path + "/" + name
            if lstat(child, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { add(child, recursive: true) }
        }
    }

    /// Reads the events waiting, watching folders that were made; true when one concerns
    /// the site (not a hidden file, such as an editor's swap file).
    private func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return false }
        var relevant = false
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= n {
            let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let e = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (e.wd, e.mask, Int(e.len))
            }
            let nameBytes = buffer[(offset + header)..<min(n, offset + header + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += header + length
            guard let folder = watches[wd] else { continue }
            let isRoot = folder == root.path
            // In the site folder itself only site.yaml, content/ and themes/ matter.
            if isRoot && !["site.yaml", "content", "themes"].contains(name) && !name.isEmpty { continue }
            if name.hasPrefix(".") { continue }
            relevant = true
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                add(folder + "/" + name, recursive: true)
            }
            if mask & UInt32(IN_IGNORED) != 0 { watches[wd] = nil }
        }
        return relevant
    }

    private func readable(within milliseconds: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, milliseconds) > 0
    }
    #endif

    /// Blocks until something the site is made of changes, then until the changes have been
    /// quiet for `settle` milliseconds. False when `timeout` milliseconds pass with none.
    func wait(timeout: Int32 = -1, settle: Int32 = 25) -> Bool {
        #if os(Linux)
        var changed = false
        while !changed {
            guard readable(within: timeout) else { return false }
            changed = drain()
        }
        while readable(within: settle) { _ = drain() }
        return true
        #else
        return false
        #endif
    }
}
