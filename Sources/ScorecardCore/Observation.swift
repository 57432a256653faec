import Foundation

/// The sector's symbols for a figure that is not shown.
public enum StatisticalSymbol: String, Sendable, Hashable, CaseIterable {
    /// Suppressed (confidential), at source or by disclosure control.
    case suppressed = "c"
    /// Not available.
    case notAvailable = "x"
    /// Not applicable.
    case notApplicable = "z"

    /// How pages show it: `[c]`.
    public var shorthand: String { "[\(rawValue)]" }

    /// What the shorthand means, for the key beside a table.
    public var meaning: String {
        switch self {
        case .suppressed: return "suppressed to protect confidentiality"
        case .notAvailable: return "not available"
        case .notApplicable: return "not applicable"
        }
    }
}

/// The `status` column: a marker shown beside the figure.
public enum ObservationStatus: String, Sendable, Hashable, CaseIterable {
    case estimated = "e"
    case provisional = "p"
    case revised = "r"

    public var shorthand: String { "[\(rawValue)]" }

    public var meaning: String {
        switch self {
        case .estimated: return "estimated"
        case .provisional: return "provisional"
        case .revised: return "revised"
        }
    }
}

/// One CSV row, read and checked.
public struct Observation: Sendable, Hashable {
    /// What the row holds in place of a number.
    public enum Content: Sendable, Hashable {
        /// A figure, as written (`valueText`) or computed from numerator and denominator.
        case number(Decimal)
        /// `c`, `x` or `z`.
        case symbol(StatisticalSymbol)
        /// No data for the period: never a zero.
        case gap
    }

    public var indicator: String
    public var period: Period
    /// The category; nil for a headline row.
    public var breakdown: String?
    public var content: Content
    /// The value as the author wrote it, when the figure was not computed.
    public var valueText: String?
    public var numerator: Decimal?
    /// The written denominator; nil when none was written (a rate then uses the population).
    public var denominator: Decimal?
    /// The population a rate was divided by, when no denominator was written.
    public var populationDenominator: Int?
    /// A symbol written in the numerator or denominator column.
    public var countSymbol: StatisticalSymbol?
    public var status: ObservationStatus?
    public var note: String?
    /// The row's line in its CSV file.
    public var location: SourceLocation

    public init(indicator: String, period: Period, breakdown: String? = nil, content: Content,
                valueText: String? = nil, numerator: Decimal? = nil, denominator: Decimal? = nil,
                populationDenominator: Int? = nil, countSymbol: StatisticalSymbol? = nil,
                status: ObservationStatus? = nil, note: String? = nil,
                location: SourceLocation = SourceLocation(path: "data.csv")) {
        self.indicator = indicator
        self.period = period
        self.breakdown = breakdown
        self.content = content
        self.valueText = valueText
        self.numerator = numerator
        self.denominator = denominator
        self.populationDenominator = populationDenominator
        self.countSymbol = countSymbol
        self.status = status
        self.note = note
        self.location = location
    }

    /// The figure, when the row has one.
    public var number: Decimal? {
        if case .number(let v) = content { return v }
        return nil
    }

    /// A convenience for tests and simple content: a row with a written value.
    public static func value(_ indicator: String, _ period: Period, _ value: Decimal?,
                             breakdown: String? = nil) -> Observation {
        Observation(indicator: indicator, period: period, breakdown: breakdown,
                    content: value.map { .number($0) } ?? .gap,
                    valueText: value.map { DecimalNumber.plainText($0) })
    }
}
