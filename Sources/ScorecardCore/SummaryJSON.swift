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

    static func number(_ value: Decimal?) -> JSONValue {
        value.map { .number(DecimalNumber.jsonNumber($0)) } ?? .null
    }
}
