/// How a chart prints values and axis tick labels.
///
/// Numbers are formatted here, not by `Foundation`, so the output never depends on the
/// machine's locale: a full stop for the decimal point, a comma between thousands, a
/// hyphen-minus for negatives, and rounding half away from zero (`2.5` → `3`, `-2.5` → `-3`).
public struct ValueFormat: Sendable, Hashable {
    /// What kind of quantity the values are.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A percentage already multiplied by 100: `80` prints as `80%`.
        case percent
        /// A count of people or things: `1234` prints as `1,234`.
        case count
        /// A rate per 10,000 children: `67.5` (displayed as `67.5 per 10,000`).
        case rate
        /// A number of days: `12` (displayed as `12 days`).
        case days
        /// Any other number.
        case number
    }

    /// What kind of quantity the values are.
    public var kind: Kind
    /// How many decimals a value (not a tick label) is printed with.
    public var decimals: Int

    /// A format for `kind` printing values with `decimals` decimals (negative counts as 0).
    public init(_ kind: Kind, decimals: Int = 0) {
        self.kind = kind
        self.decimals = max(0, decimals)
    }

    /// Prints `value` with this format's decimals, e.g. `ValueFormat(.percent, decimals: 1)`
    /// prints `21.45` as `21.5%` and `ValueFormat(.count)` prints `1234` as `1,234`.
    public func string(_ value: Double) -> String {
        string(value, decimals: decimals)
    }

    /// Prints `value` as the site displays it beside a figure, with its unit in words:
    /// `85.0%`, `1,234`, `67.5 per 10,000`, `12 days` (`1 day`), `3.2`. Used for every value
    /// printed on a chart, so that it reads the same as the cards and tables.
    public func displayString(_ value: Double) -> String {
        let text = string(value)
        switch kind {
        case .percent, .count, .number: return text
        case .rate: return text + " per 10,000"
        case .days: return text + (text == "1" ? " day" : " days")
        }
    }

    /// Tick labels for `ticks`, all printed with the fewest decimals at which every tick is
    /// exact (so no two labels are the same): `[0, 0.5, 1]` → `0.0, 0.5, 1.0`;
    /// `[0, 20, 40]` as percent → `0%, 20%, 40%`, whatever `decimals` is.
    public func tickLabels(_ ticks: [Double]) -> [String] {
        let needed = ticks.map(decimalsNeeded).max() ?? 0
        return ticks.map { string($0, decimals: needed) }
    }

    func string(_ value: Double, decimals: Int) -> String {
        let rounded = RoundedDecimal(value, decimals: decimals)
        var text = rounded.isNegative ? "-" : ""
        text += rounded.groupedIntegerDigits
        if !rounded.fractionDigits.isEmpty { text += "." + rounded.fractionDigits }
        if kind == .percent { text += "%" }
        return text
    }
}
