"""Project-wide localization options: `options: {l10n: {...}}` in culturelint.yaml.

    options:
      l10n:
        source_locale: en-US        # language of the source files (default "en")
        source_paths:               # target glob -> source file, when the path
          "locales/de/*.json": locales/base.json   # convention does not find it
        include_fuzzy: false        # also check fuzzy PO entries (default false)
        keep_terms: [Checkout, Dashboard]   # words that may stay untranslated
        do_not_translate: [Acme Cloud]      # terms that must stay as they are
        glossary: terms/glossary.tbx        # TBX, YAML or CSV (one path or a list)

Paths are relative to the config file's folder. Options of a single rule (length
limits, expansion ratio) are that rule's options: `options: {CL805: {...}}`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from culturelint.config import Config

DEFAULT_SOURCE_LOCALE = "en"
# The key of these options under `options:`.
OPTIONS_KEY = "l10n"


@dataclass(frozen=True)
class L10nOptions:
    source_locale: str = DEFAULT_SOURCE_LOCALE
    source_paths: tuple[tuple[str, str], ...] = ()
    include_fuzzy: bool = False
    keep_terms: tuple[str, ...] = ()
    do_not_translate: tuple[str, ...] = ()
    glossary: tuple[Path, ...] = field(default=())
    root: Path = field(default_factory=Path.cwd)

    @property
    def source_language(self) -> str:
        return language_of(self.source_locale)


def language_of(tag: str) -> str:
    """ "de-DE" -> "de", "zh_Hant_TW" -> "zh"."""
    return tag.replace("_", "-").split("-")[0].lower()


def l10n_options(config: Config) -> L10nOptions:
    """The options, with wrong types reported as a ValueError naming the key."""
    raw: Any = config.options.get(OPTIONS_KEY, {})
    if not isinstance(raw, dict):
        raise ValueError("options.l10n must be a mapping")
    root = config.root

    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"options.l10n.{key} must be a list of strings")
        return tuple(value)

    source_paths = raw.get("source_paths", {})
    if not isinstance(source_paths, dict):
        raise ValueError("options.l10n.source_paths must map target globs to source files")
    return L10nOptions(
        source_locale=str(raw.get("source_locale", DEFAULT_SOURCE_LOCALE)),
        source_paths=tuple((str(k), str(v)) for k, v in source_paths.items()),
        include_fuzzy=bool(raw.get("include_fuzzy", False)),
        keep_terms=strings("keep_terms"),
        do_not_translate=strings("do_not_translate"),
        glossary=tuple(root / p for p in strings("glossary")),
        root=root,
    )
