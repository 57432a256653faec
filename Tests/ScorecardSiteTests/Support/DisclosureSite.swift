import Foundation
import ScorecardSite
import Testing

/// A one-visit site with `suppress-below: 5` and one scorecard `s`, whose definitions, rows
/// and narrative each disclosure test writes; the population (2020: 50,000) serves
/// `base: count-of-children`.
enum DisclosureSite {
    static let visit = "content/visits/2020-07"

    static func files(yaml: String, csv: String, narrative: String? = nil) -> [String: String] {
        var files = [
            "site.yaml": """
                title: Disclosure Test
                authority: Test Council
                scorecards:
                  - id: s
                    title: S
                population:
                  2020: 50000
                disclosure: { suppress-below: 5 }

                """,
            visit + "/visit.yaml": """
                title: Monitoring visit, July 2020
                date: 2020-07-15
                data-as-of: 2020-06-30
                status: published

                """,
            visit + "/s/scorecard.yaml": "indicators:\n" + yaml,
            visit + "/s/data.csv": csv,
        ]
        if let narrative { files[visit + "/s/narrative.md"] = narrative }
        return files
    }
}

/// What a reader can work out from everything the site publishes for one visit: data.csv
/// (every row as published, with numerators and denominators) and summary.json (the latest
/// headline of each indicator, which for a count broken down without total rows is a sum that
/// appears nowhere in data.csv). Pages show only values that are in these two (the figures of
/// the same rows), so a derivation that needs nothing else covers them too.
struct Reader {
    struct Row {
        var indicator, period, breakdown, value, numerator, denominator, note: String
    }

    var rows: [Row] = []
    var units: [String: String] = [:]
    /// indicator → (period canonical, latest value) from summary.json.
    var latest: [String: (period: String, value: Decimal)] = [:]

    init(_ result: SiteBuilder.Result, visit: String = "2020-07", scorecard: String = "s") throws {
        let csv = try #require(result.text("visits/\(visit)/\(scorecard)/data.csv"))
        let records = Reader.parseCSV(csv)
        let header = try #require(records.first)
        for r in records.dropFirst() {
            var field: [String: String] = [:]
            for (i, name) in header.enumerated() { field[name] = i < r.count ? r[i] : "" }
            rows.append(Row(indicator: field["indicator"]!, period: field["period"]!, breakdown: field["breakdown"]!,
                            value: field["value"]!, numerator: field["numerator"]!, denominator: field["denominator"]!,
                            note: field["note"]!))
        }
        let data = try #require(result.files["visits/\(visit)/summary.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])
        for card in (json["scorecards"] as? [[String: Any]]) ?? [] {
            for ind in (card["indicators"] as? [[String: Any]]) ?? [] {
                let id = ind["id"] as! String
                units[id] = ind["unit"] as? String
                if let l = ind["latest"] as? [String: Any], let v = l["value"] as? NSNumber {
                    latest[id] = (l["period"] as! String, Decimal(string: v.stringValue)!)
                }
            }
        }
    }

    /// RFC 4180 records (quoted fields with doubled quotes; CRLF or LF).
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    /// One figure worked out from published ones.
    struct Recovery: CustomStringConvertible, Equatable {
        var indicator, period, breakdown, measure: String
        var value: Decimal
        var description: String { "\(indicator) \(period) \(breakdown) \(measure) = \(value)" }
    }

    /// Subtraction: a period's published total (a row with no breakdown, or summary.json's
    /// latest) minus its published categories, with a category that has no row, `x` or `z`
    /// taken as 0, as a reader would. When exactly one category is `c`, the remainder is its
    /// value; when several are, a remainder from 1 to 4 is a small group given away.
    func bySubtraction() -> [Recovery] {
        var out: [Recovery] = []
        for id in Set(rows.map(\.indicator)).sorted() {
            let mine = rows.filter { $0.indicator == id }
            let categories = Set(mine.map(\.breakdown).filter { !$0.isEmpty })
            guard !categories.isEmpty else { continue }
            let measures: [(String, KeyPath<Row, String>)] = units[id] == "count"
                ? [("value", \.value)] : [("numerator", \.numerator), ("denominator", \.denominator)]
            for period in Set(mine.map(\.period)).sorted() {
                let here = mine.filter { $0.period == period }
                for (name, key) in measures {
                    var total = here.first { $0.breakdown.isEmpty }.flatMap { Decimal(string: $0[keyPath: key]) }
                    if total == nil, name == "value", let l = latest[id], l.period == period { total = l.value }
                    guard let total else { continue }
                    let cells = here.filter { !$0.breakdown.isEmpty }
                    let hidden = cells.filter { $0.value == "c" }
                    guard !hidden.isEmpty else { continue }
                    let known = cells.compactMap { Decimal(string: $0[keyPath: key]) }.reduce(0, +)
                    let remainder = total - known
                    if hidden.count == 1 || (remainder >= 1 && remainder < 5) {
                        out.append(Recovery(indicator: id, period: period,
                                            breakdown: hidden.map(\.breakdown).joined(separator: "+"),
                                            measure: name, value: remainder))
                    }
                }
            }
        }
        return out
    }

    /// Complements: a published numerator and denominator give d − n, which must not be 1 … 4.
    func smallComplements() -> [Recovery] {
        rows.compactMap { r in
            guard let n = Decimal(string: r.numerator), let d = Decimal(string: r.denominator) else { return nil }
            let c = d - n
            return c >= 1 && c < 5 ? Recovery(indicator: r.indicator, period: r.period, breakdown: r.breakdown,
                                              measure: "d − n", value: c) : nil
        }
    }

    /// Steps of a running total: the difference of two published values with only `c`
    /// between them (rows in period order), which must not be 1 … 4.
    func smallSteps(_ id: String) -> [Recovery] {
        var out: [Recovery] = []
        var last: Decimal?
        for r in rows where r.indicator == id && r.breakdown.isEmpty {
            guard let v = Decimal(string: r.value) else { continue }
            if let l = last, v - l >= 1, v - l < 5 {
                out.append(Recovery(indicator: id, period: r.period, breakdown: "", measure: "step", value: v - l))
            }
            last = v
        }
        return out
    }

    func values(_ id: String, breakdown: String = "") -> [String] {
        rows.filter { $0.indicator == id && $0.breakdown == breakdown }.map(\.value)
    }
}
