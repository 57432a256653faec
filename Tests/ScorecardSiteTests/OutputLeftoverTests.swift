import Foundation
import ScorecardSite
import Testing

/// A build killed mid-way leaves its hidden staging folder beside output/; the next build
/// removes such leftovers of its own kind and nothing else.
@Suite struct OutputLeftoverTests {
    /// A process id that was running a moment ago and is not now: a child that has exited
    /// and been reaped.
    static func deadPID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    /// Above the largest `pid_max` Linux allows (2^22 = 4,194,304): never a running process.
    static let neverRunning: Int32 = 4_194_400

    @Test func leftoversOfKilledBuildsGoAndNothingElseDoes() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("leftovers-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        func folder(_ name: String, files: [String: String]) throws {
            let dir = root.appendingPathComponent(name)
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            for (path, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(path)) }
        }
        let dead = try Self.deadPID()
        // Another build running now: a live process holding its staging folder.
        let live = Process()
        live.executableURL = URL(fileURLWithPath: "/bin/sleep")
        live.arguments = ["20"]
        try live.run()
        defer { kill(live.processIdentifier, SIGKILL); live.waitUntilExit() }
        let marker = [OutputFolder.marker: "written by scorecard build\n"]

        // Ours, of a dead process: a killed build's staging folder (marker and some pages),
        // an empty one (killed before its first file) and an old output moved aside.
        try folder(".output.staging-\(dead)", files: marker.merging(["index.html": "half"]) { a, _ in a })
        try folder(".output.staging-\(Self.neverRunning)", files: [:])
        try folder(".output.old-\(dead)", files: marker)
        // Not ours, kept: a live build's staging folder; a folder of the same name pattern
        // without the marker; a file with the pattern; other names; another output's leftover.
        try folder(".output.staging-\(live.processIdentifier)", files: marker)
        try folder(".output.staging-\(Self.neverRunning + 1)", files: ["notes.txt": "the author's"])
        try Data("a file".utf8).write(to: root.appendingPathComponent(".output.old-\(Self.neverRunning + 2)"))
        try folder(".output.staging-12x", files: marker)
        try folder(".output.staging-", files: marker)
        try folder(".output.backup-\(dead)", files: marker)
        try folder(".site.staging-\(dead)", files: marker)
        try folder("notes", files: ["a.txt": "a"])

        try OutputFolder(url: root.appendingPathComponent("output")).replace(with: ["index.html": Array("new".utf8)])

        let left = Set(try fm.contentsOfDirectory(atPath: root.path))
        #expect(left == [
            "output",
            ".output.staging-\(live.processIdentifier)",
            ".output.staging-\(Self.neverRunning + 1)",
            ".output.old-\(Self.neverRunning + 2)",
            ".output.staging-12x",
            ".output.staging-",
            ".output.backup-\(dead)",
            ".site.staging-\(dead)",
            "notes",
        ])
        #expect(try String(contentsOf: root.appendingPathComponent(".output.staging-\(Self.neverRunning + 1)/notes.txt"), encoding: .utf8) == "the author's")
        #expect(try String(contentsOf: root.appendingPathComponent("output/index.html"), encoding: .utf8) == "new")
    }
}
