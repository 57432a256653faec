import Foundation
import ScorecardCore

/// Where the pages of visits are kept between builds, by visit and key (`EditionKey`): on
/// disk for `build` (`EditionCache`), in memory for the preview (`MemoryEditionStore`).
public protocol EditionStore: Sendable {
    /// The warnings of `visit`'s entry with `key`, without its files; nil without one.
    func diagnostics(_ visit: String, key: String) -> [Diagnostic]?
    /// Places every file of `visit`'s entry with `key` through `place` (output path, the
    /// stored file's path or "", and a way to its bytes, for a place that cannot link the
    /// stored file) and returns the entry's warnings; nil when there is no such entry or it
    /// is damaged.
    func reuse(_ visit: String, key: String, place: (String, String, () throws -> [UInt8]) throws -> Void) -> [Diagnostic]?
    /// Starts a new entry for `visit`.
    func writer(_ visit: String, key: String) throws -> any EditionWriter
    /// Makes the finished entries current; with `keep`, forgets every visit not in it.
    func commit(finished: [any EditionWriter], keep: Set<String>?)
    /// Forgets what this build started to store.
    func discardPending()
}

/// A new entry being filled while its visit is rendered.
public protocol EditionWriter: Sendable {
    var visit: String { get }
    /// Stores one output file; returns the stored file's path, or "" when it has none.
    func store(_ path: String, _ bytes: [UInt8]) throws -> String
    /// Completes the entry with the visit's warnings.
    func finish(diagnostics: [Diagnostic]) throws
}

/// Pages of visits kept in memory, for the preview: a rebuild renders only the visits whose
/// files (or whatever else their key covers) changed.
public final class MemoryEditionStore: EditionStore {
    struct Entry: Sendable {
        var key: String
        var files: [(String, [UInt8])]
        var diagnostics: [Diagnostic]
    }

    private let entries = LockedBox<[String: Entry]>([:])
    private let pending = LockedBox<[String: Entry]>([:])

    public init() {}

    public func diagnostics(_ visit: String, key: String) -> [Diagnostic]? {
        entries.withLock { $0[visit] }.flatMap { $0.key == key ? $0.diagnostics : nil }
    }

    public func reuse(_ visit: String, key: String, place: (String, String, () throws -> [UInt8]) throws -> Void) -> [Diagnostic]? {
        guard let e = entries.withLock({ $0[visit] }), e.key == key else { return nil }
        do { for (path, bytes) in e.files { try place(path, "", { bytes }) } } catch { return nil }
        return e.diagnostics
    }

    final class Writer: EditionWriter {
        let visit: String
        let key: String
        let store: MemoryEditionStore
        private let files = LockedBox<[(String, [UInt8])]>([])
        init(visit: String, key: String, store: MemoryEditionStore) {
            self.visit = visit
            self.key = key
            self.store = store
        }
        func store(_ path: String, _ bytes: [UInt8]) throws -> String {
            files.withLock { $0.append((path, bytes)) }
            return ""
        }
        func finish(diagnostics: [Diagnostic]) throws {
            let entry = Entry(key: key, files: files.withLock { $0 }, diagnostics: diagnostics)
            store.pending.withLock { $0[visit] = entry }
        }
    }

    public func writer(_ visit: String, key: String) throws -> any EditionWriter {
        Writer(visit: visit, key: key, store: self)
    }

    public func commit(finished: [any EditionWriter], keep: Set<String>?) {
        let done = pending.withLock { p -> [String: Entry] in defer { p = [:] }; return p }
        entries.withLock { e in
            e.merge(done) { _, new in new }
            if let keep { e = e.filter { keep.contains($0.key) } }
        }
    }

    public func discardPending() { pending.withLock { $0 = [:] } }

    /// The visits kept, for tests.
    public var visits: [String] { entries.withLock { $0.keys.sorted() } }
}
