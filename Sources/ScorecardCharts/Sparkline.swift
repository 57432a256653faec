/// A word-sized line for a table cell: 100 × 24, no axes, gaps as breaks, the last value
/// as a dot. Its accessible name is `label`; it is not wrapped in a `<figure>`.
public struct Sparkline: Sendable {
    /// Unique on the page; the title's id is `ID-t`.
    public var id: String
    /// The values, oldest first; nil is a gap.
    public var points: [Double?]
    /// The accessible name, e.g. `Trend from 21.4% in Q1 to 11.9% in Q4`.
    public var label: String

    /// A sparkline of `points` named `label`.
    public init(id: String, points: [Double?], label: String) {
        self.id = id
        self.points = points
        self.label = label
    }

    static let width = 100.0
    static let height = 24.0
    static let pad = 3.0

    /// The `<svg>`, with `width` and `height` set so it stays small in a table cell.
    public var svg: String {
        let values = points.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        let present = values.compactMap { $0 }
        let low = present.min() ?? 0
        let high = present.max() ?? 0
        let count = values.count
        func x(_ index: Int) -> Double {
            count > 1 ? Self.pad + Double(index) * (Self.width - 2 * Self.pad) / Double(count - 1)
                : Self.width / 2
        }
        func y(_ value: Double) -> Double {
            high > low ? Self.height - Self.pad - (value - low) / (high - low) * (Self.height - 2 * Self.pad)
                : Self.height / 2
        }
        var svg = SVGWriter()
        let segments = runs(values, x: x, y: y)
        svg.polyline(segments, stroke: ChartPalette.darkBlue, width: 1.5, cssClass: "series")
        let lastIndex = values.lastIndex { $0 != nil }
        for segment in segments where segment.count == 1 && segment[0].x != lastIndex.map(x) {
            svg.circle(x: segment[0].x, y: segment[0].y, radius: 1.25, fill: ChartPalette.darkBlue)
        }
        if let lastIndex, let value = values[lastIndex] {
            svg.circle(x: x(lastIndex), y: y(value), radius: 2, fill: ChartPalette.darkBlue,
                       cssClass: "last")
        }
        let id = escapeXML(id)
        return "<svg role=\"img\" aria-labelledby=\"\(id)_t\" viewBox=\"0 0 100 24\" width=\"100\""
            + " height=\"24\" xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\">"
            + "<title id=\"\(id)_t\">" + escapeXML(label) + "</title>\n"
            + svg.markup + "</svg>"
    }
}
