/// A line chart of one indicator over time, with optional reference lines and rolling mean,
/// rendered as an accessible `<figure>` holding an SVG.
///
/// A nil value breaks the line (it is never joined across, never drawn as zero); a point
/// standing alone between gaps is drawn as a dot. The last value, the rolling mean and each
/// reference line are labelled at the right end, moved apart when close.
public struct LineChart: Sendable {
    /// Unique on the page; the title, description and caption ids derive from it
    /// (`ID_t`, `ID_d`, `ID_cap`). Use letters, digits and hyphens, so that
    /// no other id of the page can be one of these.
    public var id: String
    /// The accessible name, e.g. `Re-referral rate, Apr 2019 to Mar 2020`.
    public var title: String
    /// The text alternative: what the chart shows, in a sentence or two.
    public var description: String
    /// The periods, oldest first.
    public var points: [ChartPoint]
    /// Targets and comparators drawn as horizontal lines.
    public var references: [ReferenceLine]
    /// A second, dashed series aligned with `points` (nil entries are gaps).
    public var rollingMean: [Double?]?
    /// How values and ticks are printed.
    public var format: ValueFormat
    /// The visible caption under the chart.
    public var caption: String
    /// Published comparators drawn as lines aligned with `points`.
    public var comparisons: [ComparisonSeries] = []

    /// A line chart; see the properties for what each argument means.
    public init(id: String, title: String, description: String, points: [ChartPoint],
                references: [ReferenceLine] = [], rollingMean: [Double?]? = nil,
                format: ValueFormat = ValueFormat(.number),
                caption: String = "The data is in the table below.") {
        self.id = id
        self.title = title
        self.description = description
        self.points = points
        self.references = references
        self.rollingMean = rollingMean
        self.format = format
        self.caption = caption
    }

    /// The `<figure>` with its SVG, laid out for a desktop and print, and caption.
    public var svg: String {
        figure(id: id, title: title, description: description, caption: caption,
               drawings: [drawing(.wide)])
    }

    /// The `<figure>` with two SVGs, one laid out for a desktop and print, one for a phone
    /// (`ChartLayout.narrow`), for the stylesheet to choose between; and its caption.
    public var responsiveSVG: String {
        figure(id: id, title: title, description: description, caption: caption,
               drawings: [drawing(.wide), drawing(.narrow)])
    }

    func drawing(_ layout: ChartLayout) -> ChartDrawing {
        let values = points.map { $0.value.flatMap { $0.isFinite ? $0 : nil } }
        let rolling = (0..<points.count).map { index -> Double? in
            guard let rollingMean, index < rollingMean.count,
                  let value = rollingMean[index], value.isFinite else { return nil }
            return value
        }
        let references = references.filter { $0.value.isFinite }
        let domain = values.compactMap { $0 } + rolling.compactMap { $0 } + references.map(\.value)
            + comparisons.flatMap { $0.drawable(count: points.count).compactMap { $0 } }
        let ticks = domain.isEmpty
            ? [] : niceTicks(min: domain.min()!, max: domain.max()!, maxCount: layout.maxTicks)
        let tickLabels = format.tickLabels(ticks)
        let cut = AxisCut(ticks: ticks, labels: tickLabels)

        var key: [KeyItem] = []
        if rolling.contains(where: { $0 != nil }) {
            key.append(KeyItem(symbol: .line(ChartPalette.turquoise, width: 2, dash: Style.rollingDash),
                               label: "Rolling mean"))
        }
        let drawnComparisons = comparisons.filter { $0.drawable(count: points.count).contains { $0 != nil } }
        if !drawnComparisons.isEmpty {   // beside other lines, the local one needs its name too
            key.insert(KeyItem(symbol: .line(ChartPalette.darkBlue, width: 2.5, dash: nil), label: "Our figures"), at: 0)
        }
        key += drawnComparisons.map(\.keyItem)
        if points.contains(where: \.marked) {
            key.append(KeyItem(symbol: .ring(ChartPalette.darkBlue), label: "Has a note"))
        }
        if values.contains(where: { $0 == nil }) {
            key.append(KeyItem(symbol: .brokenLine(ChartPalette.darkBlue),
                               label: "Break in line: no data"))
        }
        if let cut {
            key.append(KeyItem(symbol: .axisBreak, label: cut.keyLabel))
        }

        var endLabels: [EndLabel] = []
        if let last = points.last, let value = values.last ?? nil {
            endLabels.append(EndLabel(lines: [valueText(value, status: last.status)],
                                      value: value, colour: ChartPalette.darkBlue))
        }
        if let value = rolling.last ?? nil {
            endLabels.append(EndLabel(
                lines: wrapWords("Rolling mean " + format.displayString(value),
                                 maxCharacters: layout.labelCharacters),
                value: value, colour: ChartPalette.textColour(for: ChartPalette.turquoise)))
        }
        endLabels += references.map { Style.label($0, format: format, layout: layout) }
        endLabels += comparisons.compactMap { $0.endLabel(count: points.count, format: format, layout: layout) }

        let frame = CartesianFrame(
            layout: layout, ticks: ticks, tickLabels: tickLabels, key: key, endLabels: endLabels,
            xLabels: points.map(\.label), placement: .points)
        var svg = SVGWriter()
        frame.drawAxes(into: &svg)
        frame.drawBaseline(at: frame.bottom, into: &svg)
        if cut != nil { frame.drawAxisBreak(into: &svg) }
        if domain.isEmpty {
            svg.text("No data", x: (frame.left + frame.right) / 2,
                     y: (frame.top + frame.bottom) / 2 + 4, anchor: "middle",
                     fill: ChartPalette.secondaryText, cssClass: "no-data")
        }
        for reference in references {
            Style.drawReference(reference, in: frame, into: &svg)
        }
        for comparison in comparisons { comparison.draw(in: frame, count: points.count, into: &svg) }
        let rollingRuns = runs(rolling, x: { frame.xs[$0] }, y: frame.y)
        svg.polyline(rollingRuns, stroke: ChartPalette.turquoise, width: 2,
                     dash: Style.rollingDash, cssClass: "rolling-mean")
        for run in rollingRuns where run.count == 1 {
            svg.circle(x: run[0].x, y: run[0].y, radius: 2.5, fill: ChartPalette.turquoise)
        }
        let seriesRuns = runs(values, x: { frame.xs[$0] }, y: frame.y)
        svg.polyline(seriesRuns, stroke: ChartPalette.darkBlue, width: 2.5, cssClass: "series")
        let lastIndex = values.lastIndex { $0 != nil }
        for run in seriesRuns where run.count == 1 && run[0].x != lastIndex.map({ frame.xs[$0] }) {
            svg.circle(x: run[0].x, y: run[0].y, radius: 3.5, fill: ChartPalette.darkBlue,
                       cssClass: "point")
        }
        if let lastIndex, let value = values[lastIndex] {
            svg.circle(x: frame.xs[lastIndex], y: frame.y(value), radius: 3.5,
                       fill: ChartPalette.darkBlue, cssClass: "last")
        }
        for (index, point) in points.enumerated() where point.marked {
            guard let value = values[index] else { continue }
            svg.circle(x: frame.xs[index], y: frame.y(value), radius: 5, fill: .white,
                       stroke: ChartPalette.darkBlue, cssClass: "note")
        }
        frame.drawEndLabels(into: &svg)
        frame.drawKey(into: &svg)
        return ChartDrawing(layout: layout, body: svg.markup, descriptionNote: cut?.sentence)
    }

