/// Builds SVG markup one element a line. Every attribute value and every text node passes
/// through `escapeXML`, so callers may hand it raw strings from content.
struct SVGWriter {
    private(set) var markup = ""

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: RGBColour,
                       width: Double, dash: String? = nil, cssClass: String? = nil) {
        var attributes: [(String, String)] = [
            ("x1", svgNumber(x1)), ("y1", svgNumber(y1)), ("x2", svgNumber(x2)),
            ("y2", svgNumber(y2)), ("stroke", stroke.hex), ("stroke-width", svgNumber(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let cssClass { attributes.insert(("class", cssClass), at: 0) }
        markup += "<line" + Self.attributes(attributes) + "/>\n"
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start",
                       fill: RGBColour = ChartPalette.text, fontSize: Double? = nil,
                       bold: Bool = false, rotate: Bool = false, cssClass: String? = nil) {
        var attributes: [(String, String)] = []
        if let cssClass { attributes.append(("class", cssClass)) }
        attributes += [("x", svgNumber(x)), ("y", svgNumber(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if let fontSize { attributes.append(("font-size", svgNumber(fontSize))) }
        if bold { attributes.append(("font-weight", "bold")) }
        if rotate {
            attributes.append(("transform", "rotate(-90 \(svgNumber(x)) \(svgNumber(y)))"))
        }
        attributes.append(("fill", fill.hex))
        markup += "<text" + Self.attributes(attributes) + ">" + escapeXML(content) + "</text>\n"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: RGBColour,
                       stroke: RGBColour? = nil, cssClass: String? = nil) {
        var attributes: [(String, String)] = []
        if let cssClass { attributes.append(("class", cssClass)) }
        attributes += [
            ("x", svgNumber(x)), ("y", svgNumber(y)), ("width", svgNumber(width)),
            ("height", svgNumber(height)), ("fill", fill.hex),
        ]
        if let stroke { attributes += [("stroke", stroke.hex), ("stroke-width", "1")] }
        markup += "<rect" + Self.attributes(attributes) + "/>\n"
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: RGBColour,
                         stroke: RGBColour? = nil, strokeWidth: Double = 2,
                         cssClass: String? = nil) {
        var attributes: [(String, String)] = []
        if let cssClass { attributes.append(("class", cssClass)) }
        attributes += [
            ("cx", svgNumber(x)), ("cy", svgNumber(y)), ("r", svgNumber(radius)),
            ("fill", fill.hex),
        ]
        if let stroke {
            attributes += [("stroke", stroke.hex), ("stroke-width", svgNumber(strokeWidth))]
        }
        markup += "<circle" + Self.attributes(attributes) + "/>\n"
    }

    /// A path through `segments`, one `M` for each run of points: a gap is never joined.
    mutating func polyline(_ segments: [[Point]], stroke: RGBColour, width: Double,
                           dash: String? = nil, cssClass: String) {
        let data = segments.filter { $0.count > 1 }.map { segment in
            segment.enumerated().map { index, point in
                (index == 0 ? "M" : "L") + svgNumber(point.x) + " " + svgNumber(point.y)
            }.joined(separator: " ")
        }.joined(separator: " ")
        guard !data.isEmpty else { return }
        var attributes: [(String, String)] = [
            ("class", cssClass), ("d", data), ("fill", "none"), ("stroke", stroke.hex),
            ("stroke-width", svgNumber(width)), ("stroke-linejoin", "round"),
            ("stroke-linecap", "round"),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        markup += "<path" + Self.attributes(attributes) + "/>\n"
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        var out = ""
        for (name, value) in pairs {
            out += " "
            out += name
            out += "=\""
            out += escapeXML(value)
            out += "\""
        }
        return out
    }
}

/// A point in SVG user units.
struct Point: Equatable {
    var x: Double
    var y: Double
}

/// The runs of consecutive non-nil values, each as points: `[1, 2, nil, 3]` → two runs.
func runs(_ values: [Double?], x: (Int) -> Double, y: (Double) -> Double) -> [[Point]] {
    var result: [[Point]] = []
    var current: [Point] = []
    for (index, value) in values.enumerated() {
        if let value, value.isFinite {
            current.append(Point(x: x(index), y: y(value)))
        } else if !current.isEmpty {
            result.append(current)
            current = []
        }
    }
    if !current.isEmpty { result.append(current) }
    return result
}

/// One layout of a chart drawn: its view box, body and the sentence its description adds
/// (the axis cut, say) to the chart's own.
struct ChartDrawing {
    var layout: ChartLayout
    var body: String
    var descriptionNote: String? = nil
}

/// Wraps a chart body in the accessible figure pattern that passes vnu, axe and PDF alt text.
///
/// With two drawings (wide, then narrow) the figure holds both SVGs, classed `chart-wide` and
/// `chart-narrow` for the stylesheet to show one and hide the other with `display: none`,
/// which also takes the hidden one out of the accessibility tree. The narrow one's title and
/// description ids are `ID_narrow_t` and `ID_narrow_d`: ids from content are lower-case
/// letters, digits and hyphens, so no other chart's ids can take that form.
func figure(id: String, title: String, description: String, caption: String,
            drawings: [ChartDrawing]) -> String {
    let id = escapeXML(id)
    let responsive = drawings.count > 1
    var svgs = ""
    for (index, drawing) in drawings.enumerated() {
        let svgID = index == 0 ? id : id + "_narrow"
        let cssClass = !responsive ? "chart-svg" : index == 0 ? "chart-svg chart-wide" : "chart-svg chart-narrow"
        let text = drawing.descriptionNote.map { description.isEmpty ? $0 : description + " " + $0 }
            ?? description
        svgs += "<svg role=\"img\" aria-labelledby=\"\(svgID)_t \(svgID)_d\" viewBox=\"0 0 "
            + svgNumber(drawing.layout.width) + " " + svgNumber(drawing.layout.height)
            + "\" xmlns=\"http://www.w3.org/2000/svg\" class=\"\(cssClass)\" font-size=\"12\">"
            + "<title id=\"\(svgID)_t\">" + escapeXML(title) + "</title>"
            + "<desc id=\"\(svgID)_d\">" + escapeXML(text) + "</desc>\n"
            + drawing.body
            + "</svg>"
    }
    return "<figure class=\"chart\" aria-labelledby=\"\(id)_cap\">" + svgs
        + "<figcaption id=\"\(id)_cap\">" + escapeXML(caption) + "</figcaption></figure>"
}
