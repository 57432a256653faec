import Foundation

/// Red, amber or green against target.
public enum RAG: String, Sendable, Hashable, CaseIterable {
    case green, amber, red

    /// The word shown with the colour, so RAG never relies on colour alone.
    public var label: String {
        switch self {
        case .green: return "Green"
        case .amber: return "Amber"
        case .red: return "Red"
        }
    }

    /// A symbol that differs in shape, for tables and print.
    public var symbol: String {
        switch self {
        case .green: return "●"
        case .amber: return "◆"
        case .red: return "▲"
        }
    }

    /// How far from target: green 0, amber 1, red 2 (for sorting movers).
    public var severity: Int {
        switch self {
        case .green: return 0
        case .amber: return 1
        case .red: return 2
        }
    }
}

/// Which way an indicator is heading.
public enum Trend: String, Sendable, Hashable, CaseIterable {
    case improving, worsening, stable, rising, falling

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// An arrow that goes with the word.
    public var symbol: String {
        switch self {
        case .improving, .rising: return "↑"
        case .worsening, .falling: return "↓"
        case .stable: return "→"
        }
    }
}

/// The rules of "The figures computed for each indicator at a visit", as pure functions.
public enum Figures {
    /// The headline series: explicit headline rows if any; otherwise, for a count, each
    /// period's sum of its categories (suppressed, `c`, where any category is suppressed; else
    /// a gap where any category seen anywhere in the series is missing, a gap or a symbol; the
    /// sum then subject to disclosure, steps of a cumulative series included); otherwise nil.
    ///
    /// `points` are the rows shown at the visit after disclosure control; `source` the same
    /// rows before it, whose values the sums use.
    public static func headline(points: [PublishedPoint], source: [PublishedPoint],
                                definition: IndicatorDefinition, categories: [String],
                                rule: DisclosureRule) -> [PublishedPoint]? {
        let explicit = points.filter { $0.breakdown == nil }
        if !explicit.isEmpty { return explicit.sorted { $0.period < $1.period } }
        guard definition.unit == .count, !categories.isEmpty else { return nil }
        var byPeriod: [Period: [String: PublishedPoint]] = [:]
        for p in points { if let b = p.breakdown { byPeriod[p.period, default: [:]][b] = p } }
        var sourceValues: [Period: [String: Decimal]] = [:]
        for p in source { if let b = p.breakdown, let v = p.value { sourceValues[p.period, default: [:]][b] = v } }
        var sums: [Decimal?] = []
        var out = byPeriod.keys.sorted().map { period in
            let cells = byPeriod[period]!
            var sum: Decimal = 0
            // A sum with a suppressed part is withheld ([c]), not merely unavailable.
            var withheld = false, byDisclosure = false
            for category in categories {
                guard let cell = cells[category], cell.isSuppressed else { continue }
                withheld = true
                if cell.suppressedByDisclosure { byDisclosure = true }
            }
            if withheld {
                sums.append(nil)
                var point = PublishedPoint(period: period, value: nil).suppressed()
                point.suppressedByDisclosure = byDisclosure
                return point
            }
            for category in categories {
                guard let cell = cells[category], cell.value != nil,
                      let v = sourceValues[period]?[category] else {
                    sums.append(nil)
                    return PublishedPoint(period: period, value: nil)
                }
                sum += v
            }
            sums.append(sum)
            let point = PublishedPoint(period: period, value: sum, valueText: DecimalNumber.plainText(sum))
            return (!definition.disclosureExempt && rule.hides(sum)) ? point.suppressed() : point
        }
        if definition.cumulative, !definition.disclosureExempt {
            _ = rule.hideSmallSteps(&out, indices: Array(out.indices), trueValues: sums)
        }
        return out
    }

    /// The last headline point that is not a gap (it may carry a symbol).
    public static func latest(_ headline: [PublishedPoint]) -> PublishedPoint? {
        headline.last { !$0.isGap }
    }

    /// RAG of a displayed value against target, compared exactly in decimal, bounds inclusive.
    public static func rag(value: Decimal?, definition: IndicatorDefinition) -> RAG? {
        guard let v = value, let target = definition.target, definition.better != .neither else { return nil }
        let shown = DecimalNumber.rounded(v, places: definition.decimals)
        switch definition.better {
        case .higher:
            if shown >= target { return .green }
            if shown >= target - definition.tolerance { return .amber }
            return .red
        case .lower:
            if shown <= target { return .green }
            if shown <= target + definition.tolerance { return .amber }
            return .red
        case .neither:
            return nil
        }
    }

