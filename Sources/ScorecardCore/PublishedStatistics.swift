import Foundation

/// Where an indicator's published measure is: `published: { file, measure, filters }` in
/// `scorecard.yaml`.
public struct PublishedMeasure: Sendable, Hashable {
    /// One `filters:` entry: a filter column and the value its rows must hold.
    public struct Filter: Sendable, Hashable {
        public var column: String
        public var value: String
        /// Where the column name and the value are written in `scorecard.yaml`.
        public var columnLocation: SourceLocation
        public var valueLocation: SourceLocation

        public init(column: String, value: String, columnLocation: SourceLocation, valueLocation: SourceLocation) {
            self.column = column
            self.value = value
            self.columnLocation = columnLocation
            self.valueLocation = valueLocation
        }
    }

    /// The file name inside `content/statistics/`, as written.
    public var file: String
    /// The indicator column that holds the figure.
    public var measure: String
    /// The filter values, in the order written.
    public var filters: [Filter]
    /// Where `published:`, `file:` and `measure:` are written.
    public var location: SourceLocation
    public var fileLocation: SourceLocation
    public var measureLocation: SourceLocation

    public init(file: String, measure: String, filters: [Filter], location: SourceLocation,
                fileLocation: SourceLocation, measureLocation: SourceLocation) {
        self.file = file
        self.measure = measure
        self.filters = filters
        self.location = location
        self.fileLocation = fileLocation
        self.measureLocation = measureLocation
    }

    /// The file's path relative to the site.
    public var path: String { "content/statistics/\(file)" }

    /// Same file, measure and filter values (locations aside): such measures are read once.
    public var key: String {
        ([file, measure] + filters.flatMap { [$0.column, $0.value] }).joined(separator: "\u{1F}")
    }
}

/// One cell of a published statistics file: a figure or one of the GSS symbols.
public enum PublishedCell: Sendable, Hashable {
    case value(Decimal)
    /// `c` confidential, `x` not available, `z` not applicable, `low` rounds to zero,
    /// `u` low reliability: kept as written, never used in a computed figure.
    case symbol(String)

    /// The symbols a cell may hold.
    public static let symbols = ["c", "x", "z", "low", "u"]

    /// The figure, or nil for a symbol.
    public var value: Decimal? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// What a symbol means, for the key beside a table.
    public static func meaning(of symbol: String) -> String {
        switch symbol {
        case "c": return "confidential, suppressed at source"
        case "x": return "not available"
        case "z": return "not applicable"
        case "low": return "rounds to zero, but is not zero"
        case "u": return "low reliability"
        default: return symbol
        }
    }
}

/// One geography's published series: period → cell.
public typealias PublishedSeries = [Period: PublishedCell]

/// What a published statistics file holds for one measure and set of filter values, for the
/// site's authority, its region, England and its statistical neighbours, with every local
/// authority's figure for the national quartile.
public struct PublishedStatistics: Sendable, Hashable {
    public var measure: PublishedMeasure
    /// The authority's own rows.
    public var authority: PublishedSeries
    /// The `National` rows.
    public var england: PublishedSeries
    /// The `Regional` rows whose `region_code` is the authority's.
    public var region: PublishedSeries
    /// The region's name as the file gives it, e.g. `Yorkshire and The Humber`.
    public var regionName: String?
    /// Each neighbour's series, in the order of `statistical-neighbours`.
    public var neighbours: [(code: String, series: PublishedSeries)]
    /// Every local authority's figure (symbols left out), period by period, the authority's own included.
    public var allAuthorities: [Period: [Decimal]]

    public init(measure: PublishedMeasure, authority: PublishedSeries = [:], england: PublishedSeries = [:],
                region: PublishedSeries = [:], regionName: String? = nil,
                neighbours: [(code: String, series: PublishedSeries)] = [],
                allAuthorities: [Period: [Decimal]] = [:]) {
        self.measure = measure
        self.authority = authority
        self.england = england
        self.region = region
        self.regionName = regionName
        self.neighbours = neighbours
        self.allAuthorities = allAuthorities
    }

    public static func == (a: PublishedStatistics, b: PublishedStatistics) -> Bool {
        a.measure == b.measure && a.authority == b.authority && a.england == b.england && a.region == b.region
            && a.regionName == b.regionName && a.allAuthorities == b.allAuthorities
            && a.neighbours.map(\.code) == b.neighbours.map(\.code) && a.neighbours.map(\.series) == b.neighbours.map(\.series)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(measure)
        hasher.combine(authority)
        hasher.combine(neighbours.map(\.code))
    }

    /// Every period any of the series has, oldest first.
    public var periods: [Period] {
        var all = Set(authority.keys).union(england.keys).union(region.keys)
        for n in neighbours { all.formUnion(n.series.keys) }
        return all.sorted()
    }

    /// The same statistics with every period ending after `date` left out (the visit's data cut-off).
    public func cut(at date: CivilDate) -> PublishedStatistics {
        func keep(_ s: PublishedSeries) -> PublishedSeries { s.filter { $0.key.end <= date } }
        var out = self
        out.authority = keep(authority)
        out.england = keep(england)
        out.region = keep(region)
        out.neighbours = neighbours.map { ($0.code, keep($0.series)) }
        out.allAuthorities = allAuthorities.filter { $0.key.end <= date }
        return out
    }
}
