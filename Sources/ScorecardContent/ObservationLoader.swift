import Foundation
import ScorecardCore

/// Reads a scorecard's CSV files into observations, checking every row against the spec.
///
/// A row with an error is reported and left out, so that nothing computed from the rows
/// produces a second diagnostic that merely follows from the first.
struct ObservationLoader {
    static let columns = ["indicator", "period", "value", "numerator", "denominator", "breakdown", "status", "note"]

    let definitions: [IndicatorDefinition]
    /// False when scorecard.yaml could not be read: no row can be checked against it.
    let definitionsKnown: Bool
    /// Ids whose definitions were rejected for an error already reported: their rows are
    /// left out without a second error.
    let rejectedIDs: Set<String>
    /// Where each indicator's `rolling` is written in scorecard.yaml.
    let rollingLocations: [String: SourceLocation]
    /// Indicator ids of the visit's other scorecards, for a clearer message.
    let otherScorecards: [String: String]
    /// Head counts by year; nil when they could not be read (an error already reported).
    let population: [Int: Int]?
    let populationSource: String
    var diagnostics: [Diagnostic] = []
    var observations: [Observation] = []
    /// Indicators with a row left out for an error: a lack of data, or a headline that differs
    /// from the remaining categories, would merely follow from it.
    private(set) var doubtful: Set<String> = []
    /// True when a file or record could not be read at all, so any indicator may lack rows.
    private(set) var incomplete = false
    /// Set to read again files this loader's rules have already accepted whole, with every
    /// row and no error (`ContentLoader`'s first reading of them): the checks that can only
    /// find errors are skipped (a repeated row, an odd period form, a value that disagrees
    /// with its counts), and `finish` is not needed. The rows come out the same.
    var trusted = false
    /// False when the rows' figures are not wanted, only their checks (the loader's first
    /// reading, when it drops the rows once their visit is checked): a percentage or rate
    /// with no written value to check against is then not worked out.
    var figuresWanted = true
    /// True when every row read so far was accepted and nothing gave an error.
    var clean: Bool { !incomplete && doubtful.isEmpty && !diagnostics.contains(where: \.isError) }

    /// For each indicator, the form of every accepted row's period, where it is written and
    /// the row's location, in reading order.
    private var forms: [String: [(form: Period.Form, text: String, at: SourceLocation, row: SourceLocation)]] = [:]
    /// Where each indicator, period and breakdown was first given.
    private var seen: [RowKey: SourceLocation] = [:]
    private struct RowKey: Hashable {
        var indicator: String
        var period: String
        var breakdown: String?
    }
    /// The periods already read, by their text: the rows of a scorecard's indicators share a
    /// few dozen periods, and parsing one (checking it, making its canonical text and label)
    /// costs far more than looking it up.
    private var periods: [String: Period] = [:]
    private var borrowedYearsReported: Set<String> = []
    /// Periods parsed by any loader of this run, so that the scorecards and visits that
    /// share periods parse each once; `periods` is looked in first, without the lock. Held
    /// to a few thousand, so a file of endless distinct periods cannot fill memory with it.
    private static let sharedPeriods = LockedBox<[String: Period]>([:])
    private static let sharedPeriodLimit = 4096

    init(definitions: [IndicatorDefinition]?, rejectedIDs: Set<String> = [],
         rollingLocations: [String: SourceLocation] = [:], otherScorecards: [String: String],
         population: [Int: Int]?, populationSource: String) {
        self.rollingLocations = rollingLocations
        self.definitions = definitions ?? []
        self.definitionsKnown = definitions != nil
        self.rejectedIDs = rejectedIDs
        self.otherScorecards = otherScorecards
        self.population = population
        self.populationSource = populationSource
    }

