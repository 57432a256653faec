extension VisitFigures {
    /// A visit known only by its `visit.yaml` (its pages come from the cache): enough for
    /// the lists and links of other pages, with no scorecards.
    public static func outline(of visit: Visit, previousVisitID: String?) -> VisitFigures {
        VisitFigures(visit: visit, previousVisitID: previousVisitID, scorecards: [])
    }

    /// These own figures (from `compute(visit:site:previous: nil)`) with the change since
    /// `previous`, another visit's own figures.
    public func comparing(with previous: VisitFigures?) -> VisitFigures { compared(with: previous) }
}
