import Foundation

/// What a percent written as a bare `value` (no numerator and denominator) is a percentage
/// of: `base:` in `scorecard.yaml`. With it, disclosure control works out the count behind
/// each value, n = value × base / 100, and checks n, base − n and the base itself.
public enum DisclosureBase: Sendable, Hashable {
    /// `base: count-of-children`: the children of the area, i.e. the population in force for
    /// the year the period begins (as for rates per 10,000).
    case countOfChildren
    /// `base: <indicator-id>`: a count indicator of the same visit, whose headline value in
    /// the same period is the base.
    case indicator(String)

    /// The word that names `countOfChildren` in `scorecard.yaml`.
    public static let countOfChildrenKeyword = "count-of-children"

    /// The base as written.
    public var written: String {
        switch self {
        case .countOfChildren: return Self.countOfChildrenKeyword
        case .indicator(let id): return id
        }
    }
}
