import Foundation

/// Round axis ticks covering `min...max`: equally spaced multiples of a step of 1, 2 or
/// 5 × 10ⁿ, at most `maxCount` of them (at least 2).
///
/// The rule: take the smallest such step for which the ticks from `floor(min / step)` to
/// `ceil(max / step)` steps number no more than `maxCount`. With `includingZero` (bars) the
/// range is first widened to reach zero. A range of one value is widened by 10% each way
/// (to `0...1` for zero).
///
/// Examples: `0...87`, 6 ticks → steps 10 (10 ticks) too many, 20 gives
/// `0, 20, 40, 60, 80, 100`. `57...85`, 6 ticks → step 5 needs `55...85` (7 ticks), so step
/// 10: `50, 60, 70, 80, 90`; with 7 ticks allowed it is `55, 60, …, 85`.
///
/// - Complexity: O(`maxCount`).
public func niceTicks(min lower: Double, max upper: Double, maxCount: Int = 6,
                      includingZero: Bool = false) -> [Double] {
    let finite = [lower, upper].filter(\.isFinite)
    guard var low = finite.min(), var high = finite.max() else { return [0, 1] }
    if includingZero {
        low = Swift.min(low, 0)
        high = Swift.max(high, 0)
    }
    // Beyond this, tick indices would not fit an Int; no indicator comes near it.
    guard low.magnitude < 1e15, high.magnitude < 1e15 else { return [low, high] }
    if low == high {
        if low == 0 {
            high = 1
        } else {
            let pad = low.magnitude / 10
            low -= pad
            high += pad
        }
    }
    let count = Swift.max(2, maxCount)
    func snapped(_ quotient: Double) -> Double {
        let nearest = quotient.rounded()
        return (quotient - nearest).magnitude < 1e-9 ? nearest : quotient
    }
    var exponent = Int((log10((high - low) / Double(count - 1))).rounded(.down)) - 1
    while true {
        for multiple in [1, 2, 5] {
            let step = Double(multiple) * pow(10, Double(exponent))
            let first = snapped(low / step).rounded(.down)
            let last = snapped(high / step).rounded(.up)
            // A tiny step under a huge value would overflow Int: take a larger one.
            guard first.magnitude < 1e15, last.magnitude < 1e15,
                  last - first + 1 <= Double(count) else { continue }
            return (Int(first)...Int(last)).map { index in
                // k·m / 10ⁿ is correctly rounded, so 0.6 prints as 0.6, not 0.6000000000000001.
                let units = Double(index * multiple)
                return exponent >= 0
                    ? units * pow(10, Double(exponent))
                    : units / pow(10, Double(-exponent))
            }
        }
        exponent += 1
    }
}

/// An estimate of how wide `text` is drawn: 6.5 px a character at 12 px, in proportion at
/// other sizes. Generous for digits and lower case in a sans-serif system font.
public func estimatedTextWidth(_ text: String, fontSize: Double = 12) -> Double {
    Double(text.count) * fontSize * 6.5 / 12
}

/// Which of a row of centred labels to draw so that none overlaps the next.
///
/// Tries every `n`-th label for `n` = 1, 2, 3, …; the last label is always added, dropping
/// the regular labels just before it that it would overlap. The first and last are shown
/// whenever the two fit side by side; otherwise only the first.
///
/// Example: 24 labels 52 px wide, centres 20 px apart, at least 4 px between → every 3rd
/// (60 px apart): 0, 3, …, 18, 21, then 23 replaces 21 (40 px away): `0, 3, 6, 9, 12, 15, 18, 23`.
///
/// - Parameters:
///   - centres: the x of each label's centre, increasing.
///   - widths: each label's width.
///   - minGap: the least space between two drawn labels.
/// - Returns: indices into `centres`, increasing.
/// - Complexity: O(*n*²) for *n* labels.
public func visibleLabelIndices(centres: [Double], widths: [Double], minGap: Double = 6) -> [Int] {
    let count = Swift.min(centres.count, widths.count)
    guard count > 1 else { return count == 1 ? [0] : [] }
    func fits(_ left: Int, _ right: Int) -> Bool {
        centres[left] + widths[left] / 2 + minGap <= centres[right] - widths[right] / 2
    }
    let last = count - 1
    guard fits(0, last) else { return [0] }
    for stride in 1..<count {
        var chosen = Array(Swift.stride(from: 0, to: count, by: stride))
        if chosen.last != last {
            while let previous = chosen.last, !fits(previous, last) { chosen.removeLast() }
            chosen.append(last)
        }
        if zip(chosen, chosen.dropFirst()).allSatisfy(fits) { return chosen }
    }
    return [0, last]
}

/// Moves labels up or down as little as possible so that none overlaps another, keeping
/// their order and keeping them inside `bounds`.
///
/// Labels that would overlap are merged into a cluster, stacked `gap` apart and centred on
/// the mean of where they want to be; clusters are then kept inside `bounds` and merged
/// again until none overlaps. Example: two labels 14 high wanting centres 100 and 105,
/// gap 2: the cluster is 30 high with member centres 7 and 23 below its top, the top goes
/// to the mean of 100 − 7 and 105 − 23, 87.5, so the centres are 94.5 and 110.5.
///
/// - Parameters:
///   - desired: each label's wanted centre (y grows downwards, as in SVG).
///   - heights: each label's height.
///   - bounds: where label edges may go; a crowd too tall for it starts at its top.
///   - gap: the least space between two labels.
/// - Returns: each label's centre, in the order given.
/// - Complexity: O(*n*²) for *n* labels.
public func spreadLabels(desired: [Double], heights: [Double], bounds: ClosedRange<Double>,
                         gap: Double = 2) -> [Double] {
    let count = Swift.min(desired.count, heights.count)
    let order = (0..<count).sorted { (desired[$0], $0) < (desired[$1], $1) }
    var clusters: [[Int]] = order.map { [$0] }
    func height(_ cluster: [Int]) -> Double {
        cluster.reduce(0) { $0 + heights[$1] } + gap * Double(cluster.count - 1)
    }
    func top(_ cluster: [Int]) -> Double {
        var offset = 0.0
        var total = 0.0
        for member in cluster {
            total += desired[member] - (offset + heights[member] / 2)
            offset += heights[member] + gap
        }
        let wanted = total / Double(cluster.count)
        let lowest = bounds.upperBound - height(cluster)
        return Swift.max(bounds.lowerBound, Swift.min(wanted, lowest))
    }
    var merged = true
    while merged {
        merged = false
        for index in clusters.indices.dropLast() {
            let upper = clusters[index]
            let lower = clusters[index + 1]
            if top(upper) + height(upper) + gap > top(lower) {
                clusters[index] = upper + lower
                clusters.remove(at: index + 1)
                merged = true
                break
            }
        }
    }
    var centres = Array(repeating: 0.0, count: count)
    for cluster in clusters {
        var y = top(cluster)
        for member in cluster {
            centres[member] = y + heights[member] / 2
            y += heights[member] + gap
        }
    }
    return centres
}

/// Splits `text` at spaces into lines of at most `maxCharacters` (a longer word keeps a
/// line to itself).
func wrapWords(_ text: String, maxCharacters: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        if current.isEmpty {
            current = String(word)
        } else if current.count + 1 + word.count <= maxCharacters {
            current += " " + word
        } else {
            lines.append(current)
            current = String(word)
        }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
}
