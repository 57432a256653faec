import Foundation

/// How figures are written on pages: `85.0%`, `1,234`, `67.5 per 10,000`, `12 days`, `3.2`.
public enum DisplayFormat {
    /// A value rounded half away from zero to `decimals` and written in its unit.
    public static func value(_ value: Decimal, unit: MeasureUnit, decimals: Int) -> String {
        let text = DecimalNumber.grouped(DecimalNumber.fixed(value, places: decimals))
        let shown = text.hasPrefix("-") ? "−" + text.dropFirst() : Substring(text)
        switch unit {
        case .percent: return "\(shown)%"
        case .count, .number: return String(shown)
        case .ratePer10k: return "\(shown) per 10,000"
        case .days: return shown == "1" ? "1 day" : "\(shown) days"
        }
    }

    /// A change, always signed (`+28.0 pp`, `−3`, `0.0 pp`), in percentage points for percents.
    public static func change(_ delta: Decimal, unit: MeasureUnit, decimals: Int) -> String {
        let text = DecimalNumber.grouped(DecimalNumber.fixed(delta, places: decimals))
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        let signed = isZero ? text : (text.hasPrefix("-") ? "−" + text.dropFirst() : "+" + text)
        switch unit {
        case .percent: return "\(signed) pp"
        case .count, .number: return signed
        case .ratePer10k: return "\(signed) per 10,000"
        case .days: return "\(signed) days"
        }
    }

    /// A point's figure, or its symbol as `[c]`, or `[x]` for a gap; with any status marker.
    public static func point(_ point: PublishedPoint?, definition: IndicatorDefinition) -> String {
        guard let point else { return StatisticalSymbol.notAvailable.shorthand }
        var text: String
        if let v = point.value {
            text = value(v, unit: definition.unit, decimals: definition.decimals)
        } else {
            text = (point.symbol ?? .notAvailable).shorthand
        }
        if let s = point.status, point.value != nil { text += " \(s.shorthand)" }
        return text
    }
}
