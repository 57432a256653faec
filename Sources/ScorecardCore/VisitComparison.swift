import Foundation

/// What moved between a visit and its previous published visit: the distance travelled.
public struct VisitComparison: Sendable, Hashable {
    /// A figure published at the previous visit that differs at this one.
    public struct Revision: Sendable, Hashable {
        public var period: Period
        public var breakdown: String?
        public var before: PublishedPoint
        public var after: PublishedPoint
    }

    /// A comparator whose value was added, removed or changed.
    public struct BenchmarkChange: Sendable, Hashable {
        public var id: String
        public var label: String
        public var before: Decimal?
        public var after: Decimal?
    }

    /// One indicator present at both visits.
    public struct IndicatorChange: Sendable, Hashable {
        public var figures: IndicatorFigures
        /// The previous visit's definition (its target and comparators then).
        public var previousDefinition: IndicatorDefinition
        public var targetChanged: Bool
        public var benchmarkChanges: [BenchmarkChange]
        public var revisions: [Revision]
        public var ragMoved: Bool { figures.rag != nil && figures.previousRAG != nil && figures.rag != figures.previousRAG }
    }

    /// An indicator on one side only.
    public struct Listed: Sendable, Hashable {
        public var id: String
        public var title: String
    }

    public struct ScorecardChanges: Sendable, Hashable {
        public var id: String
        public var title: String
        public var reported: Bool
        /// Indicators at both visits, those that moved RAG band first, then in scorecard order.
        public var indicators: [IndicatorChange]
        public var added: [Listed]
        public var dropped: [Listed]
    }

    public var visitID: String
    public var previousVisitID: String?
    public var scorecards: [ScorecardChanges]

    /// Compares `current` with `previous` (its previous published visit, if any).
    public static func compare(_ current: VisitFigures, previous: VisitFigures?) -> VisitComparison {
        guard let previous else {
            return VisitComparison(visitID: current.visit.id, previousVisitID: nil, scorecards: [])
        }
        let currentIDs = Set(current.indicators.map(\.id))
        var cards: [ScorecardChanges] = []
        for card in current.scorecards {
            let beforeCard = previous.scorecards.first { $0.id == card.id }
            var changes: [IndicatorChange] = []
            var added: [Listed] = []
            for f in card.indicators {
                guard let before = previous.indicator(f.id) else {
                    added.append(Listed(id: f.id, title: f.definition.title))
                    continue
                }
                changes.append(IndicatorChange(
                    figures: f, previousDefinition: before.definition,
                    targetChanged: f.definition.target != before.definition.target,
                    benchmarkChanges: benchmarkChanges(before.definition, f.definition),
                    revisions: revisions(before, f)))
            }
            let dropped = (beforeCard?.indicators ?? []).filter { !currentIDs.contains($0.id) }
                .map { Listed(id: $0.id, title: $0.definition.title) }
            let ordered = changes.filter(\.ragMoved) + changes.filter { !$0.ragMoved }
            cards.append(ScorecardChanges(id: card.id, title: card.title, reported: card.reported,
                                          indicators: ordered, added: added, dropped: dropped))
        }
        return VisitComparison(visitID: current.visit.id, previousVisitID: previous.visit.id, scorecards: cards)
    }

    static func benchmarkChanges(_ a: IndicatorDefinition, _ b: IndicatorDefinition) -> [BenchmarkChange] {
        var out: [BenchmarkChange] = []
        for c in b.comparators {
            let old = a.comparators.first { $0.id == c.id }
            if old?.value != c.value { out.append(BenchmarkChange(id: c.id, label: c.label, before: old?.value, after: c.value)) }
        }
        for c in a.comparators where !b.comparators.contains(where: { $0.id == c.id }) {
            out.append(BenchmarkChange(id: c.id, label: c.label, before: c.value, after: nil))
        }
        return out
    }

    /// Points published at both visits for the same period and category whose figure or
    /// symbol differs.
    static func revisions(_ before: IndicatorFigures, _ after: IndicatorFigures) -> [Revision] {
        var old: [String: PublishedPoint] = [:]
        for p in before.points { old["\(p.period.canonical)\u{0}\(p.breakdown ?? "")"] = p }
        return after.points.compactMap { p in
            guard let b = old["\(p.period.canonical)\u{0}\(p.breakdown ?? "")"] else { return nil }
            guard b.value != p.value || b.symbol != p.symbol else { return nil }
            return Revision(period: p.period, breakdown: p.breakdown, before: b, after: p)
        }
    }
}

/// `visits/<visit-id>/changes.json`: the comparison for other tools.
public enum ChangesJSON {
    public static func document(_ c: VisitComparison) -> String {
        func number(_ d: Decimal?) -> JSONValue { d.map { .number(DecimalNumber.jsonNumber($0)) } ?? .null }
        func point(_ p: PublishedPoint?) -> JSONValue {
            guard let p else { return .null }
            return .object([("period", .string(p.period.canonical)), ("value", number(p.value)),
                            ("symbol", p.symbol.map { .string($0.rawValue) } ?? .null)])
        }
        let cards: [JSONValue] = c.scorecards.map { card in
            .object([
                ("id", .string(card.id)),
                ("title", .string(card.title)),
                ("reported", .bool(card.reported)),
                ("indicators", .array(card.indicators.map { i in
                    let f = i.figures
                    return .object([
                        ("id", .string(f.id)),
                        ("title", .string(f.definition.title)),
                        ("unit", .string(f.definition.unit.rawValue)),
                        ("before", point(f.previousLatest)),
                        ("after", point(f.latest)),
                        ("change", number(f.change)),
                        ("ragBefore", f.previousRAG.map { .string($0.rawValue) } ?? .null),
                        ("ragAfter", f.rag.map { .string($0.rawValue) } ?? .null),
                        ("ragMoved", .bool(i.ragMoved)),
                        ("trendBefore", f.previousTrend.map { .string($0.rawValue) } ?? .null),
                        ("trendAfter", f.trend.map { .string($0.rawValue) } ?? .null),
                        ("targetBefore", number(i.previousDefinition.target)),
                        ("targetAfter", number(f.definition.target)),
                        ("comparatorsChanged", .array(i.benchmarkChanges.map {
                            .object([("id", .string($0.id)), ("before", number($0.before)), ("after", number($0.after))])
                        })),
                        ("revisions", .array(i.revisions.map { r in
                            .object([("period", .string(r.period.canonical)),
                                     ("breakdown", r.breakdown.map { .string($0) } ?? .null),
                                     ("before", number(r.before.value)),
                                     ("beforeSymbol", r.before.symbol.map { .string($0.rawValue) } ?? .null),
                                     ("after", number(r.after.value)),
                                     ("afterSymbol", r.after.symbol.map { .string($0.rawValue) } ?? .null)])
                        })),
                    ])
                })),
                ("added", .array(card.added.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })),
                ("dropped", .array(card.dropped.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })),
            ])
        }
        return JSONValue.object([
            ("visit", .string(c.visitID)),
            ("previousVisit", c.previousVisitID.map { .string($0) } ?? .null),
            ("scorecards", .array(cards)),
        ]).serialized() + "\n"
    }
}
