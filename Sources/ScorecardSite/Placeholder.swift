// ScorecardSite
