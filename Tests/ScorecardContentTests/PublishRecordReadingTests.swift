@testable import ScorecardContent
import ScorecardCore
import Testing

/// The publish record's quick reader takes only the record's own serialisation, and gives
/// what the YAML reader gives for it; anything else is left to the YAML reader.
struct PublishRecordReadingTests {
    static let hashA = String(repeating: "a1", count: 32)
    static let hashB = String(repeating: "0f", count: 32)

    static func record(files: [String: String] = ["visit.yaml": hashA, "card/data.csv": hashB]) -> PublishRecord {
        PublishRecord(visits: [
            "2024-03": .init(settings: ["population": hashA, "disclosure": hashB, "statistics:la-2024.csv": hashA], files: files),
            "v00001": .init(settings: ["scorecard-titles": hashB], files: ["overview.md": hashA]),
        ])
    }

    func yaml(_ text: String) -> PublishRecord? {
        var diags: [Diagnostic] = []
        let r = PublishRecord.parseYAML(text, diagnostics: &diags)
        return diags.isEmpty ? r : nil
    }

    @Test func readsItsOwnSerialisationAsTheYAMLReaderDoes() throws {
        for record in [Self.record(), Self.record(files: ["a file with spaces #1.md": Self.hashA, "x/y-z_1.csv": Self.hashB]), PublishRecord()] {
            let text = record.serialized()
            let quick = try #require(PublishRecord.canonical(text))
            #expect(quick == record)
            #expect(yaml(text) == record)
        }
    }

    @Test func leavesNamesItCannotBeSureOfToTheYAMLReader() {
        for name in ["say \"hi\".md", "back\\slash.md", "café.md", "tab\there.md"] {
            let record = Self.record(files: [name: Self.hashA])
            let text = record.serialized()
            #expect(PublishRecord.canonical(text) == nil, "\(name)")
            var diags: [Diagnostic] = []
            // Through `parse`, the YAML reader reads it (for names it can round-trip).
            let read = PublishRecord.parse(Array(text.utf8), diagnostics: &diags)
            if !name.contains("\t") { #expect(read == record, "\(name)") }
        }
    }

    @Test func anythingButTheExactSerialisationGoesToTheYAMLReader() {
        let text = Self.record().serialized()
        let variants = [
            text.replacingOccurrences(of: "visits:\n", with: "visits:\n\n"),                  // a blank line
            text.replacingOccurrences(of: "    files:\n", with: "    files: # the files\n"),   // a comment
            text + "  v00009:\n",                                                             // an entry with nothing
            text.replacingOccurrences(of: "      disclosure: ", with: "      disclosure:  "), // two spaces
            text.replacingOccurrences(of: "# The publish record", with: "#The publish record"), // a changed comment
            text.replacingOccurrences(of: "\n", with: "\r\n"),                                // CRLF
            String(text.dropLast()),                                                         // no final line end
            text.replacingOccurrences(of: Self.hashB, with: Self.hashB.uppercased()),         // upper-case hex
        ]
        for variant in variants {
            #expect(PublishRecord.canonical(variant) == nil, "\(variant.debugDescription.prefix(80))")
        }
        // Keys out of order: the YAML reader reads the same record; the quick one declines.
        let reordered = text.replacingOccurrences(of: "      disclosure: \(Self.hashB)\n      population: \(Self.hashA)\n",
                                                  with: "      population: \(Self.hashA)\n      disclosure: \(Self.hashB)\n")
        #expect(reordered != text)
        #expect(PublishRecord.canonical(reordered) == nil)
        #expect(yaml(reordered) == Self.record())
    }

    /// libyaml refuses keys over 1,024 characters, and `serialized()` writes no visits as
    /// `visits: {}`: the quick reader takes neither, so the YAML reader has its say.
    @Test func aVeryLongNameAndAnEmptyVisitsAreLeftToTheYAMLReader() {
        let long = Self.record(files: [String(repeating: "n", count: 1_100) + ".md": Self.hashA]).serialized()
        #expect(PublishRecord.canonical(long) == nil)
        var diags: [Diagnostic] = []
        _ = PublishRecord.parse(Array(long.utf8), diagnostics: &diags)
        #expect(diags.contains { $0.isError })
        let empty = PublishRecord().serialized().replacingOccurrences(of: "visits: {}\n", with: "visits:\n")
        #expect(empty != PublishRecord().serialized())
        #expect(PublishRecord.canonical(empty) == nil)
        #expect(yaml(empty) == PublishRecord())
    }

    @Test func aKeyTwiceIsLeftToTheYAMLReaderWhichReportsIt() {
        let text = Self.record().serialized().replacingOccurrences(of: "      \"overview.md\": ", with: "      \"overview.md\": \(Self.hashB)\n      \"overview.md\": ")
        #expect(text != Self.record().serialized())
        #expect(PublishRecord.canonical(text) == nil)
        var diags: [Diagnostic] = []
        _ = PublishRecord.parse(Array(text.utf8), diagnostics: &diags)
        #expect(diags.contains { $0.isError })
    }

    /// The quick reader's promise, over many edits of a record's text (lines removed, doubled
    /// or swapped, characters removed or changed): whatever it takes serialises back to
    /// exactly the text, and the YAML reader reads that text to the same record.
    @Test func whatItTakesIsAlwaysTheRecordsOwnSerialisation() {
        let text = Self.record(files: ["visit.yaml": Self.hashA, "card/data.csv": Self.hashB, "b.md": Self.hashA]).serialized()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var edits: [String] = []
        for i in lines.indices {
            var removed = lines; removed.remove(at: i); edits.append(removed.joined(separator: "\n"))
            var doubled = lines; doubled.insert(lines[i], at: i); edits.append(doubled.joined(separator: "\n"))
            if i + 1 < lines.count { var swapped = lines; swapped.swapAt(i, i + 1); edits.append(swapped.joined(separator: "\n")) }
        }
        let characters = Array(text)
        for i in characters.indices {
            var removed = characters; removed.remove(at: i); edits.append(String(removed))
            for c: Character in [" ", "\"", ":", "a", "\\"] where characters[i] != c {
                var changed = characters; changed[i] = c; edits.append(String(changed))
            }
        }
        var taken = 0
        for edit in edits {
            guard let r = PublishRecord.canonical(edit) else { continue }
            taken += 1
            #expect(r.serialized() == edit)
            #expect(yaml(edit) == r)
        }
        // Some edits keep a valid record (a hash digit changed to "a"); most are declined.
        #expect(taken > 0)
        #expect(taken < edits.count / 2)
    }
}
