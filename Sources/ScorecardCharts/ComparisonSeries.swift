/// A published comparator drawn as a line beside the local series: England, the region or
/// the statistical-neighbour average.
public struct ComparisonSeries: Sendable, Hashable {
    /// How the line is drawn; each style differs in dash pattern as well as colour.
    public enum Style: Int, Sendable, Hashable, CaseIterable {
        case england, region, neighbours
    }

    /// The name in the key and at the line's end, e.g. `England`.
    public var label: String
    /// Aligned with the chart's points; nil entries are gaps.
    public var values: [Double?]
    public var style: Style

    /// A comparison line named `label`.
    public init(_ label: String, values: [Double?], style: Style) {
        self.label = label
        self.values = values
        self.style = style
    }

    var colour: RGBColour {
        switch style {
        case .england: ChartPalette.darkGrey
        case .region: ChartPalette.lightPurple
        case .neighbours: ChartPalette.orange
        }
    }

    var dash: String {
        switch style {
        case .england: "8 4"
        case .region: "2 3"
        case .neighbours: "10 3 2 3"
        }
    }

    /// The values that can be drawn (finite ones), `count` long.
    func drawable(count: Int) -> [Double?] {
        (0..<count).map { i in
            guard i < values.count, let v = values[i], v.isFinite else { return nil }
            return v
        }
    }

    var keyItem: KeyItem { KeyItem(symbol: .line(colour, width: 2, dash: dash), label: label) }

    /// The label at the right end, level with the last value, or nil when the line has none.
    func endLabel(count: Int, format: ValueFormat, layout: ChartLayout) -> EndLabel? {
        guard let last = drawable(count: count).last(where: { $0 != nil }) ?? nil else { return nil }
        return EndLabel(lines: wrapWords(label + " " + format.displayString(last),
                                         maxCharacters: layout.labelCharacters),
                        value: last, colour: ChartPalette.textColour(for: colour))
    }

    /// Draws the line, with a dot where a value stands alone between gaps.
    func draw(in frame: CartesianFrame, count: Int, into svg: inout SVGWriter) {
        let segments = runs(drawable(count: count), x: { frame.xs[$0] }, y: frame.y)
        svg.polyline(segments, stroke: colour, width: 2, dash: dash, cssClass: "comparison")
        for run in segments where run.count == 1 {
            svg.circle(x: run[0].x, y: run[0].y, radius: 3, fill: colour, cssClass: "comparison-point")
        }
    }
}
