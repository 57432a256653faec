import Foundation
import ScorecardCore

/// Reads the official statistics in `content/statistics/` that indicators name with
/// `published:`, and hands each visit the series its indicators use.
enum StatisticsLoader {
    static let folder = "content/statistics"

    /// One indicator's `published:` at one visit.
    struct Request {
        var visit: Int
        var definition: IndicatorDefinition
        var measure: PublishedMeasure
    }

    /// Checks `content/statistics/`, reads every file some visit's indicators use (each once)
    /// and attaches the statistics to the visits.
    static func attach(to visits: inout [Visit], tree: SourceTree, settings: SiteFile, _ diags: inout [Diagnostic]) {
        for name in tree.children(of: folder) where !ContentLoader.isHidden(name) {
            let path = "\(folder)/\(name)"
            if name.hasSuffix(".csv"), tree.file(path) != nil { continue }
            ContentLoader.unexpected(path, tree: tree, expected: "content/statistics/ holds the open-data .csv files as downloaded",
                                     names: [], &diags)
        }
        var requests: [Request] = []
        for (v, visit) in visits.enumerated() {
            for card in visit.scorecards {
                for def in card.indicators {
                    if let m = def.published { requests.append(Request(visit: v, definition: def, measure: m)) }
                }
            }
        }
        guard !requests.isEmpty, let site = settings.site else { return }
        guard let authority = site.authorityCode else {
            if settings.codeLocations.isEmpty {   // not merely misspelt or in error
                for r in requests {
                    diags.append(.error("published needs authority-code in site.yaml: the authority's code in the statistics (new_la_code), such as E08000032", at: r.measure.location))
                }
            }
            return
        }
        let available = tree.children(of: folder).filter { $0.hasSuffix(".csv") && tree.file("\(folder)/\($0)") != nil }
        let byFile = Dictionary(grouping: requests, by: \.measure.file)
        for file in byFile.keys.sorted() {
            let group = byFile[file]!
            let path = "\(folder)/\(file)"
            guard let bytes = tree.file(path) else {
                let hint = Suggestion.hint(for: file, in: available,
                                           otherwise: available.isEmpty ? "put the downloaded file in content/statistics/"
                                               : "the folder holds \(Suggestion.alternatives(available))")
                for r in group {
                    diags.append(.error("no file '\(file)' in content/statistics/\(hint)", at: r.measure.fileLocation))
                }
                continue
            }
            var reader = StatisticsFile(path: path, authority: authority, neighbours: site.statisticalNeighbours)
            let read = reader.read(bytes, requests: group)
            diags += reader.diagnostics
            for code in [authority] + site.statisticalNeighbours where reader.headerRead && !reader.authorityCodes.contains(code) {
                let what = code == authority ? "authority-code" : "statistical neighbour"
                diags.append(.error("\(what) \(code) is not in \(path): no Local authority row has it in new_la_code",
                                    at: settings.codeLocations[code] ?? SourceLocation(path: "site.yaml")))
            }
            for r in group {
                guard let statistics = read[r.measure.key] else { continue }
                visits[r.visit].statistics[r.measure.key] = statistics
                let written = Set(r.definition.comparators.map(\.id))
                for c in Statistics.comparatorIDs where !c.handWritten.isDisjoint(with: written) {
                    let name = written.intersection(c.handWritten).sorted().joined(separator: "', '")
                    diags.append(.warning("comparator '\(name)' is written by hand in comparators and also published in \(path) (measure \(r.measure.measure)); the hand-written value is shown and the published \(c.id) series is not",
                                          at: r.measure.location))
                }
            }
        }
    }
}

/// One pass over one open-data file, collecting the series of every measure asked of it.
struct StatisticsFile {
    let path: String
    let authority: String
    let neighbours: [String]
    private(set) var diagnostics: [Diagnostic] = []
    /// Every code in `new_la_code` on a `Local authority` row, whatever the filters.
    private(set) var authorityCodes: Set<String> = []
    /// True once the header had the columns every file needs.
    private(set) var headerRead = false

    static let required = ["time_period", "time_identifier", "geographic_level"]
    static let levels = ["National", "Regional", "Local authority"]
    /// At most this many errors of one kind per file; then a count of the rest.
    static let limit = 5

    init(path: String, authority: String, neighbours: [String]) {
        self.path = path
        self.authority = authority
        self.neighbours = neighbours
    }

