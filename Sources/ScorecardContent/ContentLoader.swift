import Foundation
import ScorecardCore
import ScorecardMarkdown

/// Everything read from a site: settings, visits and every problem found on the way.
public struct LoadedContent: Sendable {
    public var site: Site?
    /// Every visit that could be read, drafts included, in display order.
    public var visits: [Visit]
    public var diagnostics: [Diagnostic]
    /// Visits some of whose indicator ids may be missing, because a scorecard.yaml (or a
    /// scorecard folder) could not be read in full: a reference to an id they do not define
    /// may only follow from that error, so it is not reported as unknown.
    public var visitsWithUncertainIDs: Set<String> = []
    /// Where site.yaml names the theme (its `theme:` value), or just site.yaml when it does not.
    public var themeLocation = SourceLocation(path: "site.yaml")
    /// The visits read only as far as `visit.yaml` and their scorecard folders' names (see
    /// `ContentLoader.load(_:select:)`): their scorecards have no indicators or rows, and
    /// their files gave no diagnostics.
    public var headerOnly: Set<String> = []
    /// When the loader was asked not to keep the rows (`keepRows: false`), what reads them
    /// again, one visit at a time: the visits read whole then have every scorecard's
    /// definitions, narrative and statistics, but no observations.
    public var rows: RowReader?
}

/// Reads the rows of a visit again, from the files the loader checked them in, for a build
/// that makes its pages a few visits at a time: the rows of every visit are then never all in
/// memory at once, only the CSV files' bytes. The files were checked when the content was
/// loaded, so reading them again reports nothing, and it finds the same rows: what the rows
/// depend on (the definitions kept, the population, the files and their order) is what the
/// loader used, and a row left out for an error (an id rejected or used twice, an odd period
/// form) is left out again by the same error.
public struct RowReader: Sendable {
    /// The CSV files of the visits read whole.
    let tree: SourceTree
    let settings: SiteFile
    /// The visits whose visit.yaml gave a population that could not be read: as when first
    /// read, no rate of theirs is worked out from a population.
    let populationUnknown: Set<String>
    /// The scorecards (`visit-id/scorecard-id`) whose files the loader accepted whole, every
    /// row and no error: they are read again without the checks that only find errors.
    var accepted: Set<String> = []

    /// The visit with the observations of each of its scorecards read again. The rows are
    /// read against what the loader made of the visit (its definitions and population), so
    /// visit.yaml and scorecard.yaml are not parsed again.
    public func withRows(_ visit: Visit) -> Visit {
        let folder = "content/visits/\(visit.id)"
        let population = ContentLoader.population(of: visit, settings: settings, unknown: populationUnknown.contains(visit.id))
        var owner: [String: String] = [:]
        for card in visit.scorecards {
            for def in card.indicators where owner[def.id] == nil { owner[def.id] = card.id }
        }
        var out = visit
        for i in out.scorecards.indices {
            let card = out.scorecards[i].id
            let cardFolder = "\(folder)/\(card)"
            var loader = ObservationLoader(definitions: out.scorecards[i].indicators, otherScorecards: owner.filter { $0.value != card },
                                           population: population, populationSource: "")
            loader.trusted = accepted.contains("\(visit.id)/\(card)")
            for name in tree.children(of: cardFolder) where !ContentLoader.isHidden(name) && name.hasSuffix(".csv") {
                let path = "\(cardFolder)/\(name)"
                if let bytes = tree.file(path) { loader.read(bytes, path: path) }
            }
            if !loader.trusted { loader.finish() }
            out.scorecards[i].observations = ContentLoader.inFileOrder(loader.observations)
        }
        return out
    }
}

