import ScorecardContent
import ScorecardCore
import Testing

private let V = SiteFixture.visit
private let FD = SiteFixture.frontDoor

/// Things in the site folder that are not what their names say: each is named for what it
/// is, not reported as missing or as the wrong one of file and folder.
@Suite struct HostileLayoutTests {
    static func load(_ change: (inout SourceTree) -> Void) -> [String] {
        var tree = fixtureTree([])
        change(&tree)
        return withoutPublishReminder(ContentLoader.load(tree)).diagnostics.map(\.description)
    }

    /// A named pipe (or socket, or device) is never read: `scorecard check` would wait on it.
    @Test func aPipeInContentIsNotAFile() {
        let message = "is not a regular file (it is a pipe, socket or device); remove it, or put a file in its place"
        #expect(Self.load { $0.entries["\(V)/visit.yaml"] = .other } == ["\(V)/visit.yaml: error: 'visit.yaml' \(message)"])
        #expect(Self.load { $0.entries["\(FD)/narrative.md"] = .other } == ["\(FD)/narrative.md: error: 'narrative.md' \(message)"])
        #expect(Self.load { $0.entries["\(FD)/more.csv"] = .other } == ["\(FD)/more.csv: error: 'more.csv' \(message)"])
    }

    @Test func contentThatIsALinkOrAFileIsNotMissing() {
        func without(_ tree: inout SourceTree) { tree.entries = tree.entries.filter { !$0.key.hasPrefix("content") } }
        #expect(Self.load { without(&$0); $0.entries["content"] = .symlink } == [
            "content: error: content is a symbolic link; links are not followed, so move the folder itself here",
        ])
        #expect(Self.load { without(&$0); $0.entries["content"] = .file([]) } == [
            "content: error: content must be a folder, not a file; visits go in content/visits/<visit-id>/",
        ])
    }

    @Test func siteYAMLThatIsNotAFileIsNotMissing() {
        func settings(_ entry: SourceTree.Entry) -> [String] {
            Self.load { $0.entries["site.yaml"] = entry }.filter { $0.hasPrefix("site.yaml") }
        }
        #expect(settings(.folder) == ["site.yaml: error: site.yaml is a folder; it must be a text file with the site's settings"])
        #expect(settings(.symlink) == ["site.yaml: error: site.yaml is a symbolic link to nothing that can be read; it must be a text file with the site's settings"])
        #expect(settings(.other) == ["site.yaml: error: site.yaml is not a regular file (it is a pipe, socket or device); it must be a text file with the site's settings"])
    }

    /// Excel's "Unicode text" and Notepad's "Unicode" save UTF-16: say so, not "invalid UTF-8".
    @Test func aUTF16FileIsNamedAsSuch() {
        let csv = Array("indicator,period,value\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(diagnostics(.bytes("\(FD)/contacts.csv", [0xFF, 0xFE] + csv)) == [
            "\(FD)/contacts.csv:1:1: error: the file is saved as UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        ])
        #expect(diagnostics(.bytes("\(V)/visit.yaml", [0xFE, 0xFF, 0x00, 0x74])) == [
            "\(V)/visit.yaml:1:1: error: the file is saved as UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        ])
    }

    /// A count too long to be a count is not "not a whole number".
    @Test func aNumeratorWithTooManyDigits() {
        #expect(diagnostics(.replace("\(FD)/contacts.csv", ",568,1000,", ",1234567890123456,1000,")) == [
            "\(FD)/contacts.csv:2:31: error: the numerator 1234567890123456 has more than 15 digits, too many for a count of children or cases",
        ])
    }
}
