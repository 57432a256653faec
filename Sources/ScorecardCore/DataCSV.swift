import Foundation

/// `visits/<visit-id>/<scorecard-id>/data.csv`: the observations as published.
public enum DataCSV {
    public static let header = ["indicator", "period", "breakdown", "value", "numerator", "denominator", "status", "note"]

    /// The file for one scorecard: indicators in `scorecard.yaml` order, then period, then
    /// category; only rows shown at the visit; suppressed rows as `c` with no numerator or
    /// denominator; a gap as `x`. CRLF line ends, no byte-order mark.
    public static func document(_ card: ScorecardFigures) -> String {
        var lines = [header.joined(separator: ",")]
        for indicator in card.indicators {
            for p in indicator.points {
                let value: String
                if let s = p.symbol {
                    value = s.rawValue
                } else if let text = p.valueText {
                    value = text
                } else if let v = p.value {
                    value = DecimalNumber.jsonNumber(v)
                } else {
                    value = StatisticalSymbol.notAvailable.rawValue
                }
                let fields = [
                    indicator.id, p.period.canonical, p.breakdown ?? "", value,
                    p.isSuppressed ? "" : p.numerator.map(DecimalNumber.plainText) ?? "",
                    p.isSuppressed ? "" : p.denominator.map(DecimalNumber.plainText) ?? "",
                    p.status?.rawValue ?? "", p.note ?? "",
                ]
                lines.append(fields.map { quote(neutralized($0)) }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field a spreadsheet would run as a formula (one that begins with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return) with a single quote in front, so that it shows as text
    /// (OWASP's advice on CSV injection); `quote` then puts it in quotes. A plain decimal
    /// number (`-0.5`) is left as it is, so numbers stay numbers.
    public static func neutralized(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        if DecimalNumber.isPlainDecimal(field) { return field }
        return "'" + field
    }

    /// RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled.
    public static func quote(_ field: String) -> String {
        guard field.hasPrefix("'") || field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
