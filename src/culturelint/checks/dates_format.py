"""CL702 date-format: numeric dates written in another market's order or separators.

"03/04/2026" is 3 April in London and March 4 in New York; "12/31/2026" cannot be a
date at all for a German reader. The market's ways of writing a date are its CLDR
short, medium and long patterns (the numeric ones); ISO 8601 (2026-04-03) is read the
same everywhere and always passes. Dates with month names are not checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from culturelint.checks._util import mask_non_copy, segment_hit
from culturelint.checks.formats import evidence, not_a_quantity
from culturelint.document import Document, Segment
from culturelint.finding import Hit, Severity
from culturelint.profiles.model import LocaleFacts
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

# Three runs of digits with the same separator twice: "3.4.2026", "2026-04-03",
# "03/04/26", and the Korean "2026. 4. 3.". Three-digit runs never make a date.
_DATE = compile_cached(r"(\d{4}|\d{1,2})(\. |[./-])(\d{1,2})\2(\d{4}|\d{1,2})")
_AFTER_OK = compile_cached(r"(?![0-9A-Za-z\u00c0-\u024f_%]|[./:-]\d)")
_FIELDS = compile_cached(r"[dMLyYu]+")
_QUOTED = compile_cached(r"'[^']*'")
_BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))
_ORDER_WORDS = {"DMY": "day first", "MDY": "month first", "YMD": "year first"}
_YEARS = range(1900, 2100)


class DateStyle(NamedTuple):
    """A numeric CLDR date pattern: its field order and separator."""

    pattern: str
    order: str
    separator: str
    four_digit_year: bool


@lru_cache(maxsize=128)
def market_styles(patterns: tuple[str, ...]) -> tuple[DateStyle, ...]:
    """The numeric patterns among a locale's short, medium and long date patterns."""
    styles = []
    for pattern in patterns:
        bare = _QUOTED.sub("", pattern).translate(_BIDI)
        fields = list(_FIELDS.finditer(bare))
        letters = [f.group(0)[0] for f in fields]
        if len(fields) != 3 or any(len(f.group(0)) > 2 and f.group(0)[0] in "ML" for f in fields):
            continue
        order = "".join({"d": "D", "M": "M", "L": "M"}.get(c, "Y") for c in letters)
        if sorted(order) != ["D", "M", "Y"]:
            continue
        separator = bare[fields[0].end() : fields[1].start()]
        year = next(f.group(0) for f in fields if f.group(0)[0] in "yYu")
        styles.append(DateStyle(pattern.translate(_BIDI), order, separator, year != "yy"))
    return tuple(dict.fromkeys(styles))


class WrittenDate(NamedTuple):
    start: int
    end: int
    raw: str
    separator: str
    readings: dict[str, dt.date]  # order -> the date it means
    four_digit_year: bool

    @property
    def is_iso(self) -> bool:
        a, b, c = re.split(r"\. |[./-]", self.raw)
        return self.separator == "-" and len(a) == 4 and len(b) == 2 and len(c) == 2


def iter_dates(text: str, year_first: bool, short_years: frozenset[str]) -> Iterator[WrittenDate]:
    """Numeric dates in `text` with every order they can be read in.

    Two-digit years count only with a separator the market itself uses (with another
    one, "2.10.12" is more likely a version than a date), and a two-digit year comes
    first only in year-first markets.
    """
    for match in _DATE.finditer(text):
        a, sep, b, c = match.groups()
        if not _AFTER_OK.match(text, match.end()) or not_a_quantity(text, match.start()):
            continue
        long_year = len(a) == 4 or len(c) == 4
        if len(a) == 4 and len(c) == 4:
            continue
        if not long_year and sep not in short_years:
            continue
        readings = {}
        for order in _orders(a, c, year_first):
            found = _date(order, a, b, c)
            if found is not None:
                readings[order] = found
        if readings:
            yield WrittenDate(match.start(), match.end(), match.group(0), sep, readings, long_year)


def _orders(a: str, c: str, year_first: bool) -> tuple[str, ...]:
    if len(a) == 4:
        return ("YMD",)
    if len(c) == 4:
        return ("DMY", "MDY")
    return ("YMD", "DMY", "MDY") if year_first else ("DMY", "MDY")


def _date(order: str, a: str, b: str, c: str) -> dt.date | None:
    values = dict(zip(order, (a, b, c), strict=True))
    year = int(values["Y"])
    if len(values["Y"]) == 2:
        year += 2000
    elif year not in _YEARS:
        return None
    try:
        return dt.date(year, int(values["M"]), int(values["D"]))
    except ValueError:
        return None


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    facts = ctx.profile.locale
    styles = market_styles((facts.date_short, facts.date_medium, facts.date_long))
    if not styles:
        return
    year_first = any(s.order == "YMD" for s in styles)
    short_years = frozenset(s.separator for s in styles)
    ev = evidence(ctx.profile, "date_short")
    for segment in doc.segments:
        if not any(map(str.isdigit, segment.text)):
            continue
        for date in iter_dates(mask_non_copy(segment.text), year_first, short_years):
            hit = _judge(date, styles, facts, ctx.market, segment)
            if hit is not None:
                yield replace(hit, evidence=ev)


