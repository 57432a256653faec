import Foundation

/// `visits/<visit-id>/benchmarking/benchmarking.csv`: the benchmarking table as data, one
/// row per indicator with a published measure, in scorecard then `scorecard.yaml` order.
public enum BenchmarkingCSV {
    public static let header = [
        "scorecard", "indicator", "title", "period", "value", "statistical-neighbours", "neighbours-with-figure",
        "neighbours", "region", "region-name", "england", "rank", "rank-of", "quartile", "direction",
        "previous-period", "previous-value",
    ]

    /// A cell as data: the figure in full, the symbol as written, empty where the file has no row.
    static func text(_ c: PublishedCell?) -> String {
        switch c {
        case .value(let v)?: return DecimalNumber.jsonNumber(v)
        case .symbol(let s)?: return s
        case nil: return ""
        }
    }

    /// The file for one visit; figures exactly as published, CRLF line ends.
    public static func document(_ figures: VisitFigures) -> String {
        var lines = [header.joined(separator: ",")]
        for card in figures.scorecards {
            for f in card.indicators {
                guard let b = f.benchmark, let r = b.latest else { continue }
                let m = r.neighbourMean
                let mean: String = m.map { $0.value.map(DecimalNumber.jsonNumber) ?? "x" } ?? ""
                let used: String = m.map { String($0.used) } ?? ""
                let of: String = m.map { String($0.of) } ?? ""
                let rank: String = r.rank.map { String($0.position) } ?? ""
                let rankOf: String = r.rank.map { String($0.of) } ?? ""
                let direction: String = b.direction(better: f.definition.better)?.rawValue ?? ""
                var fields: [String] = [card.id, f.id, f.definition.title, r.period.canonical, text(r.authority)]
                fields += [mean, used, of, text(r.region), b.regionName ?? "", text(r.england)]
                fields += [rank, rankOf, r.quartile?.rawValue ?? "", direction]
                fields += [b.previous?.period.canonical ?? "", text(b.previous?.authority)]
                lines.append(fields.map(DataCSV.quote).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