/// What a caller of `ContentLoader.load(_:select:keepRows:hooks:)` is told of each visit read
/// whole while its rows are at hand, so that it can use them before they are dropped: a build
/// makes a visit's pages then, rather than reading its rows a second time.
public struct VisitHooks: Sendable {
    /// Whether the caller wants the visit with its rows (asked once the outline has been
    /// through `select`). Only these visits are passed to `started` and `finished`.
    public var wanted: @Sendable (String) -> Bool
    /// Called on the reading thread as the visit's folder starts to be read.
    public var started: @Sendable (String) -> Void
    /// Called on the same thread once the visit has been read and checked: the visit with
    /// its rows, or nil when it could not be read or any of its files has an error. Every
    /// `started` visit is finished, whatever happens.
    public var finished: @Sendable (String, Visit?) -> Void

    public init(wanted: @escaping @Sendable (String) -> Bool, started: @escaping @Sendable (String) -> Void,
                finished: @escaping @Sendable (String, Visit?) -> Void) {
        self.wanted = wanted
        self.started = started
        self.finished = finished
    }
}

/// What `ContentLoader.load(_:select:)` knows before it reads the visits' data: enough to
/// choose which visits to read whole.
public struct ContentOutline: Sendable {
    public var site: Site?
    /// Every visit that could be read, as far as `visit.yaml` and its scorecard folders.
    public var visits: [Visit]
    /// The publish record.
    public var record: PublishRecord
    /// Published visits whose files or settings differ from the record (an error is
    /// reported for each).
    public var changedSincePublished: Set<String>
    /// Every visit folder's files as they are now, hashed: visit id → path inside the folder
    /// → hash (`PublishRecord.filesOfEveryVisit`).
    public var currentFiles: [String: [String: String]]
}

/// Turns a site's files into the model, checking the layout and every file against the
/// content format.
public enum ContentLoader {
    /// The visit a path under `content/visits/<id>/` lies in, or nil for any other path.
    public static func visitID(ofContentPath path: String) -> String? {
        let prefix = "content/visits/"
        guard path.hasPrefix(prefix) else { return nil }
        let id = path.dropFirst(prefix.count).prefix { $0 != "/" }
        return id.isEmpty ? nil : String(id)
    }

    /// Files whose names start with `.` are ignored everywhere inside `content/`.
    static func isHidden(_ name: String) -> Bool { name.hasPrefix(".") }

    /// Files under `content/` that the project itself writes and reads (publishing records).
    public static let reservedContentFiles: Set<String> = ["published.yaml"]

    /// Reads the whole site.
    public static func load(_ tree: SourceTree) -> LoadedContent {
        load(tree, select: nil)
    }

