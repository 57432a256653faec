/// Builds SVG markup one element a line. Every attribute value and every text node passes
/// through `escapeXML`, so callers may hand it raw strings from content; numbers and colours,
/// which are the generator's own, are written as they are.
///
/// The markup is gathered as UTF-8 bytes and made a `String` once: a chart has a few hundred
/// attributes, and building each as a string of its own was a large part of drawing it.
struct SVGWriter {
    private var bytes: [UInt8] = []

    /// The elements written so far.
    var markup: String { String(decoding: bytes, as: UTF8.self) }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: RGBColour,
                       width: Double, dash: String? = nil, cssClass: String? = nil) {
        open("<line", cssClass: cssClass)
        number("x1", x1); number("y1", y1); number("x2", x2); number("y2", y2)
        colour("stroke", stroke)
        number("stroke-width", width)
        if let dash { attribute("stroke-dasharray", dash) }
        literal("/>\n")
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "start",
                       fill: RGBColour = ChartPalette.text, fontSize: Double? = nil,
                       bold: Bool = false, rotate: Bool = false, cssClass: String? = nil) {
        open("<text", cssClass: cssClass)
        number("x", x); number("y", y)
        if anchor != "start" { attribute("text-anchor", anchor) }
        if let fontSize { number("font-size", fontSize) }
        if bold { literal(" font-weight=\"bold\"") }
        if rotate {
            literal(" transform=\"rotate(-90 ")
            appendSVGNumber(x, to: &bytes)
            literal(" ")
            appendSVGNumber(y, to: &bytes)
            literal(")\"")
        }
        colour("fill", fill)
        literal(">")
        escaped(content)
        literal("</text>\n")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: RGBColour,
                       stroke: RGBColour? = nil, cssClass: String? = nil) {
        open("<rect", cssClass: cssClass)
        number("x", x); number("y", y); number("width", width); number("height", height)
        colour("fill", fill)
        if let stroke {
            colour("stroke", stroke)
            literal(" stroke-width=\"1\"")
        }
        literal("/>\n")
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: RGBColour,
                         stroke: RGBColour? = nil, strokeWidth: Double = 2,
                         cssClass: String? = nil) {
        open("<circle", cssClass: cssClass)
        number("cx", x); number("cy", y); number("r", radius)
        colour("fill", fill)
        if let stroke {
            colour("stroke", stroke)
            number("stroke-width", strokeWidth)
        }
        literal("/>\n")
    }

    /// A path through `segments`, one `M` for each run of points: a gap is never joined.
    mutating func polyline(_ segments: [[Point]], stroke: RGBColour, width: Double,
                           dash: String? = nil, cssClass: String) {
        guard segments.contains(where: { $0.count > 1 }) else { return }
        open("<path", cssClass: cssClass)
        literal(" d=\"")
        var first = true
        for segment in segments where segment.count > 1 {
            for (index, point) in segment.enumerated() {
                if !first { literal(" ") }
                first = false
                literal(index == 0 ? "M" : "L")
                appendSVGNumber(point.x, to: &bytes)
                literal(" ")
                appendSVGNumber(point.y, to: &bytes)
            }
        }
        literal("\" fill=\"none\"")
        colour("stroke", stroke)
        number("stroke-width", width)
        literal(" stroke-linejoin=\"round\" stroke-linecap=\"round\"")
        if let dash { attribute("stroke-dasharray", dash) }
        literal("/>\n")
    }

    /// The element's name, then its class when it has one: the class is always first.
    private mutating func open(_ element: StaticString, cssClass: String?) {
        literal(element)
        if let cssClass { attribute("class", cssClass) }
    }

    /// The generator's own markup, written as it is. Element and attribute names and the
    /// punctuation between them are literals in the program: their bytes are copied as they
    /// stand, a few hundred times a chart, with none of a `String`'s work.
    private mutating func literal(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func escaped(_ text: String) {
        var text = escapeXML(text)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func attribute(_ name: StaticString, _ value: String) {
        literal(" "); literal(name); literal("=\""); escaped(value); literal("\"")
    }

    private mutating func number(_ name: StaticString, _ value: Double) {
        literal(" "); literal(name); literal("=\"")
        appendSVGNumber(value, to: &bytes)
        literal("\"")
    }

    private mutating func colour(_ name: StaticString, _ value: RGBColour) {
        literal(" "); literal(name); literal("=\"")
        value.appendHex(to: &bytes)
        literal("\"")
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
