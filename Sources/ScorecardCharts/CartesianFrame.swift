/// One entry of a chart's key: a symbol drawn as on the chart, and its text.
struct KeyItem {
    enum Symbol {
        case line(RGBColour, width: Double, dash: String?)
        case brokenLine(RGBColour)
        case ring(RGBColour)
        case swatch(RGBColour)
        case mark(String)
        /// The mark of an axis that does not start at zero.
        case axisBreak
    }

    var symbol: Symbol
    var label: String
}

/// A label in the right margin: the end of a series or of a reference line.
struct EndLabel {
    var lines: [String]
    var value: Double
    var colour: RGBColour
}

/// The size of a chart's view box and how much text it makes room for: one layout for a
/// page as wide as a card on a desktop or in print, one for a phone.
public struct ChartLayout: Sendable, Equatable {
    /// The view box's width and height.
    public var width: Double
    public var height: Double
    /// The longest line of a right-hand label or a stacked bar's key before it wraps.
    public var labelCharacters: Int
    /// The most value-axis ticks.
    public var maxTicks: Int

    /// 640 × 320: a card on a desktop, and print.
    public static let wide = ChartLayout(width: 640, height: 320, labelCharacters: 18, maxTicks: 6)
    /// 300 × 300 for a phone 320 to 375 px wide, where a card leaves a chart 258 to 313 px:
    /// drawn near its own size there, its 12 px text shows at 10 to 12.5 px, where the wide
    /// chart shrunk to fit would draw it at 5 to 6 px. Fewer ticks, and period labels thinned
    /// to fit by `visibleLabelIndices`.
    public static let narrow = ChartLayout(width: 300, height: 300, labelCharacters: 11, maxTicks: 5)
}

/// Axes, grid, x labels, key and right-hand labels shared by line and bar charts, in the
/// view box of a `ChartLayout`.
struct CartesianFrame {
    static let lineHeight = 14.0

    let layout: ChartLayout
    var width: Double { layout.width }
    var height: Double { layout.height }

    enum Placement {
        /// Points from the left edge to the right edge, inset a little (lines).
        case points
        /// One band a period with the value at its centre (bars).
        case bands
    }

    let ticks: [Double]
    let tickLabels: [String]
    let key: [KeyItem]
    let endLabels: [EndLabel]
    let xLabels: [String]
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double
    let xs: [Double]
    let bandWidth: Double
    let shownLabels: [Int]
    private let keyRows: [[(item: KeyItem, x: Double)]]

    /// - Parameters:
    ///   - rightKeyWidth: room reserved right of the plot for a vertical key (stacked bars).
    ///   - extraTop: room above the plot for labels over the tallest bar.
    init(layout: ChartLayout = .wide, ticks: [Double], tickLabels: [String], key: [KeyItem],
         endLabels: [EndLabel], xLabels: [String], placement: Placement,
         rightKeyWidth: Double = 0, extraTop: Double = 0) {
        self.layout = layout
        self.ticks = ticks
        self.tickLabels = tickLabels
        self.key = key
        self.endLabels = endLabels
        self.xLabels = xLabels
        let widestTick = tickLabels.map { estimatedTextWidth($0) }.max() ?? 0
        left = (widestTick + 14).rounded(.up)
        let widestEnd = endLabels.flatMap(\.lines).map { estimatedTextWidth($0) }.max()
        let endRoom = widestEnd.map { $0 + 20 } ?? 0
        right = layout.width - max(20, endRoom, rightKeyWidth).rounded(.up)

        // The key runs in rows above the plot, starting level with the plot.
        var rows: [[(item: KeyItem, x: Double)]] = []
        var x = left
        for item in key {
            let width = 30 + estimatedTextWidth(item.label)
            if rows.isEmpty || (x + width > layout.width - 8 && !(rows.last?.isEmpty ?? true)) {
                rows.append([])
                x = left
            }
            rows[rows.count - 1].append((item, x))
            x += width + 18
        }
        keyRows = rows
        top = (rows.isEmpty ? 14 : Double(rows.count) * 20 + 16) + extraTop
        bottom = layout.height - 34

        let count = xLabels.count
        let plotLeft = left
        let plotWidth = right - left
        switch placement {
        case .points:
            let inset = 12.0
            let step = count > 1 ? (plotWidth - 2 * inset) / Double(count - 1) : plotWidth
            bandWidth = step
            xs = (0..<count).map { index in
                count > 1 ? plotLeft + inset + Double(index) * step : plotLeft + plotWidth / 2
            }
        case .bands:
            let band = count > 0 ? plotWidth / Double(count) : plotWidth
            bandWidth = band
            xs = (0..<count).map { plotLeft + (Double($0) + 0.5) * band }
        }
        let widths = xLabels.map { estimatedTextWidth($0) }
        let centres = zip(xs, widths).map { x, width in
            min(max(x, width / 2 + 2), layout.width - width / 2 - 2)
        }
        shownLabels = visibleLabelIndices(centres: centres, widths: widths)
    }

    /// The y of `value`: the first tick at the bottom of the plot, the last at the top.
    func y(_ value: Double) -> Double {
        guard let low = ticks.first, let high = ticks.last, high > low else {
            return (top + bottom) / 2
        }
        return bottom - (value - low) / (high - low) * (bottom - top)
    }

