// ScorecardCLI
