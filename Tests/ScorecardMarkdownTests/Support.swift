import ScorecardCore
import ScorecardMarkdown

/// The path every test renders as.
let testPath = "content/visits/2020-02/front-door/narrative.md"

/// A location in the test file.
func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(path: testPath, line: line, column: column)
}

/// One `kpiBlock` call, as recorded.
struct KPICall: Equatable {
    var ids: [String]
    var locations: [SourceLocation]
    var fence: SourceLocation
}

/// What a render produced and what it asked of its caller.
struct Rendered {
    var html: String
    var diagnostics: [Diagnostic]
    var kpiCalls: [KPICall]
    var references: [InlineReference]
}

/// Renders `markdown`, recording the calls; kpi blocks become `<div class="kpi">ids</div>` and
/// references resolve through `resolve` (by default to `[id]` or `[id.field]`).
func render(
    _ markdown: String, firstLine: Int = 1,
    resolve: (InlineReference) -> ReferenceResolution = { .text("[" + $0.indicator + ($0.field.map { "." + $0.rawValue } ?? "") + "]") }
) -> Rendered {
    var kpiCalls: [KPICall] = []
    var references: [InlineReference] = []
    let result = MarkdownRenderer.render(
        markdown, path: testPath, firstLine: firstLine,
        kpiBlock: { ids, fence in
            kpiCalls.append(KPICall(ids: ids.map(\.id), locations: ids.map(\.location), fence: fence))
            return "<div class=\"kpi\">" + ids.map(\.id).joined(separator: " ") + "</div>"
        },
        reference: { reference in
            references.append(reference)
            return resolve(reference)
        })
    return Rendered(html: result.html, diagnostics: result.diagnostics, kpiCalls: kpiCalls, references: references)
}
