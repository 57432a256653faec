import Foundation

/// `visits/<visit-id>/<scorecard-id>/data.csv`: the observations as published.
public enum DataCSV {
    public static let header = ["indicator", "period", "breakdown", "value", "numerator", "denominator", "status", "note"]

    /// The file for one scorecard: indicators in `scorecard.yaml` order, then period, then
    /// category; only rows shown at the visit; suppressed rows as `c` with no numerator or
    /// denominator; a gap as `x`. CRLF line ends, no byte-order mark.
    public static func document(_ card: ScorecardFigures) -> String {
        // The published comparators need a column saying which series a row is; it is
        // added only where some indicator has them, so other files are as they were.
        let series = card.indicators.contains { $0.benchmark != nil }
        var lines = [(header + (series ? ["series"] : [])).joined(separator: ",")]
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
                ] + (series ? [""] : [])
                lines.append(fields.map { quote(neutralized($0)) }.joined(separator: ","))
            }
            for fields in publishedRows(indicator) { lines.append(fields.map { quote(neutralized($0)) }.joined(separator: ",")) }
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

    /// The rows of the published comparators (with the `series` column), after the indicator's own: per period of the
    /// file, `series` `published` (the authority's figure), `england`, `region`,
    /// `statistical-neighbours` (note `8 of 10 neighbours`), `rank` (value the position, note
    /// `of 11`) and `quartile` (value the letter); a symbol as written, a missing row left out.
    static func publishedRows(_ f: IndicatorFigures) -> [[String]] {
        guard let b = f.benchmark else { return [] }
        func text(_ c: PublishedCell?) -> String? {
            switch c {
            case .value(let v)?: return DecimalNumber.jsonNumber(v)
            case .symbol(let s)?: return s
            case nil: return nil
            }
        }
        var out: [[String]] = []
        func add(_ period: Period, _ value: String?, _ note: String, _ series: String) {
            guard let value else { return }
            out.append([f.id, period.canonical, "", value, "", "", "", note, series])
        }
        for r in b.rows {
            add(r.period, text(r.authority), "", "published")
            add(r.period, text(r.england), "", "england")
            add(r.period, text(r.region), b.regionName ?? "", "region")
            if let m = r.neighbourMean {
                add(r.period, m.value.map(DecimalNumber.jsonNumber) ?? "x", "\(m.countText) neighbours", "statistical-neighbours")
            }
            if let rank = r.rank { add(r.period, String(rank.position), "of \(rank.of)", "rank") }
            if let q = r.quartile { add(r.period, q.rawValue, q.meaning, "quartile") }
        }
        return out
    }

    /// RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled.
    public static func quote(_ field: String) -> String {
        guard field.hasPrefix("'") || field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