    private func valueText(_ value: Double, status: String?) -> String {
        let text = format.displayString(value)
        guard let status, !status.isEmpty else { return text }
        return text + " [" + status + "]"
    }
}

/// How reference lines and the rolling mean look, shared by line and bar charts.
enum Style {
    static let rollingDash = "6 4"
    static let comparatorDash = "2 3"

    static func colour(_ kind: ReferenceLine.Kind) -> RGBColour {
        switch kind {
        case .target: ChartPalette.darkPink
        case .comparator: ChartPalette.darkGrey
        }
    }

    static func drawReference(_ reference: ReferenceLine, in frame: CartesianFrame,
                              into svg: inout SVGWriter) {
        let y = frame.y(reference.value)
        switch reference.kind {
        case .target:
            svg.line(x1: frame.left, y1: y, x2: frame.right, y2: y, stroke: colour(.target),
                     width: 2, cssClass: "target")
        case .comparator:
            svg.line(x1: frame.left, y1: y, x2: frame.right, y2: y,
                     stroke: colour(.comparator), width: 2, dash: comparatorDash,
                     cssClass: "comparator")
        }
    }

    static func label(_ reference: ReferenceLine, format: ValueFormat, layout: ChartLayout) -> EndLabel {
        EndLabel(lines: wrapWords(reference.label + " " + format.displayString(reference.value),
                                  maxCharacters: layout.labelCharacters),
                 value: reference.value, colour: ChartPalette.textColour(for: colour(reference.kind)))
    }
}

/// A value axis that does not reach zero, which the chart marks with a break and says so
/// in words, as the Analysis Function's guidance on charts asks of an axis not starting at
/// zero.
struct AxisCut {
    /// The sentence added to the chart's description.
    let sentence: String
    /// The key's words beside the break mark.
    let keyLabel: String

    /// Nil when the ticks run through zero (or there are none).
    init?(ticks: [Double], labels: [String]) {
        guard let low = ticks.first, let high = ticks.last, let lowLabel = labels.first,
              let highLabel = labels.last else { return nil }
        if low > 0 {
            sentence = "The value axis starts at \(lowLabel), not zero."
            keyLabel = "Axis starts at \(lowLabel), not zero"
        } else if high < 0 {
            sentence = "The value axis stops at \(highLabel), below zero."
            keyLabel = "Axis stops at \(highLabel), below zero"
        } else {
            return nil
        }
    }
}
