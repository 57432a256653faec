import Foundation
import ScorecardCore

/// The one place that writes `output/`: every file goes into a staging folder beside it,
/// which then replaces the old folder in one step, so a failed build leaves the previous
/// output exactly as it was.
public struct OutputFolder: Sendable {
    /// The file that marks a folder as written by `scorecard build`.
    public static let marker = ".scorecard-output"

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
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers()
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).staging-\(getpid())")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            // The marker goes in first, so that a build killed mid-way leaves a folder the
            // next build recognises as its own leftover (`removeLeftovers`).
            try Data("written by scorecard build; this folder is replaced by every build\n".utf8)
                .write(to: staging.appendingPathComponent(Self.marker))
            var folders = Set<String>()
            for path in files.keys.sorted() {
                let dir = (path as NSString).deletingLastPathComponent
                if !dir.isEmpty, folders.insert(dir).inserted {
                    try fm.createDirectory(at: staging.appendingPathComponent(dir), withIntermediateDirectories: true)
                }
            }
            try Self.writeAll(files, to: staging)
            try swapIn(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// Writes files concurrently: the work is independent and the machine has more than one core.
    static func writeAll(_ files: [String: [UInt8]], to root: URL) throws {
        let items = files.sorted { $0.key < $1.key }
        let failure = LockedBox<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let (path, bytes) = items[i]
            do {
                try Data(bytes).write(to: root.appendingPathComponent(path))
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    private func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: url.path) else {
            try fm.moveItem(at: staging, to: url)
            return
        }
        if Self.exchange(staging.path, url.path) {
            try fm.removeItem(at: staging)   // now holds the previous output
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