    /// One measure with its columns found in the header.
    private struct Wanted {
        var measure: PublishedMeasure
        var column: Int
        var filters: [(column: Int, value: String)]
        /// (level letter, code, period) → line of the row.
        var seen: [String: [Period: Int]] = [:]
        var national: PublishedSeries = [:]
        var regions: [String: PublishedSeries] = [:]
        var regionNames: [String: String] = [:]
        var authorities: [String: PublishedSeries] = [:]
        var authorityRegion: String?
        var duplicates = 0
        var badCells = 0
        var firstDuplicate: [Diagnostic] = []
    }

    private mutating func error(_ message: String, line: Int? = nil, column: Int? = nil) {
        diagnostics.append(.error(message, at: SourceLocation(path: path, line: line, column: column)))
    }

    /// The statistics of each measure (by `PublishedMeasure.key`) whose columns were all found.
    mutating func read(_ bytes: [UInt8], requests: [StatisticsLoader.Request]) -> [String: PublishedStatistics] {
        if let invalid = TextDecoding.problem(in: bytes, path: path) { diagnostics.append(invalid); return [:] }
        var scanner = CSVScanner(bytes: bytes, start: TextDecoding.bomLength(bytes), path: path)
        guard let (headerRecord, headerOK) = scanner.nextRecord() else {
            error("file is empty; expected an open-data file whose header starts time_period,time_identifier,geographic_level")
            return [:]
        }
        guard headerOK else { diagnostics += scanner.diagnostics; return [:] }
        let header = headerRecord.fields.map(\.text)
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        let missing = Self.required.filter { index[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            error("the header has no \(names); an Explore Education Statistics open-data file starts time_period,time_identifier,geographic_level and has the geography columns (new_la_code, region_code, …)", line: headerRecord.line, column: 1)
            return [:]
        }
        headerRead = true
        let periodColumn = index["time_period"]!, identifierColumn = index["time_identifier"]!
        let levelColumn = index["geographic_level"]!
        let laColumn = index["new_la_code"], regionColumn = index["region_code"]
        let regionNameColumn = index["region_name"], countryColumn = index["country_code"]

        // Each distinct measure once; columns checked at every place that names them.
        var wanted: [Wanted] = []
        var filterColumns = Set<Int>()
        for r in requests where !wanted.contains(where: { $0.measure.key == r.measure.key }) {
            let m = r.measure
            var ok = true
            var measureColumn = 0
            if let c = index[m.measure] { measureColumn = c } else { ok = false }
            var filters: [(Int, String)] = []
            for f in m.filters {
                if let c = index[f.column] { filters.append((c, f.value)); filterColumns.insert(c) } else { ok = false }
            }
            if ok { wanted.append(Wanted(measure: m, column: measureColumn, filters: filters)) }
        }
        for r in requests {
            let m = r.measure
            if index[m.measure] == nil {
                diagnostics.append(.error("\(path) has no column '\(m.measure)'\(Suggestion.hint(for: m.measure, in: header, otherwise: "measure names one of its indicator columns"))", at: m.measureLocation))
            }
            for f in m.filters where index[f.column] == nil {
                diagnostics.append(.error("\(path) has no filter column '\(f.column)'\(Suggestion.hint(for: f.column, in: header, otherwise: "filters name its filter columns"))", at: f.columnLocation))
            }
        }

        var filterValues: [Int: Set<String>] = [:]
        var periods: [String: Period?] = [:]
        var badPeriods = 0
        var countErrors = 0
        let width = header.count
        while let (record, wellFormed) = scanner.nextRecord() {
            guard wellFormed else { continue }
            let fields = record.fields
            guard fields.count == width else {
                countErrors += 1
                if countErrors <= Self.limit {
                    error("expected \(width) fields as in the header, found \(fields.count)", line: record.line, column: 1)
                }
                continue
            }
            let level = fields[levelColumn].text
            guard Self.levels.contains(level) else { continue }
            if level == "Local authority", let laColumn { authorityCodes.insert(fields[laColumn].text) }
            for c in filterColumns { filterValues[c, default: []].insert(fields[c].text) }
            var periodDone = false
            var period: Period?
            for w in wanted.indices {
                guard wanted[w].filters.allSatisfy({ fields[$0.column].text == $0.value }) else { continue }
                if !periodDone {
                    periodDone = true
                    let tp = fields[periodColumn].text, ti = fields[identifierColumn].text
                    let key = tp + "\u{1F}" + ti
                    if let known = periods[key] {
                        period = known
                    } else {
                        period = Period.statistics(timePeriod: tp, identifier: ti)
                        periods[key] = period
                        if period == nil {
                            badPeriods += 1
                            if badPeriods <= Self.limit {
                                let f = fields[periodColumn]
                                error("cannot read the time period '\(tp)' with time_identifier '\(ti)'; scorecard reads YYYY with Calendar year or Reporting year (or a month name), and YYYYZZ such as 201920 with Financial year, Financial year Q1 to Q4 or Academic year", line: f.line, column: f.column)
                            }
                        }
                    }
                }
                guard let period else { break }
                collect(fields, line: record.line, period: period, level: level, into: &wanted[w],
                        laColumn: laColumn, regionColumn: regionColumn, regionNameColumn: regionNameColumn,
                        countryColumn: countryColumn)
            }
        }
        diagnostics += scanner.diagnostics
        if countErrors > Self.limit { error("\(countErrors - Self.limit) more rows have a different number of fields from the header") }
        if badPeriods > Self.limit { error("\(badPeriods - Self.limit) more time periods cannot be read") }

        // Filter values that never occur, at every place that names them.
        for r in requests {
            for f in r.measure.filters {
                guard let c = index[f.column], let values = filterValues[c], !values.contains(f.value) else { continue }
                let all = values.sorted()
                let list = all.count <= 8 ? "it holds \(Suggestion.alternatives(all.map { "'\($0)'" }))" : "it holds \(all.count) different values"
                diagnostics.append(.error("no row of \(path) has '\(f.value)' in \(f.column)\(Suggestion.hint(for: f.value, in: all, otherwise: list))",
                                          at: f.valueLocation))
            }
        }

        var out: [String: PublishedStatistics] = [:]
        for w in wanted {
            diagnostics += w.firstDuplicate
            if w.duplicates > Self.limit {
                error("\(w.duplicates - Self.limit) more rows repeat a geography and period for measure \(w.measure.measure)")
            }
            if w.badCells > Self.limit {
                error("\(w.badCells - Self.limit) more cells of \(w.measure.measure) are neither numbers nor symbols")
            }
            var all: [Period: [Decimal]] = [:]
            for (_, series) in w.authorities {
                for (p, cell) in series { if let v = cell.value { all[p, default: []].append(v) } }
            }
            for p in all.keys { all[p]!.sort() }   // the same order on every run
            let region = w.authorityRegion
            out[w.measure.key] = PublishedStatistics(
                measure: w.measure, authority: w.authorities[authority] ?? [:], england: w.national,
                region: region.flatMap { w.regions[$0] } ?? [:], regionName: region.flatMap { w.regionNames[$0] },
                neighbours: neighbours.map { ($0, w.authorities[$0] ?? [:]) }, allAuthorities: all)
        }
        return out
    }

    /// Files one matching row under its geography, checking it is the only one there.
    private mutating func collect(_ fields: [CSVField], line: Int, period: Period, level: String, into w: inout Wanted,
                                  laColumn: Int?, regionColumn: Int?, regionNameColumn: Int?, countryColumn: Int?) {
        let code: String
        switch level {
        case "National": code = countryColumn.map { fields[$0].text } ?? ""
        case "Regional": code = regionColumn.map { fields[$0].text } ?? ""
        default: code = laColumn.map { fields[$0].text } ?? ""
        }
        let geography = String(level.prefix(1)) + code
        if let first = w.seen[geography]?[period] {
            w.duplicates += 1
            if w.duplicates <= Self.limit {
                let name = level == "National" ? "England" : code
                w.firstDuplicate.append(.error("a second \(level) row for \(name), \(period.label), for measure \(w.measure.measure) with the filters given (the first is at line \(first)); add a filter in published: filters so that one row is left for each geography and period",
                                               at: SourceLocation(path: path, line: line, column: 1)))
            }
            return
        }
        w.seen[geography, default: [:]][period] = line
        let f = fields[w.column]
        let cell: PublishedCell
        if PublishedCell.symbols.contains(f.text) {
            cell = .symbol(f.text)
        } else if f.text.isEmpty {
            return
        } else if DecimalNumber.isPlainDecimal(f.text), let v = DecimalNumber.parse(f.text) {
            cell = .value(v)
        } else {
            w.badCells += 1
            if w.badCells <= Self.limit {
                diagnostics.append(.error("'\(f.text)' in \(w.measure.measure) is neither a number nor one of the symbols c, x, z, low, u",
                                          at: SourceLocation(path: path, line: f.line, column: f.column)))
            }
            return
        }
        switch level {
        case "National": w.national[period] = cell
        case "Regional":
            w.regions[code, default: [:]][period] = cell
            if let regionNameColumn { w.regionNames[code] = fields[regionNameColumn].text }
        default:
            w.authorities[code, default: [:]][period] = cell
            if code == authority, w.authorityRegion == nil, let regionColumn { w.authorityRegion = fields[regionColumn].text }
        }
    }
}