    /// Reads one CSV file.
    mutating func read(_ bytes: [UInt8], path: String) {
        let (table, csvDiagnostics) = CSVReader.read(bytes, path: path)
        diagnostics += csvDiagnostics
        if !csvDiagnostics.isEmpty { incomplete = true }
        guard let table else { return }
        var index: [String: Int] = [:]
        var headerOK = true
        var misspelt: Set<String> = []   // columns an unknown name was taken to mean
        for (i, field) in table.header.enumerated() {
            if Self.columns.contains(field.text) {
                index[field.text] = i
            } else {
                headerOK = false
                if let meant = Suggestion.closest(to: field.text, in: Self.columns) { misspelt.insert(meant) }
                let name = field.text.isEmpty ? "an empty column name" : "unknown column '\(field.text)'"
                diagnostics.append(.error("\(name)\(Suggestion.hint(for: field.text, in: Self.columns, otherwise: "allowed columns are \(Self.columns.joined(separator: ", "))"))",
                                          at: SourceLocation(path: path, line: field.line, column: field.column)))
            }
        }
        // A column reported above as misspelt is not reported again as missing.
        for required in ["indicator", "period"] where index[required] == nil && !misspelt.contains(required) {
            headerOK = false
            diagnostics.append(.error("the header has no '\(required)' column; the first line must name the columns, such as indicator,period,value",
                                      at: SourceLocation(path: path, line: table.header.first?.line ?? 1, column: 1)))
        }
        if index["value"] == nil && index["numerator"] == nil && misspelt.isDisjoint(with: ["value", "numerator"]) {
            headerOK = false
            diagnostics.append(.error("the header has no 'value' column (or numerator and denominator columns to compute it)",
                                      at: SourceLocation(path: path, line: table.header.first?.line ?? 1, column: 1)))
        }
        guard headerOK else {
            incomplete = true
            return
        }
        let columns = Columns(index)
        for record in table.records {
            readRow(record, columns, path: path)
        }
    }

    /// Where each column is in a file whose header was accepted (it has the two required).
    private struct Columns {
        let indicator: Int, period: Int
        let value: Int?, numerator: Int?, denominator: Int?, breakdown: Int?, status: Int?, note: Int?

        init(_ index: [String: Int]) {
            indicator = index["indicator"]!
            period = index["period"]!
            value = index["value"]
            numerator = index["numerator"]
            denominator = index["denominator"]
            breakdown = index["breakdown"]
            status = index["status"]
            note = index["note"]
        }
    }

    /// Where the indicator of the row before was found in `definitions`: rows of one
    /// indicator usually come together, so this is the first place looked.
    private var lastDefinition = 0

    /// The definition of indicator `id`, if this scorecard has one.
    private mutating func definition(_ id: String) -> IndicatorDefinition? {
        if lastDefinition < definitions.count, definitions[lastDefinition].id == id { return definitions[lastDefinition] }
        guard let i = definitions.firstIndex(where: { $0.id == id }) else { return nil }
        lastDefinition = i
        return definitions[i]
    }

