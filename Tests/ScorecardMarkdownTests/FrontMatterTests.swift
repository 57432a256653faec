import ScorecardCore
import ScorecardMarkdown
import Testing

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterWithLF() {
        let (front, diagnostics) = FrontMatter.split("---\ntitle: A\nsummary: B\n---\nBody\n", path: testPath)
        #expect(diagnostics.isEmpty)
        #expect(front == FrontMatter(yaml: "title: A\nsummary: B\n", yamlFirstLine: 2, body: "Body\n", bodyFirstLine: 5))
    }

    @Test func splitsFrontMatterWithCRLF() {
        let (front, diagnostics) = FrontMatter.split("---\r\ntitle: A\r\n---\r\nBody\r\nMore\r\n", path: testPath)
        #expect(diagnostics.isEmpty)
        #expect(front == FrontMatter(yaml: "title: A\r\n", yamlFirstLine: 2, body: "Body\r\nMore\r\n", bodyFirstLine: 4))
    }

    @Test func dropsAByteOrderMarkBeforeTheOpeningLine() {
        let (front, diagnostics) = FrontMatter.split("\u{FEFF}---\ntitle: A\n---\nBody\n", path: testPath)
        #expect(diagnostics.isEmpty)
        #expect(front == FrontMatter(yaml: "title: A\n", yamlFirstLine: 2, body: "Body\n", bodyFirstLine: 4))
    }

    @Test func withoutFrontMatterTheWholeFileIsTheBody() {
        let (front, diagnostics) = FrontMatter.split("# Title\n\n---\n", path: testPath)
        #expect(diagnostics.isEmpty)
        #expect(front == FrontMatter(yaml: nil, yamlFirstLine: 1, body: "# Title\n\n---\n", bodyFirstLine: 1))
        let (bom, _) = FrontMatter.split("\u{FEFF}Text", path: testPath)
        #expect(bom.body == "Text")
        #expect(bom.yaml == nil)
    }

    @Test func acceptsDotsAndTrailingBlanksOnDelimiterLines() {
        let (front, diagnostics) = FrontMatter.split("--- \ntitle: A\n... \t\nBody", path: testPath)
        #expect(diagnostics.isEmpty)
        #expect(front == FrontMatter(yaml: "title: A\n", yamlFirstLine: 2, body: "Body", bodyFirstLine: 4))
    }

    @Test func emptyFrontMatterAndClosingAtTheEnd() {
        #expect(FrontMatter.split("---\n---\nBody", path: testPath).frontMatter
            == FrontMatter(yaml: "", yamlFirstLine: 2, body: "Body", bodyFirstLine: 3))
        #expect(FrontMatter.split("---\na: 1\n---", path: testPath).frontMatter
            == FrontMatter(yaml: "a: 1\n", yamlFirstLine: 2, body: "", bodyFirstLine: 4))
    }

    @Test(arguments: ["----\na: 1\n----\n", " ---\na: 1\n---\n", "---x\na: 1\n---\n", "...\na: 1\n...\n"])
    func onlyAnExactOpeningLineStartsFrontMatter(text: String) {
        let (front, diagnostics) = FrontMatter.split(text, path: testPath)
        #expect(diagnostics.isEmpty)
        #expect(front.yaml == nil)
        #expect(front.body == text)
    }

    @Test func anUnterminatedBlockIsAnErrorAtLineOne() {
        let text = "---\ntitle: A\n\nBody {{x}}\n"
        let (front, diagnostics) = FrontMatter.split(text, path: testPath)
        #expect(diagnostics == [.error(
            "front matter opened with '---' on line 1 is never closed; end it with a line '---' (or '...') before the Markdown",
            at: at(1, 1))])
        #expect(front == FrontMatter(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
    }

    @Test(arguments: [
        "---\ntitle: Early help\nsummary: >\n  Short.\n---\n\nThe rate is {{contacts-decided-1wd}} this month.\n",
        "\u{FEFF}---\r\ntitle: Early help\r\nsummary: >\r\n  Short.\r\n---\r\n\r\nThe rate is {{contacts-decided-1wd}} this month.\r\n",
    ])
    func aReferenceOnFileLineSevenIsReportedThere(file: String) {
        let (front, _) = FrontMatter.split(file, path: testPath)
        #expect(front.bodyFirstLine == 6)
        let rendered = render(front.body, firstLine: front.bodyFirstLine)
        #expect(rendered.references == [InlineReference(indicator: "contacts-decided-1wd", field: nil, location: at(7, 13))])
        #expect(rendered.html == "<p>The rate is [contacts-decided-1wd] this month.</p>\n")
    }
}
