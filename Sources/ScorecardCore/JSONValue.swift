/// A JSON value with ordered object keys, so that output is byte-identical run after run.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// Already-formatted number text.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Pretty-printed with two-space indentation and a final newline at the top level.
    public func serialized(indent: Int = 0) -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    /// Appends `serialized(indent:)` to `out`: one string for the whole document, instead of
    /// a string for every value copied into its parent's.
    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): JSONValue.quote(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let inner = "\n" + String(repeating: "  ", count: indent + 1)
            out += "["
            for (i, item) in items.enumerated() {
                out += i > 0 ? "," + inner : inner
                item.write(to: &out, indent: indent + 1)
            }
            out += "\n" + String(repeating: "  ", count: indent) + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            let inner = "\n" + String(repeating: "  ", count: indent + 1)
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                out += i > 0 ? "," + inner : inner
                JSONValue.quote(key, to: &out)
                out += ": "
                value.write(to: &out, indent: indent + 1)
            }
            out += "\n" + String(repeating: "  ", count: indent) + "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    public static func quote(_ s: String) -> String {
        var out = ""
        quote(s, to: &out)
        return out
    }

    /// Appends `quote(s)` to `out`.
    static func quote(_ s: String, to out: inout String) {
        out += "\""
        // Most strings (ids, periods, titles) need no escape: then they go in whole. Bytes
        // below 0x20 are control characters; 0xE2 starts U+2028 and U+2029 (and other text).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + pad(Int(scalar.value), 4, hex: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func pad(_ v: Int, _ width: Int, hex: Bool) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
