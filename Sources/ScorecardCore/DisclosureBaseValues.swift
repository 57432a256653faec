import Foundation

/// The base of a value-only percent in each period, from its `base:` declaration.
enum DisclosureBaseValues {
    /// For `count-of-children`, the population in force for the year each period begins (the
    /// latest earlier year where that year is missing); for an indicator id, that count
    /// indicator's headline in each period: its rows without a category, else the sum of its
    /// categories where every category seen in its series has a figure. Empty without a base.
    static func values(for definition: IndicatorDefinition, visit: Visit, site: Site) -> [Period: Decimal] {
        guard let base = definition.base, definition.unit == .percent else { return [:] }
        let ownRows = visit.scorecards.flatMap(\.observations).filter { $0.indicator == definition.id }
        switch base {
        case .countOfChildren:
            let population = visit.population(in: site)
            var out: [Period: Decimal] = [:]
            for row in ownRows {
                let year = row.period.populationYear
                if let p = population[year] ?? population.filter({ $0.key < year }).max(by: { $0.key < $1.key })?.value {
                    out[row.period] = Decimal(p)
                }
            }
            return out
        case .indicator(let id):
            guard let def = visit.scorecards.flatMap(\.indicators).first(where: { $0.id == id }), def.unit == .count
            else { return [:] }
            let rows = visit.scorecards.flatMap(\.observations).filter { $0.indicator == id }
            let categories = Set(rows.compactMap(\.breakdown))
            var out: [Period: Decimal] = [:]
            var byPeriod: [Period: [Observation]] = [:]
            for row in rows { byPeriod[row.period, default: []].append(row) }
            for (period, here) in byPeriod {
                if let total = here.first(where: { $0.breakdown == nil }) {
                    if let v = total.number { out[period] = v }
                    continue
                }
                let values = categories.compactMap { c in here.first(where: { $0.breakdown == c })?.number }
                if !categories.isEmpty, values.count == categories.count { out[period] = values.reduce(0, +) }
            }
            return out
        }
    }
}
