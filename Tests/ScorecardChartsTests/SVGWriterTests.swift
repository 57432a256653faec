import Testing
@testable import ScorecardCharts

/// Each element's markup, written out by hand: attribute order, number and colour text,
/// and escaping of every string a caller passes.
struct SVGWriterTests {
    let red = RGBColour(red: 0xD4, green: 0x35, blue: 0x1C)

    @Test func line() {
        var svg = SVGWriter()
        svg.line(x1: 0, y1: 10.5, x2: 100.25, y2: -0.001, stroke: red, width: 1, dash: "4 2", cssClass: "grid")
        #expect(svg.markup == "<line class=\"grid\" x1=\"0\" y1=\"10.5\" x2=\"100.25\" y2=\"0\" stroke=\"#D4351C\" stroke-width=\"1\" stroke-dasharray=\"4 2\"/>\n")
    }

    @Test func textEscapesItsContentAndClass() {
        var svg = SVGWriter()
        svg.text("<b>&\"'", x: 3, y: 4.125, anchor: "end", fill: red, fontSize: 11, bold: true, rotate: true, cssClass: "a\"b")
        #expect(svg.markup == "<text class=\"a&quot;b\" x=\"3\" y=\"4.13\" text-anchor=\"end\" font-size=\"11\" font-weight=\"bold\" transform=\"rotate(-90 3 4.13)\" fill=\"#D4351C\">&lt;b&gt;&amp;&quot;&#39;</text>\n")
    }

    @Test func textWithTheDefaults() {
        var svg = SVGWriter()
        svg.text("Q1", x: -2.5, y: 0)
        #expect(svg.markup == "<text x=\"-2.5\" y=\"0\" fill=\"\(ChartPalette.text.hex)\">Q1</text>\n")
    }

    @Test func rectAndCircle() {
        var svg = SVGWriter()
        svg.rect(x: 1, y: 2, width: 30, height: 0.5, fill: red, stroke: red, cssClass: "bar")
        svg.circle(x: 5, y: 6, radius: 2, fill: red)
        svg.circle(x: 5, y: 6, radius: 2, fill: red, stroke: red, strokeWidth: 1.5, cssClass: "last")
        #expect(svg.markup == """
            <rect class="bar" x="1" y="2" width="30" height="0.5" fill="#D4351C" stroke="#D4351C" stroke-width="1"/>
            <circle cx="5" cy="6" r="2" fill="#D4351C"/>
            <circle class="last" cx="5" cy="6" r="2" fill="#D4351C" stroke="#D4351C" stroke-width="1.5"/>

            """)
    }

    @Test func polylineJoinsNoGapAndSkipsLonePoints() {
        var svg = SVGWriter()
        let runs = [[Point(x: 0, y: 1), Point(x: 2, y: 3.5)], [Point(x: 9, y: 9)], [Point(x: 4, y: 5), Point(x: 6, y: 7), Point(x: 8, y: 9)]]
        svg.polyline(runs, stroke: red, width: 2.5, dash: "1 1", cssClass: "series")
        #expect(svg.markup == "<path class=\"series\" d=\"M0 1 L2 3.5 M4 5 L6 7 L8 9\" fill=\"none\" stroke=\"#D4351C\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\" stroke-dasharray=\"1 1\"/>\n")
    }

    @Test func polylineOfOnlyLonePointsWritesNothing() {
        var svg = SVGWriter()
        svg.polyline([[Point(x: 1, y: 1)], []], stroke: red, width: 1, cssClass: "series")
        #expect(svg.markup == "")
    }

    @Test(arguments: [(0.0, "0"), (7, "7"), (10, "10"), (999_999.994, "999999.99"), (1_000_000, "1000000"), (-0.004, "0"), (-12.3, "-12.3")])
    func numbersBesideTheirNames(value: Double, expected: String) {
        var svg = SVGWriter()
        svg.circle(x: value, y: 0, radius: 1, fill: red)
        #expect(svg.markup == "<circle cx=\"\(expected)\" cy=\"0\" r=\"1\" fill=\"#D4351C\"/>\n")
    }
}
