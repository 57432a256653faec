import Foundation
import ScorecardCore

/// Indicator cards and sparklines as last rendered, kept between the preview's rebuilds so
/// that an edit renders again only the cards whose figures changed: a narrative edit renders
/// none, a changed row renders that indicator's cards.
///
/// A card's markup is a function of its figures (`IndicatorFigures`, which hold its
/// definition, rows and the previous visit's figures), the previous visit's title, the
/// page's ids for it, its data link, whether its table starts open, and the theme. All but
/// the theme are the key, compared whole (no digest that could collide); the theme is
/// checked once per build (`begin(theme:)`), and a new theme empties the memo. Only cards
/// rendered without a problem are kept, so a template error is reported on every build.
/// A visit rendered again keeps only the cards it used this time; the cards of visits not
/// rendered again stay, and those of visits no longer in the site go, so the memo holds
/// about one site's cards however long the preview runs.
public final class CardMemo: Sendable {
    /// What a card's or a sparkline's markup depends on, apart from the theme.
    struct Key: Hashable, Sendable {
        enum Kind: Hashable, Sendable { case card(dataLink: String?, openTable: Bool), sparkline }
        var kind: Kind
        var figures: IndicatorFigures
        var previousVisitTitle: String?
        /// The ids the page gave it, in the order they were made.
        var ids: [String]
    }

    private struct State {
        var theme: String?
        /// By visit: kept from earlier builds.
        var kept: [String: [Key: String]] = [:]
        /// By visit: used or made in the build under way.
        var used: [String: [Key: String]] = [:]
        var made = 0
        var reused = 0
    }

    private let state = LockedBox(State())

    public init() {}

    /// Starts a build with the theme whose files hash to `theme` (`EditionKey.theme`).
    func begin(theme: String) {
        state.withLock { s in
            if s.theme != theme { s.kept = [:] }
            s.theme = theme
            s.used = [:]
            s.made = 0
            s.reused = 0
        }
    }

    /// Ends a build of a site whose visits are `visits`: each visit rendered keeps what it
    /// used, the others keep what they had, visits gone are dropped. Returns how many cards
    /// and sparklines the build made and how many it took from the memo.
    @discardableResult
    func finish(visits: Set<String>) -> (made: Int, reused: Int) {
        state.withLock { s in
            s.kept.merge(s.used) { _, used in used }
            s.kept = s.kept.filter { visits.contains($0.key) }
            s.used = [:]
            return (s.made, s.reused)
        }
    }

    /// How many cards and sparklines are kept, for tests.
    var count: Int { state.withLock { s in s.kept.values.reduce(0) { $0 + $1.count } } }

    /// The markup for `key` on a page of `visit`: kept, or made by `make` (nil when it
    /// failed: not kept).
    func markup(visit: String, _ key: Key, make: () -> String?) -> String? {
        let found: String? = state.withLock { s in
            guard let html = s.used[visit]?[key] ?? s.kept[visit]?[key] else { return nil }
            s.used[visit, default: [:]][key] = html
            s.reused += 1
            return html
        }
        if let found { return found }
        guard let html = make() else { return nil }
        state.withLock { s in
            s.used[visit, default: [:]][key] = html
            s.made += 1
        }
        return html
    }
}
