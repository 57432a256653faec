import Crypto
import Foundation
import ScorecardContent
import ScorecardCore

/// What a published visit's pages depend on, as one hash: when it is unchanged, the pages
/// made last time are the pages this build would make.
///
/// A published visit's files cannot change while it is published (the publish record says
/// so, and `check` fails otherwise), so its record entry stands for its files and the
/// settings in force for it. Its pages also show the previous published visit (the change
/// since then, its title) and, on an older edition, which edition is the latest. So the key
/// covers:
/// - `scorecard`'s version and the executable itself (a new build of the tool may render
///   differently);
/// - every file of the theme;
/// - the site settings every page shows: title, authority, base URL, theme, the listed
///   scorecards and the authority's and its neighbours' codes (`EditionKey.pageSettings`);
///   population, disclosure and the statistics files a visit reads are per visit, in the
///   record;
/// - the visit's own record entry and its previous published visit's (id and entry);
/// - the latest published visit's id and title, when it is another visit.
public struct EditionKey: Sendable {
    /// Identifies the `scorecard` that renders: its version and its executable.
    public var tool: String
    /// The theme's files, hashed.
    public var theme: String

    public init(tool: String, theme: Theme) {
        self.tool = tool
        var text = "theme \(theme.name)\n"
        for (path, bytes) in theme.files.sorted(by: { $0.key < $1.key }) {
            text += "\(path)\t\(EditionCache.hash(bytes))\n"
        }
        self.theme = EditionCache.hash(Array(text.utf8))
    }

    /// The version and, when it can be read, the size and time of the running executable,
    /// so that a rebuilt `scorecard` with the same version number does not reuse old pages.
    public static func currentTool(version: String) -> String {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return version }
        return "\(version) exe \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) \(st.st_ino)"
    }

    /// The settings of `site.yaml` that every page shows, as text. Population and the
    /// disclosure threshold are not here: they are part of each visit's record entry.
    public static func pageSettings(_ site: Site) -> String {
        var lines = ["title \(site.title)", "authority \(site.authority)", "theme \(site.theme)",
                     "base-url \(site.baseURL ?? "-")", "authority-code \(site.authorityCode ?? "-")",
                     "statistical-neighbours \(site.statisticalNeighbours.joined(separator: " "))"]
        for s in site.scorecards { lines.append("scorecard \(s.id)\t\(s.title)\t\(s.retired)") }
        return lines.joined(separator: "\n")
    }

    /// The names of `Site`'s stored properties that `pageSettings` or the record covers. A
    /// test compares this with the properties `Site` has, so a new setting cannot be
    /// forgotten here.
    public static let coveredSiteProperties: Set<String> = [
        "title", "authority", "theme", "baseURL", "scorecards", "population", "suppressBelow",
        "authorityCode", "statisticalNeighbours",
    ]

    /// The key of `visit`'s pages.
    public func key(visit id: String, entry: PublishRecord.Entry, previous: (id: String, entry: PublishRecord.Entry)?,
                    latest: (id: String, title: String)?, site: Site) -> String {
        var text = "scorecard-edition 1\ntool \(tool)\ntheme \(theme)\n\(Self.pageSettings(site))\n"
        text += "visit \(id)\n" + Self.text(entry)
        if let previous { text += "previous \(previous.id)\n" + Self.text(previous.entry) } else { text += "previous none\n" }
        if let latest, latest.id != id { text += "latest \(latest.id)\t\(latest.title)\n" } else { text += "latest self\n" }
        return EditionCache.hash(Array(text.utf8))
    }

    static func text(_ entry: PublishRecord.Entry) -> String {
        var text = ""
        for (k, v) in entry.settings.sorted(by: { $0.key < $1.key }) { text += "setting \(k)\t\(v)\n" }
        for (k, v) in entry.files.sorted(by: { $0.key < $1.key }) { text += "file \(k)\t\(v)\n" }
        return text
    }
}
