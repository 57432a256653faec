import Foundation

/// `visits/<visit-id>/summary.json`: the computed figures for other tools.
public enum SummaryJSON {
    /// The document for one visit, ending with a newline.
    public static func document(_ figures: VisitFigures) -> String {
        value(figures).serialized() + "\n"
    }

    /// The document as a JSON value, keys in the spec's order.
    public static func value(_ figures: VisitFigures) -> JSONValue {
        let v = figures.visit
        return .object([
            ("visit", .object([
                ("id", .string(v.id)),
                ("title", .string(v.title)),
                ("date", .string(v.date.description)),
                ("dataAsOf", .string(v.dataAsOf.description)),
                ("status", .string(v.status.rawValue)),
                ("previousVisit", figures.previousVisitID.map(JSONValue.string) ?? .null),
            ])),
            ("scorecards", .array(figures.scorecards.map { card in
                .object([
                    ("id", .string(card.id)),
                    ("title", .string(card.title)),
                    ("reported", .bool(card.reported)),
                    ("indicators", .array(card.indicators.map(indicator))),
                ])
            })),
        ])
    }

    static func indicator(_ f: IndicatorFigures) -> JSONValue {
        let d = f.definition
        return .object([
            ("id", .string(d.id)),
            ("title", .string(d.title)),
            ("unit", .string(d.unit.rawValue)),
            ("better", .string(d.better.rawValue)),
            ("latest", f.latest.map(point) ?? .null),
            ("target", number(d.target)),
            ("rag", f.rag.map { .string($0.rawValue) } ?? .null),
            ("trend", f.trend.map { .string($0.rawValue) } ?? .null),
            ("changeSincePreviousVisit", number(f.change)),
            ("comparators", .object(d.comparators.map { ($0.id, number($0.value)) })),
            ("published", f.benchmark.map { published($0, better: d.better) } ?? .null),
        ])
    }

    static func point(_ p: PublishedPoint) -> JSONValue {
        .object([
            ("period", .string(p.period.canonical)),
            ("periodLabel", .string(p.period.label)),
            ("periodStart", .string(p.period.start.description)),
            ("periodEnd", .string(p.period.end.description)),
            ("value", number(p.value)),
            ("symbol", p.symbol.map { .string($0.rawValue) } ?? .null),
            ("suppressed", .bool(p.isSuppressed)),
        ])
    }

    /// The comparators from the official statistics: where they come from, and every period's figures.
    static func published(_ b: BenchmarkFigures, better: Better) -> JSONValue {
        func cell(_ c: PublishedCell?) -> JSONValue { number(c?.value) }
        func symbol(_ c: PublishedCell?) -> JSONValue {
            if case .symbol(let s)? = c { return .string(s) }
            return .null
        }
        return .object([
            ("file", .string(b.measure.file)),
            ("measure", .string(b.measure.measure)),
            ("filters", .object(b.measure.filters.map { ($0.column, .string($0.value)) })),
            ("regionName", b.regionName.map(JSONValue.string) ?? .null),
            ("latestPeriod", b.latest.map { .string($0.period.canonical) } ?? .null),
            ("directionSincePreviousPeriod", b.direction(better: better).map { .string($0.rawValue) } ?? .null),
            ("series", .array(b.rows.map { r in
                .object([
                    ("period", .string(r.period.canonical)),
                    ("periodLabel", .string(r.period.label)),
                    ("periodStart", .string(r.period.start.description)),
                    ("periodEnd", .string(r.period.end.description)),
                    ("authority", cell(r.authority)),
                    ("authoritySymbol", symbol(r.authority)),
                    ("england", cell(r.england)),
                    ("englandSymbol", symbol(r.england)),
                    ("region", cell(r.region)),
                    ("regionSymbol", symbol(r.region)),
                    ("statisticalNeighbours", number(r.neighbourMean?.value)),
                    ("neighboursWithFigure", r.neighbourMean.map { .number(String($0.used)) } ?? .null),
                    ("neighbours", r.neighbourMean.map { .number(String($0.of)) } ?? .null),
                    ("rank", r.rank.map { .number(String($0.position)) } ?? .null),
                    ("rankOf", r.rank.map { .number(String($0.of)) } ?? .null),
                    ("quartile", r.quartile.map { .string($0.rawValue) } ?? .null),
                ])
            })),
        ])
    }

    static func number(_ value: Decimal?) -> JSONValue {
        value.map { .number(DecimalNumber.jsonNumber($0)) } ?? .null
    }
}