    /// Reads the site, but reads whole only the visits that `select` names once it has seen
    /// the outline (settings, every `visit.yaml`, the publish record); the others are read
    /// only as far as their `visit.yaml` (see `LoadedContent.headerOnly`). The publish record
    /// is checked for every visit either way. With no `select`, every visit is read whole.
    ///
    /// With `keepRows` false, the visits read whole come without their observations, and
    /// `LoadedContent.rows` reads them again a visit at a time: every row is still read and
    /// checked here, and every diagnostic reported, but the rows are dropped once their visit
    /// has been checked.
    ///
    /// With `hooks`, each visit they want is handed to them with its rows as soon as it has
    /// been read and checked (on the thread that read it), and only then dropped.
    public static func load(_ tree: SourceTree, select: ((ContentOutline) -> Set<String>)?, keepRows: Bool = true,
                            hooks: VisitHooks? = nil) -> LoadedContent {
        var diags: [Diagnostic] = []
        var settings = SiteFile.unknown
        if let bytes = tree.file("site.yaml") {
            if let text = decode(bytes, "site.yaml", &diags) {
                settings = SiteFileLoader.load(text, path: "site.yaml", diagnostics: &diags)
            }
        } else if let entry = tree.entries["site.yaml"] {
            let what = entry == .folder ? "a folder" : entry == .symlink ? "a symbolic link to nothing that can be read"
                : "not a regular file (it is a pipe, socket or device)"
            diags.append(.error("site.yaml is \(what); it must be a text file with the site's settings", at: SourceLocation(path: "site.yaml")))
        } else {
            diags.append(.error("missing site.yaml; a site folder needs site.yaml beside content/", at: SourceLocation(path: "site.yaml")))
        }

        let site = settings.site
        var visits: [Visit] = []
        var ids: [String] = []
        var uncertain: Set<String> = []
        if !tree.isFolder("content") {
            switch tree.entries["content"] {
            case .symlink?:
                diags.append(.error("content is a symbolic link; links are not followed, so move the folder itself here", at: SourceLocation(path: "content")))
            case .file?, .other?:
                diags.append(.error("content must be a folder, not a file; visits go in content/visits/<visit-id>/", at: SourceLocation(path: "content")))
            default:
                diags.append(.error("missing folder content/; visits go in content/visits/<visit-id>/", at: SourceLocation(path: "content")))
            }
        } else {
            for name in tree.children(of: "content") where !isHidden(name) {
                let path = "content/\(name)"
                if (name == "visits" || name == "statistics") && tree.isFolder(path) { continue }
                if reservedContentFiles.contains(name), tree.file(path) != nil { continue }
                unexpected(path, tree: tree, expected: "content/ holds the visits/ folder (and statistics/)", names: ["visits", "statistics"], &diags)
            }
            ids = tree.children(of: "content/visits").filter { !isHidden($0) }
        }
        var record = PublishRecord()
        if let bytes = tree.file(PublishRecord.path) {
            record = PublishRecord.parse(bytes, diagnostics: &diags) ?? PublishRecord()
        }
        var whole = Set(ids)
        var headers: [String: Visit] = [:]
        if let select {
            let read = concurrentMap(ids.count) { [settings, ids] i in loadVisitFolder(ids[i], tree: tree, settings: settings, headerOnly: true) }
            for r in read { if let v = r.visit { headers[v.id] = v } }
            let headerVisits = ids.compactMap { headers[$0] }
            let files = PublishRecord.filesOfEveryVisit(in: tree)
            let verified = record.verify(tree: tree, site: site, visits: headerVisits, files: files)
            diags += verified
            let changed = Set(verified.filter(\.isError).compactMap { visitID(ofContentPath: $0.location.path) })
            whole = select(ContentOutline(site: site, visits: Visit.ordered(headerVisits), record: record,
                                          changedSincePublished: changed, currentFiles: files))
        }
        // Each visit folder is read and checked on its own: on every core, and then
        // gathered in folder order, so the visits and diagnostics come out as before.
        let wanted = ids.filter { whole.contains($0) || headers[$0] == nil }
        // The warnings that need a visit's rows are worked out with the visit, so that its
        // rows can be dropped at once when they are not kept.
        let read = concurrentMap(wanted.count) { [settings] i in
            let hooked = hooks.map { $0.wanted(wanted[i]) ? $0 : nil } ?? nil
            hooked?.started(wanted[i])
            // A visit handed to the hooks is read as a visit whose rows are kept, ratios and all.
            var r = loadVisitFolder(wanted[i], tree: tree, settings: settings, figuresWanted: keepRows || hooked != nil)
            if let visit = r.visit {
                if let site = settings.site { visitWarnings(visit, site: site, quiet: r.quiet, &r.diagnostics) }
                hooked?.finished(wanted[i], r.diagnostics.hasErrors ? nil : visit)
                if !keepRows { r.visit = visit.withoutRows }
            } else {
                hooked?.finished(wanted[i], nil)
            }
            return r
        }
        var full: [Visit] = []
        var populationUnknown: Set<String> = []
        var accepted: Set<String> = []
        for (id, r) in zip(wanted, read) {
            for card in r.acceptedCards { accepted.insert("\(id)/\(card)") }
            if r.uncertainIDs { uncertain.insert(id) }
            if r.populationUnknown { populationUnknown.insert(id) }
            diags += r.diagnostics
            if let visit = r.visit { full.append(visit) }
        }
        StatisticsLoader.attach(to: &full, tree: tree, settings: settings, &diags)
        let fullIDs = Set(full.map(\.id))
        let outline = ids.compactMap { id in fullIDs.contains(id) ? nil : headers[id] }
        visits = full + outline
        if select == nil { diags += record.verify(tree: tree, site: site, visits: visits) }
        var content = LoadedContent(site: site, visits: Visit.ordered(visits), diagnostics: diags.normalized(),
                                    headerOnly: Set(outline.map(\.id)))
        if let at = settings.themeLocation { content.themeLocation = at }
        content.visitsWithUncertainIDs = uncertain
        if !keepRows {
            // The reader keeps only the CSV files of the visits read whole, not the whole tree.
            let csv = tree.entries.filter { path, entry in
                guard case .file = entry, path.hasSuffix(".csv"), let id = visitID(ofContentPath: path) else { return false }
                return fullIDs.contains(id)
            }
            content.rows = RowReader(tree: SourceTree(entries: csv), settings: settings, populationUnknown: populationUnknown,
                                     accepted: accepted)
        }
        return content
    }

