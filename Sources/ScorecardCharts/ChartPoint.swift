/// One period of a line or bar chart.
public struct ChartPoint: Sendable, Hashable {
    /// The period as shown on the x axis, e.g. `Apr 2020` or `2019-20`.
    public var label: String
    /// The value, or nil when there is none: a break in a line or a missing bar, never zero.
    public var value: Double?
    /// True when the point carries a note: drawn with a ring and explained in the key.
    public var marked: Bool
    /// Short status text such as `p` (provisional), printed as `[p]` after the value
    /// wherever the value is printed on the chart.
    public var status: String?

    /// A point for `label` with `value` (nil for no data).
    public init(_ label: String, _ value: Double?, marked: Bool = false, status: String? = nil) {
        self.label = label
        self.value = value
        self.marked = marked
        self.status = status
    }
}

/// A horizontal line across a line or bar chart, labelled at its right end.
public struct ReferenceLine: Sendable, Hashable {
    /// What the line stands for, which decides how it is drawn.
    public enum Kind: String, Sendable, Hashable {
        /// A target the council set: a solid dark pink line.
        case target
        /// A comparator such as England or statistical neighbours: a dotted dark grey line.
        case comparator
    }

    /// The label printed at the right end, e.g. `Target` or `Statistical neighbours`.
    public var label: String
    /// Where the line is drawn, in the chart's units.
    public var value: Double
    /// Target or comparator.
    public var kind: Kind

    /// A reference line labelled `label` at `value`.
    public init(_ label: String, value: Double, kind: Kind) {
        self.label = label
        self.value = value
        self.kind = kind
    }
}
