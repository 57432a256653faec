import Foundation
import ScorecardCore

extension PagePaths {
    public static func benchmarking(_ v: String) -> String { "visits/\(v)/benchmarking/index.html" }
    public static func benchmarkingCSV(_ v: String) -> String { "visits/\(v)/benchmarking/benchmarking.csv" }
}

/// The benchmarking page of a visit: every indicator with a published measure against its
/// statistical neighbours, region and England, one table per scorecard.
extension SitePages {
    /// True when some indicator of the visit has published comparators, so the page is written.
    static func hasBenchmarking(_ v: VisitFigures) -> Bool {
        v.indicators.contains { $0.benchmark?.latest != nil }
    }

    /// Writes the page and, with `dataFiles`, benchmarking.csv; nothing when no indicator has
    /// a published measure.
    func renderBenchmarking(_ v: VisitFigures, into out: Output, dataFiles: Bool) {
        guard Self.hasBenchmarking(v) else { return }
        let id = v.visit.id
        let path = PagePaths.benchmarking(id)
        var ctx = layout(path: path, title: "Benchmarking – \(v.visit.title)", visit: v,
                         crumbs: visitCrumbs(v) + [("Benchmarking", nil)])
        ctx["visit"] = visitFacts(v)
        ctx["benchmarking"] = .object(benchmarkingBody(v, path: path))
        out.add(path, renderer.render("benchmarking", ctx))
        if dataFiles { out.add(PagePaths.benchmarkingCSV(id), Array(BenchmarkingCSV.document(v).utf8)) }
    }

    /// The link from `path` to the visit's benchmarking page, or nothing when it has none.
    func benchmarkingLink(_ v: VisitFigures, from path: String) -> TemplateValue {
        Self.hasBenchmarking(v) ? .text(PagePaths.link(from: path, to: PagePaths.benchmarking(v.visit.id))) : .empty
    }

    /// The tables, for the page and for the pack (whose links come from its own folder).
    func benchmarkingBody(_ v: VisitFigures, path: String) -> TemplateObject {
        var symbols = Set<String>()
        var handWritten = false
        let groups = v.scorecards.compactMap { card -> TemplateValue? in
            let rows = card.indicators.compactMap { f -> TemplateValue? in
                guard let b = f.benchmark, let r = b.latest else { return nil }
                let def = f.definition
                func cell(_ c: PublishedCell?) -> String {
                    let t = PublishedView.text(c, def)
                    if t.hasPrefix("[") { symbols.insert(String(t.dropFirst().dropLast())) }
                    return t
                }
                func written(_ ids: Set<String>) -> String? {
                    guard let c = def.comparators.first(where: { ids.contains($0.id) }) else { return nil }
                    handWritten = true
                    let value = DisplayFormat.value(c.value, unit: def.unit, decimals: def.decimals)
                    return "\(value)\(c.period.map { " (\($0))" } ?? "") *"
                }
                let ids = Dictionary(uniqueKeysWithValues: Statistics.comparatorIDs.map { ($0.id, $0.handWritten) })
                let mean = r.neighbourMean.map { m -> String in
                    if m.value == nil { symbols.insert("x") }
                    return PublishedView.text(m, def)
                } ?? "–"
                var direction = "–"
                if let d = b.direction(better: def.better), let p = b.previous {
                    direction = "\(d.symbol) \(d.label) (\(PublishedView.text(p.authority, def)) in \(p.period.label))"
                }
                let rated = def.better != .neither
                return .object([
                    "title": .text(def.title),
                    "href": .text(PagePaths.link(from: path, to: PagePaths.scorecard(v.visit.id, card.id)) + "#ind-\(def.id)"),
                    "period": .text(r.period.label),
                    "value": .text(cell(r.authority)),
                    "neighbours": .text(b.overridden.contains("statistical-neighbours") ? written(ids["statistical-neighbours"]!) ?? mean : mean),
                    "region": .text(b.overridden.contains("region") ? written(ids["region"]!) ?? cell(r.region) : cell(r.region)),
                    "england": .text(b.overridden.contains("england") ? written(ids["england"]!) ?? cell(r.england) : cell(r.england)),
                    "rank": .text(rated ? r.rank?.text ?? "[x]" : "–"),
                    "quartile": .text(rated ? r.quartile?.rawValue ?? "[x]" : "–"),
                    "direction": .text(direction),
                ])
            }
            guard !rows.isEmpty else { return nil }
            return .object([
                "id": .text(card.id),
                "title": .text(card.title),
                "caption": .text("\(card.title): latest published figures against statistical neighbours, region and England"),
                "rows": .list(rows),
            ])
        }
        var key: [TemplateValue] = PublishedCell.symbols.filter { symbols.contains($0) }.map {
            .object(["symbol": .text("[\($0)]"), "meaning": .text(PublishedCell.meaning(of: $0))])
        }
        if handWritten {
            key.append(.object(["symbol": .text("*"), "meaning": .text("entered by hand in scorecard.yaml, in place of the published figure")]))
        }
        key.append(.object(["symbol": .text("–"), "meaning": .text("no rank or quartile: the indicator has no better direction, or no previous year")]))
        let regions = Set(v.indicators.compactMap { $0.benchmark?.regionName })
        return [
            "groups": .list(groups),
            "regionHeader": .text(regions.count == 1 ? regions.first! : "Region"),
            "key": .list(key),
            "hasKey": .flag(!key.isEmpty),
            "csvHref": .text(PagePaths.link(from: path, to: PagePaths.benchmarkingCSV(v.visit.id))),
            "authority": .text(site.authority),
            "neighbourCount": .text(String(site.statisticalNeighbours.count)),
        ]
    }
}
