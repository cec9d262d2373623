"""Settings and tests for running the suite inside real Saleor (see README)."""