    /// Horizontal grid lines with their tick labels, and the period labels under the plot.
    func drawAxes(into svg: inout SVGWriter) {
        for (tick, label) in zip(ticks, tickLabels) {
            let y = y(tick)
            svg.line(x1: left, y1: y, x2: right, y2: y, stroke: ChartPalette.grid, width: 1,
                     cssClass: "grid")
            svg.text(label, x: left - 8, y: y + 4, anchor: "end", cssClass: "tick")
        }
        for index in shownLabels {
            let label = xLabels[index]
            let width = estimatedTextWidth(label)
            let x = min(max(xs[index], width / 2 + 2), layout.width - width / 2 - 2)
            svg.line(x1: xs[index], y1: bottom, x2: xs[index], y2: bottom + 4,
                     stroke: ChartPalette.secondaryText, width: 1)
            svg.text(label, x: x, y: bottom + 20, anchor: "middle", cssClass: "period")
        }
    }

    /// The x axis at `y` (zero for bars, the bottom for lines), drawn over the data so
    /// bars' white edges cannot hide it.
    func drawBaseline(at y: Double, into svg: inout SVGWriter) {
        svg.line(x1: left, y1: y, x2: right, y2: y, stroke: ChartPalette.secondaryText,
                 width: 1, cssClass: "axis")
    }

    /// The value axis as a line up the left of the plot with a break mark near its foot: two
    /// slanted strokes with a white gap between them, for an axis that does not reach zero.
    func drawAxisBreak(into svg: inout SVGWriter) {
        svg.line(x1: left, y1: top, x2: left, y2: bottom, stroke: ChartPalette.secondaryText,
                 width: 1, cssClass: "axis")
        drawBreakMark(x: left, y: bottom - 12, into: &svg)
    }

    /// The key above the plot.
    func drawKey(into svg: inout SVGWriter) {
        for (row, items) in keyRows.enumerated() {
            let y = 10 + Double(row) * 20
            for (item, x) in items {
                drawSymbol(item.symbol, x: x, y: y, into: &svg)
                svg.text(item.label, x: x + 30, y: y + 4, cssClass: "key")
            }
        }
    }

    /// The labels in the right margin, moved apart where their values are close, each
    /// joined to its line by a short leader when it had to move.
    func drawEndLabels(into svg: inout SVGWriter) {
        let heights = endLabels.map { Double($0.lines.count) * Self.lineHeight }
        let wanted = endLabels.map { y($0.value) }
        let centres = spreadLabels(desired: wanted, heights: heights,
                                   bounds: (top - 10)...(bottom + 6))
        for (index, label) in endLabels.enumerated() {
            let centre = centres[index]
            if (centre - wanted[index]).magnitude > 0.5 {
                svg.line(x1: right + 2, y1: wanted[index], x2: right + 11, y2: centre,
                         stroke: ChartPalette.secondaryText, width: 1, cssClass: "leader")
            }
            let firstBaseline = centre - heights[index] / 2 + 11
            for (line, text) in label.lines.enumerated() {
                svg.text(text, x: right + 14, y: firstBaseline + Double(line) * Self.lineHeight,
                         fill: label.colour, cssClass: "end-label")
            }
        }
    }
}

/// Draws a key symbol 24 px wide with its middle at `(x + 12, y)`.
func drawSymbol(_ symbol: KeyItem.Symbol, x: Double, y: Double, into svg: inout SVGWriter) {
    switch symbol {
    case let .line(colour, width, dash):
        svg.line(x1: x, y1: y, x2: x + 24, y2: y, stroke: colour, width: width, dash: dash)
    case let .brokenLine(colour):
        svg.line(x1: x, y1: y, x2: x + 8, y2: y, stroke: colour, width: 2.5)
        svg.line(x1: x + 16, y1: y, x2: x + 24, y2: y, stroke: colour, width: 2.5)
    case let .ring(colour):
        svg.circle(x: x + 12, y: y, radius: 5, fill: .white, stroke: colour)
    case let .swatch(colour):
        svg.rect(x: x + 6, y: y - 6, width: 12, height: 12, fill: colour)
    case let .mark(text):
        svg.text(text, x: x + 12, y: y + 6, anchor: "middle", fontSize: 16, bold: true)
    case .axisBreak:
        svg.line(x1: x + 12, y1: y - 8, x2: x + 12, y2: y + 8, stroke: ChartPalette.secondaryText,
                 width: 1)
        drawBreakMark(x: x + 12, y: y, cssClass: nil, into: &svg)
    }
}

/// A break in a vertical axis centred on `(x, y)`: a white band crossing it between two
/// slanted strokes, 14 wide and 6 apart.
func drawBreakMark(x: Double, y: Double, cssClass: String? = "axis-break",
                   into svg: inout SVGWriter) {
    svg.rect(x: x - 7, y: y - 4, width: 14, height: 6, fill: .white, cssClass: cssClass)
    svg.line(x1: x - 7, y1: y + 1, x2: x + 7, y2: y - 5, stroke: ChartPalette.secondaryText,
             width: 1.5, cssClass: cssClass)
    svg.line(x1: x - 7, y1: y + 5, x2: x + 7, y2: y - 1, stroke: ChartPalette.secondaryText,
             width: 1.5, cssClass: cssClass)
}
