import Foundation
import ScorecardCore
import Yams

/// Reads `site.yaml`.
enum SiteFileLoader {
    static let keys = ["title", "authority", "theme", "base-url", "scorecards", "population", "disclosure"]

    static func load(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> Site? {
        var y = YAMLReader(path: path)
        defer { diagnostics += y.diagnostics }
        guard let root = y.parse(text) else {
            if y.diagnostics.isEmpty {
                y.diagnostics.append(.error("site.yaml is empty; it needs title, authority and scorecards", at: SourceLocation(path: path)))
            }
            return nil
        }
        guard let e = y.mapping(root, allowed: keys, what: "site.yaml") else { return nil }
        let title = y.require(e, "title", in: "site.yaml", at: root).flatMap { y.nonEmptyString($0, what: "title") }
        let authority = y.require(e, "authority", in: "site.yaml", at: root).flatMap { y.nonEmptyString($0, what: "authority") }
        var theme = "default"
        if let t = y.optional(e, "theme"), let name = y.string(t, what: "theme") {
            if let problem = Identifier.problem(with: name, kind: "theme name") { y.error(problem, at: t) } else { theme = name }
        }
        let baseURL = y.optional(e, "base-url").flatMap { y.string($0, what: "base-url") }
        if let b = baseURL, let node = y.optional(e, "base-url"),
           !(b.hasPrefix("https://") || b.hasPrefix("http://")) {
            y.error("base-url must start with https:// or http://, not '\(b)'", at: node)
        }
        var listings: [Site.ScorecardListing] = []
        if let node = y.require(e, "scorecards", in: "site.yaml", at: root), let items = y.sequence(node, what: "scorecards") {
            for item in items {
                guard let se = y.mapping(item, allowed: ["id", "title", "retired"], what: "a scorecard entry") else { continue }
                guard let idNode = y.require(se, "id", in: "a scorecard entry", at: item),
                      let id = y.string(idNode, what: "id") else { continue }
                if let problem = Identifier.problem(with: id, kind: "scorecard id") { y.error(problem, at: idNode); continue }
                if Identifier.reservedScorecardIDs.contains(id) {
                    y.error("scorecard id '\(id)' is reserved for the site's own pages; choose another", at: idNode)
                    continue
                }
                if listings.contains(where: { $0.id == id }) {
                    y.error("scorecard '\(id)' is listed more than once", at: idNode)
                    continue
                }
                guard let t = y.require(se, "title", in: "scorecard '\(id)'", at: item),
                      let title = y.nonEmptyString(t, what: "title") else { continue }
                let retired = y.optional(se, "retired").flatMap { y.bool($0, what: "retired") } ?? false
                listings.append(.init(id: id, title: title, retired: retired))
            }
        }
        let population = y.optional(e, "population").flatMap { y.population($0) } ?? [:]
        let suppress = y.optional(e, "disclosure").flatMap { y.suppressBelow($0) } ?? 0
        guard let title, let authority else { return nil }
        return Site(title: title, authority: authority, theme: theme, baseURL: baseURL, scorecards: listings,
                    population: population, suppressBelow: suppress)
    }
}

/// Reads `visit.yaml`.
enum VisitFileLoader {
    static let keys = ["title", "date", "data-as-of", "status", "population", "disclosure"]

    static func load(_ text: String, id: String, path: String, diagnostics: inout [Diagnostic]) -> Visit? {
        var y = YAMLReader(path: path)
        defer { diagnostics += y.diagnostics }
        guard let root = y.parse(text) else {
            if y.diagnostics.isEmpty {
                y.diagnostics.append(.error("visit.yaml is empty; it needs title, date and data-as-of", at: SourceLocation(path: path)))
            }
            return nil
        }
        guard let e = y.mapping(root, allowed: keys, what: "visit.yaml") else { return nil }
        let title = y.require(e, "title", in: "visit.yaml", at: root).flatMap { y.nonEmptyString($0, what: "title") }
        let date = y.require(e, "date", in: "visit.yaml", at: root).flatMap { y.date($0, what: "date") }
        let asOfNode = y.require(e, "data-as-of", in: "visit.yaml", at: root)
        let asOf = asOfNode.flatMap { y.date($0, what: "data-as-of") }
        if let date, let asOf, let node = asOfNode, asOf > date {
            y.error("data-as-of \(asOf) is later than the visit date \(date); the data cut-off cannot follow the visit", at: node)
        }
        let status = y.optional(e, "status").flatMap { y.choice($0, what: "status", as: VisitStatus.self) } ?? .draft
        let population = y.optional(e, "population").flatMap { y.population($0) }
        let suppress = y.optional(e, "disclosure").flatMap { y.suppressBelow($0) }
        guard let title, let date, let asOf else { return nil }
        return Visit(id: id, title: title, date: date, dataAsOf: asOf, status: status, population: population,
                     suppressBelow: suppress, location: SourceLocation(path: path))
    }
}