    static func decode(_ bytes: [UInt8], _ path: String, _ diags: inout [Diagnostic]) -> String? {
        switch TextDecoding.decode(bytes, path: path) {
        case .success(let text): return text
        case .failure(let d): diags.append(d); return nil
        }
    }

    static func unexpected(_ path: String, tree: SourceTree, expected: String, names: [String], _ diags: inout [Diagnostic]) {
        let name = String(path.split(separator: "/").last ?? "")
        let kind: String
        switch tree.entries[path] {
        case .symlink:
            diags.append(.error("symbolic links are not allowed in content/; copy the file or folder here instead", at: SourceLocation(path: path)))
            return
        case .other:
            diags.append(.error("'\(name)' is not a regular file (it is a pipe, socket or device); remove it, or put a file in its place", at: SourceLocation(path: path)))
            return
        case .folder: kind = "folder"
        default: kind = "file"
        }
        if names.contains(name) {   // the right name for the other kind of entry
            let right = kind == "folder" ? "file" : "folder"
            diags.append(.error("'\(name)' must be a \(right), not a \(kind)", at: SourceLocation(path: path)))
            return
        }
        let hint = Suggestion.hint(for: name, in: names, otherwise: expected)
        diags.append(.error("unexpected \(kind) '\(name)'\(hint)", at: SourceLocation(path: path)))
    }

    /// Reads the entry `id` of `content/visits/`, which should be a visit folder.
    static func loadVisitFolder(_ id: String, tree: SourceTree, settings: SiteFile, headerOnly: Bool = false, figuresWanted: Bool = true)
        -> (visit: Visit?, quiet: [String: Set<String>], uncertainIDs: Bool, populationUnknown: Bool, acceptedCards: [String],
            diagnostics: [Diagnostic]) {
        var diags: [Diagnostic] = []
        var quiet: [String: Set<String>] = [:]
        let path = "content/visits/\(id)"
        guard tree.isFolder(path) else {
            unexpected(path, tree: tree, expected: "content/visits/ holds one folder per visit", names: [], &diags)
            return (nil, quiet, false, false, [], diags)
        }
        if let problem = Identifier.problem(with: id, kind: "visit id") {
            diags.append(.error(problem + " (it is the folder name)", at: SourceLocation(path: path)))
            return (nil, quiet, false, false, [], diags)
        }
        var uncertain = false
        var populationUnknown = false
        var accepted: [String] = []
        let visit = loadVisit(id: id, tree: tree, settings: settings, headerOnly: headerOnly, figuresWanted: figuresWanted, quiet: &quiet,
                              uncertainIDs: &uncertain, populationUnknown: &populationUnknown, acceptedCards: &accepted, &diags)
        return (visit, quiet, uncertain, populationUnknown, accepted, diags)
    }

