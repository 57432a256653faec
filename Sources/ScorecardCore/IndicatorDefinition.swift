import Foundation

/// What an indicator measures, which determines how it is shown and compared.
public enum MeasureUnit: String, Sendable, Hashable, CaseIterable {
    case percent
    case count
    case ratePer10k = "rate-per-10k"
    case days
    case number

    /// Display precision when `decimals` is not given.
    public var defaultDecimals: Int {
        switch self {
        case .percent, .ratePer10k, .number: return 1
        case .count, .days: return 0
        }
    }
}

/// Which direction is good.
public enum Better: String, Sendable, Hashable, CaseIterable {
    case higher
    case lower
    case neither
}

/// How an indicator is charted.
public enum ChartKind: String, Sendable, Hashable, CaseIterable {
    case line
    case bar
    case stackedBar = "stacked-bar"
    case none
}

/// A benchmark shown beside an indicator: a statistical-neighbour or England average.
public struct Benchmark: Sendable, Hashable {
    public var id: String
    public var label: String
    public var value: Decimal
    /// The period the figure describes, e.g. `2018/19`, as written.
    public var period: String?

    public init(id: String, label: String, value: Decimal, period: String? = nil) {
        self.id = id
        self.label = label
        self.value = value
        self.period = period
    }

    /// A map comparator's label: its key in words (`statistical-neighbours` → `Statistical neighbours`).
    public static func label(forKey key: String) -> String {
        let words = key.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        guard let first = words.first else { return key }
        return first.uppercased() + words.dropFirst()
    }
}

/// One indicator in `scorecard.yaml`.
public struct IndicatorDefinition: Sendable, Hashable {
    public var id: String
    public var title: String
    public var unit: MeasureUnit
    public var better: Better
    public var target: Decimal?
    public var tolerance: Decimal
    public var decimals: Int
    public var comparators: [Benchmark]
    /// The declared categories, in display order; nil when any category is allowed.
    public var breakdowns: [String]?
    /// The chart as written; nil for the default.
    public var chart: ChartKind?
    public var rolling: Int?
    public var trendWindow: Int
    public var stableBand: Decimal?
    /// `disclosure: none`: not about individual children, so never suppressed.
    public var disclosureExempt: Bool
    /// `cumulative: true`: each value is a running total (year to date), so the step from one
    /// point to the next is itself a count, checked like one (see `DisclosureRule`).
    public var cumulative: Bool = false
    /// `base:`: what a percent written as a bare value is a percentage of, so that the count
    /// behind it can be checked; nil when not declared.
    public var base: DisclosureBase?
    /// Where `base` is written in `scorecard.yaml`.
    public var baseLocation: SourceLocation?
    public var definition: String?
    public var source: String?
    /// `published:`: where the official statistics hold this measure; nil when not given.
    public var published: PublishedMeasure?
    /// Where the indicator's entry starts in `scorecard.yaml`.
    public var location: SourceLocation

    public init(id: String, title: String, unit: MeasureUnit, better: Better, target: Decimal? = nil,
                tolerance: Decimal = 0, decimals: Int? = nil, comparators: [Benchmark] = [],
                breakdowns: [String]? = nil, chart: ChartKind? = nil, rolling: Int? = nil,
                trendWindow: Int = 6, stableBand: Decimal? = nil, disclosureExempt: Bool = false,
                definition: String? = nil, source: String? = nil,
                location: SourceLocation = SourceLocation(path: "scorecard.yaml"), published: PublishedMeasure? = nil) {
        self.id = id
        self.title = title
        self.unit = unit
        self.better = better
        self.target = target
        self.tolerance = tolerance
        self.decimals = decimals ?? unit.defaultDecimals
        self.comparators = comparators
        self.breakdowns = breakdowns
        self.chart = chart
        self.rolling = rolling
        self.trendWindow = trendWindow
        self.stableBand = stableBand
        self.disclosureExempt = disclosureExempt
        self.definition = definition
        self.source = source
        self.location = location
        self.published = published
    }
}
