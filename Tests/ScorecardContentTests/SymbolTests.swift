import ScorecardCore
@testable import ScorecardContent
import Testing

/// The symbols a value, numerator or denominator may hold: `c`, `x` and `z`, bare or in
/// brackets, and nothing else (every three-digit count passes through here too).
@Suite struct SymbolTests {
    @Test(arguments: [("c", StatisticalSymbol.suppressed), ("x", .notAvailable), ("z", .notApplicable),
                      ("[c]", .suppressed), ("[x]", .notAvailable), ("[z]", .notApplicable)])
    func symbols(text: String, symbol: StatisticalSymbol) {
        #expect(ObservationLoader.symbol(text) == symbol)
    }

    @Test(arguments: ["", "C", "[C]", "e", "[p]", "100", "cc", "[c", "c]", "(c)", "[c] ", " c", "[[c]]", "c\u{300}", "[\u{300}]"])
    func notSymbols(text: String) {
        #expect(ObservationLoader.symbol(text) == nil)
    }
}