    /// The least-squares change over the last `window` numeric values and the stable band.
    ///
    /// With values y at x = 0…n−1 the fitted change is slope × (n − 1). Returns nil with
    /// fewer than three values.
    public static func fittedChange(_ values: [Decimal], window: Int, stableBand: Decimal?) -> (change: Double, band: Double, scale: Double)? {
        let ys = values.suffix(window).map(DecimalNumber.double)
        let n = ys.count
        guard n >= 3 else { return nil }
        let meanX = Double(n - 1) / 2
        let meanY = ys.reduce(0, +) / Double(n)
        var sxy = 0.0, sxx = 0.0
        for (i, y) in ys.enumerated() {
            let dx = Double(i) - meanX
            sxy += dx * (y - meanY)
            sxx += dx * dx
        }
        let slope = sxy / sxx
        let meanAbs = ys.map(abs).reduce(0, +) / Double(n)
        let band = stableBand.map(DecimalNumber.double) ?? 0.02 * meanAbs
        return (slope * Double(n - 1), band, meanAbs)
    }

    /// The trend over the last `trend-window` numeric headline values.
    ///
    /// Stable when |fitted change| ≤ band, allowing a relative error of 1e-9 (relative to
    /// the band, or to the mean absolute value when the band is zero, so that a flat series
    /// is stable despite rounding in the fit).
    public static func trend(_ headline: [PublishedPoint], definition: IndicatorDefinition) -> Trend? {
        let values = headline.compactMap(\.value)
        guard let fit = fittedChange(values, window: definition.trendWindow, stableBand: definition.stableBand)
        else { return nil }
        let allowance = 1e-9 * (fit.band > 0 ? fit.band : fit.scale)
        if abs(fit.change) <= fit.band + allowance { return .stable }
        let up = fit.change > 0
        switch definition.better {
        case .higher: return up ? .improving : .worsening
        case .lower: return up ? .worsening : .improving
        case .neither: return up ? .rising : .falling
        }
    }

    /// The rolling mean over `k` periods at every period from the first row to the last.
    ///
    /// A period with no row, an empty value, a symbol or a suppressed value is a gap, and
    /// any gap among the k periods ending at a period makes the mean there null. Returns nil
    /// for day and interval periods, which do not follow one another.
    public static func rollingMean(_ headline: [PublishedPoint], k: Int) -> [(period: Period, mean: Decimal?)]? {
        guard k >= 1, let first = headline.first?.period, let last = headline.last?.period,
              let periods = first.through(last) else { return nil }
        var values: [Period: Decimal] = [:]
        for p in headline { if let v = p.value { values[p.period] = v } }
        return periods.indices.map { i in
            guard i + 1 >= k else { return (periods[i], nil) }
            var sum: Decimal = 0
            for j in (i + 1 - k)...i {
                guard let v = values[periods[j]] else { return (periods[i], nil) }
                sum += v
            }
            return (periods[i], sum / Decimal(k))
        }
    }

    /// The rolling means that are not null, in period order: the figures of `rollingMean`
    /// without a null for every other period of the span. Only periods with values are
    /// visited, so a few rows centuries apart (weeks from 0001 to 9999) cost a step per row,
    /// not one per period between them.
    public static func rollingMeans(_ headline: [PublishedPoint], k: Int) -> [(period: Period, mean: Decimal)]? {
        guard k >= 1, let first = headline.first?.period, first.form.isRegular else { return nil }
        // The value at each period with one; of several rows for a period, the last.
        let valued = headline.filter { $0.value != nil }
        let periods = Period.sortedDistinct(valued.map(\.period))
        let values = Period.match(valued, period: { $0.period }, to: periods, last: true)
        var out: [(period: Period, mean: Decimal)] = []
        var window: [Decimal] = []   // the values of the run of consecutive periods ending here
        var previous: Period?
        let count = Decimal(k)
        for (period, point) in zip(periods, values) {
            if let previous, !previous.isFollowed(by: period) { window.removeAll() }
            window.append(point!.value!)
            if window.count > k { window.removeFirst() }
            previous = period
            guard window.count == k else { continue }
            var sum: Decimal = 0
            for v in window { sum += v }
            out.append((period, DecimalNumber.mean(sum, count)))
        }
        return out
    }

    /// This visit's latest value minus the previous visit's; nil when either is missing, a
    /// symbol or suppressed, or when the units differ.
    public static func change(current: PublishedPoint?, currentUnit: MeasureUnit,
                              previous: PublishedPoint?, previousUnit: MeasureUnit?) -> Decimal? {
        guard let now = current?.value, let then = previous?.value, currentUnit == previousUnit else { return nil }
        return now - then
    }
}
