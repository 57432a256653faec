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

/// Issue 9: an unknown indicator in a narrative was not reported while the same scorecard's
/// data had an error, though the data cannot define an indicator: ids come from
/// scorecard.yaml alone.
@Suite struct UnknownReferenceWithDataErrorTests {
    static let narrativePath = "content/visits/2020-07/front-door/narrative.md"
    static let csvPath = "content/visits/2020-07/front-door/contacts.csv"

    /// July's contacts.csv with Oct 2019's value `70.0` mistyped as `7O` (letter O): row 2
    /// of the file, the value is the third field, after `decided-1wd,2019-10,` (20
    /// characters), so column 21.
    static func withMistypedValue(_ files: [String: String]) -> [String: String] {
        var files = files
        files[csvPath] = files[csvPath]!.replacingOccurrences(of: "decided-1wd,2019-10,70.0,", with: "decided-1wd,2019-10,7O,")
        return files
    }

    @Test func unknownReferenceIsReportedBesideACSVError() {
        var files = Self.withMistypedValue(SmallSite.files)
        // "Rate " is 5 characters, so the reference starts at column 6 of the body's line 1.
        files[Self.narrativePath] = "Rate {{no-such-indicator}}.\n"
        let result = build(files)
        #expect(result.files.isEmpty)
        let errors = result.printed.filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("\(Self.csvPath):2:21: error: ") }, "\(errors)")
        #expect(errors.contains("\(Self.narrativePath):1:6: error: unknown indicator 'no-such-indicator' in {{no-such-indicator}}; it is not defined in any scorecard of this visit"), "\(errors)")
    }

    /// Errors that cannot hide an indicator id do not silence the reference either: before,
    /// any error in site.yaml (here a base-url that is not http) or in a file of the visit
    /// other than its CSV and Markdown (here a misspelt status in visit.yaml) did.
    @Test func errorsThatCannotHideAnIDDoNotSilenceTheReference() {
        let unknown = "\(Self.narrativePath):1:6: error: unknown indicator 'no-such-indicator' in {{no-such-indicator}}; it is not defined in any scorecard of this visit"
        var badSite = Self.withMistypedValue(SmallSite.files)
        badSite["site.yaml"] = SmallSite.siteYAML + "base-url: ftp://example.org/\n"
        badSite[Self.narrativePath] = "Rate {{no-such-indicator}}.\n"
        var badVisit = Self.withMistypedValue(SmallSite.files)
        badVisit["content/visits/2020-07/visit.yaml"]! = badVisit["content/visits/2020-07/visit.yaml"]!
            .replacingOccurrences(of: "status: published", with: "status: publishd")
        badVisit[Self.narrativePath] = "Rate {{no-such-indicator}}.\n"
        for (files, other) in [(badSite, "site.yaml:12:11: error: "), (badVisit, "content/visits/2020-07/visit.yaml:4:9: error: ")] {
            let errors = build(files).printed.filter { $0.contains(": error: ") }
            #expect(errors.contains { $0.hasPrefix(other) }, "\(errors)")
            #expect(errors.contains { $0.hasPrefix("\(Self.csvPath):2:21: error: ") }, "\(errors)")
            #expect(errors.contains(unknown), "\(errors)")
        }
    }

    /// The opposite: when scorecard.yaml itself cannot be parsed, its ids are unknown, so a
    /// reference to one of them may only follow from that error and is not reported.
    @Test func unknownReferenceIsNotReportedWhenScorecardYAMLDidNotParse() {
        var files = SmallSite.files
        // An unclosed flow sequence: a YAML syntax error, so no definition is read.
        files["content/visits/2020-07/front-door/scorecard.yaml"] = "indicators: [\n"
        files[Self.narrativePath] = "Rate {{no-such-indicator}} and {{decided-1wd}}.\n"
        let result = build(files)
        #expect(result.files.isEmpty)
        let errors = result.printed.filter { $0.contains(": error: ") }
        #expect(errors.contains { $0.hasPrefix("content/visits/2020-07/front-door/scorecard.yaml:") }, "\(errors)")
        #expect(!errors.contains { $0.contains("unknown indicator") }, "\(errors)")
    }
}
