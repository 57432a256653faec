import Crypto
import Foundation
import ScorecardCore
import Yams

/// `content/published.yaml`: for every published visit, a SHA-256 hash of each of its files
/// and of the site settings in force for it, so that a published edition never changes
/// silently.
public struct PublishRecord: Sendable, Hashable {
    /// Where the record lives, relative to the site.
    public static let path = "content/published.yaml"

    /// What is recorded for one visit.
    public struct Entry: Sendable, Hashable {
        /// Setting name (`population`, `disclosure`, `scorecard-titles`) → hash.
        public var settings: [String: String]
        /// Path inside the visit folder → hash.
        public var files: [String: String]

        public init(settings: [String: String], files: [String: String]) {
            self.settings = settings
            self.files = files
        }
    }

    public var visits: [String: Entry]

    public init(visits: [String: Entry] = [:]) { self.visits = visits }

    // MARK: Hashing

    /// SHA-256 in hex of a file's text, with any byte-order mark dropped and CRLF read as LF,
    /// so a checkout that changes line ends does not count as a change.
    public static func hash(_ bytes: [UInt8]) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // Most files have no carriage return at all: hash them as they are, without a copy.
        if !body.contains(0x0D) { return hex(SHA256.hash(data: body)) }
        var normalised: [UInt8] = []
        normalised.reserveCapacity(body.count)
        var i = body.startIndex
        while i < body.endIndex {
            if body[i] == 0x0D, i + 1 < body.endIndex, body[i + 1] == 0x0A { i += 1; continue }
            normalised.append(body[i])
            i += 1
        }
        return hex(SHA256.hash(data: normalised))
    }

    /// Bytes (a SHA-256 digest, a checksum) in lower-case hex, two digits a byte.
    public static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The settings in force for `visit`, each as a hash: its population, its disclosure
    /// threshold and the titles of the scorecards it reports.
    public static func settings(for visit: Visit, site: Site) -> [String: String] {
        let population = visit.population(in: site).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        let titles = site.scorecards.filter { listing in visit.scorecards.contains { $0.id == listing.id } }
            .map { "\($0.id)=\($0.title)" }.joined(separator: "\n")
        return [
            "population": hash(Array(population.utf8)),
            "disclosure": hash(Array(String(visit.suppressBelow(in: site)).utf8)),
            "scorecard-titles": hash(Array(titles.utf8)),
        ]
    }

    /// For a visit whose indicators read official statistics (`published:`), the settings
    /// that freeze them: `statistics:<file>` → the hash of each file in content/statistics/
    /// they name (or of nothing, when it is missing), and `statistical-neighbours` → the hash
    /// of the authority code and neighbour codes. Empty for a visit that reads none, so the
    /// records of such visits are as before.
    /// The statistics settings that `entry` records, as they stand now: the hash of each
    /// statistics file it names and of the codes. Which files a visit reads follows from its
    /// scorecard.yaml files, whose own hashes are checked, so checking the files the record
    /// names is checking the files the visit reads, without reading its definitions.
    public static func statisticsSettings(recordedIn entry: Entry, site: Site, tree: SourceTree) -> [String: String] {
        var out: [String: String] = [:]
        for name in entry.settings.keys where name.hasPrefix("statistics:") {
            out[name] = hash(tree.file("content/statistics/\(name.dropFirst("statistics:".count))") ?? [])
        }
        if entry.settings["statistical-neighbours"] != nil { out["statistical-neighbours"] = codesHash(site) }
        return out
    }

    static func codesHash(_ site: Site) -> String {
        hash(Array(([site.authorityCode ?? ""] + site.statisticalNeighbours).joined(separator: "\n").utf8))
    }

    public static func statisticsSettings(for visit: Visit, site: Site, tree: SourceTree) -> [String: String] {
        let files = Set(visit.scorecards.flatMap { $0.indicators.compactMap { $0.published?.file } })
        guard !files.isEmpty else { return [:] }
        var out: [String: String] = [:]
        for file in files {
            out["statistics:\(file)"] = hash(tree.file("content/statistics/\(file)") ?? [])
        }
        out["statistical-neighbours"] = codesHash(site)
        return out
    }

    /// Every file of a visit folder (hidden files excluded), path inside the folder → hash.
    public static func files(ofVisit id: String, in tree: SourceTree) -> [String: String] {
        var out: [String: String] = [:]
        for (path, entry) in tree.entries {
            guard case .file(let bytes) = entry, let (visit, relative) = visitFile(path), visit == id else { continue }
            out[relative] = hash(bytes)
        }
        return out
    }

    /// `files(ofVisit:in:)` of every visit folder at once, visit id → path inside the folder
    /// → hash: one pass over the tree, hashed on every core.
    public static func filesOfEveryVisit(in tree: SourceTree) -> [String: [String: String]] {
        var found: [(visit: String, relative: String, bytes: [UInt8])] = []
        for (path, entry) in tree.entries {
            guard case .file(let bytes) = entry, let (visit, relative) = visitFile(path) else { continue }
            found.append((visit, relative, bytes))
        }
        let hashes = concurrentMap(found.count) { [found] i in hash(found[i].bytes) }
        var out: [String: [String: String]] = [:]
        for (i, f) in found.enumerated() { out[f.visit, default: [:]][f.relative] = hashes[i] }
        return out
    }

    /// The visit and the path inside its folder of a file the record covers: one under
    /// `content/visits/<id>/`, with no hidden name on the way.
    static func visitFile(_ path: String) -> (visit: String, relative: String)? {
        guard let visit = ContentLoader.visitID(ofContentPath: path) else { return nil }
        let relative = String(path.dropFirst("content/visits/\(visit)/".count))
        guard !relative.isEmpty, !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { return nil }
        return (visit, relative)
    }

    /// The entry `publish` records for `visit` as the files stand now.
    public static func entry(for visit: Visit, site: Site, tree: SourceTree) -> Entry {
        Entry(settings: settings(for: visit, site: site).merging(statisticsSettings(for: visit, site: site, tree: tree)) { a, _ in a },
              files: files(ofVisit: visit.id, in: tree))
    }

    // MARK: Reading and writing

    /// The record's text: sorted, so the same record always gives the same bytes.
    public func serialized() -> String {
        var text = """
            # The publish record, written by `scorecard publish` and `scorecard reopen`.
            # Do not edit it by hand: it holds a SHA-256 hash of every file of each published
            # visit and of the site settings in force for it. `scorecard check` and
            # `scorecard build` fail if any of them changes while the visit is published.

            """
        if visits.isEmpty { return text + "visits: {}\n" }
        text += "visits:\n"
        for (id, entry) in visits.sorted(by: { $0.key < $1.key }) {
            text += "  \(id):\n    settings:\n"
            for (k, v) in entry.settings.sorted(by: { $0.key < $1.key }) {
                text += "      \(k.hasPrefix("statistics:") ? YAMLText.quoted(k) : k): \(v)\n"
            }
            text += "    files:\n"
            for (k, v) in entry.files.sorted(by: { $0.key < $1.key }) { text += "      \(YAMLText.quoted(k)): \(v)\n" }
        }
        return text
    }

    /// Reads the record; problems are diagnostics at their place in the file.
    public static func parse(_ bytes: [UInt8], diagnostics: inout [Diagnostic]) -> PublishRecord? {
        let text: String
        switch TextDecoding.decode(bytes, path: path) {
        case .success(let t): text = t
        case .failure(let d): diagnostics.append(d); return nil
        }
        return canonical(text) ?? parseYAML(text, diagnostics: &diagnostics)
    }

    /// Reads the record's text as YAML, whatever its layout.
    static func parseYAML(_ text: String, diagnostics: inout [Diagnostic]) -> PublishRecord? {
        var y = YAMLReader(path: path)
        defer { diagnostics += y.diagnostics }
        guard let root = y.parse(text) else { return PublishRecord() }
        guard let e = y.mapping(root, allowed: ["visits"], what: "the publish record") else { return nil }
        guard let visitsNode = y.optional(e, "visits") else { return PublishRecord() }
        guard case .mapping(let m) = visitsNode else {
            y.error("visits must map visit ids to their records", at: visitsNode)
            return nil
        }
        var record = PublishRecord()
        for (k, v) in m {
            guard let id = y.string(k, what: "a visit id") else { continue }
            guard let ve = y.mapping(v, allowed: ["settings", "files"], what: "the record of '\(id)'") else { continue }
            var entry = Entry(settings: [:], files: [:])
            for (key, target) in [("settings", 0), ("files", 1)] {
                guard let node = y.optional(ve, key) else { continue }
                guard case .mapping(let pairs) = node else { y.error("\(key) must be a mapping", at: node); continue }
                for (pk, pv) in pairs {
                    guard let name = y.string(pk, what: "a name"), let hash = y.string(pv, what: "a hash") else { continue }
                    if target == 0 { entry.settings[name] = hash } else { entry.files[name] = hash }
                }
            }
            record.visits[id] = entry
        }
        return record
    }

    /// The record in `text` when `text` is exactly what `serialized()` writes for it, read
    /// line by line on its bytes; nil for anything else, which the YAML reader then reads.
    ///
    /// `publish` writes the record, and reading a large one through YAML was a large part of
    /// a build that reuses every page. Only printable ASCII is taken, names plain
    /// (letters, digits, `-`, `_`, `.`) or in double quotes with no quote or backslash inside,
    /// and hashes of hex digits, so the YAML reader would read the same text to the same
    /// record. The layout must be `serialized()`'s to the byte: its header, two-space and
    /// six-space indents, every name in order (so none twice), quotes exactly where it puts
    /// them, and no mapping empty. Anything else (a comment moved, keys reordered, a key
    /// twice) goes to the YAML reader as before.
    static func canonical(_ text: String) -> PublishRecord? {
        var text = text
        return text.withUTF8 { CanonicalReader(bytes: $0)?.record }
    }

    /// The line reader behind `canonical`.
    private struct CanonicalReader {
        static let header = Array(PublishRecord().serialized().utf8.dropLast("visits: {}\n".utf8.count))
        let bytes: UnsafeBufferPointer<UInt8>
        var record = PublishRecord()

        init?(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            guard bytes.allSatisfy({ ($0 >= 0x20 && $0 <= 0x7E) || $0 == 0x0A }),
                  bytes.starts(with: Self.header) else { return nil }
            var lines: [Range<Int>] = []
            var start = Self.header.count
            for i in start..<bytes.count where bytes[i] == 0x0A {
                lines.append(start..<i)
                start = i + 1
            }
            guard start == bytes.count, let first = lines.first else { return nil }   // ends with a line end
            // libyaml refuses a key of more than 1,024 characters: such a line is left to it.
            guard lines.allSatisfy({ $0.count <= 1000 }) else { return nil }
            if text(first) == "visits: {}" { if lines.count == 1 { return } else { return nil } }
            // `serialized()` writes no visits as `visits: {}`.
            guard text(first) == "visits:", lines.count > 1 else { return nil }
            var i = 1
            var lastID: String?
            while i < lines.count {
                guard let id = entryID(lines[i]), lastID.map({ $0 < id }) ?? true else { return nil }
                lastID = id
                guard i + 1 < lines.count, text(lines[i + 1]) == "    settings:" else { return nil }
                i += 2
                guard let settings = pairs(lines, from: &i, quoted: { $0.hasPrefix("statistics:") }) else { return nil }
                guard i < lines.count, text(lines[i]) == "    files:" else { return nil }
                i += 1
                guard let files = pairs(lines, from: &i, quoted: { _ in true }) else { return nil }
                record.visits[id] = Entry(settings: settings, files: files)
            }
        }

        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }

        static func alphanumeric(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
        }

        /// A plain name: a letter or digit, then letters, digits, `-`, `_`, `.`.
        func plain(_ r: Range<Int>) -> Bool {
            guard !r.isEmpty, Self.alphanumeric(bytes[r.lowerBound]) else { return false }
            return r.allSatisfy { Self.alphanumeric(bytes[$0]) || bytes[$0] == UInt8(ascii: "-") || bytes[$0] == UInt8(ascii: "_") || bytes[$0] == UInt8(ascii: ".") }
        }

        /// `  <id>:`
        func entryID(_ r: Range<Int>) -> String? {
            guard r.count > 3, bytes[r.lowerBound] == 0x20, bytes[r.lowerBound + 1] == 0x20, bytes[r.upperBound - 1] == UInt8(ascii: ":") else { return nil }
            let id = (r.lowerBound + 2)..<(r.upperBound - 1)
            return plain(id) ? text(id) : nil
        }

        /// One or more `      <name>: <hex>` lines from `i`, names in order, each quoted when
        /// `quoted` says `serialized()` quotes it.
        func pairs(_ lines: [Range<Int>], from i: inout Int, quoted: (String) -> Bool) -> [String: String]? {
            var out: [String: String] = [:]
            var last: String?
            while i < lines.count {
                let r = lines[i]
                guard r.count > 6, (r.lowerBound..<(r.lowerBound + 6)).allSatisfy({ bytes[$0] == 0x20 }) else { break }
                var k = r.lowerBound + 6
                let name: String
                if bytes[k] == UInt8(ascii: "\"") {
                    k += 1
                    let start = k
                    while k < r.upperBound, bytes[k] != UInt8(ascii: "\""), bytes[k] != UInt8(ascii: "\\") { k += 1 }
                    guard k < r.upperBound, bytes[k] == UInt8(ascii: "\"") else { return nil }
                    name = text(start..<k)
                    guard quoted(name) else { return nil }
                    k += 1
                } else {
                    let start = k
                    while k < r.upperBound, bytes[k] != UInt8(ascii: ":") { k += 1 }
                    guard plain(start..<k) else { return nil }
                    name = text(start..<k)
                    guard !quoted(name) else { return nil }
                }
                guard k + 2 < r.upperBound, bytes[k] == UInt8(ascii: ":"), bytes[k + 1] == 0x20 else { return nil }
                let value = (k + 2)..<r.upperBound
                guard value.allSatisfy({ (bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9")) || (bytes[$0] >= UInt8(ascii: "a") && bytes[$0] <= UInt8(ascii: "f")) }),
                      last.map({ $0 < name }) ?? true else { return nil }
                last = name
                out[name] = text(value)
                i += 1
            }
            return out.isEmpty ? nil : out
        }
    }

    // MARK: Checking

    /// Every difference between the record and the content: files changed, added or removed,
    /// settings changed, whole visits deleted. Also warns about visits marked published that
    /// have no record yet.
    /// `files` is `filesOfEveryVisit(in: tree)`, when the caller has it already.
    public func verify(tree: SourceTree, site: Site?, visits loaded: [Visit],
                       files: [String: [String: String]]? = nil) -> [Diagnostic] {
        let current = files ?? PublishRecord.filesOfEveryVisit(in: tree)
        // By id, so each recorded visit is found at once (a search of the list for each
        // took time in the square of the visits).
        let byID = Dictionary(loaded.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var out: [Diagnostic] = []
        let reopen = "; if the change is intended, run 'scorecard reopen"
        for (id, entry) in visits.sorted(by: { $0.key < $1.key }) {
            let folder = "content/visits/\(id)"
            guard tree.isFolder(folder) else {
                out.append(.error("the published visit '\(id)' has been deleted; restore the folder from version control\(reopen) \(id)' to remove it from the record",
                                  at: SourceLocation(path: folder)))
                continue
            }
            let now = current[id] ?? [:]
            for (file, hash) in entry.files.sorted(by: { $0.key < $1.key }) {
                let path = "\(folder)/\(file)"
                guard let current = now[file] else {
                    out.append(.error("this file of the published visit '\(id)' has been removed\(reopen) \(id)' first", at: SourceLocation(path: path)))
                    continue
                }
                if current != hash {
                    out.append(.error("this file of the published visit '\(id)' has changed since it was published; put a correction in a later visit\(reopen) \(id)'", at: SourceLocation(path: path)))
                }
            }
            for file in now.keys.sorted() where entry.files[file] == nil {
                out.append(.error("this file was added to the published visit '\(id)' after it was published\(reopen) \(id)' first", at: SourceLocation(path: "\(folder)/\(file)")))
            }
            if let site, let visit = byID[id] {
                let settings = PublishRecord.settings(for: visit, site: site)
                    .merging(PublishRecord.statisticsSettings(recordedIn: entry, site: site, tree: tree)) { a, _ in a }
                for (name, hash) in entry.settings.sorted(by: { $0.key < $1.key }) where settings[name] != hash {
                    if name.hasPrefix("statistics:") {
                        let file = "content/statistics/\(name.dropFirst("statistics:".count))"
                        out.append(.error("this statistics file, used by the published visit '\(id)', has changed since it was published; keep it as it was and add a new release under a new name for later visits to name in published: file\(reopen) \(id)'",
                                          at: SourceLocation(path: file)))
                        continue
                    }
                    if name == "statistical-neighbours" {
                        out.append(.error("authority-code or statistical-neighbours, used by the published visit '\(id)', changed since it was published\(reopen) \(id)'",
                                          at: SourceLocation(path: "site.yaml")))
                        continue
                    }
                    let words = name.replacingOccurrences(of: "-", with: " ")
                    out.append(.error("the \(words) in force for the published visit '\(id)' changed since it was published; keep the old value in content/visits/\(id)/visit.yaml\(reopen) \(id)'",
                                      at: SourceLocation(path: "site.yaml")))
                }
            }
        }
        for visit in loaded where visit.status == .published && visits[visit.id] == nil {
            out.append(.warning("visit '\(visit.id)' is marked published but has no publish record, so changes to it are not caught; run 'scorecard publish \(visit.id)'",
                                at: visit.location))
        }
        return out
    }
}
