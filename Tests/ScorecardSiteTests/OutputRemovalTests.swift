import Foundation
@testable import ScorecardSite
import Testing

/// Removing the previous output: everything in it goes, and a link inside it is removed,
/// never followed.
struct OutputRemovalTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("removal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func removesEveryVisitFolderAndFile() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let old = root.appendingPathComponent("old")
        for v in 0..<40 {
            try write("page", old.appendingPathComponent("visits/v\(v)/card-0\(v % 3)/index.html"))
            try write("csv", old.appendingPathComponent("visits/v\(v)/card-0\(v % 3)/data.csv"))
        }
        try write("home", old.appendingPathComponent("index.html"))
        try write("css", old.appendingPathComponent("assets/style.css"))
        try OutputFolder.removeFolder(old)
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == [])
    }

    @Test func aLinkedVisitsFolderIsRemovedNotFollowed() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let elsewhere = root.appendingPathComponent("elsewhere")
        try write("keep me", elsewhere.appendingPathComponent("v1/precious.txt"))
        let old = root.appendingPathComponent("old")
        try write("home", old.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(at: old.appendingPathComponent("visits"), withDestinationURL: elsewhere)
        try OutputFolder.removeFolder(old)
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(try String(contentsOf: elsewhere.appendingPathComponent("v1/precious.txt"), encoding: .utf8) == "keep me")
    }

    /// An output folder that was a link is, after the swap, the link in the staging folder's
    /// place: the link goes, and the folder it points to is left as it was.
    @Test func aLinkedFolderIsRemovedAsALink() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("www")
        try write("the site someone serves", target.appendingPathComponent("index.html"))
        try write("page", target.appendingPathComponent("visits/v1/index.html"))
        let link = root.appendingPathComponent("old-output")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try OutputFolder.removeFolder(link)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == nil)
        #expect(try String(contentsOf: target.appendingPathComponent("index.html"), encoding: .utf8) == "the site someone serves")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("visits/v1/index.html").path))
    }
}
