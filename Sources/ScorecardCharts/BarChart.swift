/// A bar chart of one indicator by period, bars rising from zero, with optional reference
/// lines, rendered as an accessible `<figure>` holding an SVG.
///
/// A nil value is a missing bar marked "no data", never a bar of height zero. Values are
/// printed over the bars when there are at most 12 and every label fits its bar's width,
/// else over the last bar only.
public struct BarChart: Sendable {
    /// Unique on the page; the title, description and caption ids derive from it.
    public var id: String
    /// The accessible name.
    public var title: String
    /// The text alternative: what the chart shows.
    public var description: String
    /// The periods, oldest first.
    public var points: [ChartPoint]
    /// Targets and comparators drawn as horizontal lines over the bars.
    public var references: [ReferenceLine]
    /// How values and ticks are printed.
    public var format: ValueFormat
    /// The visible caption under the chart.
    public var caption: String

    /// A bar chart; see the properties for what each argument means.
    public init(id: String, title: String, description: String, points: [ChartPoint],
                references: [ReferenceLine] = [], format: ValueFormat = ValueFormat(.number),
                caption: String = "The data is in the table below.") {
        self.id = id
        self.title = title
        self.description = description
        self.points = points
        self.references = references
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
        let references = references.filter { $0.value.isFinite }
        let domain = values.compactMap { $0 } + references.map(\.value)
        let ticks = niceTicks(min: domain.min() ?? 0, max: domain.max() ?? 0, maxCount: layout.maxTicks,
                              includingZero: true)
        var key: [KeyItem] = []
        if points.contains(where: \.marked) {
            key.append(KeyItem(symbol: .ring(ChartPalette.darkBlue), label: "Has a note"))
        }
        let frame = CartesianFrame(
            layout: layout, ticks: ticks, tickLabels: format.tickLabels(ticks), key: key,
            endLabels: references.map { Style.label($0, format: format, layout: layout) },
            xLabels: points.map(\.label), placement: .bands, extraTop: 10)
        var svg = SVGWriter()
        let zero = frame.y(0)
        frame.drawAxes(into: &svg)
        let barWidth = min(frame.bandWidth * 0.7, 48)
        let labels = points.map { point in
            point.value.map { value in
                let text = format.displayString(value)
                guard let status = point.status, !status.isEmpty else { return text }
                return text + " [" + status + "]"
            }
        }
        // Values over every bar only when there are few enough to read and all fit.
        let labelAll = points.count <= 12 && labels.allSatisfy { label in
            label.map { estimatedTextWidth($0) + 4 <= frame.bandWidth } ?? true
        }
        for (index, value) in values.enumerated() {
            let x = frame.xs[index]
            guard let value else {
                drawNoData(x: x, zero: zero, bandWidth: frame.bandWidth, into: &svg)
                continue
            }
            let y = frame.y(value)
            svg.rect(x: x - barWidth / 2, y: min(y, zero), width: barWidth,
                     height: (y - zero).magnitude, fill: ChartPalette.darkBlue, cssClass: "bar")
        }
        for reference in references {
            Style.drawReference(reference, in: frame, into: &svg)
        }
        frame.drawBaseline(at: zero, into: &svg)
        // Rings and values go over the reference lines; each value sits on a white box so a
        // line passing behind it cannot strike it through.
        for (index, value) in values.enumerated() {
            guard let value else { continue }
            let x = frame.xs[index]
            let y = frame.y(value)
            let marked = points[index].marked
            if marked {
                svg.circle(x: x, y: y, radius: 5, fill: .white, stroke: ChartPalette.darkBlue,
                           cssClass: "note")
            }
            if let label = labels[index], labelAll || index == points.count - 1 {
                let clearance = marked ? 11.0 : 5.0
                let baseline = value >= 0 ? y - clearance : y + clearance + 9
                let width = estimatedTextWidth(label)
                svg.rect(x: x - width / 2 - 1, y: baseline - 10, width: width + 2, height: 13,
                         fill: .white)
                svg.text(label, x: x, y: baseline, anchor: "middle", cssClass: "value")
            }
        }
        frame.drawEndLabels(into: &svg)
        frame.drawKey(into: &svg)
        return ChartDrawing(layout: layout, body: svg.markup)
    }
}

/// "no data" in place of a missing bar: across the band when it fits, else upwards.
func drawNoData(x: Double, zero: Double, bandWidth: Double, into svg: inout SVGWriter) {
    let text = "no data"
    if estimatedTextWidth(text) + 4 <= bandWidth {
        svg.text(text, x: x, y: zero - 6, anchor: "middle", fill: ChartPalette.secondaryText,
                 cssClass: "no-data")
    } else {
        svg.text(text, x: x + 4, y: zero - 6, fill: ChartPalette.secondaryText, rotate: true,
                 cssClass: "no-data")
    }
}
