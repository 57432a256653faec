import CXXHash
import Crypto
import Foundation
import ScorecardContent
import ScorecardCore

/// The pages of frozen editions, kept between builds in `.scorecard/cache/` inside the site
/// folder, so a published visit is rendered once and then reused while nothing it depends on
/// has changed (see `EditionKey`).
///
/// Each visit has a folder `<visit-id>/` holding `manifest` (the key, every file with its
/// checksum and size, and the warnings the visit gave) and `files/`, the visit's output files
/// under their output paths. A reused file is read and checked against its checksum first; a
/// missing, truncated or altered entry is not used, and the visit is rendered again.
///
/// New entries are written beside the old ones while a build runs and moved into place only
/// when the build succeeds (`commit`), so a failed or killed build never leaves a half-made
/// entry where a later build would look.
public final class EditionCache: EditionStore {
    /// The cache folder of a site: `<site>/.scorecard/cache`.
    public static func folder(forSite site: URL) -> URL {
        site.appendingPathComponent(".scorecard/cache")
    }

    public let root: URL
    /// Where this build writes new entries: `.new-<pid>` inside `root`.
    let pending: URL
    private let started = LockedBox(false)

    public init(root: URL) {
        self.root = root.standardizedFileURL
        pending = self.root.appendingPathComponent(".new-\(getpid())")
    }

    // MARK: Reading

    /// One visit's manifest.
    struct Manifest: Sendable, Equatable {
        struct File: Sendable, Equatable { var path: String; var hash: String; var size: Int }
        var key: String
        var files: [File]
        var diagnostics: [Diagnostic]
    }

    public func diagnostics(_ visit: String, key: String) -> [Diagnostic]? { manifest(visit, key: key)?.diagnostics }

    /// The manifest of `visit`, when its key is `key`.
    func manifest(_ visit: String, key: String) -> Manifest? {
        let path = root.appendingPathComponent(visit).appendingPathComponent("manifest").path
        guard let bytes = FileBytes.read(path), let m = Manifest.parse(bytes), m.key == key else { return nil }
        return m
    }

    /// Places every file of `visit`'s entry with `key` through `place` (output path, the cached
    /// file's path, a way to its bytes) after checking each against its hash, and returns the
    /// entry's warnings; nil, placing nothing further, when the entry is missing, stale or
    /// damaged.
    ///
    /// The files are checked through one buffer, and their bytes are read again only for a
    /// place that cannot link the cached file (checked again then): a build that reuses
    /// every page reads every cached file, and holding each in an array of its own cost a
    /// fresh allocation and its clearing for every file.
    public func reuse(_ visit: String, key: String, place: (String, String, () throws -> [UInt8]) throws -> Void) -> [Diagnostic]? {
        guard let m = manifest(visit, key: key) else { return nil }
        let files = root.appendingPathComponent(visit).appendingPathComponent("files").path
        var buffer: [UInt8] = []
        for f in m.files {
            guard let n = FileBytes.read(files + "/" + f.path, into: &buffer), n == f.size,
                  Self.checksum(buffer[..<n]) == f.hash else { return nil }
        }
        do {
            for f in m.files {
                let source = files + "/" + f.path
                try place(f.path, source) {
                    guard let bytes = FileBytes.read(source), bytes.count == f.size, Self.checksum(bytes) == f.hash else {
                        throw Damaged(path: source)
                    }
                    return bytes
                }
            }
        } catch {
            return nil
        }
        return m.diagnostics
    }

    /// A cached file that changed after it was checked.
    struct Damaged: Error { var path: String }

    // MARK: Writing

    /// A new entry being filled while its visit is rendered.
    final class Writer: EditionWriter {
        let visit: String
        let key: String
        let folder: URL
        private let files = LockedBox<[Manifest.File]>([])
        /// The entry's `files/` folder, filled as a staging folder is.
        private let stored: OutputFolder.Staging

        init(visit: String, key: String, folder: URL) {
            self.visit = visit
            self.key = key
            self.folder = folder
            stored = OutputFolder.Staging(root: folder.appendingPathComponent("files"))
        }

        /// Stores one output file; returns its path in the cache.
        func store(_ path: String, _ bytes: [UInt8]) throws -> String {
            try stored.write(path, bytes)
            files.withLock { $0.append(.init(path: path, hash: EditionCache.checksum(bytes), size: bytes.count)) }
            return stored.root.path + "/" + path
        }

        /// Writes the manifest with the visit's warnings: the entry is complete.
        func finish(diagnostics: [Diagnostic]) throws {
            let m = Manifest(key: key, files: files.withLock { $0 }.sorted { $0.path < $1.path }, diagnostics: diagnostics)
            try FileBytes.write(Array(m.serialized().utf8), to: folder.appendingPathComponent("manifest").path)
        }
    }

