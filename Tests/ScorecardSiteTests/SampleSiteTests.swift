import Foundation
import ScorecardSite
import Testing

/// The repository's own sample site (`site.yaml` and `content/` beside `Package.swift`) reads
/// as a board would expect: most cards carry a RAG, ratings move between visits, and every
/// target the source does not state is marked as illustrative where it is written.
@Suite struct SampleSiteTests {
    static let root = ThemeFiles.folder.deletingLastPathComponent().deletingLastPathComponent()
    /// The two targets the source self-assessment states (social care).
    static let realTargets: Set<String> = ["cp-repeat-plans", "cp-plans-2yrs-plus"]

    @Test func everyScorecardAtAGlanceHasRatingsAndMostIndicatorsAreRated() throws {
        let result = SiteBuilder.build(SourceTreeReader.read(site: Self.root))
        #expect(!result.diagnostics.contains { $0.description.contains("error:") }, "\(result.diagnostics)")
        let home = try #require(result.text("index.html"))
        // One rag-counts line a scorecard tile: "● 2 green", "◆ 1 amber", "▲ 1 red".
        let tiles = home.components(separatedBy: "<li class=\"tile\">").dropFirst()
        #expect(tiles.count == 4)
        var rated = 0, total = 0
        for tile in tiles {
            func count(_ word: String) -> Int {
                guard let r = tile.range(of: #"(\d+) "# + word + "</span>", options: .regularExpression) else { return -1 }
                return Int(tile[r].prefix { $0.isNumber }) ?? -1
            }
            let ratings = count("green") + count("amber") + count("red")
            #expect(ratings > 0, "a scorecard with no RAG at all: \(tile.prefix(200))")
            rated += ratings
            if let r = tile.range(of: #"\d+ without a target"#, options: .regularExpression) {
                total += ratings + (Int(tile[r].prefix { $0.isNumber }) ?? 0)
            }
        }
        #expect(rated * 2 > total, "\(rated) of \(total) rated")
        // The movers open with indicators that changed band: "◆ Amber to ▲ Red".
        let movers = try #require(home.range(of: "<table class=\"data movers\">").map { home[$0.lowerBound...] })
        #expect(movers.range(of: #"</span>\s+to <span class="rag"#, options: .regularExpression) != nil)
        let changes = try #require(result.text("visits/2020-07/changes/index.html"))
        #expect(changes.contains("<tr class=\"moved\">"))
    }

    @Test func everyTargetTheSourceDoesNotStateIsMarkedIllustrative() throws {
        let visits = Self.root.appendingPathComponent("content/visits")
        var targets = 0
        for visit in try FileManager.default.contentsOfDirectory(atPath: visits.path) {
            let folder = visits.appendingPathComponent(visit)
            guard let cards = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for card in cards {
                let file = folder.appendingPathComponent(card).appendingPathComponent("scorecard.yaml")
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                var indicator = ""
                for line in text.split(separator: "\n") {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed.hasPrefix("- id: ") { indicator = String(trimmed.dropFirst(6)) }
                    guard trimmed.hasPrefix("target:") || trimmed.hasPrefix("tolerance:") else { continue }
                    targets += 1
                    if !Self.realTargets.contains(indicator) {
                        #expect(line.contains("# illustrative"), "\(visit)/\(card): \(indicator): \(line)")
                    }
                }
            }
        }
        #expect(targets > 20)
        let site = try String(contentsOf: Self.root.appendingPathComponent("site.yaml"), encoding: .utf8)
        #expect(site.contains("is illustrative"))
    }
}
