"""Market profiles: curated YAML knowledge layered over data derived from CLDR,
the holidays package and the Hofstede dataset."""

from culturelint.profiles.model import Profile, ProfileError

__all__ = ["Profile", "ProfileError"]
