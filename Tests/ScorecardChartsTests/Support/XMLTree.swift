import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed chart, for assertions that should not depend on attribute order.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""
    weak var parent: XMLNode?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This element and every element inside it, in document order.
    var all: [XMLNode] { [self] + children.flatMap(\.all) }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    /// Elements named `name` with `class` equal to `cssClass` (when given).
    func elements(_ name: String, class cssClass: String? = nil) -> [XMLNode] {
        all.filter { $0.name == name && (cssClass == nil || $0["class"] == cssClass) }
    }

    func double(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
}

/// Parses chart markup as XML (the figure pattern is well-formed XML as well as HTML), or
/// returns nil when it is not well-formed.
func parseXML(_ markup: String) -> XMLNode? {
    final class Delegate: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var stack: [XMLNode] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = XMLNode(name: name, attributes: attributes)
            if let parent = stack.last {
                parent.children.append(node)
                node.parent = parent
            } else {
                root = node
            }
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
                    qualifiedName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
    let parser = XMLParser(data: Data(markup.utf8))
    let delegate = Delegate()
    parser.delegate = delegate
    guard parser.parse() else { return nil }
    return delegate.root
}

/// The coordinate pairs of a path's `d`, one array a subpath (`M` starts a new one).
func subpaths(_ d: String) -> [[(x: Double, y: Double)]] {
    var result: [[(x: Double, y: Double)]] = []
    let tokens = d.split(separator: " ")
    var index = 0
    while index + 1 < tokens.count {
        let token = tokens[index]
        let command = token.first!
        let x = Double(token.dropFirst())!
        let y = Double(tokens[index + 1])!
        if command == "M" { result.append([]) }
        result[result.count - 1].append((x, y))
        index += 2
    }
    return result
}
