"""Pairing translated units with their source text.

PO and XLIFF carry the source next to each translation. JSON i18n and Fluent keep it
in a sibling file in the source language, found by path convention:

    locales/de/common.json      ~ locales/en/common.json
    de-DE/firefox/main.ftl      ~ en-US/firefox/main.ftl
    i18n/de.json                ~ i18n/en.json
    messages.de-DE.json         ~ messages.en-US.json (or messages.en.json)
    strings_de.json             ~ strings_en.json
    _locales/ja/messages.json   ~ _locales/en/messages.json

The locale tag of the target path (the same one `resolve.market_from_path` reads) is
replaced by the source locale (`options: {l10n: {source_locale: ...}}`, default
"en", also tried with its usual region and written like the target's tag). When the
convention does not fit, `source_paths` maps target globs to a source file. Units
are paired by key; a Fluent variant with the same variant of the source message (or
its default variant), an i18next plural key (`items_few`) with the same key in the
source, else its `_other` form.

A file in the source language is a source file: nothing to compare. A target whose
source file is not found is compared with nothing (only empty values are reported).
Parsed source files are cached for the run.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import NamedTuple

from culturelint.document import Document, Segment
from culturelint.l10n.options import L10nOptions, l10n_options, language_of
from culturelint.readers.l10n_units import (
    EMPTY,
    FUZZY,
    OBJECTS,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGE,
    TEMPLATE,
    EmptyUnit,
)
from culturelint.regex_cache import compile_cached
from culturelint.registry import CheckContext

L10N_FORMATS = frozenset({"po", "pot", "xliff", "json", "fluent"})
PAIRED_FORMATS = frozenset({"json", "fluent"})  # source text lives in a sibling file
PLURAL_SUFFIX = compile_cached(
    r"^(?P<base>.+?)_(?:ordinal_)?(?:zero|one|two|few|many|other|plural)$"
)


class Pair(NamedTuple):
    """A translated segment and the source text it translates (None when unknown)."""

    segment: Segment
    source: str | None
    source_segment: Segment | None = None


class MissingKey(NamedTuple):
    """A key of the source file the translation does not have."""

    key: str
    source: str
    start: int
    end: int


@dataclass
class Pairing:
    source_language: str
    target_language: str
    pairs: list[Pair] = field(default_factory=list)
    empty: list[EmptyUnit] = field(default_factory=list)
    missing: list[MissingKey] = field(default_factory=list)
    source_path: str | None = None
    is_source: bool = False  # the file is itself in the source language


_PAIRINGS: dict[int, tuple[Document, str, Pairing]] = {}
_SOURCES: dict[Path, tuple[int, int, Document | None]] = {}


def pairing(doc: Document, ctx: CheckContext) -> Pairing | None:
    """The units of a translation file with their sources; None for other formats."""
    if doc.format not in L10N_FORMATS or doc.meta.get(TEMPLATE):
        return None
    cached = _PAIRINGS.get(id(doc))
    if cached is not None and cached[0] is doc and cached[1] == ctx.market:
        return cached[2]
    result = _build(doc, ctx, l10n_options(ctx.config))
    if len(_PAIRINGS) > 16:
        _PAIRINGS.clear()
    _PAIRINGS[id(doc)] = (doc, ctx.market, result)
    return result


def _build(doc: Document, ctx: CheckContext, opts: L10nOptions) -> Pairing:
    source_language = language_of(str(doc.meta.get(SOURCE_LANGUAGE) or opts.source_locale))
    target_language = language_of(str(doc.meta.get(TARGET_LANGUAGE) or ctx.market))
    result = Pairing(source_language, target_language)
    segments = list(doc.segments)
    if opts.include_fuzzy:
        segments.extend(doc.meta.get(FUZZY, []))
    empties: list[EmptyUnit] = list(doc.meta.get(EMPTY, []))
    if doc.format not in PAIRED_FORMATS:
        result.pairs = [Pair(s, s.source) for s in segments]
        result.empty = empties
        return result
    if target_language == source_language:
        result.is_source = True
        return result
    source_doc, source_path = _source_document(doc, opts)
    if source_doc is None:
        result.pairs = [Pair(s, None) for s in segments]
        result.empty = empties
        return result
    result.source_path = source_path
    by_key: dict[str, list[Segment]] = {}
    for segment in source_doc.segments:
        if segment.key is not None:
            by_key.setdefault(segment.key, []).append(segment)
    for segment in segments:
        match = _source_segment(segment, by_key)
        if match is not None and segment.source is None:
            segment.source = match.text  # other rules may want it too
        result.pairs.append(Pair(segment, match.text if match else None, match))
    result.empty = [_with_source(e, by_key) for e in empties]
    result.missing = _missing(doc, source_doc, segments, empties)
    return result


def _with_source(empty: EmptyUnit, by_key: dict[str, list[Segment]]) -> EmptyUnit:
    if empty.source is not None:
        return empty
    found = _lookup(empty.key, by_key)
    source = found[0].text if found else None
    return EmptyUnit(empty.key, source, empty.start, empty.end, empty.note, empty.attrs)


def _lookup(key: str, by_key: dict[str, list[Segment]]) -> list[Segment] | None:
    if key in by_key:
        return by_key[key]
    m = PLURAL_SUFFIX.match(key)
    if m:
        for candidate in (f"{m.group('base')}_other", f"{m.group('base')}_plural", m.group("base")):
            if candidate in by_key:
                return by_key[candidate]
    return None


def _source_segment(segment: Segment, by_key: dict[str, list[Segment]]) -> Segment | None:
    if segment.key is None:
        return None
    found = _lookup(segment.key, by_key)
    if not found:
        return None
    variant = segment.attrs.get("variant")
    if variant is not None:
        for candidate in found:
            if candidate.attrs.get("variant") == variant:
                return candidate
        for candidate in found:
            if candidate.attrs.get("default_variant"):
                return candidate
    return found[0]


def _missing(
    doc: Document, source: Document, segments: list[Segment], empties: list[EmptyUnit]
) -> list[MissingKey]:
    present = {s.key for s in segments if s.key} | {e.key for e in empties}
    plural_bases = {m.group("base") for k in present if (m := PLURAL_SUFFIX.match(k))}
    objects: dict[str, tuple[int, int]] = doc.meta.get(OBJECTS, {})
    out: list[MissingKey] = []
    seen: set[str] = set()
    for segment in source.segments:
        key = segment.key
        if not key or key in present:
            continue
        m = PLURAL_SUFFIX.match(key)
        if m and (m.group("base") in plural_bases or m.group("base") in present):
            continue
        if key in plural_bases:
            continue
        group = _missing_group(key, doc.format, objects, present)
        if group in seen:
            continue
        seen.add(group)
        start, end = _missing_anchor(group, objects)
        out.append(MissingKey(group, segment.text, start, end))
    return out


def _missing_group(
    key: str, fmt: str, objects: dict[str, tuple[int, int]], present: set[str]
) -> str:
    """What is missing as a whole: a Fluent message rather than each of its
    attributes, a JSON object rather than each of its keys."""
    if fmt == "fluent":
        message = key.split(".")[0]
        if not any(k == message or k.startswith(message + ".") for k in present):
            return message
        return key
    parts = key.split(".")
    for depth in range(1, len(parts)):
        if ".".join(parts[:depth]) not in objects:
            return ".".join(parts[:depth])
    return key


def _missing_anchor(key: str, objects: dict[str, tuple[int, int]]) -> tuple[int, int]:
    """The closing brace of the deepest object the key belongs in; the file start
    when the format has no objects (Fluent) or the file is not an object."""
    parts = key.split(".")
    for depth in range(len(parts) - 1, -1, -1):
        parent = ".".join(parts[:depth])
        if parent in objects:
            close = objects[parent][1]
            return close, close + 1
    return 0, 0


# -- finding the source file ---------------------------------------------------------


def source_path_for(path: str, opts: L10nOptions) -> Path | None:
    """The source-language sibling of a target file, if one exists."""
    target = Path(path)
    rel = _relative(target, opts.root)
    for pattern, source in opts.source_paths:
        if fnmatch.fnmatch(rel, pattern):
            candidate = opts.root / source
            return candidate if candidate.is_file() else None
    for candidate in _candidates(PurePath(path.replace("\\", "/")), opts.source_locale):
        candidate_path = Path(candidate)
        if candidate_path.is_file() and candidate_path.resolve() != target.resolve():
            return candidate_path
    return None


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


# A locale tag as a folder name ("de", "de-DE", "de_de", "zh-Hant-TW") ...
_TAG = compile_cached(
    r"^(?P<lang>[a-z]{2,3})"
    r"(?:(?P<sep>[-_])(?P<script>[A-Z][a-z]{3}[-_])?(?P<region>[A-Za-z]{2}|\d{3}))?$"
)
# ... and inside a file name ("de.json", "messages.de-DE.json", "strings_de.json").
_NAME_TAG = compile_cached(
    r"(?:^|(?<=[._-]))(?P<tag>[a-z]{2,3}(?:[-_](?:[A-Z][a-z]{3}[-_])?[A-Za-z]{2})?)(?=\.[^.]+$)"
)


def _candidates(path: PurePath, source_locale: str) -> list[str]:
    """Paths with the target's locale tag replaced by the source locale's spellings."""
    out: list[str] = []
    parts = list(path.parts)
    name = parts[-1] if parts else ""
    for m in _NAME_TAG.finditer(name):
        for spelling in _spellings(m.group("tag"), source_locale):
            replaced = name[: m.start("tag")] + spelling + name[m.end("tag") :]
            out.append(str(PurePath(*parts[:-1], replaced)))
    for index in range(len(parts) - 2, -1, -1):
        if _TAG.match(parts[index]):
            for spelling in _spellings(parts[index], source_locale):
                out.append(str(PurePath(*parts[:index], spelling, *parts[index + 1 :])))
    return out


def _spellings(target_tag: str, source_locale: str) -> list[str]:
    """How the source locale would be written where the target wrote `target_tag`."""
    m = _TAG.match(target_tag)
    sep = (m.group("sep") if m else None) or "-"
    lower_region = bool(m and m.group("region") and m.group("region").islower())
    language = language_of(source_locale)
    region = _region_of(source_locale)
    regions = [region] if region else [_likely_region(language)]
    if language == "en" and "GB" not in regions:
        regions.append("GB")
    with_region = []
    for r in regions:
        if r:
            written = r.lower() if lower_region else r.upper()
            with_region.append(f"{language}{sep}{written}")
    bare = [language]
    has_region = bool(m and m.group("region"))
    ordered = [*with_region, *bare] if has_region else [*bare, *with_region]
    return list(dict.fromkeys(ordered))


def _region_of(tag: str) -> str | None:
    parts = re.split(r"[-_]", tag)
    for part in parts[1:]:
        if re.fullmatch(r"[A-Za-z]{2}|\d{3}", part):
            return part.upper()
    return None


def _likely_region(language: str) -> str | None:
    try:
        from culturelint.resolve import normalize_tag

        return normalize_tag(language).split("-")[1]
    except (ValueError, IndexError):
        return None


def _source_document(doc: Document, opts: L10nOptions) -> tuple[Document | None, str | None]:
    path = source_path_for(doc.path, opts)
    if path is None:
        return None, None
    return _load_source(path, doc.format), path.as_posix()


def _load_source(path: Path, fmt: str) -> Document | None:
    """The parsed source file, cached for the run by path, size and modification time."""
    from culturelint.readers import ReadError, decode, read_document

    resolved = path.resolve()
    try:
        stat = resolved.stat()
    except OSError:
        return None
    cached = _SOURCES.get(resolved)
    if cached is not None and cached[0] == stat.st_mtime_ns and cached[1] == stat.st_size:
        return cached[2]
    try:
        text = decode(resolved.read_bytes(), str(path))
        source: Document | None = read_document(str(path), text, fmt)
    except (ReadError, OSError):
        source = None  # linted on its own, where its error is reported
    _SOURCES[resolved] = (stat.st_mtime_ns, stat.st_size, source)
    return source
