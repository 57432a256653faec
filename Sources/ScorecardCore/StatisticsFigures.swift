import Foundation

/// The mean of the statistical neighbours' figures for one period.
public struct NeighbourMean: Sendable, Hashable {
    /// The mean, or nil (shown `[x]`) when fewer than half the neighbours have a figure.
    public var value: Decimal?
    /// How many neighbours had a figure (symbols are skipped).
    public var used: Int
    /// How many neighbours `site.yaml` lists.
    public var of: Int

    public init(value: Decimal?, used: Int, of: Int) {
        self.value = value
        self.used = used
        self.of = of
    }

    /// `10 of 10`.
    public var countText: String { "\(used) of \(of)" }
}

/// A position among a group: `3rd of 11`.
public struct Rank: Sendable, Hashable {
    /// 1 = best; tied figures share the best position they cover.
    public var position: Int
    /// How many in the group have a figure.
    public var of: Int

    public init(position: Int, of: Int) {
        self.position = position
        self.of = of
    }

    /// `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`, `22nd`, …
    public static func ordinal(_ n: Int) -> String {
        let lastTwo = n % 100, last = n % 10
        if (11...13).contains(lastTwo) { return "\(n)th" }
        switch last {
        case 1: return "\(n)st"
        case 2: return "\(n)nd"
        case 3: return "\(n)rd"
        default: return "\(n)th"
        }
    }

    /// `3rd of 11`.
    public var text: String { "\(Rank.ordinal(position)) of \(of)" }
}

/// A national quartile: A is the best quarter of local authorities, D the worst.
public enum Quartile: String, Sendable, Hashable, CaseIterable {
    case a = "A", b = "B", c = "C", d = "D"

    /// The words shown beside the letter.
    public var meaning: String {
        switch self {
        case .a: return "best quarter of authorities"
        case .b: return "second quarter"
        case .c: return "third quarter"
        case .d: return "worst quarter"
        }
    }
}

/// Which way the authority's published figure moved since the previous published period.
public enum PublishedDirection: String, Sendable, Hashable, CaseIterable {
    case improved, worsened, same, up, down

    public var label: String {
        switch self {
        case .improved: return "Improved"
        case .worsened: return "Worsened"
        case .same: return "No change"
        case .up: return "Up"
        case .down: return "Down"
        }
    }

    /// A shape that goes with the word: ✓ and ✗ where the indicator says which way is
    /// better (as the cards' changes do), so a fall that is an improvement never shows as an
    /// arrow pointing up; arrows for the way an indicator with no better direction moved.
    public var symbol: String {
        switch self {
        case .improved: return "✓"
        case .worsened: return "✗"
        case .up: return "↑"
        case .down: return "↓"
        case .same: return "→"
        }
    }
}

/// Every published figure of one period.
public struct BenchmarkRow: Sendable, Hashable {
    public var period: Period
    /// The authority's own published cell; nil when the file has no row for it.
    public var authority: PublishedCell?
    public var england: PublishedCell?
    public var region: PublishedCell?
    /// nil when `site.yaml` lists no neighbours.
    public var neighbourMean: NeighbourMean?
    /// Among the authority and its neighbours; nil without a direction or an authority figure.
    public var rank: Rank?
    /// Among all local authorities with a figure; nil without a direction or an authority figure.
    public var quartile: Quartile?
}

/// The published comparators of one indicator at one visit.
public struct BenchmarkFigures: Sendable, Hashable {
    /// Where the figures come from.
    public var measure: PublishedMeasure
    /// The region's name as the file gives it.
    public var regionName: String?
    /// One row per period of the file (after the visit's cut-off), oldest first.
    public var rows: [BenchmarkRow]
    /// The comparators written by hand that replace published ones (`england`, `region`,
    /// `statistical-neighbours`): their published series is not shown.
    public var overridden: Set<String>

    /// The latest row: the last period of the file.
    public var latest: BenchmarkRow? { rows.last }

