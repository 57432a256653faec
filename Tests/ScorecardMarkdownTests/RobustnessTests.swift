import ScorecardCore
import ScorecardMarkdown
import Testing

/// SplitMix64: a small seeded generator, so every run tries the same inputs.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct RobustnessTests {
    static let pieces = [
        "{{", "}}", "{", "}", "a", "b-1", "www", ".period", ".target", ".foo", "X", " ", "  ", "\t", "\n", "\n\n",
        "\r\n", "- ", "1. ", "> ", "# ", "---", "===", "|", "|---|", "```", "```kpi\n", "~~~", "`", "*", "_", "~~",
        "[", "]", "](", ")", "![", "[^1]", "[^1]: ", "<", ">", "<script>", "<img src=x>", "</div>", "<!--", "-->",
        "&amp;", "&#123;", "\\", "\\{", "javascript:", "https://e.org/", "www.e.org", "@", "a@b.org", "é", "😀",
        "\u{301}", "\0", "\u{FEFF}", "[ ] ", "[x] ", "    ",
        "{{a}}", "{{b-1.period}}", "{{www.change}}", "{{a.foo}}", "{{X}}", " {{c.target}} ", "```kpi\na\n b-2\nC\n```\n",
    ]

    /// Seeded pseudo-random Markdown-ish text never crashes the renderer, every location is
    /// inside the file, and every reference written literally is reported at its `{{`.
    @Test func randomInputNeverCrashes() {
        var generator = SplitMix64(state: 20_200_212)
        var checked = 0, kpiBlocks = 0, diagnostics = 0
        for _ in 0..<400 {
            let count = Int.random(in: 1...60, using: &generator)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let firstLine = Int.random(in: 1...5, using: &generator)
            let rendered = render(text, firstLine: firstLine)
            let lines = Self.lines(of: text)
            kpiBlocks += rendered.kpiCalls.count
            diagnostics += rendered.diagnostics.count
            let locations = rendered.diagnostics.map(\.location) + rendered.references.map(\.location)
                + rendered.kpiCalls.flatMap { $0.locations + [$0.fence] }
            for location in locations {
                let line = location.line ?? 0
                #expect(line >= firstLine && line < firstLine + lines.count, "\(location) in \(text.debugDescription)")
                #expect((location.column ?? 0) >= 1, "\(location) in \(text.debugDescription)")
            }
            for reference in rendered.references {
                let line = lines[reference.location.line! - firstLine]
                var rest = ""
                rest.unicodeScalars.append(contentsOf: line.unicodeScalars.dropFirst(reference.location.column! - 1))
                // A brace written as an entity is the one case with no literal `{{` to point at.
                if text.contains("&#123;") { continue }
                checked += 1
                #expect(rest.hasPrefix("{{") || rest.hasPrefix("{\\{"),
                    "\(reference) in \(text.debugDescription)")
            }
        }
        // The inputs exercise what they are meant to.
        #expect(checked > 200)
        #expect(kpiBlocks > 10)
        #expect(diagnostics > 100)
    }

    /// The file's lines as cmark cuts them (LF, CRLF or a lone CR), without a byte-order mark.
    static func lines(of text: String) -> [String] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var lines: [String] = []
        var current = ""
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\n" || scalar == "\r" {
                lines.append(current)
                current = ""
                if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        lines.append(current)
        return lines
    }
}
