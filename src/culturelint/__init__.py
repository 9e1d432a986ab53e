"""culturelint: a linter for localized marketing copy."""

__version__ = "0.1.0"
