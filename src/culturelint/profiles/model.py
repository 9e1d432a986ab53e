"""The resolved market profile that checks read.

A `Profile` is the merge of curated YAML (after `extends:` and user overrides) with
facts derived from field libraries. Derived facts are computed lazily: a check that
never asks for holidays never imports `holidays`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from culturelint.finding import Evidence, Severity

# Languages written without spaces between words: terms match by characters.
UNSPACED_LANGUAGES = frozenset({"ja", "zh", "th", "lo", "km", "my", "bo"})

CONFIDENCE_SEVERITY = {"high": Severity.WARNING, "medium": Severity.WARNING, "low": Severity.INFO}


class ProfileError(Exception):
    """A market profile that cannot be used: names the file and where in it."""

    def __init__(self, message: str, path: str | Path | None = None, where: str | None = None):
        self.path = str(path) if path is not None else None
        self.where = where
        self.detail = message
        text = message
        if where:
            text = f"{where}: {text}"
        if self.path:
            text = f"{self.path}: {text}"
        super().__init__(text)


@dataclass(frozen=True)
class Hofstede:
    """Hofstede 6-D scores (Hofstede, Hofstede & Minkov 2010)."""

    row: str  # dataset code, e.g. JPN, ARA
    country: str  # dataset's name for the row
    scores: dict[str, int | None]  # pdi idv mas uai lto ivr
    estimated: bool = False  # True when a regional row stands in for the country
    note: str | None = None

    def get(self, dimension: str) -> int | None:
        return self.scores.get(dimension)


@dataclass(frozen=True)
class Holiday:
    date: dt.date
    name: str
    category: str = "public"


@dataclass(frozen=True)
class SensitiveDate:
    """A dated occurrence of a curated sensitive period, for one year."""

    start: dt.date
    end: dt.date  # inclusive
    entry: dict[str, Any]
    key: str  # profile key, e.g. "calendar.sensitive.qingming"


@dataclass(frozen=True)
class LocaleFacts:
    """Locale conventions derived from CLDR through babel (curated `formats:` win)."""

    locale: str  # babel identifier, e.g. "de_DE"
    currencies: tuple[str, ...]  # ISO 4217 codes legal tender now, main first
    currency_symbols: dict[str, str]  # code -> local symbol (and narrow symbol)
    decimal: str
    group: str
    date_short: str  # CLDR short date pattern
    date_medium: str
    date_long: str
    date_order: str  # "DMY", "MDY" or "YMD"
    time_short: str
    hour_cycle: str  # "h12" or "h23"
    measurement: str  # "metric", "us" or "uk"
    first_day: int  # 0 = Monday ... 6 = Sunday
    weekend: tuple[int, int]
    direction: str  # "ltr" or "rtl"
    numbering: str  # "latn", "arab" ...
    currency_format: str  # CLDR currency pattern, e.g. "#,##0.00 ¤"


@dataclass
class Profile:
    tag: str
    name: str
    data: dict[str, Any]
    curated: bool = False
    files: list[Path] = field(default_factory=list)

    @property
    def language(self) -> str:
        return str(self.data.get("language") or self.tag.split("-")[0])

    @property
    def languages(self) -> list[str]:
        langs = self.data.get("languages") or [self.language]
        return [str(x) for x in langs]

    @property
    def territory(self) -> str:
        return self.tag.split("-")[-1]

    @property
    def unspaced(self) -> bool:
        return self.language in UNSPACED_LANGUAGES

    # -- derived layer -------------------------------------------------------------

    @cached_property
    def hofstede(self) -> Hofstede | None:
        from culturelint.profiles import derived

        cfg = self.data.get("hofstede") or {}
        return derived.hofstede_for(self.territory, cfg.get("row"), cfg.get("estimate_note"))

    @cached_property
    def locale(self) -> LocaleFacts:
        from culturelint.profiles import derived

        return derived.locale_facts(self.tag, self.data.get("formats") or {})

    def holidays(self, year: int) -> list[Holiday]:
        from culturelint.profiles import derived

        cfg = (self.data.get("calendar") or {}).get("holidays") or {}
        return derived.public_holidays(
            cfg.get("country") or self.territory, year, tuple(cfg.get("categories") or ())
        )

    def sensitive_dates(self, year: int) -> list[SensitiveDate]:
        from culturelint.profiles import derived

        return derived.sensitive_dates(self, year)

    # -- curated layer -------------------------------------------------------------

    def section(self, name: str) -> dict[str, Any]:
        value = self.data.get(name)
        return value if isinstance(value, dict) else {}

    def entries(self, name: str, list_key: str = "entries") -> list[dict[str, Any]]:
        return list(self.section(name).get(list_key) or [])

    def terms(self, mapping: dict[str, list[str]] | None) -> dict[str, list[str]]:
        """The entries of a per-language term map that apply to this market's languages."""
        if not mapping:
            return {}
        return {lang: list(mapping[lang]) for lang in self.languages if lang in mapping}

    def severity_for(self, entry: dict[str, Any], default: Severity) -> Severity:
        """An entry's own severity, else `info` for low confidence, else the rule default."""
        if entry.get("severity"):
            return Severity(entry["severity"])
        if entry.get("confidence") == "low":
            return Severity.INFO
        return default

    def evidence(self, key: str, entry: dict[str, Any] | None = None) -> Evidence:
        source = None
        if entry is not None:
            src = entry.get("source")
            source = "; ".join(src) if isinstance(src, list) else src
        return Evidence(profile=self.tag, key=key, source=source)
