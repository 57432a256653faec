import Foundation
import ScorecardSite
import Testing

/// `new-visit --title` writes the title into visit.yaml, which YAML could not read back with
/// a control character in it (and would fold a line break into a space): such a title is
/// refused before anything is written.
@Suite(.serialized) struct NewVisitTitleTests {
    @Test(arguments: ["Visit\nstatus: published", "Bell\u{7}", "Tab\there", "  "])
    func aTitleVisitYAMLCannotHoldIsRefused(title: String) throws {
        let site = try TempSite(TempSite.minimal)
        defer { site.remove() }
        let outcome = Publishing.newVisit(id: "2020-07", date: "2020-07-15", dataAsOf: "2020-06-30", from: nil,
                                          title: title, site: site.url)
        #expect(!outcome.succeeded)
        #expect(outcome.diagnostics.map(\.location.path) == ["content/visits/2020-07"])
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("content/visits/2020-07").path))
    }

    @Test func anOrdinaryTitleIsWrittenAsGiven() throws {
        let site = try TempSite(TempSite.minimal)
        defer { site.remove() }
        let outcome = Publishing.newVisit(id: "2020-07", date: "2020-07-15", dataAsOf: "2020-06-30", from: nil,
                                          title: "July \"mid-year\" visit \\ review", site: site.url)
        #expect(outcome.succeeded)
        #expect(site.read("content/visits/2020-07/visit.yaml")?.hasPrefix("title: \"July \\\"mid-year\\\" visit \\\\ review\"\n") == true)
    }
}

/// `new-visit --from` a visit whose folder is there but whose visit.yaml cannot be read says
/// so, rather than that there is no such visit.
@Suite(.serialized) struct NewVisitFromTests {
    @Test func fromAVisitWithABrokenVisitYAML() throws {
        let site = try TempSite(TempSite.minimal)
        defer { site.remove() }
        try site.write("content/visits/2020-02/visit.yaml", "title: [\n")
        let outcome = Publishing.newVisit(id: "2020-07", date: "2020-07-15", dataAsOf: "2020-06-30", from: "2020-02",
                                          title: nil, site: site.url)
        #expect(!outcome.succeeded)
        #expect(outcome.diagnostics.map(\.description) == [
            "content/visits/2020-02/visit.yaml: error: visit '2020-02' cannot be copied while its visit.yaml has errors; 'scorecard check' shows them",
        ])
    }
}
