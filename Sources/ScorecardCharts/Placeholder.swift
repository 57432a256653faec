// ScorecardCharts