def _judge(
    date: WrittenDate,
    styles: tuple[DateStyle, ...],
    facts: LocaleFacts,
    market: str,
    segment: Segment,
) -> Hit | None:
    if date.is_iso:
        return None
    orders = set(date.readings)
    if any((s.order, s.separator) == (o, date.separator) for s in styles for o in orders):
        return None
    style = _style_for(styles, date.four_digit_year)
    shown = _pattern(style, date.four_digit_year)
    writes = f"{market} writes dates {_ORDER_WORDS[style.order]}, as {shown}"
    if len(orders) > 1:
        return _ambiguous(date, style, facts, market, segment)
    (order,) = orders
    meant = date.readings[order]
    suggestion = _format(meant, shown, facts.locale)
    if order in {s.order for s in styles}:
        message = f"'{date.raw}' is written with '{date.separator.strip()}'; {writes}"
        return segment_hit(
            segment, date.start, date.end, message, suggestion=suggestion, severity=Severity.INFO
        )
    message = f"'{date.raw}' can only be read {_ORDER_WORDS[order]} ({_spelled(meant)}); {writes}"
    # Year first is unusual but cannot be misread; day and month swapped can.
    severity = Severity.INFO if order == "YMD" else None
    return segment_hit(
        segment, date.start, date.end, message, suggestion=suggestion, severity=severity
    )


def _ambiguous(
    date: WrittenDate,
    style: DateStyle,
    facts: LocaleFacts,
    market: str,
    segment: Segment,
) -> Hit:
    shown = _pattern(style, date.four_digit_year)
    day_first, month_first = date.readings.get("DMY"), date.readings.get("MDY")
    readings = [f"{_spelled(d)} read {_ORDER_WORDS[o]}" for o, d in date.readings.items()]
    if day_first and month_first:
        readings = [
            f"{_spelled(day_first, 'en_GB')} in en-GB",
            f"{_spelled(month_first, 'en_US')} in en-US",
        ]
    message = (
        f"ambiguous date '{date.raw}': means {' but '.join(readings)}; {market} writes {shown}"
    )
    options = [
        f"{_format(d, shown, facts.locale)} ({_spelled(d)})"
        for _, d in sorted(date.readings.items(), key=lambda item: item[0] != style.order)
    ]
    return segment_hit(
        segment,
        date.start,
        date.end,
        message,
        suggestion=f"Write {' or '.join(options)}, as {shown}",
        severity=Severity.INFO,
    )


def _style_for(styles: tuple[DateStyle, ...], four_digit_year: bool) -> DateStyle:
    """The market pattern to suggest: one with the year written as the copy wrote it."""
    for style in styles:
        if style.four_digit_year == four_digit_year:
            return style
    return styles[0]


def _pattern(style: DateStyle, four_digit_year: bool) -> str:
    if four_digit_year and not style.four_digit_year:
        return style.pattern.replace("yy", "y")
    return style.pattern


def _format(day: dt.date, pattern: str, locale: str) -> str:
    from babel.dates import format_date

    return format_date(day, pattern, locale=locale)


def _spelled(day: dt.date, locale: str = "en_GB") -> str:
    from babel.dates import format_date

    return format_date(day, "long", locale=locale)


CHECK = Check(
    code="CL702",
    name="date-format",
    category="format",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags numeric dates written in an order or with separators the market does "
            "not use. The market's ways are its CLDR date patterns (short, medium and "
            "long; the numeric ones): de-DE writes 31.12.26 and 31.12.2026, en-US "
            "12/31/26, ja-JP 2026/12/31. ISO 8601 (2026-12-31) always passes.\n\n"
            "A date that can only be read in another order ('12/31/2026' in de-DE or "
            "en-GB, where there is no month 31) is a warning. A date that reads two ways "
            "('03/04/2026', 3 April or March 4) in a market that writes dates in another "
            "order or with another separator is reported as info, with both readings. A "
            "date in the market's order with another separator ('31/12/2026' in de-DE) "
            "and a year-first date in a day-first market are info.\n\n"
            "Not dates: three runs of digits that no calendar date fits ('1.2.3', "
            "'12-34-56'), version numbers ('v2.0.1', 'Version 2.10.12'), IP addresses, "
            "runs glued to letters or codes ('AB-12.03.2026'), links and placeholders. "
            "Two-digit years count only with a separator the market uses itself. Dates "
            "with month names are not checked."
        ),
        why=(
            "Day and month swapped is the classic localization bug: a sale that ends on "
            "03/04 ends a month early or late depending on the reader, and a date that "
            "cannot exist in the reader's order ('12/31') looks like an untranslated "
            "leftover. Readers parse dates by their own convention without noticing "
            "there is another one."
        ),
        example="# market: de-DE\nDas Angebot gilt bis 12/31/2026.",
        good_example="# market: de-DE\nDas Angebot gilt bis 31.12.2026 (oder 2026-12-31).",
        fix=(
            "Write the date in the market's pattern, shown in the suggestion, or spell "
            "out the month ('31. Dezember 2026'), or use ISO 8601 (2026-12-31) where a "
            "technical date is expected."
        ),
        sources=(
            "Unicode CLDR date formats (https://cldr.unicode.org/translation/date-time), "
            "read through Babel",
            "ISO 8601 Date and time format",
        ),
    ),
    run=run,
)
