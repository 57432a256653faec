import Foundation

/// What a chart shows, in words: the text equivalent every chart carries.
///
/// ```
/// "Rose from 57.0% in Feb 2020 to 85.0% in Jun 2020; above the 80.0% target;
///  above Statistical neighbours (75.0%)."
/// ```
/// Only published figures are used, so a suppressed value never appears in the words.
public enum ChartDescription {
    public static func describe(_ f: IndicatorFigures) -> String {
        let def = f.definition
        func show(_ v: Decimal) -> String { DisplayFormat.value(v, unit: def.unit, decimals: def.decimals) }
        guard let headline = f.headline else { return breakdownOnly(f) }
        let numeric = headline.filter { $0.value != nil }
        guard let first = numeric.first, let last = numeric.last else {
            return "No figures to show for this indicator at this visit."
        }
        var parts: [String] = []
        if numeric.count == 1 {
            parts.append("One figure: \(show(last.value!)) in \(last.period.label)")
        } else {
            let a = DecimalNumber.rounded(first.value!, places: def.decimals)
            let b = DecimalNumber.rounded(last.value!, places: def.decimals)
            let verb = b > a ? "Rose" : (b < a ? "Fell" : "Unchanged")
            if verb == "Unchanged" {
                parts.append("Unchanged at \(show(last.value!)) from \(first.period.label) to \(last.period.label)")
            } else {
                parts.append("\(verb) from \(show(first.value!)) in \(first.period.label) to \(show(last.value!)) in \(last.period.label)")
            }
            let gaps = headline.count - numeric.count
            if gaps > 0 { parts.append(gaps == 1 ? "1 period has no figure" : "\(gaps) periods have no figure") }
        }
        let lastShown = DecimalNumber.rounded(last.value!, places: def.decimals)
        if let t = def.target {
            parts.append("\(relation(lastShown, t)) the \(show(t)) target")
        }
        for c in def.comparators {
            let period = c.period.map { " in \($0)" } ?? ""
            parts.append("\(relation(lastShown, c.value)) \(c.label) (\(show(c.value))\(period))")
        }
        return parts.joined(separator: "; ") + "."
    }

    static func relation(_ value: Decimal, _ reference: Decimal) -> String {
        value > reference ? "above" : (value < reference ? "below" : "level with")
    }

    /// Breakdown without a headline: the categories at the latest period.
    static func breakdownOnly(_ f: IndicatorFigures) -> String {
        let def = f.definition
        guard let lastPeriod = f.points.map(\.period).max() else {
            return "No figures to show for this indicator at this visit."
        }
        let cells = f.categories.compactMap { c -> String? in
            guard let p = f.points.first(where: { $0.period == lastPeriod && $0.breakdown == c }) else { return nil }
            return "\(c) \(DisplayFormat.point(p, definition: def))"
        }
        let periods = Set(f.points.map(\.period)).count
        let span = periods == 1 ? "\(lastPeriod.label)" : "\(periods) periods to \(lastPeriod.label)"
        return "Breakdown by category, \(span). In \(lastPeriod.label): \(cells.joined(separator: ", "))."
    }
}
