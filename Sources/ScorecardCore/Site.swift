/// `site.yaml`: the settings every visit shares.
public struct Site: Sendable, Hashable {
    /// One entry of `scorecards:`, in display order.
    public struct ScorecardListing: Sendable, Hashable {
        public var id: String
        public var title: String
        public var retired: Bool
        public init(id: String, title: String, retired: Bool = false) {
            self.id = id
            self.title = title
            self.retired = retired
        }
    }

    public var title: String
    public var authority: String
    public var theme: String
    public var baseURL: String?
    public var scorecards: [ScorecardListing]
    /// Children aged 0–17 by year, for rates per 10,000.
    public var population: [Int: Int]
    /// Counts from 1 to `suppressBelow - 1` are suppressed; 0 turns disclosure control off.
    public var suppressBelow: Int
    /// `authority-code:`: the authority's code in the official statistics (`new_la_code`).
    public var authorityCode: String?
    /// `statistical-neighbours:`: the neighbours' codes, in the order written.
    public var statisticalNeighbours: [String] = []

    public init(title: String, authority: String, theme: String = "default", baseURL: String? = nil,
                scorecards: [ScorecardListing], population: [Int: Int] = [:], suppressBelow: Int = 0) {
        self.title = title
        self.authority = authority
        self.theme = theme
        self.baseURL = baseURL
        self.scorecards = scorecards
        self.population = population
        self.suppressBelow = suppressBelow
    }
}
