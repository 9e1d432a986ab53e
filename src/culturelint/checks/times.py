"""CL705 time-format: 12-hour times in 24-hour markets, and the other way round.

"3pm" in German copy reads as an untranslated leftover: Germany writes 15:00 or 15 Uhr.
The market's clock is the hour cycle of its CLDR short time pattern (h:mm a is 12-hour,
HH:mm 24-hour). Japanese 午前/午後 and Chinese 上午/下午 are how those languages say
a.m. and p.m. in words; they are normal copy and never matched. In 12-hour markets a
24-hour time ("15:00" in en-US) is common in schedules and reported only as info. A
profile whose `formats.both_clocks` says both clocks are in common use (en-GB writes
9am and 21:00 alike, whatever CLDR's short pattern) is not checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

from culturelint.checks._util import mask_non_copy, segment_hit
from culturelint.checks.formats import evidence, glued_before, labelled_as_code
from culturelint.document import Document, Segment
from culturelint.finding import Evidence, Hit, Severity
from culturelint.profiles.model import LocaleFacts
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

_GAP = "[ \u00a0\u202f]"
_LATIN = "A-Za-z\u00c0-\u024f"
# "3", "3:30", "03.30" with an hour of a 12-hour clock.
_CLOCK = r"(?P<h{n}>1[0-2]|0?[1-9])(?:[:.](?P<min{n}>[0-5]\d))?"
# "pm", "PM", "p.m.", "P.M.", "p. m." (Spanish). A bare lowercase "am" is also a German
# word ("am Montag"), so it counts only glued to the number or after minutes (see
# `_marker_ok`).
_MARKER = rf"(?P<gap{{n}}>{_GAP}?)(?P<m{{n}}>[AaPp]\.{_GAP}?[Mm]\.|[AaPp][Mm])(?![{_LATIN}])"
_TWELVE = compile_cached(
    rf"{_CLOCK.format(n=1)}(?:{_MARKER.format(n=1)})?{_GAP}?[-–]{_GAP}?"
    rf"{_CLOCK.format(n=2)}{_MARKER.format(n=2)}"
    rf"|{_CLOCK.format(n=3)}{_MARKER.format(n=3)}"
)
# What every match of _TWELVE holds: a digit, then its marker. Opening with a digit, it
# lets the pattern engine skip to the digits of a text; _TWELVE, whose first character
# may be optional, is tried at every position.
_TWELVE_QUICK = compile_cached(rf"\d{_GAP}?[AaPp]\.?{_GAP}?[Mm]")
# A 24-hour time that a 12-hour clock cannot show: 13:00 to 23:59 and 00:00 to 00:59.
_TWENTY_FOUR = compile_cached(r"(1[3-9]|2[0-3]|00):([0-5]\d)(?![\d:])")
# After a 24-hour-looking number: a duration ("13:30 min") or an a.m./p.m. marker.
_NOT_A_CLOCK_AFTER = compile_cached(
    rf"{_GAP}?(?:min|mins|minutes|h|hrs|hours|Std|Stunden|[AaPp]\.?{_GAP}?[Mm]\b"
    r"|(?:aspect|ratio|format|screen|display|widescreen)\b)",
    re.IGNORECASE,
)
# Before it: an aspect ratio or a score.
_RATIO_BEFORE = compile_cached(rf"(?:ratio|aspect|format|score|odds){_GAP}(?:of{_GAP})?$", re.I)
_CAPITALISED_WORD_BEFORE = compile_cached(rf"[A-Z][{_LATIN}]*\.?{_GAP}$")


class Clock(NamedTuple):
    start: int
    end: int
    raw: str
    times: tuple[dt.time, ...]  # one time, or the two ends of a range


def twelve_hour_times(text: str) -> Iterator[Clock]:
    """Times written with a.m./p.m. in `text`, ranges ("3-5pm") as one."""
    if _TWELVE_QUICK.search(text) is None:
        return
    for match in _TWELVE.finditer(text):
        if glued_before(text, match.start()) or labelled_as_code(text, match.start()):
            continue
        g = match.groupdict()
        if g["h2"] is not None:  # a range: its first end may borrow the second's marker
            if not _marker_ok(g["gap2"], g["m2"], g["min2"]):
                continue
            times = (
                _to_24(g["h1"], g["min1"], g["m1"] or g["m2"]),
                _to_24(g["h2"], g["min2"], g["m2"]),
            )
        else:
            if not _marker_ok(g["gap3"], g["m3"], g["min3"]):
                continue
            times = (_to_24(g["h3"], g["min3"], g["m3"]),)
        yield Clock(match.start(), match.end(), match.group(0), times)


def _marker_ok(gap: str, marker: str, minutes: str | None) -> bool:
    """A bare lowercase "am" after a space is a word ("3 am Montag") unless minutes
    make the number a time ("3:30 am")."""
    return not (marker == "am" and gap and minutes is None)


def _to_24(hour: str, minutes: str | None, marker: str) -> dt.time:
    h = int(hour) % 12
    if marker[0] in "Pp":
        h += 12
    return dt.time(h, int(minutes or 0))


def twenty_four_hour_times(text: str) -> Iterator[Clock]:
    """Times in `text` that only a 24-hour clock shows ("15:00"), not durations,
    timestamps or references ("Matthew 18:20")."""
    for match in _TWENTY_FOUR.finditer(text):
        start = match.start()
        if glued_before(text, start) or labelled_as_code(text, start):
            continue
        if _NOT_A_CLOCK_AFTER.match(text, match.end()):
            continue
        if _RATIO_BEFORE.search(text, max(0, start - 16), start):
            continue
        if _CAPITALISED_WORD_BEFORE.search(text, max(0, start - 30), start):
            continue  # "John 18:20", "Speedometer 13:45": a reference or a name
        time = dt.time(int(match.group(1)), int(match.group(2)))
        yield Clock(start, match.end(), match.group(0), (time,))


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    if ctx.profile.section("formats").get("both_clocks"):
        return  # 9am and 21:00 are both right there (British English)
    facts = ctx.profile.locale
    ev = evidence(ctx.profile, "hour_cycle")
    twelve_hour = facts.hour_cycle == "h12"
    for segment in doc.segments:
        if not any(map(str.isdigit, segment.text)):
            continue
        text = mask_non_copy(segment.text)
        if twelve_hour:
            for clock in twenty_four_hour_times(text):
                yield _hit(segment, clock, facts, ctx.market, ev, "a 24-hour", "12-hour")
        else:
            for clock in twelve_hour_times(text):
                yield _hit(segment, clock, facts, ctx.market, ev, "a 12-hour", "24-hour")


def _hit(
    segment: Segment,
    clock: Clock,
    facts: LocaleFacts,
    market: str,
    ev: Evidence,
    written: str,
    wanted: str,
) -> Hit:
    from babel.dates import format_time

    shown = "–".join(format_time(t, "short", locale=facts.locale) for t in clock.times)
    message = (
        f"'{clock.raw}' is {written} time; {market} uses the {wanted} clock ({facts.time_short})"
    )
    severity = Severity.INFO if facts.hour_cycle == "h12" else None
    return segment_hit(
        segment,
        clock.start,
        clock.end,
        message,
        suggestion=shown,
        evidence=ev,
        severity=severity,
    )


CHECK = Check(
    code="CL705",
    name="time-format",
    category="format",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags times written for another clock. In markets whose CLDR short time "
            "pattern is 24-hour (de-DE HH:mm, fr-FR HH:mm, ja-JP H:mm), a time with "
            "a.m./p.m. ('3pm', '3:30 PM', '3 p.m.', '9-11am') is a warning. In 12-hour "
            "markets (en-US h:mm a), a time only a 24-hour clock shows ('15:00') is "
            "info: schedules and transport use it there too. Markets whose profile "
            "says both clocks are in common use (`formats.both_clocks`; en-GB writes "
            "'9am', '7.30pm' and '19:30' alike) are not checked.\n\n"
            "Japanese 午前/午後 and Chinese 上午/下午 are the languages' own words for "
            "a.m. and p.m. and are never flagged. A lowercase 'am' after a space counts "
            "only after minutes ('3:30 am'), because 'am' is also a German word ('3 am "
            "Stück'). Not times: ratios ('16:9'), scores ('3:1'), durations ('13:30 "
            "min'), references after a capitalised word ('John 18:20'), ISO timestamps "
            "('2026-04-03T15:00'), codes and links."
        ),
        why=(
            "A 12-hour time in a 24-hour market reads as copy nobody localized, and "
            "'3:00' without a.m./p.m. is ambiguous to the 12-hour reader. Readers "
            "convert in their head and get it wrong: an event at '7' is missed."
        ),
        example="# market: de-DE\nLivestream heute um 3pm.",
        good_example="# market: de-DE\nLivestream heute um 15:00 Uhr.",
        fix="Write the time as the suggestion shows (the market's CLDR short time format).",
        sources=(
            "Unicode CLDR time formats and preferred hour cycle "
            "(https://cldr.unicode.org/translation/date-time/date-time-patterns), via Babel",
            "GOV.UK style guide, A to Z, 'Times' (5:30pm; 11:59pm rather than midnight), "
            "https://www.gov.uk/guidance/style-guide/a-to-z-of-gov-uk-style#times",
            "New Hart's Rules, 11.3 Times of day (4.30 p.m.; the 24-hour clock 16.30)",
        ),
    ),
    run=run,
)
