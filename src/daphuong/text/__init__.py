"""Vietnamese text handling: normalization with offsets, matching keys, dates and numbers."""