    /// Reads one visit folder. `quiet` collects, under `visit-id/scorecard-id`, the indicators
    /// whose lack of data would merely follow from an error already reported. `uncertainIDs`
    /// is set when an indicator id of the visit may be missing: a scorecard folder that is not
    /// read (not listed in site.yaml, no readable scorecard.yaml) or a scorecard.yaml with an
    /// error. `populationUnknown` is set when visit.yaml's population could not be read, so no
    /// rate is worked out from a population. With `headerOnly`, only visit.yaml and the names
    /// of the scorecard folders are read. `acceptedCards` collects the scorecards whose
    /// scorecard.yaml and CSV files gave no error and every one of whose rows was taken (see
    /// `RowReader`). With `figuresWanted` false the rows are only checked (see
    /// `ObservationLoader.figuresWanted`).
    static func loadVisit(id: String, tree: SourceTree, settings: SiteFile, headerOnly: Bool = false, figuresWanted: Bool = true,
                          quiet: inout [String: Set<String>], uncertainIDs: inout Bool, populationUnknown: inout Bool,
                          acceptedCards: inout [String], _ diags: inout [Diagnostic]) -> Visit? {
        let folder = "content/visits/\(id)"
        let yamlPath = "\(folder)/visit.yaml"
        var read: Visit?
        if let bytes = tree.file(yamlPath) {
            if let text = decode(bytes, yamlPath, &diags) {
                read = VisitFileLoader.load(text, id: id, path: yamlPath, diagnostics: &diags, populationUnknown: &populationUnknown)
            }
        } else if tree.entries[yamlPath] != nil {   // a link, folder or device: say so, not "missing"
            unexpected(yamlPath, tree: tree, expected: "visit.yaml must be a file", names: ["visit.yaml"], &diags)
        } else {
            diags.append(.error("missing visit.yaml; every visit folder needs one with title, date and data-as-of", at: SourceLocation(path: yamlPath)))
        }
        // Without a readable visit.yaml the visit is left out, but its folder is still checked
        // so that every problem comes out in one run; only its population is unknown.
        let usable = read != nil
        if !usable { populationUnknown = true }
        let epoch = CivilDate(dayNumber: 0)
        var visit = read ?? Visit(id: id, title: id, date: epoch, dataAsOf: epoch, location: SourceLocation(path: yamlPath))

        let listed = settings.listed?.map(\.id) ?? []
        var cardFolders: [String] = []
        for name in tree.children(of: folder) where !isHidden(name) {
            let path = "\(folder)/\(name)"
            switch name {
            case "visit.yaml": continue
            case "overview.md":
                if tree.file(path) != nil {
                    if !headerOnly { visit.overview = loadNarrative(path, tree: tree, &diags) }
                    continue
                }
            default:
                if tree.isFolder(path) {
                    if settings.listed == nil || listed.contains(name) || settings.rejectedIDs.contains(name) {
                        cardFolders.append(name)
                        continue
                    }
                    uncertainIDs = true
                    let hint = Suggestion.hint(for: name, in: listed, otherwise: "add it to scorecards in site.yaml or rename the folder")
                    diags.append(.error("scorecard folder '\(name)' is not listed in site.yaml\(hint)", at: SourceLocation(path: path)))
                    continue
                }
            }
            // A listed scorecard that is not a folder (a link, a file) is not read: its ids are unknown.
            if listed.contains(name) || settings.rejectedIDs.contains(name) { uncertainIDs = true }
            unexpected(path, tree: tree, expected: "a visit folder holds visit.yaml, overview.md and one folder per scorecard",
                       names: ["visit.yaml", "overview.md"] + listed, &diags)
        }
        if headerOnly {
            // Only what ordering the visits and checking the publish record need.
            guard usable else { return nil }
            visit.overview = nil
            visit.scorecards = cardFolders.compactMap { card in
                guard tree.file("\(folder)/\(card)/scorecard.yaml") != nil else { return nil }
                let title = settings.listed?.first { $0.id == card }?.title ?? card
                return Scorecard(id: card, title: title, indicators: [], observations: [], narrative: nil)
            }
            let order = listed
            visit.scorecards.sort { (order.firstIndex(of: $0.id) ?? Int.max) < (order.firstIndex(of: $1.id) ?? Int.max) }
            return visit
        }

        // Scorecard definitions first, so ids can be checked across the visit. A scorecard
        // whose scorecard.yaml cannot be read has no definitions to check its rows against;
        // its folder and CSV files are still checked on their own.
        var files: [String: ScorecardFile] = [:]
        var fileHadErrors: Set<String> = []
        for card in cardFolders {
            let path = "\(folder)/\(card)/scorecard.yaml"
            files[card] = ScorecardFile(definitions: nil)
            guard let bytes = tree.file(path) else {
                uncertainIDs = true
                // A link or anything else in its place is reported as such with the folder's files.
                if tree.entries[path] == nil {
                    diags.append(.error("missing scorecard.yaml; every scorecard folder needs one listing its indicators", at: SourceLocation(path: path)))
                }
                continue
            }
            guard let text = decode(bytes, path, &diags) else { uncertainIDs = true; continue }
            var fileDiagnostics: [Diagnostic] = []
            files[card] = ScorecardFileLoader.load(text, path: path, diagnostics: &fileDiagnostics)
            if fileDiagnostics.hasErrors { uncertainIDs = true; fileHadErrors.insert(card) }
            diags += fileDiagnostics
        }
        var owner: [String: (card: String, location: SourceLocation)] = [:]
        var duplicated: Set<String> = []
        for card in cardFolders {
            guard let defs = files[card]?.definitions else { continue }
            var kept: [IndicatorDefinition] = []
            for def in defs {
                if let other = owner[def.id] {
                    diags.append(.error("indicator id '\(def.id)' is already used in the scorecard '\(other.card)' (\(other.location.description)); ids are unique across a visit", at: def.location))
                    files[card]?.rejectedIDs.insert(def.id)
                    duplicated.insert(def.id)
                } else {
                    owner[def.id] = (card, def.location)
                    kept.append(def)
                }
            }
            files[card]?.definitions = kept
        }

        let population = Self.population(of: visit, settings: settings, unknown: populationUnknown)
        let populationSource = visit.population != nil ? "\(yamlPath) or site.yaml" : "site.yaml"
        for card in cardFolders {
            let cardFolder = "\(folder)/\(card)"
            let file = files[card] ?? ScorecardFile(definitions: nil)
            let defs = file.definitions ?? []
            var loader = ObservationLoader(definitions: file.definitions, rejectedIDs: file.rejectedIDs,
                                           rollingLocations: file.rollingLocations,
                                           otherScorecards: owner.mapValues(\.card).filter { $0.value != card },
                                           population: population, populationSource: populationSource)
            loader.figuresWanted = figuresWanted
            var narrative: Narrative?
            var csvCount = 0
            for name in tree.children(of: cardFolder) where !isHidden(name) {
                let path = "\(cardFolder)/\(name)"
                if name == "scorecard.yaml", tree.file(path) != nil { continue }
                if name == "narrative.md", tree.file(path) != nil {
                    narrative = loadNarrative(path, tree: tree, &diags)
                    continue
                }
                if name.hasSuffix(".csv"), let bytes = tree.file(path) {
                    csvCount += 1
                    loader.read(bytes, path: path)
                    continue
                }
                unexpected(path, tree: tree, expected: "a scorecard folder holds scorecard.yaml, narrative.md and *.csv files",
                           names: ["scorecard.yaml", "narrative.md"], &diags)
            }
            loader.finish()
            diags += loader.diagnostics
            guard file.definitions != nil else { continue }
            if loader.clean && file.rejectedIDs.isEmpty && !fileHadErrors.contains(card) { acceptedCards.append(card) }
            let title = settings.listed?.first { $0.id == card }?.title ?? card
            let scorecard = Scorecard(id: card, title: title, indicators: defs, observations: Self.inFileOrder(loader.observations),
                                      narrative: narrative)
            visit.scorecards.append(scorecard)
            if csvCount == 0 && !defs.isEmpty {
                diags.append(.warning("no CSV files in this scorecard folder, so none of its indicators has data", at: SourceLocation(path: cardFolder)))
            }
            if csvCount == 0 || loader.incomplete {
                quiet["\(id)/\(card)"] = Set(defs.map(\.id))
            } else {
                quiet["\(id)/\(card)"] = loader.doubtful.union(duplicated)
            }
        }
        let order = listed
        visit.scorecards.sort { (order.firstIndex(of: $0.id) ?? Int.max) < (order.firstIndex(of: $1.id) ?? Int.max) }
        return usable ? visit : nil
    }