    private mutating func readRow(_ record: CSVRecord, _ columns: Columns, path: String) {
        func field(_ index: Int?) -> CSVField? { index.map { record.fields[$0] } }
        func at(_ f: CSVField) -> SourceLocation { SourceLocation(path: path, line: f.line, column: f.column) }
        var ok = true
        func error(_ message: String, _ f: CSVField) {
            diagnostics.append(.error(message, at: at(f)))
            ok = false
        }

        let indicatorField = record.fields[columns.indicator]
        let id = indicatorField.text
        guard let def = definition(id) else {
            if !definitionsKnown || rejectedIDs.contains(id) {
                return
            } else if id.isEmpty {
                error("the indicator is empty; every row names an indicator from scorecard.yaml", indicatorField)
            } else if let other = otherScorecards[id] {
                error("indicator '\(id)' belongs to the scorecard '\(other)'; put its rows in that folder", indicatorField)
            } else {
                error("unknown indicator '\(id)': it is not in this scorecard's scorecard.yaml\(Suggestion.hint(for: id, in: definitions.map(\.id)))", indicatorField)
            }
            return
        }

        var accepted = false
        defer { if !accepted && !trusted { doubtful.insert(id) } }

        let periodField = record.fields[columns.period]
        let known = periods[periodField.text]
        var period = known ?? Self.sharedPeriods.withLock { $0[periodField.text] }
        if period == nil {
            do {
                let parsed = try Period.parse(periodField.text)
                period = parsed
                Self.sharedPeriods.withLock { shared in
                    if shared.count < Self.sharedPeriodLimit { shared[periodField.text] = parsed }
                }
            } catch {
                self.diagnostics.append(.error(error.message, at: at(periodField)))
                ok = false
            }
        }

        if known == nil, let period { periods[periodField.text] = period }

        var breakdown: String?
        if let f = field(columns.breakdown), !f.text.isEmpty {
            breakdown = f.text
            if let declared = def.breakdowns, !declared.contains(f.text) {
                error("'\(f.text)' is not a breakdown category of '\(id)'\(Suggestion.hint(for: f.text, in: declared, otherwise: "its categories are \(declared.joined(separator: ", "))"))", f)
            }
        }

        var status: ObservationStatus?
        if let f = field(columns.status), !f.text.isEmpty {
            let s = f.text.hasPrefix("[") && f.text.hasSuffix("]") && f.text.count == 3 ? String(f.text.dropFirst().dropLast()) : f.text
            if let v = ObservationStatus(rawValue: s) { status = v } else {
                error("unknown status '\(f.text)'; use e (estimated), p (provisional) or r (revised), or leave it empty", f)
            }
        }
        let note = field(columns.note).map(\.text).flatMap { $0.isEmpty ? nil : $0 }

        // The figure.
        let valueField = field(columns.value)
        let numField = field(columns.numerator).flatMap { $0.text.isEmpty ? nil : $0 }
        let denField = field(columns.denominator).flatMap { $0.text.isEmpty ? nil : $0 }
        var content: Observation.Content = .gap
        var valueText: String?
        var written: Decimal?
        var writtenSymbol: StatisticalSymbol?
        if let f = valueField, !f.text.isEmpty {
            if let s = Self.symbol(f.text) {
                writtenSymbol = s
            } else if let problem = DecimalNumber.problem(with: f.text) {
                error(problem, f)
            } else {
                written = DecimalNumber.parse(f.text)
                valueText = f.text
            }
        }
        var numerator: Decimal?
        var denominator: Decimal?
        var populationUsed: Int?
        var countSymbol: StatisticalSymbol?
        if numField != nil || denField != nil {
            if def.unit != .percent && def.unit != .ratePer10k {
                error("numerator and denominator are only for percent and rate-per-10k indicators; '\(id)' is a \(def.unit.rawValue), so give its value alone", (numField ?? denField)!)
            } else {
                func count(_ f: CSVField, name: String, positive: Bool) -> Decimal? {
                    if let s = Self.symbol(f.text) {
                        countSymbol = (countSymbol == .suppressed) ? .suppressed : s
                        return nil
                    }
                    // An ASCII digit is one byte, so here bytes count characters.
                    let digits = !f.text.isEmpty && f.text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                    if digits && f.text.utf8.count > 15 {
                        error("the \(name) \(f.text) has more than 15 digits, too many for a count of children or cases", f)
                        return nil
                    }
                    // At most 15 digits fit an Int, and Decimal(Int) is the same number, made
                    // without Foundation's string scanner.
                    guard digits, let whole = Int(f.text) else {
                        error("the \(name) must be a whole number of children or cases, not '\(f.text)'", f)
                        return nil
                    }
                    let v = Decimal(whole)
                    if positive && v == 0 { error("the denominator must be more than 0", f); return nil }
                    return v
                }
                numerator = numField.flatMap { count($0, name: "numerator", positive: false) }
                denominator = denField.flatMap { count($0, name: "denominator", positive: true) }
                if numField == nil {
                    error("a denominator needs a numerator beside it", denField!)
                } else if def.unit == .percent && denField == nil {
                    error("a percent computed from a numerator needs a denominator too", numField!)
                }
            }
        }
        guard ok, let period else { return }

        if let s = countSymbol {
            content = .symbol(s)
            if written != nil { error("a value is given although the numerator or denominator is '\(s.rawValue)'; leave the value empty", valueField!) }
        } else if let n = numerator {
            var d = denominator
            if d == nil {   // a rate from the population
                guard let population else { return }   // unreadable: already reported
                guard let (pop, year) = populationFor(period.populationYear, in: population) else {
                    error("no population is given for \(period.populationYear) or any earlier year; add it to population in \(populationSource), or give a denominator", numField!)
                    return
                }
                if year != period.populationYear {
                    let key = "\(path)|\(period.populationYear)"
                    if borrowedYearsReported.insert(key).inserted {
                        diagnostics.append(.warning("no population is given for \(period.populationYear) in \(populationSource), so the \(year) figure (\(pop)) is used; add \(period.populationYear) to population in \(populationSource)", at: at(numField!)))
                    }
                }
                populationUsed = pop
                d = Decimal(pop)
            }
            let scale: Decimal = def.unit == .percent ? 100 : 10000
            let computed = figuresWanted || written != nil ? DecimalNumber.ratio(n, d!, scale: scale) : 0
            content = .number(computed)
            if def.unit == .percent, let den = denominator, n > den, !trusted {
                diagnostics.append(.warning("the numerator \(n) is larger than the denominator \(den), so the percentage is over 100", at: at(numField!)))
            }
            if !trusted, let w = written, let f = valueField {
                let places = DecimalNumber.writtenDecimals(f.text)
                var half = Decimal(5)
                for _ in 0..<(places + 1) { half /= 10 }
                let diff = w - computed
                if (diff < 0 ? -diff : diff) > half {
                    let shown = DecimalNumber.fixed(computed, places: max(places, 1))
                    let from = denominator != nil
                        ? "denominator \(DecimalNumber.plainText(d!))"
                        : "the population \(DecimalNumber.plainText(d!))"
                    error("value \(f.text) disagrees with numerator \(DecimalNumber.plainText(n)) and \(from), which give \(shown); correct one of them or leave the value empty", f)
                    return
                }
            }
            if writtenSymbol != nil, let f = valueField {
                error("value '\(f.text)' contradicts the numerator and denominator; leave the value empty", f)
                return
            }
            valueText = nil
        } else if let s = writtenSymbol {
            content = .symbol(s)
        } else if let w = written {
            content = .number(w)
        }

        if !trusted {
            let key = RowKey(indicator: id, period: period.canonical, breakdown: breakdown)
            if let first = seen[key] {
                let what = breakdown.map { " and breakdown '\($0)'" } ?? ""
                diagnostics.append(.error("'\(id)' already has a row for \(period.canonical)\(what) at \(first.description); each indicator, period and breakdown appears only once across the scorecard's CSV files",
                                          at: SourceLocation(path: path, line: record.line, column: 1)))
                return
            }
            seen[key] = SourceLocation(path: path, line: record.line)
            let rowLocation = SourceLocation(path: path, line: record.line, column: 1)
            forms[id, default: []].append((period.form, periodField.text, at(periodField), rowLocation))
        }

        accepted = true
        observations.append(Observation(
            indicator: id, period: period, breakdown: breakdown, content: content, valueText: valueText,
            numerator: numerator, denominator: denominator, populationDenominator: populationUsed,
            countSymbol: countSymbol, status: status, note: note,
            location: SourceLocation(path: path, line: record.line, column: 1)))
    }

