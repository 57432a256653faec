import Foundation
@testable import ScorecardCLI
import ScorecardContent
import ScorecardCore
import ScorecardSite
import Testing

@Suite(.serialized) struct PublishingTests {
    func diagnostics(_ site: TempSite) -> [String] {
        SiteBuilder.build(SourceTreeReader.read(site: site.url), options: .init(drafts: true)).diagnostics.map(\.description)
    }

    func published() throws -> TempSite {
        var files = TempSite.minimal
        files["content/visits/2020-02/visit.yaml"] = "# the February visit\ntitle: February 2020   # shown on every page\ndate: 2020-02-12\nstatus: draft  # until the board signs off\ndata-as-of: 2020-01-31\n"
        let site = try TempSite(files)
        let outcome = Publishing.publish(visit: "2020-02", site: site.url)
        #expect(outcome.succeeded)
        return site
    }

    @Test func publishSetsTheStatusKeepingTheRestOfTheFile() throws {
        let site = try published()
        defer { site.remove() }
        #expect(site.read("content/visits/2020-02/visit.yaml")
                == "# the February visit\ntitle: February 2020   # shown on every page\ndate: 2020-02-12\nstatus: published  # until the board signs off\ndata-as-of: 2020-01-31\n")
        let record = try #require(site.read("content/published.yaml"))
        #expect(record.contains("  2020-02:\n"))
        #expect(record.contains("\"front-door/data.csv\": "))
        #expect(record.contains("\"visit.yaml\": "))
        #expect(diagnostics(site) == [])   // published and recorded: no warning either
    }

    @Test func settingStatusAddsTheKeyWhenMissingAndKeepsCRLF() {
        #expect(Publishing.settingStatus("title: T\r\ndate: 2020-01-01\r\n", to: "published").0
                == "title: T\r\ndate: 2020-01-01\r\nstatus: published\r\n")
        #expect(Publishing.settingStatus("title: T", to: "published").0 == "title: T\nstatus: published\n")
        #expect(Publishing.settingStatus("status: published\n", to: "published").1 == false)
    }

    @Test func aChangedAddedOrRemovedFileFailsNamingEachFile() throws {
        let site = try published()
        defer { site.remove() }
        try site.write("content/visits/2020-02/front-door/data.csv", "indicator,period,value\ncontacts,2019-12,101\ncontacts,2020-01,120\n")
        try site.write("content/visits/2020-02/overview.md", "Added later.\n")
        try FileManager.default.removeItem(at: site.url.appendingPathComponent("content/visits/2020-02/front-door/scorecard.yaml"))
        let d = diagnostics(site)
        #expect(d.contains("content/visits/2020-02/front-door/data.csv: error: this file of the published visit '2020-02' has changed since it was published; put a correction in a later visit; if the change is intended, run 'scorecard reopen 2020-02'"))
        #expect(d.contains("content/visits/2020-02/overview.md: error: this file was added to the published visit '2020-02' after it was published; if the change is intended, run 'scorecard reopen 2020-02' first"))
        #expect(d.contains("content/visits/2020-02/front-door/scorecard.yaml: error: this file of the published visit '2020-02' has been removed; if the change is intended, run 'scorecard reopen 2020-02' first"))
    }

    @Test func lineEndsAndAByteOrderMarkAreNotChanges() throws {
        let site = try published()
        defer { site.remove() }
        try site.write("content/visits/2020-02/front-door/data.csv", "\u{FEFF}indicator,period,value\r\ncontacts,2019-12,100\r\ncontacts,2020-01,120\r\n")
        #expect(diagnostics(site) == [])
    }

    @Test func aDeletedVisitFolderFails() throws {
        let site = try published()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.url.appendingPathComponent("content/visits/2020-02"))
        #expect(diagnostics(site) == ["content/visits/2020-02: error: the published visit '2020-02' has been deleted; restore the folder from version control; if the change is intended, run 'scorecard reopen 2020-02' to remove it from the record"])
    }

    @Test func aChangedSettingFailsNamingTheSetting() throws {
        let site = try published()
        defer { site.remove() }
        try site.write("site.yaml", "title: Scorecards\nauthority: Test Council\nscorecards:\n  - id: front-door\n    title: The Front Door\npopulation:\n  2019: 140000\n")
        let d = diagnostics(site)
        #expect(d.contains("site.yaml: error: the scorecard titles in force for the published visit '2020-02' changed since it was published; keep the old value in content/visits/2020-02/visit.yaml; if the change is intended, run 'scorecard reopen 2020-02'"))
        #expect(d.contains("site.yaml: error: the population in force for the published visit '2020-02' changed since it was published; keep the old value in content/visits/2020-02/visit.yaml; if the change is intended, run 'scorecard reopen 2020-02'"))
        #expect(d.count == 2)
    }

    @Test func reopenLiftsTheFreezeAndSaysWhatItDid() throws {
        let site = try published()
        defer { site.remove() }
        try site.write("content/visits/2020-02/front-door/data.csv", "indicator,period,value\ncontacts,2019-12,101\n")
        let outcome = Publishing.reopen(visit: "2020-02", site: site.url)
        #expect(outcome.succeeded)
        #expect(outcome.messages.first == "Removed '2020-02' (3 files and its settings) from content/published.yaml.")
        #expect(diagnostics(site) == ["content/visits/2020-02/visit.yaml: warning: visit '2020-02' is marked published but has no publish record, so changes to it are not caught; run 'scorecard publish 2020-02'"])
        #expect(!Publishing.reopen(visit: "2020-02", site: site.url).succeeded)   // nothing left to reopen
    }

    @Test func publishRefusesAVisitWithErrors() throws {
        var files = TempSite.minimal
        files["content/visits/2020-02/front-door/data.csv"] = "indicator,period,value\ncontacts,2019-12,1e3\n"
        let site = try TempSite(files)
        defer { site.remove() }
        let outcome = Publishing.publish(visit: "2020-02", site: site.url)
        #expect(!outcome.succeeded)
        #expect(site.read("content/published.yaml") == nil)
    }

    @Test func newVisitCopiesTheLatestAsADraftAndNeverOverwrites() throws {
        let site = try published()
        defer { site.remove() }
        let outcome = Publishing.newVisit(id: "2020-07", date: "2020-07-15", dataAsOf: "2020-06-30", from: nil, title: nil, site: site.url)
        #expect(outcome.succeeded)
        #expect(site.read("content/visits/2020-07/visit.yaml") == "title: \"Monitoring visit, July 2020\"\ndate: 2020-07-15\ndata-as-of: 2020-06-30\nstatus: draft\n")
        #expect(site.read("content/visits/2020-07/front-door/data.csv") == site.read("content/visits/2020-02/front-door/data.csv"))
        #expect(diagnostics(site) == [])
        let before = site.snapshot("content")
        let again = Publishing.newVisit(id: "2020-07", date: "2020-08-01", dataAsOf: "2020-07-31", from: nil, title: nil, site: site.url)
        #expect(!again.succeeded)
        #expect(again.diagnostics.map(\.description) == ["content/visits/2020-07: error: content/visits/2020-07 already exists; nothing was changed. Choose another visit id"])
        #expect(site.snapshot("content") == before)
        #expect(!Publishing.newVisit(id: "2020-08", date: "2020-08-01", dataAsOf: "2020-08-02", from: nil, title: nil, site: site.url).succeeded)
        #expect(!Publishing.newVisit(id: "../x", date: "2020-08-01", dataAsOf: "2020-07-31", from: nil, title: nil, site: site.url).succeeded)
    }
}