    /// Starts a new entry for `visit`, written under the pending folder.
    public func writer(_ visit: String, key: String) throws -> any EditionWriter {
        let folder = pending.appendingPathComponent(visit)
        started.withLock { $0 = true }
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("files"), withIntermediateDirectories: true)
        return Writer(visit: visit, key: key, folder: folder)
    }

    /// Moves the finished entries into place, replacing older ones, and removes the entries
    /// of visits that no longer exist (`keep` lists the visits of the site).
    public func commit(finished: [any EditionWriter], keep: Set<String>?) {
        let fm = FileManager.default
        for case let w as Writer in finished {
            let target = root.appendingPathComponent(w.visit)
            let old = root.appendingPathComponent(".old-\(getpid())-\(w.visit)")
            if fm.fileExists(atPath: target.path) { try? fm.moveItem(at: target, to: old) }
            if (try? fm.moveItem(at: w.folder, to: target)) == nil { try? fm.moveItem(at: old, to: target) }
            try? fm.removeItem(at: old)
        }
        discardPending()
        guard let keep else { return }
        for name in (try? fm.contentsOfDirectory(atPath: root.path)) ?? [] where !name.hasPrefix(".") && !keep.contains(name) {
            try? fm.removeItem(at: root.appendingPathComponent(name))
        }
    }

    /// Removes what this build wrote, for a build that failed.
    public func discardPending() {
        if started.withLock({ $0 }) { try? FileManager.default.removeItem(at: pending) }
    }

    /// SHA-256 in hex: the keys, which are made of a few kilobytes of text.
    static func hash(_ bytes: some DataProtocol) -> String {
        PublishRecord.hex(SHA256.hash(data: bytes))
    }

    /// XXH3-128 in hex, as `xxhsum -H2` prints it: the check of every cached file, which a
    /// build that reuses every page makes over all of them (134 MB at the 1k reference site).
    /// It finds a missing, truncated or altered file as surely as SHA-256 does (a changed
    /// file keeps its checksum with a chance of 2⁻¹²⁸), at a tenth of the cost or less; what
    /// it does not resist is a collision made on purpose, by someone who could as well
    /// change the content the pages come from.
    static func checksum(_ bytes: some Collection<UInt8>) -> String {
        let h = bytes.withContiguousStorageIfAvailable { XXH3_128bits($0.baseAddress, $0.count) }
            ?? Array(bytes).withUnsafeBufferPointer { XXH3_128bits($0.baseAddress, $0.count) }
        // The library's canonical form: the 16 bytes, most significant first.
        var canonical = XXH128_canonical_t()
        XXH128_canonicalFromHash(&canonical, h)
        return withUnsafeBytes(of: canonical.digest) { PublishRecord.hex($0) }
    }
}

extension EditionCache.Manifest {
    /// Format 2 checks files by XXH3-128; format 1 (SHA-256) entries are not read, and are
    /// rendered again.
    static let header = "scorecard-cache 2"

    /// Lines of tab-separated fields; tabs, newlines and backslashes inside a field escaped.
    func serialized() -> String {
        var lines = [Self.header, "key\t\(key)"]
        for f in files { lines.append("file\t\(f.hash)\t\(f.size)\t\(Self.escape(f.path))") }
        for d in diagnostics {
            lines.append(["diagnostic", d.severity.rawValue, Self.escape(d.location.path),
                          d.location.line.map(String.init) ?? "", d.location.column.map(String.init) ?? "",
                          Self.escape(d.message)].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func parse(_ bytes: [UInt8]) -> Self? {
        // Split on the bytes of line feeds and tabs, which `serialized` writes only as
        // separators (escaping them inside fields): splitting the text by characters would
        // also find no separator where a field starts with a combining mark, which joins the
        // tab before it into one character.
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, first.elementsEqual(header.utf8), lines.last?.isEmpty == true else { return nil }
        lines.removeLast()
        var key: String?
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        for line in lines.dropFirst() {
            let f = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            switch f.first {
            case "key" where f.count == 2: key = f[1]
            case "file" where f.count == 4:
                guard let size = Int(f[2]), let path = unescape(f[3]) else { return nil }
                files.append(File(path: path, hash: f[1], size: size))
            case "diagnostic" where f.count == 6:
                guard let severity = Severity(rawValue: f[1]), let path = unescape(f[2]), let message = unescape(f[5]) else { return nil }
                let location = SourceLocation(path: path, line: Int(f[3]), column: Int(f[4]))
                diagnostics.append(Diagnostic(severity, message, at: location))
            default: return nil
            }
        }
        guard let key else { return nil }
        return Self(key: key, files: files, diagnostics: diagnostics)
    }

    /// Escapes by Unicode scalars, not characters: a CRLF, or a tab followed by a combining
    /// mark, is one character, and was once written unescaped, so that its manifest could
    /// not be read back and the entry was never reused.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\".unicodeScalars
            case "\t": out += "\\t".unicodeScalars
            case "\n": out += "\\n".unicodeScalars
            case "\r": out += "\\r".unicodeScalars
            default: out.append(c)
            }
        }
        return String(out)
    }

    static func unescape(_ s: String) -> String? {
        guard s.utf8.contains(0x5C) else { return s }
        var out = String.UnicodeScalarView()
        var escaped = false
        for c in s.unicodeScalars {
            if escaped {
                switch c {
                case "\\": out.append("\\")
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: return nil
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return escaped ? nil : String(out)
    }
}
