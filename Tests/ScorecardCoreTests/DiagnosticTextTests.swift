import ScorecardCore
import Testing

/// A diagnostic quotes what the author wrote, and file names are the author's too: what
/// cannot be seen, or would act on the terminal, is written as `\u{…}`, so that each
/// diagnostic is one line showing what is really in the file.
@Suite struct DiagnosticTextTests {
    @Test func controlAndFormatCharactersAreShownAsEscapes() {
        let d = Diagnostic.error("'5\u{0}' is not a number; '\u{FEFF}2019-08'; \u{1B}[2Kgone; \u{202E}txt.exe; a\tb",
                                 at: SourceLocation(path: "content/evil\nforged.csv", line: 2, column: 3))
        #expect(d.description == #"content/evil\u{A}forged.csv:2:3: error: '5\u{0}' is not a number; '\u{FEFF}2019-08'; \u{1B}[2Kgone; \u{202E}txt.exe; a\u{9}b"#)
        #expect(!d.description.contains("\n"))
    }

    @Test func ordinaryTextIsUnchanged() {
        // Letters, accents, emoji joined with U+200D and a non-breaking space stay as written.
        let text = "unknown indicator 'café-👩‍👩‍👧' in {{x}}; 1\u{A0}000"
        #expect(Diagnostic.warning(text, at: SourceLocation(path: "a.md", line: 1, column: 1)).description == "a.md:1:1: warning: " + text)
    }
}
