@testable import ScorecardSite
import Testing

/// The key beside a table names each shorthand its texts use, symbols (c, x, z) before
/// statuses (e, p, r), each once.
@Suite struct SymbolKeyTests {
    func symbols(_ texts: [String]) -> [String] {
        guard case .object(let key) = IndicatorView.symbolKey(for: texts), case .list(let entries)? = key["key"] else { return ["?"] }
        return entries.map { entry in
            guard case .object(let e) = entry, case .text(let s)? = e["symbol"] else { return "?" }
            return s
        }
    }

    @Test func namesEachShorthandUsedInItsOrder() {
        #expect(symbols(["45.0% [p]", "[c]", "12 [r]", "[z]", "7 [p]"]) == ["[c]", "[z]", "[p]", "[r]"])
        #expect(symbols(["[x]", "3 [e]"]) == ["[x]", "[e]"])
    }

    @Test func findsNoKeyWithoutShorthands() {
        #expect(symbols(["45.0%", "c", "x z", "[]", "[C]", "[cc]", "[", "c]", ""]) == [])
        #expect(symbols([]) == [])
        guard case .object(let key) = IndicatorView.symbolKey(for: ["1"]), case .flag(let has)? = key["hasKey"] else {
            Issue.record("no hasKey"); return
        }
        #expect(has == false)
    }
}
