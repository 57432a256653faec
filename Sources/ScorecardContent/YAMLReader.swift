import CYaml
import Foundation
import ScorecardCore
import Yams

/// Reads one YAML file into checked values, collecting a diagnostic for every problem.
///
/// Every accessor reports at the node's own line and column, so an author is pointed at
/// the exact key or value that is wrong.
struct YAMLReader {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    /// Parses `text` (already decoded, no BOM); nil after a syntax error, which is reported.
    /// `firstLine` shifts line numbers for YAML that starts further down a file (front matter).
    mutating func parse(_ text: String, firstLine: Int = 1) -> Node? {
        lineOffset = firstLine - 1
        if let node = PlainYAMLComposer.compose(text) { return node }
        if let (line, column) = YAMLReader.firstComplexKey(in: text) {
            diagnostics.append(.error("this key is a list, a mapping or an alias (*name); keys are plain words such as title or 2020",
                                      at: SourceLocation(path: path, line: line + lineOffset, column: column)))
            return nil
        }
        do {
            // UTF-8 named, not left to `Parser.Encoding.default`: that reads the whole
            // environment on every call (a twentieth of reading a scorecard.yaml) and lets
            // YAMS_DEFAULT_ENCODING change how files are read and print a line to stdout.
            return try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            report(error, text: text)
        } catch {
            diagnostics.append(.error("could not read YAML: \(error)", at: SourceLocation(path: path)))
        }
        return nil
    }

    private var lineOffset = 0

    /// For each mapping (by its position), the keys that an unknown key there was taken to
    /// be a misspelling of: their absence is not reported again.
    private var hintedKeys: [String: Set<String>] = [:]

    private static func place(_ node: Node) -> String {
        node.mark.map { "\($0.line):\($0.column)" } ?? ""
    }