    /// The population a visit's rates are worked out from: a year in visit.yaml replaces
    /// that year of site.yaml, other years come from site.yaml. While either cannot be read
    /// (`unknown`, or site.yaml's is nil), rates are not checked (no cascade).
    static func population(of visit: Visit, settings: SiteFile, unknown: Bool) -> [Int: Int]? {
        unknown ? nil : settings.population.map { $0.merging(visit.population ?? [:]) { _, visitYear in visitYear } }
    }

    /// A scorecard's rows in the order of its files and their lines.
    static func inFileOrder(_ rows: [Observation]) -> [Observation] {
        rows.sorted { ($0.location.path, $0.location.line ?? 0) < ($1.location.path, $1.location.line ?? 0) }
    }

    static func loadNarrative(_ path: String, tree: SourceTree, _ diags: inout [Diagnostic]) -> Narrative? {
        guard let bytes = tree.file(path), let text = decode(bytes, path, &diags) else { return nil }
        let (front, splitDiagnostics) = FrontMatter.split(text, path: path)
        diags += splitDiagnostics
        var narrative = Narrative(path: path, body: front.body, bodyFirstLine: front.bodyFirstLine)
        if let yaml = front.yaml {
            var y = YAMLReader(path: path)
            if let root = y.parse(yaml, firstLine: front.yamlFirstLine), !YAMLReader.isNull(root),
               let e = y.mapping(root, allowed: ["title", "summary"], what: "the front matter") {
                narrative.title = y.optional(e, "title").flatMap { y.nonEmptyString($0, what: "title") }
                narrative.summary = y.optional(e, "summary").flatMap { y.string($0, what: "summary") }
            }
            diags += y.diagnostics
        }
        return narrative
    }

