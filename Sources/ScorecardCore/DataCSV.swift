import Foundation

/// `visits/<visit-id>/<scorecard-id>/data.csv`: the observations as published.
public enum DataCSV {
    public static let header = ["indicator", "period", "breakdown", "value", "numerator", "denominator", "status", "note"]

    /// The file for one scorecard: indicators in `scorecard.yaml` order, then period, then
    /// category; only rows shown at the visit; suppressed rows as `c` with no numerator or
    /// denominator; a gap as `x`. CRLF line ends, no byte-order mark.
    public static func document(_ card: ScorecardFigures) -> String {
        String(decoding: bytes(card), as: UTF8.self)
    }

    /// `document(card)` as UTF-8, written field by field into one buffer.
    public static func bytes(_ card: ScorecardFigures) -> [UInt8] {
        // The published comparators need a column saying which series a row is; it is
        // added only where some indicator has them, so other files are as they were.
        let series = card.indicators.contains { $0.benchmark != nil }
        var out: [UInt8] = []
        out.reserveCapacity(64 * (1 + card.indicators.reduce(0) { $0 + $1.points.count }))
        func line<Fields: Sequence<String>>(_ fields: Fields) {
            var first = true
            for field in fields {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                appendQuoted(neutralized(field), to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        for (i, name) in (header + (series ? ["series"] : [])).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: name.utf8)
        }
        out.append(contentsOf: [0x0D, 0x0A])
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
                line(fields)
            }
            for fields in publishedRows(indicator) { line(fields) }
        }
        return out
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

    /// RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled;
    /// so is one that begins with a single quote (`neutralized` put it there).
    ///
    /// The check is on bytes, as a spreadsheet reads the file: a comma or quote followed by
    /// a combining mark is one character to Swift, but still a comma or quote in the file.
    public static func quote(_ field: String) -> String {
        var out: [UInt8] = []
        appendQuoted(field, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `quote(field)` as UTF-8.
    static func appendQuoted(_ field: String, to out: inout [UInt8]) {
        let utf8 = field.utf8
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
        guard utf8.first == UInt8(ascii: "'") || utf8.contains(where: { $0 == comma || $0 == quote || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(quote)
        for b in utf8 {
            out.append(b)
            if b == quote { out.append(quote) }
        }
        out.append(quote)
    }
}
