import Foundation
import ScorecardCore
import Yams

/// What `scorecard.yaml` gave.
struct ScorecardFile {
    /// The definitions that could be read; nil when the file as a whole could not be (a syntax
    /// error, no `indicators` list), so that no row can be checked against it.
    var definitions: [IndicatorDefinition]?
    /// Ids of entries that were written but rejected for an error already reported (as
    /// written, and as the valid id they were probably meant to be): their rows are not
    /// reported again as unknown indicators.
    var rejectedIDs: Set<String> = []
    /// Where each indicator's `rolling` value is written, to point at it when the periods
    /// turn out not to allow a rolling mean.
    var rollingLocations: [String: SourceLocation] = [:]
}

/// Reads `scorecard.yaml`: the indicator definitions.
enum ScorecardFileLoader {
    static let keys = ["id", "title", "unit", "better", "target", "tolerance", "decimals", "comparators",
                       "breakdowns", "chart", "rolling", "trend-window", "stable-band", "disclosure",
                       "cumulative", "base", "definition", "source", "published"]

    /// The definitions, and the ids of entries rejected for an error.
    static func load(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> ScorecardFile {
        var y = YAMLReader(path: path)
        defer { diagnostics += y.diagnostics }
        guard let root = y.parse(text) else {
            if y.diagnostics.isEmpty {
                y.diagnostics.append(.error("scorecard.yaml is empty; it needs a list of indicators", at: SourceLocation(path: path)))
            }
            return ScorecardFile(definitions: nil)
        }
        guard let e = y.mapping(root, allowed: ["indicators"], what: "scorecard.yaml"),
              let listNode = y.require(e, "indicators", in: "scorecard.yaml", at: root),
              let items = y.sequence(listNode, what: "indicators") else { return ScorecardFile(definitions: nil) }
        var out: [IndicatorDefinition] = []
        var rejected: Set<String> = []
        var rolling: [String: SourceLocation] = [:]
        for item in items {
            guard let def = indicator(item, reader: &y, rollingAt: &rolling) else {
                if case .mapping(let m) = item {
                    for (k, v) in m where k.string == "id" {
                        guard case .scalar(let s) = v else { continue }
                        rejected.insert(s.string)
                        rejected.insert(Identifier.suggestedIdentifier(for: s.string) ?? s.string)
                    }
                }
                continue
            }
            if out.contains(where: { $0.id == def.id }) {
                y.diagnostics.append(.error("indicator '\(def.id)' is defined more than once in this file", at: def.location))
            } else {
                out.append(def)
            }
        }
        return ScorecardFile(definitions: out, rejectedIDs: rejected, rollingLocations: rolling)
    }

    private static func indicator(_ item: Node, reader y: inout YAMLReader,
                                  rollingAt: inout [String: SourceLocation]) -> IndicatorDefinition? {
        guard let e = y.mapping(item, allowed: keys, what: "an indicator") else { return nil }
        guard let idNode = y.require(e, "id", in: "an indicator", at: item),
              let id = y.string(idNode, what: "id") else { return nil }
        if let problem = Identifier.problem(with: id, kind: "indicator id") {
            y.error(problem, at: idNode)
            return nil
        }
        let what = "indicator '\(id)'"
        let title = y.require(e, "title", in: what, at: item).flatMap { y.nonEmptyString($0, what: "title") }
        let unit = y.require(e, "unit", in: what, at: item).flatMap { y.choice($0, what: "unit", as: MeasureUnit.self) }
        let better = y.require(e, "better", in: what, at: item).flatMap { y.choice($0, what: "better", as: Better.self) }
        let target = y.optional(e, "target").flatMap { y.decimal($0, what: "target") }
        var tolerance: Decimal = 0
        if let node = y.optional(e, "tolerance"), let t = y.decimal(node, what: "tolerance") {
            if t < 0 {
                y.error("tolerance cannot be negative; it is the width of the amber band beyond the target", at: node)
            } else {
                tolerance = t
                if target == nil { y.warning("tolerance has no effect without a target; add a target or remove the tolerance", at: node) }
            }
        }
        if target != nil, better == .neither, let node = y.optional(e, "target") {
            y.warning("a target has no RAG rating when better is 'neither'", at: node)
        }
        let decimals = y.optional(e, "decimals").flatMap { y.integer($0, what: "decimals", range: 0...6) }
        let comparators = y.optional(e, "comparators").map { comparatorList($0, reader: &y) } ?? []
        var breakdowns: [String]?
        if let node = y.optional(e, "breakdowns"), let list = y.sequence(node, what: "breakdowns") {
            var names: [String] = []
            for n in list {
                guard let name = y.nonEmptyString(n, what: "a breakdown category") else { continue }
                if names.contains(name) { y.error("breakdown category '\(name)' is listed twice", at: n); continue }
                names.append(name)
            }
            breakdowns = names
        }
        let chart = y.optional(e, "chart").flatMap { y.choice($0, what: "chart", as: ChartKind.self) }
        let rolling = y.optional(e, "rolling").flatMap { y.integer($0, what: "rolling", range: 2...120) }
        if rolling != nil, let node = y.optional(e, "rolling"), rollingAt[id] == nil { rollingAt[id] = y.location(node) }
        let window = y.optional(e, "trend-window").flatMap { y.integer($0, what: "trend-window", range: 3...1000) } ?? 6
        var stableBand: Decimal?
        if let node = y.optional(e, "stable-band"), let b = y.decimal(node, what: "stable-band") {
            if b < 0 { y.error("stable-band cannot be negative", at: node) } else { stableBand = b }
        }
        var exempt = false
        if let node = y.optional(e, "disclosure"), let s = y.string(node, what: "disclosure") {
            if s == "none" { exempt = true } else {
                y.error("disclosure can only be 'none' (this indicator is not about individual children), not '\(s)'", at: node)
            }
        }
        let definition = y.optional(e, "definition").flatMap { y.string($0, what: "definition") }
        let source = y.optional(e, "source").flatMap { y.string($0, what: "source") }
        let cumulative = y.optional(e, "cumulative").flatMap { y.bool($0, what: "cumulative") } ?? false
        if cumulative, unit != nil, unit != .count, let node = y.optional(e, "cumulative") {
            y.error("cumulative applies only to a count (a running total); this indicator's unit is \(unit!.rawValue)", at: node)
        }
        var base: (DisclosureBase, SourceLocation)?
        if let node = y.optional(e, "base"), let s = y.string(node, what: "base") {
            if unit != nil, unit != .percent {
                y.error("base applies only to a percent written as a value; this indicator's unit is \(unit!.rawValue)", at: node)
            } else if s == DisclosureBase.countOfChildrenKeyword {
                base = (.countOfChildren, y.location(node))
            } else if Identifier.problem(with: s, kind: "indicator id") == nil {
                base = (.indicator(s), y.location(node))
            } else {
                y.error("base must be '\(DisclosureBase.countOfChildrenKeyword)' or the id of a count indicator of this visit, not '\(s)'", at: node)
            }
        }
        let published = y.optional(e, "published").flatMap { StatisticsSettings.published($0, reader: &y) }
        guard let title, let unit, let better else { return nil }
        var def = IndicatorDefinition(
            id: id, title: title, unit: unit, better: better, target: target, tolerance: tolerance,
            decimals: decimals, comparators: comparators, breakdowns: breakdowns, chart: chart, rolling: rolling,
            trendWindow: window, stableBand: stableBand, disclosureExempt: exempt, definition: definition,
            source: source, location: y.location(idNode), published: published)
        def.cumulative = cumulative
        def.base = base?.0
        def.baseLocation = base?.1
        return def
    }

    /// `comparators:` as a map (`statistical-neighbours: 75.0`) or a list of
    /// `{ id, label, value, period }`.
    private static func comparatorList(_ node: Node, reader y: inout YAMLReader) -> [Benchmark] {
        var out: [Benchmark] = []
        func add(_ c: Benchmark, at n: Node, reader y: inout YAMLReader) {
            if out.contains(where: { $0.id == c.id }) {
                y.error("comparator '\(c.id)' is given twice", at: n)
            } else {
                out.append(c)
            }
        }
        switch node {
        case .mapping(let m):
            for (k, v) in m {
                guard let key = y.string(k, what: "a comparator name") else { continue }
                if let problem = Identifier.problem(with: key, kind: "comparator name") { y.error(problem, at: k); continue }
                guard let value = y.decimal(v, what: "comparator '\(key)'") else { continue }
                add(Benchmark(id: key, label: Benchmark.label(forKey: key), value: value), at: k, reader: &y)
            }
        case .sequence(let seq):
            for item in seq {
                guard let e = y.mapping(item, allowed: ["id", "label", "value", "period"], what: "a comparator") else { continue }
                guard let idNode = y.require(e, "id", in: "a comparator", at: item),
                      let id = y.string(idNode, what: "id") else { continue }
                if let problem = Identifier.problem(with: id, kind: "comparator id") { y.error(problem, at: idNode); continue }
                let label = y.optional(e, "label").flatMap { y.nonEmptyString($0, what: "label") } ?? Benchmark.label(forKey: id)
                guard let v = y.require(e, "value", in: "comparator '\(id)'", at: item),
                      let value = y.decimal(v, what: "comparator '\(id)'") else { continue }
                let period = y.optional(e, "period").flatMap { y.string($0, what: "period") }
                add(Benchmark(id: id, label: label, value: value, period: period), at: idNode, reader: &y)
            }
        default:
            y.error("comparators must be a mapping (england: 78.0) or a list of { id, label, value, period }", at: node)
        }
        return out
    }
}

