public import ScorecardCore

/// An inline reference written in narrative prose: `{{id}}`, `{{id.period}}`,
/// `{{id.target}}`, `{{id.change}}` or `{{id.direction}}`.
public struct InlineReference: Sendable, Hashable {
    /// Which figure of the indicator a reference asks for, beyond its latest value.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        /// The period of the latest value, as displayed.
        case period
        /// The indicator's target, as displayed.
        case target
        /// The change since the previous visit, as displayed.
        case change
        /// Whether that change is better or worse, by the indicator's `better`.
        case direction
    }

    /// The indicator id as written (it matches `[a-z0-9][a-z0-9-]*`, at most 64 characters).
    public var indicator: String
    /// The field asked for, or nil for the displayed latest value.
    public var field: Field?
    /// Where the reference's `{{` is in the file.
    public var location: SourceLocation

    public init(indicator: String, field: Field?, location: SourceLocation) {
        self.indicator = indicator
        self.field = field
        self.location = location
    }

    /// The reference as an author writes it, e.g. `{{contacts-decided-1wd.period}}`.
    public var written: String {
        "{{" + indicator + (field.map { "." + $0.rawValue } ?? "") + "}}"
    }
}

/// What the caller makes of an inline reference: plain text to show in its place (escaped by
/// the renderer), with a diagnostic when the figure is unknown, missing or suppressed.
public enum ReferenceResolution: Sendable, Hashable {
    /// The figure as displayed, e.g. `85.0%`.
    case text(String)
    /// A problem to report, and the text to show anyway (e.g. `[c]`, or the reference as
    /// written when the id is unknown).
    case diagnostic(Diagnostic, text: String)
}
