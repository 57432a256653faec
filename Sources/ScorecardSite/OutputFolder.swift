import Foundation
import ScorecardCore

/// The one place that writes `output/`: every file goes into a staging folder beside it,
/// which then replaces the old folder in one step, so a failed build leaves the previous
/// output exactly as it was.
public struct OutputFolder: Sendable {
    /// The file that marks a folder as written by `scorecard build`.
    public static let marker = ".scorecard-output"
    static let markerText = "written by scorecard build; this folder is replaced by every build\n"

    public let url: URL

    public init(url: URL) { self.url = url.standardizedFileURL }

    /// Why the output folder may not be used for `site`, or nil when it may.
    public func problem(forSite site: URL) -> String? {
        let out = url.resolvingSymlinksInPath().path
        let siteRoot = site.standardizedFileURL.resolvingSymlinksInPath().path
        func isInside(_ a: String, _ b: String) -> Bool { a == b || a.hasPrefix(b.hasSuffix("/") ? b : b + "/") }
        if out == siteRoot {
            return "the output folder cannot be the site folder itself; use --output with another folder, such as output"
        }
        if isInside(siteRoot, out) {
            return "the output folder \(url.path) contains the site; choose a folder inside or beside it, such as output"
        }
        for protected in ["content", "themes"] {
            let p = siteRoot + "/" + protected
            if isInside(out, p) || isInside(p, out) {
                return "the output folder \(url.path) overlaps the site's \(protected)/ folder; choose another, such as output"
            }
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDir) {
            if !isDir.boolValue {
                return "\(url.path) is a file, not a folder; choose another output folder"
            }
            let items = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
            if !items.isEmpty && !items.contains(Self.marker) {
                return "\(url.path) was not written by scorecard build, so it is not replaced; empty it or choose another output folder"
            }
        }
        return nil
    }

    /// Writes `files` (relative path → bytes) as the new contents of the folder, atomically.
    public func replace(with files: [String: [UInt8]]) throws {
        let staging = try begin()
        do {
            let items = files.sorted { $0.key < $1.key }
            let failure = LockedBox<(any Error)?>(nil)
            DispatchQueue.concurrentPerform(iterations: items.count) { i in
                do { try staging.write(items[i].key, items[i].value) } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
            try commit(staging)
        } catch {
            discard(staging)
            throw error
        }
    }

    /// Starts a new, empty staging folder beside the output folder. Pages are written into
    /// it as they are made (`Staging.write`); `commit` then swaps it in whole, and `discard`
    /// removes it, leaving the previous output exactly as it was.
    public func begin() throws -> Staging {
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers()
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).staging-\(getpid())")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        // The marker goes in first, so that a build killed mid-way leaves a folder the next
        // build recognises as its own leftover (`removeLeftovers`).
        try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.marker))
        return Staging(root: staging)
    }

    /// Swaps the staging folder in for the output folder in one step.
    public func commit(_ staging: Staging) throws {
        try swapIn(staging.root)
    }

    /// Removes a staging folder that will not be used.
    public func discard(_ staging: Staging) {
        try? FileManager.default.removeItem(at: staging.root)
    }

    /// A staging folder being filled, from any thread.
    public final class Staging: Sendable {
        public let root: URL
        /// The folders made so far, relative to the root.
        private let made = LockedBox<Set<String>>([""])

        /// `root.path`, worked out once: a `URL`'s path is made afresh on every use.
        private let rootPath: String
        init(root: URL) {
            self.root = root
            rootPath = root.path
        }

        /// Writes one file, making its folders first.
        public func write(_ path: String, _ bytes: [UInt8]) throws {
            let target = try prepare(path)
            try FileBytes.write(bytes, to: target)
        }

        /// Places the file at `source` (already checked) at `path`: a hard link where the
        /// file system allows one, else a copy of `bytes()`, the file's contents.
        public func place(_ path: String, from source: String, bytes: () throws -> [UInt8]) throws {
            let target = try prepare(path)
            if link(source, target) == 0 { return }
            try FileBytes.write(try bytes(), to: target)
        }

        private func prepare(_ path: String) throws -> String {
            // Output paths are relative and plain (`visits/v1/pack/index.html`): the folder is
            // everything before the last slash.
            let dir = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
            if !made.withLock({ $0.contains(dir) }) {
                try FileManager.default.createDirectory(atPath: rootPath + "/" + dir, withIntermediateDirectories: true)
                made.withLock { _ = $0.insert(dir) }
            }
            return rootPath + "/" + path
        }
    }

    private func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: url.path) else {
            try fm.moveItem(at: staging, to: url)
            return
        }
        if Self.exchange(staging.path, url.path) {
            try Self.removeFolder(staging)   // now holds the previous output
            return
        }
        // No atomic exchange on this system: move the old folder aside, then the new one in.
        let old = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).old-\(getpid())")
        try fm.moveItem(at: url, to: old)
        do {
            try fm.moveItem(at: staging, to: url)
        } catch {
            try? fm.moveItem(at: old, to: url)
            throw error
        }
        try? fm.removeItem(at: old)
    }

    /// Removes the folder at `url` and all it holds, the folders of its `visits/` on every
    /// core: the previous output is thousands of files, and removing them one after another
    /// was the last tenth of a build that reuses every page. Nothing is followed: when `url`
    /// itself is not a real folder (an output folder that was a link, which the swap has put
    /// here) it is removed as itself, and so is a `visits` that is a link.
    static func removeFolder(_ url: URL) throws {
        let fm = FileManager.default
        var own = stat()
        guard lstat(url.path, &own) == 0, own.st_mode & S_IFMT == S_IFDIR else {
            try fm.removeItem(at: url)   // a link (or a file): only itself
            return
        }
        var parts: [URL] = []
        for name in try fm.contentsOfDirectory(atPath: url.path) {
            let child = url.appendingPathComponent(name)
            var st = stat()
            if name == "visits", lstat(child.path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR {
                parts += try fm.contentsOfDirectory(atPath: child.path).map { child.appendingPathComponent($0) }
            } else {
                parts.append(child)
            }
        }
        let failed = LockedBox<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: parts.count) { [parts] i in
            do { try FileManager.default.removeItem(at: parts[i]) } catch { failed.withLock { $0 = $0 ?? error } }
        }
        if let error = failed.withLock({ $0 }) { throw error }
        try fm.removeItem(at: url)   // the emptied visits/ and the folder itself
    }

    /// Swaps two paths in one step with Linux's `renameat2(RENAME_EXCHANGE)`, looked up at
    /// run time because Swift's Glibc module does not declare it. False when unavailable.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atFDCWD: Int32 = -100
        let renameExchange: UInt32 = 1 << 1
        return renameat2(atFDCWD, a, atFDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }
}
