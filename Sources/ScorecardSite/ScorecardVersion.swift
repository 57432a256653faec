/// The version of `scorecard`, shown by `--version` and part of every cache key.
public enum ScorecardVersion {
    public static let number = "0.2.0"

    /// The version and this executable's identity, for cache keys (`EditionKey.currentTool`).
    public static let tool = EditionKey.currentTool(version: number)
}
