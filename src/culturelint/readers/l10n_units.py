"""What the localization-file readers share: empty units, unit comments, meta keys.

Translation files (PO, XLIFF, JSON i18n, Fluent) are made of units: a key, a source
text and a translation. Every non-empty translation becomes a `Segment`, so all the
cultural rules run on it. Two things do not fit a segment and travel in
`Document.meta` instead, under the keys below:

- `l10n_empty`: units whose translation is empty or absent (`EmptyUnit`), for
  CL804; they are not segments because there is no copy to check.
- `l10n_fuzzy`: PO entries marked fuzzy, as segments. They are a translator's draft,
  not published copy, so the cultural rules skip them; the CL8xx rules include them
  when the project sets `options: {l10n: {include_fuzzy: true}}`.
- `l10n_objects`: for JSON, key path -> (offset of "{", offset of "}") of every
  object, so a key missing from the translation can point where it belongs.
- `l10n_template`: True for a POT file (source only, nothing to check).
- `source_language` / `target_language`: as the file declares them, when it does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EMPTY = "l10n_empty"
FUZZY = "l10n_fuzzy"
OBJECTS = "l10n_objects"
TEMPLATE = "l10n_template"
SOURCE_LANGUAGE = "source_language"
TARGET_LANGUAGE = "target_language"


@dataclass(frozen=True)
class EmptyUnit:
    """A unit with no translation: where to point, and what it should translate."""

    key: str
    source: str | None
    start: int
    end: int
    note: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict, compare=False)
