import Foundation
import Testing
import ScorecardSite

/// Every problem comes out in one run: an error in the data does not hide the narratives'
/// own errors or the theme's, which would only have appeared once the data was fixed.
@Suite struct OneRunTests {
    static let narrativePath = "content/visits/2020-07/front-door/narrative.md"
    static let csvPath = "content/visits/2020-07/front-door/contacts.csv"
    static let csvError = "content/visits/2020-07/front-door/contacts.csv:11:13: error: '2020-13' is not a period (months run from 01 to 12)"

    static func withBadRow(_ files: [String: String]) -> [String: String] {
        var files = files
        files[csvPath]! += "decided-1wd,2020-13,50,,,,\n"
        return files
    }

    @Test func narrativeErrorsComeOutWithDataErrors() {
        var files = Self.withBadRow(SmallSite.files)
        files[Self.narrativePath] = "Unknown {{decided-1wdd}}, {{decided-1wd.bogus}}.\n\n```kpi\nnosuch\nBad_Id\n```\n"
        let result = build(files)
        #expect(result.files.isEmpty)
        #expect(result.printed == [
            Self.csvError,
            "\(Self.narrativePath):1:9: error: unknown indicator 'decided-1wdd' in {{decided-1wdd}}; it is not defined in any scorecard of this visit; did you mean 'decided-1wd'?",
            "\(Self.narrativePath):1:27: error: unknown field 'bogus' in '{{decided-1wd.bogus}}'; expected one of period, target, change, direction (or {{decided-1wd}} for the latest value)",
            "\(Self.narrativePath):4:1: error: unknown indicator 'nosuch' in a kpi block; it is not defined in any scorecard of this visit",
            "\(Self.narrativePath):5:1: error: 'Bad_Id' is not a valid indicator id in a kpi block; ids match [a-z0-9][a-z0-9-]*, at most 64 characters, one id per line",
        ])
    }

    /// A reference to an indicator whose definition has an error is not "unknown" again.
    @Test func noUnknownIndicatorThatFollowsFromABrokenDefinition() {
        var files = SmallSite.files
        files["content/visits/2020-07/front-door/scorecard.yaml"] = SmallSite.frontDoorYAML
            .replacingOccurrences(of: "    unit: rate-per-10k\n", with: "    unit: rate-per-10000\n")
        files[Self.narrativePath] = "Rate {{referrals-rate}}, and {{x.bogus}}.\n"
        let result = build(files)
        #expect(result.printed.filter { $0.contains(": error: ") }.map { String($0.prefix(while: { $0 != " " })) } == [
            "content/visits/2020-07/front-door/narrative.md:1:30:",
            "content/visits/2020-07/front-door/scorecard.yaml:14:11:",
        ])
    }

    /// Errors found in the theme as it is read (a missing partial, a syntax error); an
    /// unknown key shows only when a page is rendered with it.
    @Test func themeErrorsComeOutWithDataErrors() throws {
        var files = Self.withBadRow(SmallSite.files)
        files["site.yaml"] = SmallSite.siteYAML + "theme: custom\n"
        var theme = try ThemeFiles.asSiteTheme(named: "custom")
        theme["themes/custom/templates/rag.mustache"]! += "{{>nope}}\n"
        files.merge(theme) { a, _ in a }
        let result = build(files)
        #expect(result.printed == [
            Self.csvError,
            "themes/custom/templates/rag.mustache:2:1: error: the partial 'nope' does not exist; expected templates/nope.mustache in the theme",
        ])
    }
}
