/// Where each page lives in the output and how pages link to one another. Links are always
/// relative and name `index.html` explicitly, so the site works from `file://` and any folder.
public enum PagePaths {
    public static let home = "index.html"
    public static let latest = "latest/index.html"
    public static let stylesheet = "assets/style.css"

    public static func visit(_ v: String) -> String { "visits/\(v)/index.html" }
    public static func scorecard(_ v: String, _ s: String) -> String { "visits/\(v)/\(s)/index.html" }
    public static func pack(_ v: String) -> String { "visits/\(v)/pack/index.html" }
    public static func changes(_ v: String) -> String { "visits/\(v)/changes/index.html" }
    public static func summary(_ v: String) -> String { "visits/\(v)/summary.json" }
    public static func changesJSON(_ v: String) -> String { "visits/\(v)/changes.json" }
    public static func dataCSV(_ v: String, _ s: String) -> String { "visits/\(v)/\(s)/data.csv" }

    /// The relative link from the page at `from` to the file at `to` (both site-relative).
    public static func link(from: String, to: String) -> String {
        String(repeating: "../", count: depth(from)) + to
    }

    /// How many folders down from the site's root the file at `path` is.
    public static func depth(_ path: String) -> Int {
        path.split(separator: "/").count - 1
    }
}
