import ArgumentParser
import Foundation
@testable import ScorecardCLI
import Testing

/// A site folder on disk for the commands to work on.
struct TempSite {
    let url: URL
    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-cli-\(UUID().uuidString)")
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }
    func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: url.appendingPathComponent(path)) }
    func read(_ path: String) -> String? { try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8) }
    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Every file under `folder` with its bytes.
    func snapshot(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let root = url.appendingPathComponent(folder)
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return out }
        for case let f as URL in e {
            if let d = try? Data(contentsOf: f) { out[String(f.path.dropFirst(root.path.count))] = d }
        }
        return out
    }

    static let minimal: [String: String] = [
        "site.yaml": "title: Scorecards\nauthority: Test Council\nscorecards:\n  - id: front-door\n    title: Front Door\n",
        "content/visits/2020-02/visit.yaml": "title: February 2020\ndate: 2020-02-12\ndata-as-of: 2020-01-31\nstatus: published\n",
        "content/visits/2020-02/front-door/scorecard.yaml": "indicators:\n  - id: contacts\n    title: Contacts\n    unit: count\n    better: neither\n",
        "content/visits/2020-02/front-door/data.csv": "indicator,period,value\ncontacts,2019-12,100\ncontacts,2020-01,120\n",
    ]
}

func exitCode(_ args: [String]) async -> Int32 {
    do {
        var command = try ScorecardCommand.parseAsRoot(args)
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
        return 0
    } catch {
        return ScorecardCommand.exitCode(for: error).rawValue
    }
}

@Suite(.serialized) struct CommandTests {
    @Test func usageMistakesExitWith64() async {
        #expect(await exitCode(["build", "--no-such-flag"]) == 64)
        #expect(await exitCode(["no-such-command"]) == 64)
        #expect(await exitCode(["new-visit", "2020-11"]) == 64)   // --date and --data-as-of are required
    }

    @Test func checkExitsZeroWithWarningsAndOneWithErrors() async throws {
        let site = try TempSite(TempSite.minimal)
        defer { site.remove() }
        #expect(await exitCode(["check", "--site", site.url.path]) == 0)   // one warning: no publish record
        try site.write("content/visits/2020-02/front-door/data.csv", "indicator,period,value\ncontacts,2019-12,85%\n")
        #expect(await exitCode(["check", "--site", site.url.path]) == 1)
    }

    @Test func aFailingBuildLeavesThePreviousOutputExactlyAsItWas() async throws {
        let site = try TempSite(TempSite.minimal)
        defer { site.remove() }
        #expect(await exitCode(["build", "--site", site.url.path]) == 0)
        let before = site.snapshot("output")
        #expect(before["/visits/2020-02/summary.json"] != nil)
        try site.write("content/visits/2020-02/front-door/data.csv", "indicator,period,value\ncontacts,2019-13,1\n")
        #expect(await exitCode(["build", "--site", site.url.path]) == 1)
        #expect(site.snapshot("output") == before)
        // No staging folder is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.url.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSecondBuildReplacesTheFirstAndIsByteIdentical() async throws {
        let site = try TempSite(TempSite.minimal)
        defer { site.remove() }
        #expect(await exitCode(["build", "--site", site.url.path]) == 0)
        let first = site.snapshot("output")
        #expect(await exitCode(["build", "--site", site.url.path]) == 0)
        #expect(site.snapshot("output") == first)
    }

    @Test func buildRefusesOutputFoldersThatWouldHarmTheSite() async throws {
        let site = try TempSite(TempSite.minimal)
        defer { site.remove() }
        for bad in [site.url.path, site.url.appendingPathComponent("content").path,
                    site.url.appendingPathComponent("content/visits/out").path,
                    site.url.deletingLastPathComponent().path] {
            #expect(await exitCode(["build", "--site", site.url.path, "--output", bad]) == 1, "\(bad)")
        }
        // A folder that a build did not write is not replaced.
        try FileManager.default.createDirectory(at: site.url.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try site.write("mine/notes.txt", "keep me")
        #expect(await exitCode(["build", "--site", site.url.path, "--output", site.url.appendingPathComponent("mine").path]) == 1)
        #expect(site.read("mine/notes.txt") == "keep me")
    }
}