    /// The period before the latest in which the authority has a row.
    public var previous: BenchmarkRow? {
        rows.dropLast().last { $0.authority != nil }
    }

    /// The authority's latest figure against the one for the previous published period.
    public func direction(better: Better) -> PublishedDirection? {
        guard let now = latest?.authority?.value, let then = previous?.authority?.value else { return nil }
        return Statistics.direction(from: then, to: now, better: better)
    }
}

/// The rules of "Comparators from the official statistics", as pure functions.
public enum Statistics {
    /// The comparator ids a published series stands for, and the hand-written ids that replace each.
    public static let comparatorIDs: [(id: String, handWritten: Set<String>)] = [
        ("england", ["england"]),
        ("region", ["region"]),
        ("statistical-neighbours", ["statistical-neighbours", "sn"]),
    ]

    /// The mean of the numeric figures in `cells` (one per neighbour; nil where the file has
    /// no row), or `[x]` when fewer than half of `cells.count` have a figure.
    public static func neighbourMean(_ cells: [PublishedCell?]) -> NeighbourMean {
        let values = cells.compactMap { $0?.value }
        guard !cells.isEmpty else { return NeighbourMean(value: nil, used: 0, of: 0) }
        var sum: Decimal = 0
        for v in values { sum += v }
        let enough = !values.isEmpty && values.count * 2 >= cells.count
        return NeighbourMean(value: enough ? sum / Decimal(values.count) : nil, used: values.count, of: cells.count)
    }

    /// True when `a` is strictly better than `b`.
    static func isBetter(_ a: Decimal, than b: Decimal, _ better: Better) -> Bool {
        better == .higher ? a > b : better == .lower ? a < b : false
    }

    /// The position of `value` in `group` (which includes it): 1 + how many are strictly
    /// better. nil without a direction.
    public static func rank(of value: Decimal, in group: [Decimal], better: Better) -> Rank? {
        guard better != .neither, !group.isEmpty else { return nil }
        let ahead = group.filter { isBetter($0, than: value, better) }.count
        return Rank(position: ahead + 1, of: group.count)
    }

    /// The quartile of position p among n, by the share strictly better, (p − 1) / n: below
    /// 1/4 → A, below 1/2 → B, below 3/4 → C, else D (that is, floor(4(p − 1) / n) + 1).
    public static func quartile(position: Int, of n: Int) -> Quartile? {
        guard n > 0, position >= 1, position <= n else { return nil }
        return Quartile.allCases[min(4 * (position - 1) / n, 3)]
    }

    /// Which way a figure moved from `then` to `now`.
    public static func direction(from then: Decimal, to now: Decimal, better: Better) -> PublishedDirection {
        if now == then { return .same }
        switch better {
        case .higher: return now > then ? .improved : .worsened
        case .lower: return now < then ? .improved : .worsened
        case .neither: return now > then ? .up : .down
        }
    }

    /// Every figure of `statistics`, period by period, for an indicator whose good direction is `better`.
    public static func figures(_ statistics: PublishedStatistics, better: Better,
                               overridden: Set<String> = []) -> BenchmarkFigures {
        let rows = statistics.periods.map { period -> BenchmarkRow in
            let own = statistics.authority[period]
            let neighbourCells = statistics.neighbours.map { $0.series[period] }
            var row = BenchmarkRow(period: period, authority: own, england: statistics.england[period],
                                   region: statistics.region[period],
                                   neighbourMean: statistics.neighbours.isEmpty ? nil : neighbourMean(neighbourCells))
            if let value = own?.value {
                if !statistics.neighbours.isEmpty {
                    row.rank = rank(of: value, in: [value] + neighbourCells.compactMap { $0?.value }, better: better)
                }
                let all = statistics.allAuthorities[period] ?? [value]
                if let national = rank(of: value, in: all, better: better) {
                    row.quartile = quartile(position: national.position, of: national.of)
                }
            }
            return row
        }
        return BenchmarkFigures(measure: statistics.measure, regionName: statistics.regionName, rows: rows,
                                overridden: overridden)
    }
}
