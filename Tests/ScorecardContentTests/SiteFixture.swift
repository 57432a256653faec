import ScorecardContent
import ScorecardCore
import Testing

/// A small valid site, written so that every line and column used by the tests can be
/// counted by hand. Line numbers are given in the comments beside each file.
enum SiteFixture {
    static let visit = "content/visits/2020-02"
    static let earlyHelp = visit + "/early-help"
    static let frontDoor = visit + "/front-door"

    static let siteYAML = """
        title: Children's Services Improvement Scorecards
        authority: Example Metropolitan Borough Council
        scorecards:
          - id: early-help
            title: Early Help
          - id: front-door
            title: Integrated Front Door
        population:
          2019: 141500
          2020: 142300

        """
    // 1 title  2 authority  3 scorecards  4 - id: early-help (id at 5, value at 9)
    // 5 title  6 - id: front-door  7 title  8 population  9 2019  10 2020

    static let visitYAML = """
        title: Monitoring visit, February 2020
        date: 2020-02-12
        data-as-of: 2020-01-31
        status: published

        """
    // 1 title (value at 8)  2 date (value at 7)  3 data-as-of (value at 13)  4 status (value at 9)

    static let earlyHelpYAML = """
        indicators:
          - id: eh-assessments
            title: Early help assessments completed
            unit: count
            better: higher
            target: 100
            tolerance: 10
            breakdowns: [North, South]
          - id: eh-rate
            title: Children starting an early help episode, per 10,000
            unit: rate-per-10k
            better: neither

        """
    // 2 and 9: "  - id: " is 8 characters, so the key is at column 5 and the id at column 9.
    // Keys inside an indicator start at column 5; "    unit: " puts the unit at 11,
    // "    tolerance: " the tolerance at 16.

    static let earlyHelpCSV = """
        indicator,period,value,numerator,breakdown
        eh-assessments,2019-11,120,,
        eh-assessments,2019-11,70,,North
        eh-assessments,2019-11,50,,South
        eh-assessments,2019-12,,,
        eh-rate,2019/20 Q2,,150,
        eh-rate,2019/20 Q3,[x],,

        """
    // Rows 2–5: indicator 1–14, period 16–22, value from 24, numerator at 27 or 28, breakdown
    // at 28 (row 3, after "70,,") or 29 (row 2, after "120,,").
    // Rows 6–7: indicator 1–7, period 9–18, value at 20, numerator at 21 (row 6).

    static let frontDoorYAML = """
        indicators:
          - id: contacts-decided-1wd
            title: Contacts with a decision in one working day
            unit: percent
            better: higher
            target: 80
            tolerance: 5
            comparators:
              statistical-neighbours: 75.0
              england: 78.0
          - id: referrals
            title: Referrals to children's social care
            unit: count
            better: neither
            chart: bar

        """
    // 2: contacts-decided-1wd at 9.  11: referrals at 9.  12 title, 13 unit, 14 better, 15 chart.

    static let frontDoorCSV = """
        indicator,period,value,numerator,denominator,status,note
        contacts-decided-1wd,2019-11,,568,1000,,
        contacts-decided-1wd,2019-12,57,171,300,p,"Includes ""late"" contacts, see note"
        referrals,2019-11,412,,,,
        referrals,2019-12,c,,,r,
        referrals,2020-01,z,,,,

        """
    // Header: indicator 1, period 11, value 18, numerator 24, denominator 34, status 46, note 53.
    // Row 2: indicator 1–20, period 22–28, value 30 (empty), numerator 31–33, denominator
    //        35–38, status 40, note 41.
    // Row 3: value 30–31, numerator 33–35, denominator 37–39, status 41, note 43.
    // Rows 4–6: indicator 1–9, period 11–17, value 19, numerator 23 (row 4, after "412,").

    static let earlyHelpNarrative = """
        ---
        title: Early help at this visit
        summary: Assessments held steady.
        ---
        Assessments held steady over the winter.

        """