    private mutating func report(_ error: YamlError, text: String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            if let context, context.text.contains("quoted scalar"), problem.contains("end of stream") {
                // Reported at the end of the file, far from the cause: point at the opening quote.
                diagnostics.append(.error("YAML syntax error: the quote that starts this value is never closed; end the value with the same quote",
                                          at: SourceLocation(path: path, line: context.mark.line + lineOffset, column: context.mark.column)))
                return
            }
            var message = "YAML syntax error: \(problem)"
            if problem.hasPrefix("Maximum nesting level") {   // libyaml's words are for programmers
                message = "YAML syntax error: lists and mappings are nested more than 1,000 levels deep; content files need only a few"
            } else if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            if problem.contains("mapping values are not allowed") {
                message += "; a value containing ': ' must be quoted"
            } else if problem.contains("found character that cannot start any token") {
                message += "; indent with spaces, not tabs, and quote values that start with @ or `"
            } else if problem.contains("tab character") {
                message += "; indent with spaces, not tabs"
            }
            diagnostics.append(.error(message, at: SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)))
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams gives the first occurrence; the author has to act on the repeat.
            let first = context.mark
            let (line, column) = duplicates.count == 1
                ? YAMLReader.repeatedKey(duplicates[0], after: first.line, column: first.column, in: text) ?? (first.line, first.column)
                : (first.line, first.column)
            let keys = duplicates.joined(separator: "', '")
            diagnostics.append(.error("the key '\(keys)' appears more than once; keep only one",
                                      at: SourceLocation(path: path, line: line + lineOffset, column: column)))
        case let .reader(problem, offset, value, _):
            // Point at the character (Yams gives its offset in characters) and name it: a
            // control character is invisible in most editors.
            var location = SourceLocation(path: path)
            if let offset, offset >= 0, offset <= text.count {
                let before = text[..<text.index(text.startIndex, offsetBy: offset)]
                var line = 1, column = 1, afterCR = false
                for scalar in before.unicodeScalars {
                    if scalar == "\n" && afterCR { afterCR = false; continue }
                    afterCR = scalar == "\r"
                    if scalar == "\n" || scalar == "\r" { line += 1; column = 1 } else { column += 1 }
                }
                location = SourceLocation(path: path, line: line + lineOffset, column: column)
            }
            let hex = String(value, radix: 16, uppercase: true)
            let named = value >= 0 ? " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)); remove it" : ""
            diagnostics.append(.error("could not read YAML: \(problem)\(named)", at: location))
        default:
            diagnostics.append(.error("could not read YAML: \(error)", at: SourceLocation(path: path)))
        }
    }

    /// The line and column (1-based, in Unicode scalars) of the first mapping key that is not
    /// a plain scalar: a list, a mapping or an alias. Nil when there is none, or when the text
    /// is not valid YAML (Yams then reports why).
    ///
    /// Yams compares every key of a mapping with the others by value, so a key that is an
    /// alias of a deeply nested alias ("billion laughs") takes time in the size of its
    /// expansion; such keys are found here, on libyaml's events, before Yams composes. O(n).
    static func firstComplexKey(in text: String) -> (line: Int, column: Int)? {
        enum Slot { case key, value, item }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var open: [Slot] = []   // for each open collection, what its next node is
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let type = event.type
                switch type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if let slot = open.last {
                        if slot == .key && type != YAML_SCALAR_EVENT {
                            return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                        }
                        if slot != .item { open[open.count - 1] = slot == .key ? .value : .key }
                    }
                    if type == YAML_SEQUENCE_START_EVENT { open.append(.item) }
                    if type == YAML_MAPPING_START_EVENT { open.append(.key) }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    open.removeLast()
                default:
                    continue
                }
            }
        }
    }

    /// The line and column of the next `key:` in the same block mapping as the key at
    /// (`line`, `column`), both 1-based; nil when it cannot be found (a flow mapping).
    static func repeatedKey(_ key: String, after line: Int, column: Int, in text: String) -> (Int, Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line < lines.count else { return nil }
        for index in line..<lines.count {
            var chars = Array(lines[index])
            if chars.last == "\r" { chars.removeLast() }
            let content = chars.drop { $0 == " " }
            if content.isEmpty || content.first == "#" { continue }
            let indent = chars.count - content.count
            if indent < column - 1 { return nil }          // left the mapping
            if indent > column - 1 { continue }            // inside a nested value
            var rest = Substring(String(content))
            guard rest.hasPrefix(key) else { continue }
            rest = rest.dropFirst(key.count).drop { $0 == " " }
            if rest.first == ":" { return (index + 1, column) }
        }
        return nil
    }

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    mutating func error(_ message: String, at node: Node) {
        diagnostics.append(.error(message, at: location(node)))
    }

    mutating func warning(_ message: String, at node: Node) {
        diagnostics.append(.warning(message, at: location(node)))
    }

    /// True when the node is YAML null (`~`, `null` or nothing).
    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) {
            return true
        }
        return false
    }

    /// A mapping's entries by key, after checking every key is one of `allowed` (unknown keys
    /// are errors with a "did you mean" hint) and that none repeats.
    mutating func mapping(_ node: Node, allowed: [String], what: String) -> [String: (key: Node, value: Node)]? {
        guard case .mapping(let m) = node else {
            error("\(what) must be a mapping of keys to values", at: node)
            return nil
        }
        var out: [String: (key: Node, value: Node)] = [:]
        for (k, v) in m {
            guard case .scalar(let ks) = k else {
                error("keys in \(what) must be plain words", at: k)
                continue
            }
            let key = ks.string
            if !allowed.contains(key) {
                if let meant = Suggestion.closest(to: key, in: allowed) {
                    hintedKeys[YAMLReader.place(node), default: []].insert(meant)
                }
                error("unknown key '\(key)' in \(what)\(Suggestion.hint(for: key, in: allowed, otherwise: "allowed keys are \(allowed.joined(separator: ", "))"))", at: k)
                continue
            }
            if out[key] != nil {
                error("the key '\(key)' appears more than once in \(what)", at: k)
                continue
            }
            out[key] = (k, v)
        }
        return out
    }

    /// True when an unknown key in `mapping` was reported as a misspelling of `key`.
    func wasHinted(_ key: String, in mapping: Node) -> Bool {
        hintedKeys[YAMLReader.place(mapping)]?.contains(key) == true
    }

    /// A required key: reports its absence at `parent`, unless an unknown key there was
    /// already reported as a misspelling of it.
    mutating func require(_ entries: [String: (key: Node, value: Node)], _ key: String, in what: String, at parent: Node) -> Node? {
        guard let e = entries[key], !YAMLReader.isNull(e.value) else {
            if entries[key] == nil, hintedKeys[YAMLReader.place(parent)]?.contains(key) == true { return nil }
            error("\(what) needs '\(key)'", at: entries[key]?.key ?? parent)
            return nil
        }
        return e.value
    }

    /// An optional key's value, nil when absent or null.
    func optional(_ entries: [String: (key: Node, value: Node)], _ key: String) -> Node? {
        guard let e = entries[key], !YAMLReader.isNull(e.value) else { return nil }
        return e.value
    }

    mutating func string(_ node: Node, what: String) -> String? {
        guard case .scalar(let s) = node else {
            error("\(what) must be text, not a list or mapping", at: node)
            return nil
        }
        return s.string
    }

    mutating func nonEmptyString(_ node: Node, what: String) -> String? {
        guard let s = string(node, what: what) else { return nil }
        if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            error("\(what) is empty", at: node)
            return nil
        }
        return s
    }

    mutating func decimal(_ node: Node, what: String) -> Decimal? {
        guard let s = string(node, what: what) else { return nil }
        if let problem = DecimalNumber.problem(with: s) {
            error("\(what): \(problem)", at: node)
            return nil
        }
        return DecimalNumber.parse(s)
    }

    mutating func integer(_ node: Node, what: String, range: ClosedRange<Int>) -> Int? {
        guard let s = string(node, what: what) else { return nil }
        guard s.allSatisfy({ $0.isASCII && $0.isNumber }), !s.isEmpty, s.count <= 9, let v = Int(s) else {
            error("\(what) must be a whole number, not '\(s)'", at: node)
            return nil
        }
        guard range.contains(v) else {
            let upper = range.upperBound == Int.max ? "" : " and at most \(range.upperBound)"
            error("\(what) must be at least \(range.lowerBound)\(upper), not \(v)", at: node)
            return nil
        }
        return v
    }

    mutating func bool(_ node: Node, what: String) -> Bool? {
        guard let s = string(node, what: what) else { return nil }
        switch s {
        case "true", "True", "TRUE", "yes": return true
        case "false", "False", "FALSE", "no": return false
        default:
            error("\(what) must be true or false, not '\(s)'", at: node)
            return nil
        }
    }

    mutating func date(_ node: Node, what: String) -> CivilDate? {
        guard let s = string(node, what: what) else { return nil }
        guard let d = CivilDate(iso: s) else {
            error("\(what) must be a date written YYYY-MM-DD, such as 2020-02-12, not '\(s)'", at: node)
            return nil
        }
        return d
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, what: String, as: T.Type) -> T? where T.RawValue == String {
        guard let s = string(node, what: what) else { return nil }
        if let v = T(rawValue: s) { return v }
        let all = T.allCases.map(\.rawValue)
        let choices = all.count == 2 ? Suggestion.alternatives(all) : "one of " + Suggestion.alternatives(all)
        error("\(what) must be \(choices), not '\(s)'\(Suggestion.hint(for: s, in: all))", at: node)
        return nil
    }

    mutating func sequence(_ node: Node, what: String) -> [Node]? {
        guard case .sequence(let seq) = node else {
            error("\(what) must be a list", at: node)
            return nil
        }
        return Array(seq)
    }

    /// `population:` — a map of year to head count; nil when any entry is in error, since
    /// rates from a partial table would be wrong in ways already reported.
    mutating func population(_ node: Node) -> [Int: Int]? {
        guard case .mapping(let m) = node else {
            error("population must map years to head counts, such as 2020: 142300", at: node)
            return nil
        }
        var out: [Int: Int] = [:]
        var bad = false
        for (k, v) in m {
            guard let year = integer(k, what: "a population year", range: 1900...2200) else { bad = true; continue }
            guard let count = integer(v, what: "the population for \(year)", range: 1...999_999_999) else { bad = true; continue }
            if out[year] != nil { error("the year \(year) appears more than once in population", at: k); bad = true }
            out[year] = count
        }
        return bad ? nil : out
    }

    /// `disclosure:` — `{ suppress-below: N }`.
    mutating func suppressBelow(_ node: Node) -> Int? {
        guard let entries = mapping(node, allowed: ["suppress-below"], what: "disclosure") else { return nil }
        guard let v = optional(entries, "suppress-below") else { return nil }
        return integer(v, what: "suppress-below", range: 0...1_000_000)
    }
}

/// Writing YAML by hand, for the files the commands write (visit.yaml, the publish record).
public enum YAMLText {
    /// `s` as a YAML double-quoted scalar: backslashes and quotes escaped.
    public static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
