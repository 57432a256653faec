import Testing
import ScorecardCharts

@Suite struct PaletteTests {
    @Test func everyGraphicColourIsAtLeastThreeToOneOnWhite() {
        for colour in ChartPalette.categorical {
            #expect(contrastRatio(colour, .white) >= 3, "\(colour)")
        }
        #expect(ChartPalette.categorical.count == 6)
        #expect(Set(ChartPalette.categorical).count == 6)
    }

    @Test func textColoursAreAtLeastFourAndAHalfToOne() {
        #expect(contrastRatio(ChartPalette.text, .white) >= 4.5)
        #expect(contrastRatio(ChartPalette.secondaryText, .white) >= 4.5)
    }

    /// Worked by hand with the WCAG formula.
    ///
    /// #12436D: R 18/255 = 0.07059 → ((0.07059 + 0.055) / 1.055)^2.4 = 0.006049;
    /// G 67/255 = 0.26275 → 0.056128; B 109/255 = 0.42745 → 0.152952.
    /// L = 0.2126 × 0.006049 + 0.7152 × 0.056128 + 0.0722 × 0.152952 = 0.052472.
    /// Against white (L = 1): 1.05 / 0.102472 = 10.247.
    ///
    /// #F46A25: R 244/255 = 0.95686 → 0.904661; G 106/255 = 0.41569 → 0.144128;
    /// B 37/255 = 0.14510 → 0.018503. L = 0.192331 + 0.103080 + 0.001336 = 0.296747.
    /// 1.05 / 0.346747 = 3.028: the closest of the six to the 3:1 line.
    @Test func handWorkedRatios() {
        #expect(abs(ChartPalette.darkBlue.relativeLuminance - 0.052472) < 0.000005)
        #expect(abs(contrastRatio(ChartPalette.darkBlue, .white) - 10.247) < 0.001)
        #expect(abs(ChartPalette.orange.relativeLuminance - 0.296747) < 0.000005)
        #expect(abs(contrastRatio(.white, ChartPalette.orange) - 3.028) < 0.001)
        // Black on white is the maximum, 21; a colour against itself is 1.
        #expect(contrastRatio(RGBColour(red: 0, green: 0, blue: 0), .white) == 21)
        #expect(contrastRatio(ChartPalette.turquoise, ChartPalette.turquoise) == 1)
    }

    @Test func paletteIsTheAnalysisFunctionOne() {
        #expect(ChartPalette.categorical.map(\.hex)
            == ["#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"])
    }

    @Test(arguments: ["#12436D", "12436d"])
    func hexRoundTrips(text: String) {
        #expect(RGBColour(hex: text) == ChartPalette.darkBlue)
    }

    @Test(arguments: ["", "#12436", "#12436DZ", "#GG436D", "#+12436"])
    func badHexIsRejected(text: String) {
        #expect(RGBColour(hex: text) == nil)
    }
}
