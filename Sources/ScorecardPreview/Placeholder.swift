// ScorecardPreview