    static let frontDoorNarrative = """
        Contacts are decided faster than a year ago.

        """

    static let files: [String: String] = [
        "site.yaml": siteYAML,
        visit + "/visit.yaml": visitYAML,
        earlyHelp + "/scorecard.yaml": earlyHelpYAML,
        earlyHelp + "/assessments.csv": earlyHelpCSV,
        earlyHelp + "/narrative.md": earlyHelpNarrative,
        frontDoor + "/scorecard.yaml": frontDoorYAML,
        frontDoor + "/contacts.csv": frontDoorCSV,
        frontDoor + "/narrative.md": frontDoorNarrative,
    ]
}

/// One change to the fixture.
enum Edit {
    /// Replace the one occurrence of `old` in the file at `path` with `new`.
    case replace(String, String, String)
    /// Write a whole text file (new or replacing).
    case write(String, String)
    /// Remove a file.
    case remove(String)
    /// Write raw bytes (invalid UTF-8, a byte-order mark).
    case bytes(String, [UInt8])
    /// Put a symbolic link at a path.
    case symlink(String)
    /// Put an empty folder at a path.
    case folder(String)
    /// Move every file under the folder `from` to the folder `to`.
    case moveFolder(String, String)
}

/// The fixture with `edits` applied, as a tree.
func fixtureTree(_ edits: [Edit], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SourceTree {
    var files = SiteFixture.files
    var extra: [String: SourceTree.Entry] = [:]
    for edit in edits {
        switch edit {
        case let .replace(path, old, new):
            guard let text = files[path] else {
                Issue.record("no file \(path) in the fixture", sourceLocation: sourceLocation)
                continue
            }
            let parts = text.components(separatedBy: old)
            if parts.count != 2 {
                Issue.record("'\(old)' occurs \(parts.count - 1) times in \(path), not once", sourceLocation: sourceLocation)
            }
            files[path] = parts.joined(separator: new)
        case let .write(path, text):
            files[path] = text
        case let .remove(path):
            if files.removeValue(forKey: path) == nil {
                Issue.record("no file \(path) to remove", sourceLocation: sourceLocation)
            }
        case let .bytes(path, bytes):
            files.removeValue(forKey: path)
            extra[path] = .file(bytes)
        case let .symlink(path):
            files.removeValue(forKey: path)
            extra[path] = .symlink
        case let .folder(path):
            extra[path] = .folder
        case let .moveFolder(from, to):
            for (path, text) in files where path.hasPrefix(from + "/") {
                files.removeValue(forKey: path)
                files[to + path.dropFirst(from.count)] = text
            }
        }
    }
    var tree = SourceTree(files: files)
    for (path, entry) in extra {
        tree.entries[path] = entry
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty {
            tree.entries[parts.joined(separator: "/")] = .folder
            parts = parts.dropLast()
        }
    }
    return tree
}

/// Loads the fixture with `edits` applied.
///
/// The fixture's visit is marked published without a publish record; the warning that
/// suggests `scorecard publish` is left out here (PublishRecordTests and the CLI's
/// PublishingTests cover it), so that each test sees only the problem it provokes.
func loadFixture(_ edits: Edit..., sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LoadedContent {
    withoutPublishReminder(ContentLoader.load(fixtureTree(edits, sourceLocation: sourceLocation)))
}

func withoutPublishReminder(_ content: LoadedContent) -> LoadedContent {
    var c = content
    c.diagnostics.removeAll { $0.severity == .warning && $0.message.hasSuffix("run 'scorecard publish 2020-02'") }
    return c
}

/// The diagnostics of the fixture with `edits` applied, as printed.
func diagnostics(_ edits: Edit..., sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
    withoutPublishReminder(ContentLoader.load(fixtureTree(edits, sourceLocation: sourceLocation))).diagnostics.map(\.description)
}

/// UTF-8 bytes of `text` with a byte-order mark and CRLF line ends.
func bomCRLF(_ text: String) -> [UInt8] {
    [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
}
