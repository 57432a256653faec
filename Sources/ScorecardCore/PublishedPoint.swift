import Foundation

/// One data point as it may be published at a visit: after the data-as-of cut-off and
/// disclosure control. A suppressed point carries the symbol `c` and no figures at all.
public struct PublishedPoint: Sendable, Hashable {
    public var period: Period
    /// The category; nil for the headline.
    public var breakdown: String?
    /// The figure; nil for a gap, a symbol or a suppressed value.
    public var value: Decimal?
    /// `c`, `x` or `z` in place of the figure.
    public var symbol: StatisticalSymbol?
    /// True when disclosure control (not the source) hid the figure.
    public var suppressedByDisclosure: Bool
    /// The value as the author wrote it, when it was written and is published.
    public var valueText: String?
    public var numerator: Decimal?
    public var denominator: Decimal?
    public var status: ObservationStatus?
    public var note: String?
    /// The source row; nil for a headline summed from categories.
    public var location: SourceLocation?

    public init(period: Period, breakdown: String? = nil, value: Decimal?, symbol: StatisticalSymbol? = nil,
                suppressedByDisclosure: Bool = false, valueText: String? = nil, numerator: Decimal? = nil,
                denominator: Decimal? = nil, status: ObservationStatus? = nil, note: String? = nil,
                location: SourceLocation? = nil) {
        self.period = period
        self.breakdown = breakdown
        self.value = value
        self.symbol = symbol
        self.suppressedByDisclosure = suppressedByDisclosure
        self.valueText = valueText
        self.numerator = numerator
        self.denominator = denominator
        self.status = status
        self.note = note
        self.location = location
    }

    /// A row read from a CSV file, before any disclosure control.
    public init(_ row: Observation) {
        var symbol: StatisticalSymbol?
        if case .symbol(let s) = row.content { symbol = s }
        self.init(period: row.period, breakdown: row.breakdown, value: row.number, symbol: symbol,
                  valueText: row.valueText, numerator: row.numerator, denominator: row.denominator,
                  status: row.status, note: row.note, location: row.location)
    }

    /// No data for the period.
    public var isGap: Bool { value == nil && symbol == nil }

    /// True when the figure is hidden, at source or by disclosure control.
    public var isSuppressed: Bool { symbol == .suppressed }

    /// This point with its figures replaced by `c`.
    public func suppressed() -> PublishedPoint {
        var p = self
        p.value = nil
        p.valueText = nil
        p.numerator = nil
        p.denominator = nil
        p.symbol = .suppressed
        p.suppressedByDisclosure = true
        return p
    }
}
