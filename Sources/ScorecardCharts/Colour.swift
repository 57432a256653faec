import Foundation

/// An sRGB colour with 8 bits a channel.
public struct RGBColour: Sendable, Hashable, CustomStringConvertible {
    /// Red, 0–255.
    public var red: UInt8
    /// Green, 0–255.
    public var green: UInt8
    /// Blue, 0–255.
    public var blue: UInt8

    /// A colour from its three channels.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from `#RRGGBB` or `RRGGBB`; nil for anything else.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit),
              let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF),
                  blue: UInt8(value & 0xFF))
    }

    /// `#RRGGBB` in upper case, as written into SVG attributes.
    public var hex: String {
        var bytes: [UInt8] = []
        appendHex(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `hex` as UTF-8: charts write one for every stroke and fill.
    func appendHex(to bytes: inout [UInt8]) {
        func digit(_ v: UInt8) -> UInt8 { v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "A") + v - 10 }
        // The three channels in turn, without an array of them made for every colour written.
        bytes.append(UInt8(ascii: "#"))
        bytes.append(digit(red >> 4)); bytes.append(digit(red & 0xF))
        bytes.append(digit(green >> 4)); bytes.append(digit(green & 0xF))
        bytes.append(digit(blue >> 4)); bytes.append(digit(blue & 0xF))
    }

    /// The same as `hex`.
    public var description: String { hex }

    /// WCAG 2.2 relative luminance: 0 for black, 1 for white.
    ///
    /// Each channel is linearised (`c / 12.92` up to 0.04045, else
    /// `((c + 0.055) / 1.055) ^ 2.4`) and weighted 0.2126 R + 0.7152 G + 0.0722 B.
    public var relativeLuminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// White, the chart background.
    public static let white = RGBColour(red: 0xFF, green: 0xFF, blue: 0xFF)
}

/// The WCAG 2.2 contrast ratio of two colours, from 1 (same) to 21 (black on white):
/// `(L1 + 0.05) / (L2 + 0.05)` with `L1` the lighter relative luminance.
public func contrastRatio(_ first: RGBColour, _ second: RGBColour) -> Double {
    let a = first.relativeLuminance
    let b = second.relativeLuminance
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
}

/// The colours every chart draws with, all measured against a white background.
///
/// Modelled on the UK Government Analysis Function categorical palette, in its order. Each
/// of the six reaches the 3:1 non-text contrast of WCAG 1.4.11 against white as published,
/// so none had to be darkened (orange is the closest, at 3.03:1). Adjacent colours are not
/// 3:1 from each other, so stacked segments are separated by a white line and listed in a
/// key, never told apart by colour alone.
public enum ChartPalette {
    /// Dark blue `#12436D` (10.25:1 on white): the main series.
    public static let darkBlue = RGBColour(red: 0x12, green: 0x43, blue: 0x6D)
    /// Turquoise `#28A197` (3.17:1 on white): the rolling mean. Too light for text.
    public static let turquoise = RGBColour(red: 0x28, green: 0xA1, blue: 0x97)
    /// Dark pink `#801650` (9.78:1 on white): target lines.
    public static let darkPink = RGBColour(red: 0x80, green: 0x16, blue: 0x50)
    /// Orange `#F46A25` (3.03:1 on white). Too light for text.
    public static let orange = RGBColour(red: 0xF4, green: 0x6A, blue: 0x25)
    /// Dark grey `#3D3D3D` (10.86:1 on white): comparator lines.
    public static let darkGrey = RGBColour(red: 0x3D, green: 0x3D, blue: 0x3D)
    /// Light purple `#A285D1` (3.08:1 on white). Too light for text.
    public static let lightPurple = RGBColour(red: 0xA2, green: 0x85, blue: 0xD1)

    /// The categorical colours in the order stacked categories use them.
    public static let categorical: [RGBColour] = [
        darkBlue, turquoise, darkPink, orange, darkGrey, lightPurple,
    ]

    /// Text: GOV.UK near-black `#0B0C0C` (19.59:1 on white).
    public static let text = RGBColour(red: 0x0B, green: 0x0C, blue: 0x0C)
    /// Secondary text such as "no data": GOV.UK dark grey `#505A5F` (7.07:1 on white).
    public static let secondaryText = RGBColour(red: 0x50, green: 0x5A, blue: 0x5F)
    /// Grid lines: decorative only (every value is also in a label or the table), so exempt
    /// from the 3:1 rule and kept light so they do not compete with the data.
    public static let grid = RGBColour(red: 0xDD, green: 0xDD, blue: 0xDD)

    /// The colour for text about a series drawn in `colour`: the colour itself when it
    /// reaches 4.5:1 on white, otherwise the text colour.
    static func textColour(for colour: RGBColour) -> RGBColour {
        contrastRatio(colour, .white) >= 4.5 ? colour : text
    }
}
