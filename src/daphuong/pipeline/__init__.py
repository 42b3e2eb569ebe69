"""Document pipeline: a registry of named stages composed by configuration."""
