/// Whether a visit is being prepared or has been published.
public enum VisitStatus: String, Sendable, Hashable, CaseIterable {
    case draft
    case published
}

/// Markdown narrative with its front matter already read.
public struct Narrative: Sendable, Hashable {
    /// The file, relative to the site.
    public var path: String
    /// The Markdown after the front matter.
    public var body: String
    /// The line of the file on which `body` starts.
    public var bodyFirstLine: Int
    public var title: String?
    public var summary: String?

    public init(path: String, body: String, bodyFirstLine: Int = 1, title: String? = nil, summary: String? = nil) {
        self.path = path
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.title = title
        self.summary = summary
    }
}

/// One scorecard as it stood at a visit: its definitions, rows and narrative.
public struct Scorecard: Sendable, Hashable {
    public var id: String
    public var title: String
    public var indicators: [IndicatorDefinition]
    /// Every row of every CSV file, in file and row order, before the data-as-of cut-off.
    public var observations: [Observation]
    public var narrative: Narrative?

    public init(id: String, title: String, indicators: [IndicatorDefinition],
                observations: [Observation], narrative: Narrative? = nil) {
        self.id = id
        self.title = title
        self.indicators = indicators
        self.observations = observations
        self.narrative = narrative
    }
}

/// One monitoring visit: a frozen edition of the site.
public struct Visit: Sendable, Hashable {
    public var id: String
    public var title: String
    public var date: CivilDate
    public var dataAsOf: CivilDate
    public var status: VisitStatus
    /// The visit's own population by year, replacing the site's figure for those years.
    public var population: [Int: Int]?
    /// The visit's own suppression threshold, replacing the site's when given.
    public var suppressBelow: Int?
    /// The scorecards reported at this visit, in the site's display order.
    public var scorecards: [Scorecard]
    public var overview: Narrative?
    /// Where `visit.yaml` is, for diagnostics.
    public var location: SourceLocation
    /// The published statistics its indicators' `published:` measures read, by
    /// `PublishedMeasure.key` (site-wide files, before the visit's cut-off).
    public var statistics: [String: PublishedStatistics] = [:]

    public init(id: String, title: String, date: CivilDate, dataAsOf: CivilDate, status: VisitStatus = .draft,
                population: [Int: Int]? = nil, suppressBelow: Int? = nil, scorecards: [Scorecard] = [],
                overview: Narrative? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.date = date
        self.dataAsOf = dataAsOf
        self.status = status
        self.population = population
        self.suppressBelow = suppressBelow
        self.scorecards = scorecards
        self.overview = overview
        self.location = location ?? SourceLocation(path: "content/visits/\(id)/visit.yaml")
    }

    /// The population in force, year by year: the visit's figure for a year if it gives
    /// one, else the site's.
    public func population(in site: Site) -> [Int: Int] {
        site.population.merging(population ?? [:]) { _, visitYear in visitYear }
    }

    /// The suppression threshold in force.
    public func suppressBelow(in site: Site) -> Int { suppressBelow ?? site.suppressBelow }

    /// Visits in display order: by date, ties by id.
    public static func ordered(_ visits: [Visit]) -> [Visit] {
        visits.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// `previous(of:in: all)` of every visit of `all` that has one, by id, from one walk in
    /// date order rather than a search for each visit.
    public static func previousIDs(in all: [Visit]) -> [String: String] {
        var out: [String: String] = [:]
        var before: Visit?    // the latest published visit dated before the date being walked
        var sameDay: Visit?   // the latest published visit of that date so far
        for v in ordered(all) {
            if let p = sameDay, p.date < v.date { before = p; sameDay = nil }
            if let before { out[v.id] = before.id }
            if v.status == .published { sameDay = v }
        }
        return out
    }

    /// The latest published visit dated before `visit`, from `all`.
    public static func previous(of visit: Visit, in all: [Visit]) -> Visit? {
        ordered(all).last { $0.status == .published && $0.date < visit.date }
    }
}
