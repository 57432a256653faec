/// Bars made of one segment a category, stacked from zero in category order, with a key
/// listing the categories from the top of the stack down, as they appear.
///
/// Segments are told apart by their order, the key and a thin white line between them, not
/// by colour alone. A period missing some categories draws the ones it has and is marked
/// with an asterisk ("incomplete"); a period missing all of them is marked "no data".
public struct StackedBarChart: Sendable {
    /// Unique on the page; the title, description and caption ids derive from it.
    public var id: String
    /// The accessible name.
    public var title: String
    /// The text alternative: what the chart shows.
    public var description: String
    /// The period labels, oldest first.
    public var periods: [String]
    /// The category names, bottom of the stack first.
    public var categories: [String]
    /// `values[category][period]`; nil (or a missing entry) is no data.
    public var values: [[Double?]]
    /// How values and ticks are printed.
    public var format: ValueFormat
    /// The visible caption under the chart.
    public var caption: String

    /// A stacked bar chart; see the properties for what each argument means. With more
    /// categories than `ChartPalette.categorical` has colours, colours repeat.
    public init(id: String, title: String, description: String, periods: [String],
                categories: [String], values: [[Double?]],
                format: ValueFormat = ValueFormat(.count),
                caption: String = "The data is in the table below.") {
        self.id = id
        self.title = title
        self.description = description
        self.periods = periods
        self.categories = categories
        self.values = values
        self.format = format
        self.caption = caption
    }

    static let keyCharacters = 20
    static let incompleteNote = "Incomplete: a category has no data"

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
        let palette = ChartPalette.categorical
        // The wide key keeps its 20 characters a line; the narrow one wraps sooner.
        let keyCharacters = layout == .wide ? Self.keyCharacters : layout.labelCharacters
        func value(_ category: Int, _ period: Int) -> Double? {
            guard category < values.count, period < values[category].count,
                  let value = values[category][period], value.isFinite else { return nil }
            return value
        }
        let columns = periods.indices.map { period in categories.indices.map { value($0, period) } }
        let highs = columns.map { $0.compactMap { $0 }.filter { $0 > 0 }.reduce(0, +) }
        let lows = columns.map { $0.compactMap { $0 }.filter { $0 < 0 }.reduce(0, +) }
        let ticks = niceTicks(min: lows.min() ?? 0, max: highs.max() ?? 0, maxCount: layout.maxTicks,
                              includingZero: true)
        let incomplete = columns.map { column in
            column.contains { $0 == nil } && column.contains { $0 != nil }
        }

        // The key, top of the stack first, then the note on incomplete bars.
        var keyEntries: [(symbol: KeyItem.Symbol, lines: [String])] = categories.indices
            .reversed().map { category in
                (.swatch(palette[category % palette.count]),
                 wrapWords(categories[category], maxCharacters: keyCharacters))
            }
        if incomplete.contains(true) {
            keyEntries.append((.mark("*"),
                               wrapWords(Self.incompleteNote, maxCharacters: keyCharacters)))
        }
        let keyTextWidth = keyEntries.flatMap(\.lines).map { estimatedTextWidth($0) }.max() ?? 0
        let frame = CartesianFrame(
            layout: layout, ticks: ticks, tickLabels: format.tickLabels(ticks), key: [], endLabels: [],
            xLabels: periods, placement: .bands,
            rightKeyWidth: keyEntries.isEmpty ? 0 : keyTextWidth + 54, extraTop: 10)

        var svg = SVGWriter()
        let zero = frame.y(0)
        frame.drawAxes(into: &svg)
        let barWidth = min(frame.bandWidth * 0.7, 48)
        for (period, column) in columns.enumerated() {
            let x = frame.xs[period]
            guard column.contains(where: { $0 != nil }) else {
                drawNoData(x: x, zero: zero, bandWidth: frame.bandWidth, into: &svg)
                continue
            }
            var above = 0.0
            var below = 0.0
            for (category, entry) in column.enumerated() {
                guard let entry, entry != 0 else { continue }
                let start = entry > 0 ? above : below
                let end = start + entry
                if entry > 0 { above = end } else { below = end }
                let y1 = frame.y(start)
                let y2 = frame.y(end)
                svg.rect(x: x - barWidth / 2, y: min(y1, y2), width: barWidth,
                         height: (y1 - y2).magnitude, fill: palette[category % palette.count],
                         stroke: .white, cssClass: "segment")
            }
            if incomplete[period] {
                svg.text("*", x: x, y: frame.y(above) - 4, anchor: "middle", fontSize: 16,
                         bold: true, cssClass: "incomplete")
            }
        }

        frame.drawBaseline(at: zero, into: &svg)

        // The key sits right of the plot, its first entry level with the plot's top.
        var y = frame.top
        let x = frame.right + 24
        for entry in keyEntries {
            let height = Double(entry.lines.count) * CartesianFrame.lineHeight
            drawSymbol(entry.symbol, x: x, y: y + 7, into: &svg)
            for (line, text) in entry.lines.enumerated() {
                svg.text(text, x: x + 30, y: y + 11 + Double(line) * CartesianFrame.lineHeight,
                         cssClass: "key")
            }
            y += height + 8
        }
        return ChartDrawing(layout: layout, body: svg.markup)
    }
}
