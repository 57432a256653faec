import ArgumentParser
import Foundation
import ScorecardCore
import ScorecardSite

/// Writing diagnostics and messages for people.
enum Report {
    /// Prints every diagnostic on standard error, then a one-line count.
    static func diagnostics(_ diagnostics: [Diagnostic]) {
        var text = ""
        for d in diagnostics { text += d.description + "\n" }
        let errors = diagnostics.filter(\.isError).count
        let warnings = diagnostics.count - errors
        if errors + warnings > 0 {
            text += "\(plural(errors, "error")), \(plural(warnings, "warning"))\n"
        }
        standardError(text)
    }

    static func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints what a command did, or its errors, and fails when it did not succeed.
    static func outcome(_ outcome: Publishing.Outcome) throws {
        if !outcome.diagnostics.isEmpty { diagnostics(outcome.diagnostics) }
        standardError(outcome.messages.map { $0 + "\n" }.joined())
        if !outcome.succeeded { throw ExitCode.failure }
    }
}
