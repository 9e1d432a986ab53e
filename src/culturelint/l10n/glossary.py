"""A project's terminology: required translations and terms that stay as they are.

Three file formats, chosen by extension (`options: {l10n: {glossary: PATH}}`):

- TBX (.tbx, TermBase eXchange, ISO 30042; TBX-Basic and TBX v3): each
  termEntry/conceptEntry is one concept; the terms of the source language's
  langSet/langSec are the source terms, the others are the required translations.
  Parsed with defusedxml (no entity expansion, no external entities).
- YAML (.yaml/.yml): `{source term: {de: Begriff, ja: [用語, 別の用語]}}`, plus an
  optional `do_not_translate: [terms]` list.
- CSV (.csv): rows `source,lang,target` (a header row with those names is allowed);
  a row whose target is its source marks a term kept in that language.

Language keys may be a language ("de") or a locale ("de-CH"); the locale wins for
its market. Several targets for one term are alternatives: any of them satisfies it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from culturelint.l10n.options import language_of

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class GlossaryError(ValueError):
    """A glossary file that cannot be used; names the file."""


@dataclass(frozen=True)
class Glossary:
    # source term -> language or locale (lower case, "-") -> accepted translations
    terms: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    do_not_translate: tuple[str, ...] = ()

    def for_market(self, market: str, source_language: str) -> dict[str, tuple[str, ...]]:
        """Source term -> accepted translations in `market` (locale entries first)."""
        locale = market.lower().replace("_", "-")
        language = language_of(market)
        out: dict[str, tuple[str, ...]] = {}
        for term, targets in self.terms.items():
            found = targets.get(locale) or targets.get(language)
            if found and language != source_language:
                out[term] = found
        return out

    def merged(self, other: Glossary) -> Glossary:
        terms = {k: dict(v) for k, v in self.terms.items()}
        for term, targets in other.terms.items():
            slot = terms.setdefault(term, {})
            for lang, values in targets.items():
                slot[lang] = tuple(dict.fromkeys([*slot.get(lang, ()), *values]))
        dnt = tuple(dict.fromkeys([*self.do_not_translate, *other.do_not_translate]))
        return Glossary(terms, dnt)


_CACHE: dict[Path, tuple[int, int, Glossary]] = {}


def load_glossary(path: Path, source_language: str) -> Glossary:
    """Load one glossary file (cached by modification time and size)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read glossary: {exc.strerror or exc}") from None
    cached = _CACHE.get(path)
    if cached is not None and cached[:2] == (stat.st_mtime_ns, stat.st_size):
        return cached[2]
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
        if suffix == ".tbx":
            glossary = _from_tbx(data, source_language)
        elif suffix in (".yaml", ".yml"):
            glossary = _from_yaml(data.decode("utf-8-sig"))
        elif suffix == ".csv":
            glossary = _from_csv(data.decode("utf-8-sig"))
        else:
            raise GlossaryError("unknown glossary format (use .tbx, .yaml, .yml or .csv)")
    except GlossaryError as exc:
        raise GlossaryError(f"{path}: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"{path}: cannot read glossary: {exc}") from None
    _CACHE[path] = (stat.st_mtime_ns, stat.st_size, glossary)
    return glossary


def _lang_key(tag: str) -> str:
    return tag.strip().lower().replace("_", "-")


def _add(terms: dict[str, dict[str, tuple[str, ...]]], source: str, lang: str, target: str) -> None:
    source, target = source.strip(), target.strip()
    if not source or not target or not lang.strip():
        return
    slot = terms.setdefault(source, {})
    key = _lang_key(lang)
    slot[key] = tuple(dict.fromkeys([*slot.get(key, ()), target]))


def _from_tbx(data: bytes, source_language: str) -> Glossary:
    import defusedxml
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data)
    except defusedxml.DefusedXmlException:
        raise GlossaryError("refused TBX: entity declarations are not allowed") from None
    except ParseError as exc:
        raise GlossaryError(f"invalid TBX: {exc}") from None
    terms: dict[str, dict[str, tuple[str, ...]]] = {}
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        by_lang: dict[str, list[str]] = {}
        for lang_set in entry:
            if _local(lang_set.tag) not in ("langSet", "langSec"):
                continue
            lang = lang_set.get(XML_LANG) or lang_set.get("lang") or ""
            for node in lang_set.iter():
                if _local(node.tag) == "term" and node.text and node.text.strip():
                    by_lang.setdefault(_lang_key(lang), []).append(node.text.strip())
        sources = [
            t for lang, ts in by_lang.items() if language_of(lang) == source_language for t in ts
        ]
        for source in sources:
            for lang, targets in by_lang.items():
                if language_of(lang) == source_language:
                    continue
                for target in targets:
                    _add(terms, source, lang, target)
    return Glossary(terms)


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _from_yaml(text: str) -> Glossary:
    from culturelint.profiles import yamlload

    try:
        raw = yamlload.safe_load(text) or {}
    except yamlload.yaml_error() as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise GlossaryError(f"invalid YAML{where}") from None
    if not isinstance(raw, dict):
        raise GlossaryError("a YAML glossary maps source terms to {language: translation}")
    terms: dict[str, dict[str, tuple[str, ...]]] = {}
    dnt = raw.pop("do_not_translate", []) or []
    if not isinstance(dnt, list):
        raise GlossaryError("do_not_translate must be a list of terms")
    for source, targets in raw.items():
        if not isinstance(targets, dict):
            raise GlossaryError(f"term {source!r}: expected {{language: translation}}")
        for lang, value in targets.items():
            for target in value if isinstance(value, list) else [value]:
                _add(terms, str(source), str(lang), str(target))
    return Glossary(terms, tuple(str(t) for t in dnt))


HEADER = ["source", "lang", "target"]


def _from_csv(text: str) -> Glossary:
    terms: dict[str, dict[str, tuple[str, ...]]] = {}
    reader = csv.reader(io.StringIO(text))
    try:
        for row in reader:
            if reader.line_num == 1 and [c.strip().lower() for c in row[:3]] == HEADER:
                continue
            if not row or not "".join(row).strip():
                continue
            if len(row) < 3:
                # The row's last line: a quoted term may span lines.
                raise GlossaryError(f"line {reader.line_num}: expected source,lang,target")
            _add(terms, row[0], row[1], row[2])
    except csv.Error as exc:
        raise GlossaryError(f"line {reader.line_num}: {exc}") from None
    return Glossary(terms)
