import Foundation
import ScorecardContent
import ScorecardCore

/// Which visits a build reads whole and renders, and which it takes from the cache: made
/// once the loader has the outline of the site (settings, every visit.yaml, the record).
struct BuildPlan {
    /// The visits to read whole.
    var read: Set<String> = []
    /// Published visits whose pages were placed from the cache (or, for `check`, whose
    /// cached warnings stand for them).
    var reused: Set<String> = []
    /// The warnings the reused visits gave when they were rendered.
    var cachedDiagnostics: [Diagnostic] = []
    /// The cache key of every published visit that may be cached.
    var keys: [String: String] = [:]
    var only: Set<String>?
    var cache: (any EditionStore)?

    /// True for diagnostics this build does not report afresh: those of reused visits (their
    /// cached ones stand instead) and, for a build of some visits only, those of the others.
    func ignores(_ path: String) -> Bool {
        guard let id = ContentLoader.visitID(ofContentPath: path) else { return false }
        if reused.contains(id) { return true }
        if let only { return !only.contains(id) }
        return false
    }

    /// New cache entries for the visits among `ids` that may be cached.
    func writers(for ids: [String]) -> [String: any EditionWriter] {
        guard let cache, only == nil else { return [:] }
        var out: [String: any EditionWriter] = [:]
        for id in ids {
            guard let key = keys[id], let w = try? cache.writer(id, key: key) else { continue }
            out[id] = w
        }
        return out
    }

    static func make(_ outline: ContentOutline, tree: SourceTree, options: SiteBuilder.Options, theme: Theme?,
                     sink: SiteBuilder.Sink?, placed: LockedBox<Int>) -> BuildPlan {
        var plan = BuildPlan()
        let visits = outline.visits
        let ids = Set(visits.map(\.id))
        let previousIDs = Visit.previousIDs(in: visits)
        plan.only = options.only
        if let only = options.only {
            plan.read = only
            for v in visits where only.contains(v.id) {
                if let p = previousIDs[v.id] { plan.read.insert(p) }
            }
            return plan
        }
        plan.read = ids
        guard let cache = options.cache, let theme, let site = outline.site else { return plan }
        plan.cache = cache
        let maker = EditionKey(tool: options.tool, theme: theme)
        let latest = visits.last { $0.status == .published }
        // Published visits are keyed by their record, which their files must match; for the
        // preview every visit is keyed by its files as they are now.
        let entries = options.keyByContent ? Self.currentEntries(outline, site: site, tree: tree) : outline.record.visits
        for v in visits where options.keyByContent || v.status == .published && !outline.changedSincePublished.contains(v.id) {
            guard let entry = entries[v.id] else { continue }
            var previous: (id: String, entry: PublishRecord.Entry)?
            if let p = previousIDs[v.id] {
                // A previous visit that is not frozen may change under this one's pages.
                guard let pe = entries[p], options.keyByContent || !outline.changedSincePublished.contains(p) else { continue }
                previous = (p, pe)
            }
            plan.keys[v.id] = maker.key(visit: v.id, entry: entry, previous: previous,
                                        latest: latest.map { ($0.id, $0.title) }, site: site)
        }
        let candidates = plan.keys.sorted { $0.key < $1.key }
        let found = concurrentMap(candidates.count) { i -> [Diagnostic]? in
            let (id, key) = candidates[i]
            guard let sink else { return cache.diagnostics(id, key: key) }
            var count = 0
            let d = cache.reuse(id, key: key) { path, source, bytes in
                try sink.place(path, source, bytes)
                count += 1
            }
            if d != nil { placed.withLock { $0 += count } }
            return d
        }
        for (i, d) in found.enumerated() {
            guard let d else { continue }
            plan.reused.insert(candidates[i].key)
            plan.cachedDiagnostics += d
        }
        // Rendered visits need their previous visit's figures; the home page needs the
        // latest published visit's, compared with its own previous one.
        plan.read = ids.subtracting(plan.reused)
        var needed: [Visit] = visits.filter { plan.read.contains($0.id) }
        if let latest { needed.append(latest); plan.read.insert(latest.id) }
        for v in needed {
            if let p = previousIDs[v.id] { plan.read.insert(p) }
        }
        return plan
    }

    /// Every visit's record entry as `publish` would make it now, from the files the loader
    /// hashed for checking the record.
    static func currentEntries(_ outline: ContentOutline, site: Site, tree: SourceTree) -> [String: PublishRecord.Entry] {
        // The visits here are known only by their visit.yaml, not by which statistics files
        // they read: every visit's key covers all of content/statistics/.
        var statistics = ""
        for (path, entry) in tree.entries.sorted(by: { $0.key < $1.key }) where path.hasPrefix("content/statistics/") {
            if case .file(let bytes) = entry { statistics += "\(path)\t\(PublishRecord.hash(bytes))\n" }
        }
        let statisticsHash = PublishRecord.hash(Array(statistics.utf8))
        var out: [String: PublishRecord.Entry] = [:]
        for v in outline.visits {
            var settings = PublishRecord.settings(for: v, site: site)
            settings["statistics"] = statisticsHash
            out[v.id] = PublishRecord.Entry(settings: settings, files: outline.currentFiles[v.id] ?? [:])
        }
        return out
    }
}
