"""Entity recognition and record extraction from Vietnamese diplomatic texts."""
