"""Dates as copy writes them, and the campaign window a file declares.

The finder reads a market's own date formats from CLDR (babel): the short, medium and
long date patterns and a few skeletons ("yMMMMd", "MMMMd" ...), with the locale's month
names. So "5. April 2026" and "5.4.2026" are dates in German, "April 5, 2026" and
"4/5/2026" in American English, "2026年4月5日" and "4月5日" in Japanese, "5 avril 2026"
in French, and ISO "2026-04-05" everywhere. Nothing is typed in by hand: a new market
gets its formats and month names from CLDR.

Precision comes first. A token is a date only when it follows one of the market's
patterns and its fields make a real day in the market's order: "31.4.2026" is no date
in German and "13/5/2026" none in American English. Numbers glued to other digits,
dots or letters ("v4.5.2026", "1.4.5.2026") and numbers after the word "version" are
left alone, and numeric dates always need a year ("24/7" and "4/5" are not dates).
Year-less dates are found only where a month name or a CJK 月 says so ("5. April",
"April 5", "4月5日"); their year comes from the campaign window or the current year.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from culturelint.document import Document
from culturelint.regex_cache import compile_cached

# Date patterns of the locale looked up besides its short/medium/long formats: the
# skeletons CLDR uses for dates with a written month and for numeric dates with a year.
# Numeric skeletons without a year ("Md": "4/5", "5.4.") are left out on purpose.
SKELETONS = ("yMMMMd", "yMMMd", "yMd", "MMMMd", "MMMd")

# Pattern letters the finder understands; a pattern with any other field (weekday,
# era, quarter ...) is not used.
_FIELD_LETTERS = frozenset("dMLy")
_SPACE = "[ \u00a0\u202f\u2009]"
_PUNCTUATION_LITERALS = frozenset(".,/-")
# English ordinals after a day ("April 5th").
_ORDINAL = "(?:st|nd|rd|th)?"
# Before a date: no digit, no Latin letter and no "digit + separator" (a longer number).
_BEFORE = r"(?<![0-9A-Za-z])(?<!\d)(?<!\d[./\-])"
# After a date: no digit, no Latin letter, and no separator followed by a digit.
_AFTER = r"(?![0-9A-Za-z])(?!\d)(?![./\-]\d)"
_ISO = compile_cached(_BEFORE + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + _AFTER)
# Patterns that start so can only match where a run of digits starts (`_matches_at`).
_DIGIT_FIRST = tuple(f"{_BEFORE}(?P<{group}>\\d" for group in "dmy")
_DIGIT_RUN = compile_cached(r"\d+")
# A version number is not a date, whatever its shape ("Version 4.5.2026", "ver. 1.2.26").
_VERSION_BEFORE = compile_cached(r"(?i)\b(?:version|ver\.?|build|rev\.?|v)[ \u00a0]*$")


class DateMatch(NamedTuple):
    start: int
    end: int
    date: dt.date
    has_year: bool


class CampaignError(ValueError):
    """A campaign window in front matter that cannot be read; says where and why."""


# -- the campaign window -------------------------------------------------------------------


class Campaign(NamedTuple):
    """The days a file's campaign runs (inclusive) and the front-matter key it came from."""

    start: dt.date
    end: dt.date
    key: str  # "campaign" or "date"

    def days(self) -> Iterable[dt.date]:
        day = self.start
        while day <= self.end:
            yield day
            day += dt.timedelta(days=1)

    def label(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


def campaign_of(doc: Document) -> Campaign | None:
    """The window of `campaign: {start, end}` (or a single `date:`) in front matter.

    Values may be YAML dates, timestamps or ISO strings; `campaign:` may also be one
    date or an ISO interval "2026-04-03/2026-04-06". A window without `end` is its
    start day. Raises CampaignError for a value that is not a date or an end before
    the start.
    """
    for key in ("campaign", "date"):
        if key in doc.meta and doc.meta[key] is not None:
            return _window(doc, key, doc.meta[key])
    return None


def campaign_line(doc: Document, key: str) -> tuple[int, int]:
    """Offsets of the content of the front-matter line that declares `key`."""
    start = doc.meta_offsets.get(key)
    if start is None:
        return 0, 0
    end = start
    while end < len(doc.text) and doc.text[end] not in "\r\n":
        end += 1
    return start, end


def _window(doc: Document, key: str, value: Any) -> Campaign:
    if isinstance(value, dict) and key == "campaign":
        if value.get("start") is None:
            raise _error(doc, key, "needs a `start:` date (and optionally `end:`)")
        start = _as_date(doc, key, value["start"])
        end = _as_date(doc, key, value["end"]) if value.get("end") is not None else start
    elif isinstance(value, str) and "/" in value and key == "campaign":
        first, _, last = value.partition("/")
        start, end = _as_date(doc, key, first), _as_date(doc, key, last)
    else:
        start = end = _as_date(doc, key, value)
    if end < start:
        raise _error(doc, key, f"ends ({end}) before it starts ({start})")
    return Campaign(start, end, key)


def _as_date(doc: Document, key: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (list, dict)):
        # Not spelled out: a nested value can be large, and the message names the line.
        kind = "a list" if isinstance(value, list) else "a mapping"
        raise _error(doc, key, f"{kind} is not a date (write YYYY-MM-DD)")
    text = str(value).strip()
    try:
        if len(text) > 10 and text[10] in "T ":
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        return dt.date.fromisoformat(text)
    except ValueError:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise _error(doc, key, f"'{shown}' is not a date (write YYYY-MM-DD)") from None


def _error(doc: Document, key: str, problem: str) -> CampaignError:
    offset = doc.meta_offsets.get(key)
    where = f", line {doc.position(offset)[0]}" if offset is not None else ""
    return CampaignError(f"front matter `{key}:`{where}: {problem}")


# -- dates in copy ---------------------------------------------------------------------------


class DateFinder:
    """Finds the dates written in one locale's formats (and ISO dates)."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._months, self._patterns = _compile(locale)
        self._digit_first = frozenset(
            p for p in (_ISO, *self._patterns) if p.pattern.startswith(_DIGIT_FIRST)
        )

    def find(
        self, text: str, *, window: Campaign | None = None, year: int | None = None
    ) -> list[DateMatch]:
        """Dates in `text`, leftmost-longest, never overlapping.

        A date without a year takes the year that puts it inside `window`, else the
        window's first year, else `year` (else the current year).
        """
        fallback = year or dt.date.today().year
        candidates: list[DateMatch] = []
        runs: list[int] | None = None
        for pattern in (_ISO, *self._patterns):
            if pattern in self._digit_first:
                if runs is None:
                    runs = [m.start() for m in _DIGIT_RUN.finditer(text)]
                matches = _matches_at(pattern, text, runs)
            else:
                matches = pattern.finditer(text)
            for match in matches:
                if _VERSION_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                    continue
                found = self._date(match, window, fallback)
                if found is not None:
                    candidates.append(found)
        candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[DateMatch] = []
        for cand in candidates:
            if out and cand.start < out[-1].end:
                continue
            out.append(cand)
        return out

    def _date(
        self, match: re.Match[str], window: Campaign | None, fallback: int
    ) -> DateMatch | None:
        groups = match.groupdict()
        try:
            day = _number(groups["d"])
            month = (
                self._months[groups["mon"].rstrip(".").casefold()]
                if groups.get("mon")
                else _number(groups["m"])
            )
        except (KeyError, ValueError):
            return None
        raw_year = groups.get("y")
        if raw_year:
            year = _number(raw_year)
            if len(raw_year) == 2:
                year += 2000
            return _valid(match, year, month, day, has_year=True)
        years = [fallback]
        if window is not None:
            years = list(range(window.start.year, window.end.year + 1))
        for candidate in years:
            found = _valid(match, candidate, month, day, has_year=False)
            if found is not None and (window is None or window.start <= found.date <= window.end):
                return found
        return _valid(match, years[0], month, day, has_year=False)


def _valid(
    match: re.Match[str], year: int, month: int, day: int, *, has_year: bool
) -> DateMatch | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return DateMatch(match.start(), match.end(), date, has_year)


def _number(text: str) -> int:
    """Digits of any script ("２０２６" too) as an int."""
    return int("".join(str(unicodedata.digit(c)) for c in text))


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds, for a pattern that can only match at one
    of `starts`, trying it only there.

    A pattern that opens with _BEFORE and a digit matches only where a run of digits
    starts (no digit before it). Its lookbehinds still see the text before each start,
    and a match ends where its last run of digits does, so the runs after it are the
    ones finditer would try next. The pattern engine cannot skip ahead by itself: a
    pattern that opens with lookbehinds is tried at every position.
    """
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            end = match.end()


@lru_cache(maxsize=64)
def date_finder(locale: str) -> DateFinder:
    """A shared finder per babel locale identifier (e.g. "de_DE", "zh_Hans_CN")."""
    return DateFinder(locale)


# -- building the patterns from CLDR ---------------------------------------------------------


def _compile(locale_id: str) -> tuple[dict[str, int], list[re.Pattern[str]]]:
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(locale_id)
    except (UnknownLocaleError, ValueError, TypeError):
        return {}, []
    months = month_names(locale)
    names = _name_alternation(months)
    english = locale.language == "en"
    patterns: list[str] = []
    for kind in ("short", "medium", "long"):
        patterns.append(locale.date_formats[kind].pattern)
    for skeleton in SKELETONS:
        value = locale.datetime_skeletons.get(skeleton)
        if value is not None:
            patterns.append(value.pattern)
    compiled: list[re.Pattern[str]] = []
    for pattern in dict.fromkeys(patterns):
        regex = pattern_regex(pattern, names, ordinal=english)
        if regex is not None:
            compiled.append(compile_cached(regex))
    return {name.casefold(): month for name, month in months.items()}, compiled


def month_names(locale: Any) -> dict[str, int]:
    """Month names and abbreviations of a babel Locale (without a final "."), to month.

    Format-context names are always used; stand-alone ones only when they look like the
    locale's own (babel falls back to "5月" for the stand-alone names of some locales).
    """
    numeric = any(ch.isdigit() for name in locale.months["format"]["wide"].values() for ch in name)
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for month, name in locale.months[context][width].items():
                name = str(name).rstrip(".").strip()
                if not name or any(ch.isdigit() for ch in name) != numeric:
                    continue
                names.setdefault(name, int(month))
    return names


def _name_alternation(months: dict[str, int]) -> str:
    """A regex alternation of the month names as CLDR writes them, capitalized and in
    capitals ("April", "APRIL"; "avril", "Avril", "AVRIL"), longest first. Lower case is
    not added where CLDR capitalizes, so the English verb "may" is not May."""
    variants: set[str] = set()
    for name in months:
        variants.update({name, name[:1].upper() + name[1:], name.upper()})
    ordered = sorted(variants, key=lambda v: (-len(v), v))  # ties in order: see numbers._words
    return "|".join(re.escape(v) for v in ordered)


_TOKEN = compile_cached(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+")


def pattern_regex(pattern: str, month_alternation: str, *, ordinal: bool = False) -> str | None:
    """A regex for a CLDR date pattern ("d. MMMM y", "M/d/yy", "y年M月d日"), or None when
    the pattern has fields other than day, month and year or lacks a day or a month.

    Groups: d (day), m (numeric month) or mon (month name), y (year, when the pattern
    has one). White space in the pattern matches any space (or none), a comma is
    optional, and punctuation that ends the pattern ("y. M. d.") is optional.
    """
    tokens = [m.group(0) for m in _TOKEN.finditer(pattern)]
    letters = {t[0] for t in tokens if t[0].isascii() and t[0].isalpha()}
    if not letters <= _FIELD_LETTERS or "d" not in letters or not letters & {"M", "L"}:
        return None
    parts: list[str] = []
    last_field = max(i for i, t in enumerate(tokens) if t[0] in _FIELD_LETTERS)
    for i, token in enumerate(tokens):
        letter = token[0]
        if letter == "d":
            parts.append(r"(?P<d>\d{1,2})" + (_ORDINAL if ordinal else ""))
        elif letter in "ML":
            if len(token) >= 3:
                if not month_alternation:
                    return None
                parts.append(rf"(?P<mon>{month_alternation})\.?(?![^\W\d_])")
            else:
                parts.append(r"(?P<m>\d{1,2})")
        elif letter == "y":
            parts.append(r"(?P<y>\d{2})" if len(token) == 2 else r"(?P<y>\d{4})")
        else:
            literal = token[1:-1].replace("''", "'") if letter == "'" else token
            parts.append(_literal_regex(literal, optional=i > last_field))
    return _BEFORE + "".join(parts) + _AFTER


def _literal_regex(literal: str, *, optional: bool) -> str:
    out: list[str] = []
    for ch in literal:
        if ch.isspace():
            if not out or out[-1] != f"{_SPACE}*":
                out.append(f"{_SPACE}*")
        elif ch == ",":
            out.append(",?")
        else:
            out.append(re.escape(ch))
    regex = "".join(out)
    if optional and set(literal) <= _PUNCTUATION_LITERALS:
        return f"(?:{regex})?"
    return regex
