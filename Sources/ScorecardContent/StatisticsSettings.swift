import Foundation
import ScorecardCore
import Yams

/// The keys that tie a site and its indicators to the official statistics:
/// `authority-code` and `statistical-neighbours` in `site.yaml`, `published:` in `scorecard.yaml`.
enum StatisticsSettings {
    /// A code as the open-data files write `new_la_code`: a capital letter and eight digits.
    static func isCode(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count == 9 && (0x41...0x5A).contains(u[0]) && u.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Reads `authority-code` and `statistical-neighbours` from site.yaml's entries.
    static func read(_ e: [String: (key: Node, value: Node)], reader y: inout YAMLReader,
                     into file: inout SiteFile) -> (authority: String?, neighbours: [String]) {
        var authority: String?
        func code(_ node: Node, what: String) -> String? {
            guard let s = y.string(node, what: what) else { return nil }
            guard isCode(s) else {
                y.error("\(what) must be a local authority code as the statistics write it in new_la_code: a capital letter and eight digits, such as E08000032, not '\(s)'", at: node)
                return nil
            }
            return s
        }
        if let node = y.optional(e, "authority-code"), let c = code(node, what: "authority-code") {
            authority = c
            file.codeLocations[c] = y.location(node)
            file.statisticsLocation = y.location(node)
        }
        var neighbours: [String] = []
        if let node = y.optional(e, "statistical-neighbours"), let items = y.sequence(node, what: "statistical-neighbours") {
            file.statisticsLocation = y.location(node)
            for item in items {
                guard let c = code(item, what: "a statistical neighbour") else { continue }
                if c == authority {
                    y.error("\(c) is the authority itself (authority-code); list only its neighbours", at: item)
                } else if neighbours.contains(c) {
                    y.error("statistical neighbour \(c) is listed twice", at: item)
                } else {
                    neighbours.append(c)
                    file.codeLocations[c] = y.location(item)
                }
            }
            if authority == nil, e["authority-code"] == nil {
                y.error("statistical-neighbours needs authority-code, the code of the authority they are neighbours of", at: node)
            }
        }
        return (authority, neighbours)
    }

    /// Reads an indicator's `published: { file, measure, filters }`.
    static func published(_ node: Node, reader y: inout YAMLReader) -> PublishedMeasure? {
        guard let e = y.mapping(node, allowed: ["file", "measure", "filters"], what: "published") else { return nil }
        guard let fileNode = y.require(e, "file", in: "published", at: node),
              let file = y.nonEmptyString(fileNode, what: "file") else { return nil }
        if file.contains("/") || file.contains("\\") || file.hasPrefix(".") || !file.hasSuffix(".csv") {
            y.error("file must be the name of a .csv file in content/statistics/, such as cla_rates.csv, not '\(file)'", at: fileNode)
            return nil
        }
        guard let measureNode = y.require(e, "measure", in: "published", at: node),
              let measure = y.nonEmptyString(measureNode, what: "measure") else { return nil }
        var filters: [PublishedMeasure.Filter] = []
        if let f = y.optional(e, "filters") {
            guard case .mapping(let m) = f else {
                y.error("filters must map filter columns to values, such as { population_group: All }", at: f)
                return nil
            }
            for (k, v) in m {
                guard let column = y.nonEmptyString(k, what: "a filter column"),
                      let value = y.string(v, what: "the value of filter '\(column)'") else { return nil }
                if filters.contains(where: { $0.column == column }) {
                    y.error("filter '\(column)' is given twice", at: k)
                    return nil
                }
                filters.append(.init(column: column, value: value, columnLocation: y.location(k), valueLocation: y.location(v)))
            }
        }
        return PublishedMeasure(file: file, measure: measure, filters: filters, location: y.location(node),
                                fileLocation: y.location(fileNode), measureLocation: y.location(measureNode))
    }
}
