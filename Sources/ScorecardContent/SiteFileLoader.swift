import Foundation
import ScorecardCore
import Yams

/// What `site.yaml` gave, as far as it could be read: enough to check the visits against
/// even when the file has errors, without reporting again what follows from them.
struct SiteFile {
    /// The settings, when the file has no error that leaves a required one unknown.
    var site: Site?
    /// The scorecards listed; nil when the list could not be read at all.
    var listed: [Site.ScorecardListing]?
    /// Ids of scorecard entries rejected for an error already reported (as written, and as
    /// the valid id they were probably meant to be): their folders are not reported again.
    var rejectedIDs: Set<String> = []
    /// Head counts by year; nil when they could not be read, so no rate can be checked.
    var population: [Int: Int]?
    /// Where `theme:`'s value is written, when it is.
    var themeLocation: SourceLocation?
    /// Where `authority-code` and each statistical neighbour's code are written, by code.
    var codeLocations: [String: SourceLocation] = [:]
    /// Where `statistical-neighbours` (or, without it, `authority-code`) is written.
    var statisticsLocation: SourceLocation?

    /// Nothing could be read.
    static let unknown = SiteFile(site: nil, listed: nil, population: nil)
}

/// Reads `site.yaml`.
enum SiteFileLoader {
    static let keys = ["title", "authority", "theme", "base-url", "scorecards", "population", "disclosure",
                       "authority-code", "statistical-neighbours"]

    static func load(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> SiteFile {
        var y = YAMLReader(path: path)
        defer { diagnostics += y.diagnostics }
        guard let root = y.parse(text) else {
            if y.diagnostics.isEmpty {
                y.diagnostics.append(.error("site.yaml is empty; it needs title, authority and scorecards", at: SourceLocation(path: path)))
            }
            return .unknown
        }
        guard let e = y.mapping(root, allowed: keys, what: "site.yaml") else { return .unknown }
        let title = y.require(e, "title", in: "site.yaml", at: root).flatMap { y.nonEmptyString($0, what: "title") }
        let authority = y.require(e, "authority", in: "site.yaml", at: root).flatMap { y.nonEmptyString($0, what: "authority") }
        var theme = "default"
        let themeLocation = y.optional(e, "theme").map { y.location($0) }
        if let t = y.optional(e, "theme"), let name = y.string(t, what: "theme") {
            if let problem = Identifier.problem(with: name, kind: "theme name") { y.error(problem, at: t) } else { theme = name }
        }
        let baseURL = y.optional(e, "base-url").flatMap { y.string($0, what: "base-url") }
        if let b = baseURL, let node = y.optional(e, "base-url"),
           !(b.hasPrefix("https://") || b.hasPrefix("http://")) {
            y.error("base-url must start with https:// or http://, not '\(b)'", at: node)
        }
        var listings: [Site.ScorecardListing] = []
        var listRead = false
        var rejected: Set<String> = []
        if let node = y.require(e, "scorecards", in: "site.yaml", at: root), let items = y.sequence(node, what: "scorecards") {
            listRead = true
            for item in items {
                guard let se = y.mapping(item, allowed: ["id", "title", "retired"], what: "a scorecard entry") else { continue }
                guard let idNode = y.require(se, "id", in: "a scorecard entry", at: item),
                      let id = y.string(idNode, what: "id") else { continue }
                func reject() {
                    rejected.insert(id)
                    rejected.insert(Identifier.suggestedIdentifier(for: id) ?? id)
                }
                if let problem = Identifier.problem(with: id, kind: "scorecard id") { y.error(problem, at: idNode); reject(); continue }
                if Identifier.reservedScorecardIDs.contains(id) {
                    y.error("scorecard id '\(id)' is reserved for the site's own pages; choose another", at: idNode)
                    reject()
                    continue
                }
                if listings.contains(where: { $0.id == id }) {
                    y.error("scorecard '\(id)' is listed more than once", at: idNode)
                    continue
                }
                guard let t = y.require(se, "title", in: "scorecard '\(id)'", at: item),
                      let title = y.nonEmptyString(t, what: "title") else { reject(); continue }
                let retired = y.optional(se, "retired").flatMap { y.bool($0, what: "retired") } ?? false
                listings.append(.init(id: id, title: title, retired: retired))
            }
        }
        var population: [Int: Int]? = [:]
        if let node = y.optional(e, "population") {
            population = y.population(node)
        } else if e["population"] == nil, y.wasHinted("population", in: root) {
            population = nil   // misspelt: its absence is not the author's intent
        }
        let suppress = y.optional(e, "disclosure").flatMap { y.suppressBelow($0) } ?? 0
        var file = SiteFile(site: nil, listed: listRead ? listings : nil, rejectedIDs: rejected, population: population,
                            themeLocation: themeLocation)
        let codes = StatisticsSettings.read(e, reader: &y, into: &file)
        guard let title, let authority else { return file }
        var site = Site(title: title, authority: authority, theme: theme, baseURL: baseURL, scorecards: listings,
                        population: population ?? [:], suppressBelow: suppress)
        site.authorityCode = codes.authority
        site.statisticalNeighbours = codes.neighbours
        file.site = site
        return file
    }
}

/// Reads `visit.yaml`.
enum VisitFileLoader {
    static let keys = ["title", "date", "data-as-of", "status", "population", "disclosure"]

    /// The visit; `populationUnknown` is set when visit.yaml gives a population that could not
    /// be read (so neither its figures nor the site's may be used to check rates).
    static func load(_ text: String, id: String, path: String, diagnostics: inout [Diagnostic],
                     populationUnknown: inout Bool) -> Visit? {
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
        if population == nil, y.optional(e, "population") != nil || (e["population"] == nil && y.wasHinted("population", in: root)) {
            populationUnknown = true
        }
        let suppress = y.optional(e, "disclosure").flatMap { y.suppressBelow($0) }
        guard let title, let date, let asOf else { return nil }
        return Visit(id: id, title: title, date: date, dataAsOf: asOf, status: status, population: population,
                     suppressBelow: suppress, location: SourceLocation(path: path))
    }
}
