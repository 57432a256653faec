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
