// ScorecardMarkdown
