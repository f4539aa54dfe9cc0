"""Models of the privacy app (retention runs, erasures, break-glass grants)."""
