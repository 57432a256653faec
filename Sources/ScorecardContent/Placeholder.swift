// ScorecardContent
