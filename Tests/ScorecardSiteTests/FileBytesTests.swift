import Foundation
@testable import ScorecardSite
import Testing

/// Reading files into one buffer kept from file to file, as the cache check does.
struct FileBytesTests {
    @Test func aKeptBufferHoldsEachFileAtItsStart() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = Array(repeating: UInt8(ascii: "b"), count: 70_000), small = Array("small".utf8)
        try Data(big).write(to: dir.appendingPathComponent("big"))
        try Data(small).write(to: dir.appendingPathComponent("small"))
        try Data().write(to: dir.appendingPathComponent("empty"))
        var buffer: [UInt8] = []
        #expect(FileBytes.read(dir.appendingPathComponent("empty").path, into: &buffer) == 0)
        #expect(FileBytes.read(dir.appendingPathComponent("big").path, into: &buffer) == 70_000)
        #expect(Array(buffer[..<70_000]) == big)
        #expect(FileBytes.read(dir.appendingPathComponent("small").path, into: &buffer) == 5)
        #expect(Array(buffer[..<5]) == small)
        #expect(FileBytes.read(dir.appendingPathComponent("missing").path, into: &buffer) == nil)
        #expect(FileBytes.read(dir.path, into: &buffer) == nil)   // a folder is not a file
    }
}