    /// The head count for `year`, or the latest earlier year's, with the year used.
    private func populationFor(_ year: Int, in population: [Int: Int]) -> (Int, Int)? {
        if let p = population[year] { return (p, year) }
        guard let earlier = population.keys.filter({ $0 < year }).max() else { return nil }
        return (population[earlier]!, earlier)
    }

    /// `c`, `x`, `z`, bare or in brackets.
    static func symbol(_ text: String) -> StatisticalSymbol? {
        // Every symbol is one letter, bare or in brackets: one or three bytes. Every count of
        // three digits comes here too, so the bytes are looked at rather than a string made.
        let utf8 = text.utf8
        let letter: UInt8
        switch utf8.count {
        case 1: letter = utf8.first!
        case 3:
            var i = utf8.startIndex
            guard utf8[i] == UInt8(ascii: "[") else { return nil }
            i = utf8.index(after: i)
            letter = utf8[i]
            guard utf8[utf8.index(after: i)] == UInt8(ascii: "]") else { return nil }
        default: return nil
        }
        // Each symbol's raw value is its one letter.
        return StatisticalSymbol.allCases.first { $0.rawValue.utf8.first == letter }
    }

    /// Rules that look across all rows: one period form per indicator; `rolling` needs
    /// regular periods; an explicit headline should equal the sum of its categories.
    mutating func finish() {
        // The form most rows use is taken as meant (a tie goes to the form read first), so one
        // odd row is one error however early it comes; the odd rows are left out.
        var mainForm: [String: Period.Form] = [:]
        var dropped: Set<SourceLocation> = []
        for (id, list) in forms {
            var counts: [Period.Form: Int] = [:]
            for e in list { counts[e.form, default: 0] += 1 }
            let most = counts.values.max() ?? 0
            guard let main = list.first(where: { counts[$0.form] == most }) else { continue }
            mainForm[id] = main.form
            for e in list where e.form != main.form {
                diagnostics.append(.error("'\(e.text)' is \(e.form.example), but '\(id)' uses \(main.form.example) at \(main.at.description); write every period of an indicator in one form",
                                          at: e.at))
                dropped.insert(e.row)
                doubtful.insert(id)
            }
        }
        if !dropped.isEmpty { observations.removeAll { dropped.contains($0.location) } }

        for def in definitions {
            if let k = def.rolling, let form = mainForm[def.id], !form.isRegular {
                diagnostics.append(.error("indicator '\(def.id)' has rolling: \(k), but its periods are \(form.example); a rolling mean needs months, weeks, quarters or years",
                                          at: rollingLocations[def.id] ?? def.location))
            }
            guard def.unit == .count, !doubtful.contains(def.id), !incomplete else { continue }
            let rows = observations.filter { $0.indicator == def.id }
            // The categories seen in the rows: a declared one with no rows is not part of the sum.
            var categories: [String] = []
            var known = Set<String>()
            for r in rows { if let b = r.breakdown, known.insert(b).inserted { categories.append(b) } }
            guard !categories.isEmpty else { continue }
            // Each period's categories, gathered once: searching the rows for every headline
            // would take time in the square of the rows.
            var cellsByPeriod: [Period: [String: Observation]] = [:]
            for r in rows { if let b = r.breakdown, cellsByPeriod[r.period]?[b] == nil { cellsByPeriod[r.period, default: [:]][b] = r } }
            for headline in rows where headline.breakdown == nil {
                guard let total = headline.number else { continue }
                let cells = cellsByPeriod[headline.period] ?? [:]
                let values = categories.compactMap { c in cells[c]?.number }
                guard values.count == categories.count else { continue }
                let sum = values.reduce(Decimal(0), +)
                if sum != total {
                    diagnostics.append(.warning("the headline \(DecimalNumber.plainText(total)) for \(headline.period.canonical) differs from the sum of its categories, \(DecimalNumber.plainText(sum))",
                                                at: headline.location))
                }
            }
        }
    }
}
