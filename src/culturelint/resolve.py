"""Which market a file targets.

First match wins: --market; the file's own metadata (front matter `market:`, HTML
`<meta name="culturelint-market">` then `<html lang>`, XLIFF target-language, PO
Language header); the config's glob map; a locale tag in the path. A language-only tag
becomes its usual market through CLDR likely subtags (ja -> ja-JP).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path, PurePath

from culturelint.config import Config, pattern_matches
from culturelint.regex_cache import compile_cached

TAG_RE = compile_cached(
    r"^(?P<lang>[A-Za-z]{2,3})(?:[-_](?P<script>[A-Za-z]{4}))?(?:[-_](?P<region>[A-Za-z]{2}|[0-9]{3}))?$"
)
# A locale tag inside a file name: launch.ja.md, strings_de-DE.json, de.json, ja-JP.ftl
FILENAME_TAG_RE = compile_cached(
    r"(?:^|[._-])(?P<tag>[a-z]{2,3}(?:[-_](?:[A-Z][a-z]{3}[-_])?[A-Z]{2})?)(?=\.[^.]+$)"
)


class MarketError(ValueError):
    pass


@lru_cache(maxsize=1)
def _likely() -> dict[str, str]:
    from babel.core import get_global

    return dict(get_global("likely_subtags"))


# BCP 47 codes that are not a language: undetermined, multiple, uncoded and
# no linguistic content. CLDR still gives "und" a likely market (en-US).
_NOT_LANGUAGES = frozenset({"und", "mul", "mis", "zxx", "root"})


@lru_cache(maxsize=4096)
def normalize_tag(tag: str) -> str:
    """Canonical market tag language-TERRITORY; raises MarketError if it is not one.

    "ja" -> "ja-JP", "de_de" -> "de-DE", "zh-Hant-TW" -> "zh-TW", "zh-Hant" -> "zh-TW".
    """
    text = tag.strip()
    m = TAG_RE.match(text)
    if not m:
        raise MarketError(f"'{tag}' is not a market tag (expected e.g. ja-JP, de-DE or ja)")
    lang = m.group("lang").lower()
    script = m.group("script")
    region = m.group("region")
    if lang in _NOT_LANGUAGES:
        raise MarketError(
            f"'{tag}' is not a market tag: '{lang}' stands for an undetermined, mixed or "
            "absent language (expected e.g. ja-JP or de)"
        )
    if region:
        return f"{lang}-{region.upper()}"
    likely = _likely()
    key = f"{lang}_{script.title()}" if script else lang
    full = likely.get(key) or likely.get(lang)
    if not full:
        raise MarketError(f"'{tag}': no usual market known for language '{lang}'; use a full tag")
    parts = full.split("_")
    if len(parts) < 2 or not re.fullmatch(r"[A-Z]{2}|[0-9]{3}", parts[-1]):
        raise MarketError(f"'{tag}': no usual market known for language '{lang}'; use a full tag")
    return f"{lang}-{parts[-1]}"


def _is_language(code: str) -> bool:
    return code.lower() in _likely()


def market_from_path(path: str) -> str | None:
    """A locale tag in the path: a folder (ja-JP/, ja/) or the file name (launch.ja.md)."""
    pure = PurePath(path.replace("\\", "/"))
    for name_match in FILENAME_TAG_RE.finditer(pure.name):
        candidate = name_match.group("tag")
        start = name_match.start("tag")
        has_region = bool(re.search(r"[-_]", candidate))
        # A bare language code in a file name counts only as "launch.ja.md" or "ja.json",
        # never after "-" or "_" ("post-it.md" is not Italian).
        bare_ok = _strict_language(candidate) and (start == 0 or pure.name[start - 1] == ".")
        if (has_region and _is_language(re.split(r"[-_]", candidate)[0])) or bare_ok:
            try:
                return normalize_tag(candidate)
            except MarketError:
                pass
    for part in reversed(pure.parts[:-1]):
        m = TAG_RE.match(part)
        if not m:
            continue
        if m.group("region") is None and not _strict_language(part):
            continue
        if not _is_language(m.group("lang")):
            continue
        try:
            return normalize_tag(part)
        except MarketError:
            continue
    return None


def _strict_language(code: str) -> bool:
    """A bare folder or file-name code counts as a language only if it is a 2-letter
    code babel has locale data for; this keeps folders like 'src' or 'lib' out."""
    if not re.fullmatch(r"[a-z]{2}", code):
        return False
    from babel.localedata import exists

    return exists(code)


def market_from_config(path: str, config: Config) -> str | None:
    if not config.markets:
        return None  # no globs: the path need not be resolved
    rel = _relative(path, config)
    for pattern, tag in config.markets.items():
        if pattern_matches(rel, pattern):
            return tag
    return None


def _relative(path: str, config: Config) -> str:
    try:
        return Path(path).resolve().relative_to(config.root).as_posix()
    except ValueError:
        return PurePath(path).as_posix()


def _in_repository(path: str) -> str:
    """`path` from the root of the git repository holding it; as given outside one.
    Folders above the repository (a home folder called "fr") never name a market."""
    absolute = Path(os.path.abspath(path))
    root = _repository_root(absolute.parent)
    return absolute.relative_to(root).as_posix() if root is not None else path


@lru_cache(maxsize=256)
def _repository_root(folder: Path) -> Path | None:
    """Asked once per folder: a run checks many files in each."""
    from culturelint.discover import git_root

    return git_root(folder)


HOW_TO_SET = (
    "set one with --market TAG, `market:` in the front matter, "
    '<meta name="culturelint-market" content="TAG"> or <html lang>, a `markets:` glob in '
    "culturelint.yaml, or a locale folder in the path (e.g. ja-JP/)"
)


def resolve_market(
    path: str, cli_market: str | None, hint: str | None, config: Config
) -> tuple[str, str]:
    """(market tag, where it came from). Raises MarketError with how to set one."""
    for value, origin in _candidates(path, cli_market, hint, config):
        if value:
            try:
                return normalize_tag(str(value)), origin
            except MarketError as exc:
                raise MarketError(f"{exc} (from {origin})") from None
    raise MarketError(f"no market for this file: {HOW_TO_SET}")


def _candidates(
    path: str, cli_market: str | None, hint: str | None, config: Config
) -> Iterator[tuple[str | None, str]]:
    """The sources of a market, first match wins; each is worked out only when asked."""
    yield cli_market, "--market"
    yield hint, "file metadata"
    yield market_from_config(path, config), "config"
    # Relative to the config's folder, or without one to the repository's root, so a
    # locale folder counts whichever folder the command runs from (the root, or
    # inside content/de/). Outside both, the path as given.
    yield market_from_path(_relative(path, config) if config.path else _in_repository(path)), "path"
    yield config.default_market, "default_market"