    /// Warnings that need the whole visit: rows after the cut-off, indicators with no data,
    /// retired scorecards in a draft.
    static func visitWarnings(_ visit: Visit, site: Site, quiet: [String: Set<String>], _ diags: inout [Diagnostic]) {
        for card in visit.scorecards {
            if site.scorecards.first(where: { $0.id == card.id })?.retired == true, visit.status == .draft {
                diags.append(.warning("scorecard '\(card.id)' is retired in site.yaml but reported in this draft visit",
                                      at: SourceLocation(path: "content/visits/\(visit.id)/\(card.id)")))
            }
            var late: [String: (count: Int, first: SourceLocation)] = [:]
            for row in card.observations where row.period.end > visit.dataAsOf {
                let path = row.location.path
                if let e = late[path] { late[path] = (e.count + 1, e.first) } else { late[path] = (1, row.location) }
            }
            for (_, e) in late {
                let rows = e.count == 1 ? "1 row ends" : "\(e.count) rows end"
                diags.append(.warning("\(rows) after the data cut-off (\(visit.dataAsOf.longLabel)) and \(e.count == 1 ? "is" : "are") not shown at this visit", at: e.first))
            }
            let unsure = quiet["\(visit.id)/\(card.id)"] ?? []
            for def in card.indicators where !unsure.contains(def.id) && !card.observations.contains(where: { $0.indicator == def.id && $0.period.end <= visit.dataAsOf }) {
                diags.append(.warning("indicator '\(def.id)' has no data up to the data cut-off (\(visit.dataAsOf.longLabel)), so it shows no figures at this visit", at: def.location))
            }
        }
    }
}

extension Visit {
    /// The visit with no observations in any scorecard.
    var withoutRows: Visit {
        var v = self
        for i in v.scorecards.indices { v.scorecards[i].observations = [] }
        return v
    }
}
