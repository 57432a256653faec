import Foundation
import ScorecardContent
import ScorecardCore

/// The commands that change content on disk: `publish`, `reopen` and `new-visit`. Each
/// checks everything first and either does all of its work or none, saying what it did.
public enum Publishing {
    /// What a command did, or why it refused.
    public struct Outcome: Sendable {
        public var messages: [String] = []
        public var diagnostics: [Diagnostic] = []
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    static func refuse(_ message: String, at path: String) -> Outcome {
        Outcome(messages: [], diagnostics: [.error(message, at: SourceLocation(path: path))])
    }

    static func readRecord(_ tree: SourceTree, _ outcome: inout Outcome) -> PublishRecord? {
        guard let bytes = tree.file(PublishRecord.path) else { return PublishRecord() }
        return PublishRecord.parse(bytes, diagnostics: &outcome.diagnostics)
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    /// `scorecard publish VISIT`: checks the whole site, marks the visit published in its
    /// visit.yaml (keeping the rest of the file) and records its hashes.
    public static func publish(visit id: String, site root: URL) -> Outcome {
        let visitYAML = "content/visits/\(id)/visit.yaml"
        guard Identifier.isValid(id) else { return refuse(Identifier.problem(with: id, kind: "visit id")!, at: "content/visits") }
        var tree = SourceTreeReader.read(site: root)
        guard tree.isFolder("content/visits/\(id)") else {
            return refuse("there is no visit '\(id)'; its folder would be content/visits/\(id)", at: "content/visits/\(id)")
        }
        var outcome = Outcome()
        guard var record = readRecord(tree, &outcome), outcome.succeeded else { return outcome }
        // Only this visit is checked (with the site's settings, its theme and the previous
        // visit it is compared with): publishing one visit need not read every other one.
        let checkOnly = SiteBuilder.Options(drafts: true, only: [id])
        if record.visits[id] != nil {
            let problems = SiteBuilder.build(tree, options: checkOnly, into: nil).diagnostics.filter(\.isError)
            if problems.isEmpty {
                outcome.messages.append("Visit '\(id)' is already published and unchanged; nothing to do.")
            } else {
                outcome.diagnostics = problems
            }
            return outcome
        }
        // Publish only a visit that builds without errors.
        let check = SiteBuilder.build(tree, options: checkOnly, into: nil)
        guard !check.hasErrors else {
            outcome.diagnostics = check.diagnostics.filter(\.isError)
            outcome.messages.append("Visit '\(id)' was not published: fix the errors above first.")
            return outcome
        }
        guard let bytes = tree.file(visitYAML), let text = String(bytes: bytes, encoding: .utf8) else {
            return refuse("cannot read visit.yaml", at: visitYAML)
        }
        let (updated, changed) = settingStatus(text, to: "published")
        do {
            if changed { try write(updated, to: root.appendingPathComponent(visitYAML)) }
            tree.entries[visitYAML] = .file(Array(updated.utf8))
            let content = ContentLoader.load(tree) { _ in [id] }
            guard let site = content.site, let visit = content.visits.first(where: { $0.id == id }) else {
                return refuse("the visit could not be read after marking it published", at: visitYAML)
            }
            record.visits[id] = PublishRecord.entry(for: visit, site: site, tree: tree)
            try write(record.serialized(), to: root.appendingPathComponent(PublishRecord.path))
            if changed { outcome.messages.append("Set status: published in \(visitYAML).") }
            outcome.messages.append("Recorded \(record.visits[id]!.files.count) files and the site settings of '\(id)' in \(PublishRecord.path).")
            outcome.messages.append("Visit '\(id)' is published. Commit both files; from now on any change to it fails check and build until 'scorecard reopen \(id)'.")
        } catch {
            outcome.diagnostics.append(.error("could not write: \(error.localizedDescription)", at: SourceLocation(path: visitYAML)))
        }
        return outcome
    }

    /// `scorecard reopen VISIT`: removes the visit from the publish record so its files may
    /// change. It stays marked published until it is published again.
    public static func reopen(visit id: String, site root: URL) -> Outcome {
        guard Identifier.isValid(id) else { return refuse(Identifier.problem(with: id, kind: "visit id")!, at: "content/visits") }
        let tree = SourceTreeReader.read(site: root)
        var outcome = Outcome()
        guard var record = readRecord(tree, &outcome), outcome.succeeded else { return outcome }
        guard let entry = record.visits.removeValue(forKey: id) else {
            return refuse("visit '\(id)' is not in the publish record, so there is nothing to reopen", at: PublishRecord.path)
        }
        do {
            try write(record.serialized(), to: root.appendingPathComponent(PublishRecord.path))
        } catch {
            return refuse("could not write: \(error.localizedDescription)", at: PublishRecord.path)
        }
        let folderExists = tree.isFolder("content/visits/\(id)")
        outcome.messages.append("Removed '\(id)' (\(entry.files.count) files and its settings) from \(PublishRecord.path).")
        if folderExists {
            outcome.messages.append("Its files can now be changed. It is still marked published in content/visits/\(id)/visit.yaml, so build warns until you run 'scorecard publish \(id)' again.")
        } else {
            outcome.messages.append("Its folder is gone, so the visit is no longer part of the site.")
        }
        return outcome
    }

    /// Sets the top-level `status:` of a visit.yaml text, keeping every other line, its
    /// comments and its line ends; adds the key when missing.
    public static func settingStatus(_ text: String, to status: String) -> (String, Bool) {
        let crlf = text.contains("\r\n")
        let newline = crlf ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        for (i, line) in lines.enumerated() where line.hasPrefix("status:") {
            // Replace only the value; keep the spacing and any comment after it.
            let rest = line.dropFirst("status:".count)
            let leading = rest.prefix { $0 == " " || $0 == "\t" }
            let value = rest.dropFirst(leading.count).prefix { $0 != " " && $0 != "\t" && $0 != "#" }
            let trailing = rest.dropFirst(leading.count + value.count)
            if value == status { return (text, false) }
            lines[i] = "status:" + (leading.isEmpty ? " " : leading) + status + trailing
            return (lines.joined(separator: newline), true)
        }
        var out = text
        if !out.isEmpty && !out.hasSuffix(newline) { out += newline }
        return (out + "status: \(status)" + newline, true)
    }

    /// `scorecard new-visit`: copies the latest visit (or `from`) into a new draft folder.
    /// Refuses to overwrite anything.
    public static func newVisit(id: String, date: String, dataAsOf: String, from: String?, title: String?,
                                site root: URL) -> Outcome {
        let folder = "content/visits/\(id)"
        if let problem = Identifier.problem(with: id, kind: "visit id") { return refuse(problem, at: folder) }
        guard let d = CivilDate(iso: date) else { return refuse("--date must be a date written YYYY-MM-DD, not '\(date)'", at: folder) }
        guard let asOf = CivilDate(iso: dataAsOf) else { return refuse("--data-as-of must be a date written YYYY-MM-DD, not '\(dataAsOf)'", at: folder) }
        guard asOf <= d else { return refuse("--data-as-of \(asOf) is later than --date \(d); the data cut-off cannot follow the visit", at: folder) }
        if let title {
            // visit.yaml could not hold it (YAML refuses control characters) or would be in error.
            if title.trimmingCharacters(in: .whitespaces).isEmpty { return refuse("--title is empty; leave it out for the default title", at: folder) }
            if title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return refuse("--title cannot contain line breaks, tabs or other control characters", at: folder)
            }
        }
        let fm = FileManager.default
        let target = root.appendingPathComponent(folder)
        guard !fm.fileExists(atPath: target.path) else {
            return refuse("content/visits/\(id) already exists; nothing was changed. Choose another visit id", at: folder)
        }
        let tree = SourceTreeReader.read(site: root)
        let content = ContentLoader.load(tree)
        let source: Visit
        if let from {
            guard let v = content.visits.first(where: { $0.id == from }) else {
                if Identifier.isValid(from), tree.isFolder("content/visits/\(from)") {   // there, but unreadable
                    return refuse("visit '\(from)' cannot be copied while its visit.yaml has errors; 'scorecard check' shows them",
                                  at: "content/visits/\(from)/visit.yaml")
                }
                return refuse("there is no visit '\(from)' to copy; visits are \(content.visits.map(\.id).joined(separator: ", "))", at: "content/visits/\(from)")
            }
            source = v
        } else {
            guard let v = content.visits.last else { return refuse("there is no visit to copy yet; create content/visits/<id>/visit.yaml by hand first", at: "content/visits") }
            source = v
        }
        var outcome = Outcome()
        let sourceFolder = "content/visits/\(source.id)/"
        let staging = root.appendingPathComponent("content/visits/.\(id).new-\(getpid())")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var copied = 0
            for (path, entry) in tree.entries.sorted(by: { $0.key < $1.key }) where path.hasPrefix(sourceFolder) {
                let relative = String(path.dropFirst(sourceFolder.count))
                if relative == "visit.yaml" || relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                let dest = staging.appendingPathComponent(relative)
                switch entry {
                case .folder: try fm.createDirectory(at: dest, withIntermediateDirectories: true)
                case .file(let bytes):
                    try fm.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(bytes).write(to: dest)
                    copied += 1
                default: continue
                }
            }
            let visitTitle = title ?? "Monitoring visit, \(CivilDate.monthNames[d.month - 1]) \(d.year)"
            var yaml = "title: \(YAMLText.quoted(visitTitle))\ndate: \(d)\ndata-as-of: \(asOf)\nstatus: draft\n"
            if let p = source.population {
                yaml += "population:\n" + p.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)\n" }.joined()
            }
            if let s = source.suppressBelow { yaml += "disclosure:\n  suppress-below: \(s)\n" }
            try Data(yaml.utf8).write(to: staging.appendingPathComponent("visit.yaml"))
            guard !fm.fileExists(atPath: target.path) else {
                try? fm.removeItem(at: staging)
                return refuse("content/visits/\(id) appeared while copying; nothing was changed", at: folder)
            }
            try fm.moveItem(at: staging, to: target)
            outcome.messages.append("Created \(folder)/ as a draft, copying \(copied) files from \(source.id).")
            outcome.messages.append("Next: append the new rows to its CSV files, rewrite overview.md and each narrative.md, then run 'scorecard serve' to preview and 'scorecard publish \(id)' when it is ready.")
            if d < source.date { outcome.messages.append("Note: the new visit's date is before \(source.id)'s (\(source.date)).") }
        } catch {
            try? fm.removeItem(at: staging)
            return refuse("could not create the visit: \(error.localizedDescription)", at: folder)
        }
        return outcome
    }
}
