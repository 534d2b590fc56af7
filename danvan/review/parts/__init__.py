"""The review's own parts: those computed through the statistics (a domain app may not import stats)."""
