"""CL706 phone-format: phone numbers a reader in the market cannot dial as written.

Numbers are found and validated with libphonenumber's metadata (the `phonenumbers`
package), in the market's region first: a number valid there is the market's own. A
number that is only valid for another region and has no country code ("(212) 555-0123"
in German copy) cannot be dialled from the market. On a page for readers in several
countries (front matter `scope: international`, or the option `international: true` for
this rule in the config) every number needs its country code. A valid number written
neither the national nor the international way ("030/1234567", "+49 (0)30 1234567") is
info.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from culturelint.checks._util import ascii_digits, mask_non_copy, segment_hit
from culturelint.checks.formats import glued_before, labelled_as_code, read_number
from culturelint.document import Document, Segment
from culturelint.finding import Evidence, Hit, Severity
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc, options_schema

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

SOURCE = "Google libphonenumber metadata (via the phonenumbers package); ITU-T E.123 and E.164"
# Regions whose numbers are looked for when a number is not valid in the market: the
# usual sources of copy that is adapted for another market.
SOURCE_REGIONS = (
    "US", "GB", "DE", "FR", "ES", "IT", "NL", "CH", "AT", "JP", "CN", "KR", "BR", "MX",
    "IN", "AU", "CA",
)  # fmt: skip
# Words that announce a phone number, so a run of bare digits counts as one.
_PHONE_WORDS = compile_cached(
    r"(?<![A-Za-z\u00c0-\u024f])(?:tel|phone|call|fax|hotline|whatsapp|anrufen|telefon\w*|téléphone|appelez|"
    r"teléfono|llame|llama|telefone|ligue|telefono|chiama|bel|電話|电话|致电|☎|📞)"
    r"[^\d\n]{0,20}$",
    re.IGNORECASE,
)
_ANNOUNCED_WITHIN = 40  # characters before a number where a phone word counts
_DATE_LIKE = compile_cached(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_YEAR_RANGE = compile_cached(r"(?:19|20)\d\d\s?[-–/]\s?(?:19|20)?\d\d")
_NUMBER_LIKE = compile_cached(r"\d+(?:[.,'’\u00a0\u202f]\d+)*")
_SHOWN = 3  # regions named at most for a foreign number
_WITH_CODE = frozenset({1, 5})  # CountryCodeSource: with "+", with an international prefix


class Phone(NamedTuple):
    start: int
    end: int
    raw: str
    number: PhoneNumber
    region: str | None
    has_country_code: bool
    # For a number not valid in the market: the same digits read in each other region
    # where they are valid (several countries may fit "030 12345678").
    readings: tuple[PhoneNumber, ...] = ()


def find_phones(text: str, region: str) -> Iterator[Phone]:
    """Valid phone numbers in `text` read from `region`, then numbers of other regions
    that are not valid in `region` (they can only be someone else's)."""

    own = list(_matches(text, region))
    yield from own
    taken = [(p.start, p.end) for p in own]
    starts = [p.start for p in own]
    foreign: dict[tuple[int, int], list[Phone]] = {}
    # Other regions are tried only around digit runs the market's reading left over,
    # so the cost grows with the numbers in doubt, not with the length of the copy.
    for lo, hi in _leftover_windows(text, taken, starts):
        for other in SOURCE_REGIONS:
            if other == region:
                continue
            for phone in _matches(text, other, lo, hi):
                if phone.has_country_code or _overlaps(phone, taken, starts):
                    continue
                if _valid_in(phone.raw, region):
                    continue  # the market reads it as its own number
                foreign.setdefault((phone.start, phone.end), []).append(phone)
    for same in foreign.values():
        # The regions that write the number exactly as the copy does are the likely
        # source ("(212) 555-0123" is how the US writes it, "030 12345678" Germany).
        exact = [p for p in same if " ".join(p.raw.split()) == _national(p.number)]
        likely = list({p.region: p for p in exact or same}.values())[:_SHOWN]
        first = likely[0]
        yield Phone(
            first.start,
            first.end,
            first.raw,
            first.number,
            first.region,
            False,
            tuple(p.number for p in likely),
        )


def _valid_in(raw: str, region: str) -> bool:
    """Whether the matcher reads `raw` as a valid number of `region`, as written (a
    German reader dials "(212) 555-0123" as nothing: it lacks the trunk prefix 0)."""
    import phonenumbers

    matcher = phonenumbers.PhoneNumberMatcher(raw, region, leniency=phonenumbers.Leniency.VALID)
    return any(m.raw_string == raw for m in matcher)


def _national(number: PhoneNumber) -> str:
    import phonenumbers

    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def _matches(text: str, region: str, lo: int = 0, hi: int | None = None) -> Iterator[Phone]:
    """Valid numbers for `region` in text[lo:hi], with offsets into `text`."""
    window = text[lo:hi]
    if not may_hold_number(window, region, text, lo):
        return
    import phonenumbers

    # The matcher gives up after `max_tries` candidates; copy is never too long to read.
    for match in phonenumbers.PhoneNumberMatcher(
        window, region, leniency=phonenumbers.Leniency.VALID, max_tries=len(window) + 1
    ):
        raw, start = _unbracketed(match.raw_string, lo + match.start)
        if not _plausible(text, start, raw):
            continue
        try:
            parsed = phonenumbers.parse(raw, region, keep_raw_input=True)
        except phonenumbers.NumberParseException:
            continue
        yield Phone(
            start,
            start + len(raw),
            raw,
            match.number,
            phonenumbers.region_code_for_number(match.number),
            parsed.country_code_source in _WITH_CODE,
        )


def may_hold_number(text: str, region: str, whole: str | None = None, offset: int = 0) -> bool:
    """False when no stretch libphonenumber's matcher would consider can be a valid
    number: then it would find nothing, and asking it costs a parse per price. The
    pattern, lengths and prefixes come from the derived data, so copy without such a
    stretch never imports phonenumbers (about 20 ms of a pre-commit run).

    The stretches are the matcher's own candidates (its `_PATTERN`). A number of
    `region` has at least its shortest national length in digits. Any other number
    needs a country code: after "+", one digit more than the shortest number of any
    region; without it, the region's international call prefix ("00", "011") must
    open the digits, with that country code and number after it. A date such as
    "04/30/2026" has eight digits but no "011" in front, so in US copy it is ruled out.

    With `whole`, the text `text` was cut from at `offset`, this rule's own reading
    is applied too: a stretch of bare digits ("2026", "4444") with no word such as
    "Tel." before it is passed over, since `_plausible` drops any number found in it.
    A German number may have four digits, so without this every year in German copy
    would bring in the matcher.
    """
    own, anywhere = _fewest_digits(region)
    for match in _candidates().finditer(text):
        found = match.group()
        if (
            whole is not None
            and _bare_digits(found)
            and not _announced(whole, offset + match.start())
        ):
            continue
        digits = sum(map(str.isdigit, found))
        if digits >= own:
            return True
        if digits >= anywhere + 1 and ("+" in found or "＋" in found):
            return True
        if digits >= anywhere + 2 and _may_follow_call_prefix(found, region, anywhere):
            return True
    return False


def _announced(text: str, start: int) -> bool:
    """Whether a word such as "Tel." comes shortly before `start`, with no digit
    between: a number found later in a run of digits has digits before it."""
    return _PHONE_WORDS.search(text, max(0, start - _ANNOUNCED_WITHIN), start) is not None


def _bare_digits(found: str) -> bool:
    """Whether a candidate is digits only, and short enough that the matcher, which
    may try it again from a later digit, cannot reach past its end (its pattern
    takes digits in blocks of up to 20)."""
    return len(found) <= 20 and found.isdigit()


def _may_follow_call_prefix(found: str, region: str, anywhere: int) -> bool:
    """Whether some run of digits in `found` (the matcher also tries parts of a
    candidate) opens with `region`'s international call prefix and leaves a country
    code and a number of at least `anywhere` digits after it.

    A region whose national prefix rule writes digits of its own into a number (the
    US Virgin Islands put "340" before a seven-digit local number) can make a valid
    number of fewer digits than its shortest; there any stretch with enough digits
    for a number elsewhere stays in."""
    prefix, adds_digits = _call_prefix(region)
    if adds_digits:
        return True
    if prefix is None:
        return False
    digits = ascii_digits(found)
    for i in range(len(digits) - anywhere - 1):
        opened = prefix.match(digits, i)
        if opened is not None and len(digits) - opened.end() >= anywhere + 1:
            return True
    return False


@lru_cache(maxsize=64)
def _call_prefix(region: str) -> tuple[re.Pattern[str] | None, bool]:
    """`region`'s international call prefix as libphonenumber matches it (None when
    it has none), and whether its national prefix rule adds digits (kept with the
    derived data)."""
    from culturelint.profiles import validcache

    def compute() -> list[Any]:
        from phonenumbers.phonenumberutil import PhoneMetadata

        metadata = PhoneMetadata.metadata_for_region(region)
        if metadata is None:
            return [None, False]
        rule = metadata.national_prefix_transform_rule or ""
        # Group references ("\\1", "$1") only move digits; a literal digit is new.
        adds = any(c.isdigit() for c in re.sub(r"[\\$]\d", "", rule))
        return [metadata.international_prefix, adds]

    source, adds_digits = validcache.memo_json(
        "phones", f"call prefix {region}", compute, _prefix_and_flag, packages=["phonenumbers"]
    )
    return (compile_cached(source) if source else None), adds_digits


def _prefix_and_flag(found: Any) -> tuple[str | None, bool]:
    source, flag = found
    if (source is not None and not isinstance(source, str)) or not isinstance(flag, bool):
        raise TypeError("not a prefix and a flag")
    return source, flag


@lru_cache(maxsize=1)
def _candidates() -> re.Pattern[str]:
    """The matcher's candidate pattern (phonenumbers' `_PATTERN`), kept with the
    derived data as its source and flags."""
    from culturelint.profiles import validcache

    def compute() -> list[Any]:
        from phonenumbers.phonenumbermatcher import _PATTERN

        return [_PATTERN.pattern, _PATTERN.flags]

    source, flags = validcache.memo_json(
        "phones", "candidate pattern", compute, _pattern_and_flags, packages=["phonenumbers"]
    )
    return compile_cached(source, flags)


def _pattern_and_flags(found: Any) -> tuple[str, int]:
    source, flags = found
    if not isinstance(source, str) or type(flags) is not int:
        raise TypeError("not a pattern and its flags")
    return source, flags


@lru_cache(maxsize=64)
def _fewest_digits(region: str) -> tuple[int, int]:
    """Shortest national number of `region` (kept with the derived data), and of any
    region."""
    from culturelint.profiles import validcache

    anywhere = _shortest_anywhere()
    own = validcache.memo_json(
        "phones", f"shortest {region}", lambda: _shortest(region), _count, packages=["phonenumbers"]
    )
    return own or anywhere, anywhere


def _count(found: Any) -> int | None:
    """A region's shortest number as stored, or None where phonenumbers has none."""
    return None if found is None else _length(found)


def _shortest(region: str) -> int | None:
    from phonenumbers.phonenumberutil import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region(region)
    lengths = metadata.general_desc.possible_length if metadata else None
    return min(lengths) if lengths else None


@lru_cache(maxsize=1)
def _shortest_anywhere() -> int:
    """Reading every region's metadata takes a tenth of a second: the answer is kept
    with the derived data."""
    from culturelint.profiles import validcache

    def compute() -> int:
        from phonenumbers.phonenumberutil import SUPPORTED_REGIONS

        return min(n for code in SUPPORTED_REGIONS if (n := _shortest(code)))

    return validcache.memo_json("phones", "shortest", compute, _length, packages=["phonenumbers"])


def _length(found: Any) -> int:
    if type(found) is not int or found < 1:
        raise ValueError("not a length")
    return found


# Brackets the matcher may take in before a number, with their closing partners;
# Japanese and Chinese copy writes full-width ones: "（03-1234-5678）".
_BRACKETS = {"(": ")", "（": "）", "[": "]", "［": "］"}


def _unbracketed(raw: str, start: int) -> tuple[str, int]:
    """The number without a bracket that opens before it and closes after it:
    "(+49 30 12345678)" is a number in brackets, "(212) 555-0123" a number."""
    closing = _BRACKETS.get(raw[:1])
    if closing is not None and closing not in raw:
        return raw[1:], start + 1
    return raw, start


def _plausible(text: str, start: int, raw: str) -> bool:
    """Whether a match reads as a phone number and not a date, a price or an ID."""
    if _DATE_LIKE.fullmatch(raw) or _YEAR_RANGE.fullmatch(raw):
        return False
    if _NUMBER_LIKE.fullmatch(raw) and any(r.group or r.decimal for r in read_number(raw)):
        return False  # 1.299.000, 4.155,52
    if _announced(text, start):
        return True
    if glued_before(text, start) or labelled_as_code(text, start):
        return False
    # A bare run of digits is an order number or an ID unless something says "phone".
    return raw.startswith("+") or any(not c.isdigit() for c in raw)


# A run of digits that could be a phone number: "(212) 555-0123", "030 12345678".
_DIGIT_RUN = compile_cached(r"\(?\d[\d ()./-]{5,}\d")


def _leftover_windows(
    text: str, taken: list[tuple[int, int]], starts: list[int]
) -> Iterator[tuple[int, int]]:
    """Stretches of `text` around digit runs that are not yet a phone number and not
    plainly a date or a number, with a little context for the matcher."""
    for match in _DIGIT_RUN.finditer(text):
        raw = match.group(0).strip()
        i = bisect.bisect_right(starts, match.start()) - 1
        if i >= 0 and match.start() < taken[i][1]:
            continue
        if sum(map(str.isdigit, raw)) < 6 or _DATE_LIKE.fullmatch(raw):
            continue
        if _NUMBER_LIKE.fullmatch(raw) and any(r.group or r.decimal for r in read_number(raw)):
            continue
        yield max(0, match.start() - 2), min(len(text), match.end() + 2)


def _overlaps(phone: Phone, taken: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `phone` overlaps one of the sorted spans in `taken`."""
    i = bisect.bisect_left(starts, phone.end) - 1
    return i >= 0 and taken[i][1] > phone.start


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    region = ctx.profile.territory
    international = str(doc.meta.get("scope", "")).lower() == "international" or bool(
        ctx.config.option(CHECK.code, CHECK.name, "international", False)
    )
    ev = Evidence(profile=ctx.profile.tag, key="formats.phone", source=SOURCE)
    for segment in doc.segments:
        if sum(map(str.isdigit, segment.text)) < 6:
            continue
        for phone in find_phones(mask_non_copy(segment.text), region):
            hit = _judge(phone, region, international, ctx.market, segment, ev)
            if hit is not None:
                yield hit


def _judge(
    phone: Phone,
    region: str,
    international: bool,
    market: str,
    segment: Segment,
    ev: Evidence,
) -> Hit | None:
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    national = phonenumbers.format_number(phone.number, PhoneNumberFormat.NATIONAL)
    intl = phonenumbers.format_number(phone.number, PhoneNumberFormat.INTERNATIONAL)
    severity: Severity | None = None
    if phone.readings:
        regions = [phonenumbers.region_code_for_number(n) for n in phone.readings]
        message = (
            f"'{phone.raw}' is not a valid phone number in {market}: it is a number "
            f"from {' or '.join(map(_country, regions))} without its country code, "
            "which cannot be dialled as written"
        )
        suggestion = " or ".join(
            phonenumbers.format_number(n, PhoneNumberFormat.INTERNATIONAL) for n in phone.readings
        )
    elif not phone.has_country_code and international:
        message = f"'{phone.raw}' has no country code, and this page is for readers abroad"
        suggestion = intl
    elif not _written_as(phone, national, intl):
        message = (
            f"'{phone.raw}' is written neither the national way ({national}) nor the "
            f"international way ({intl})"
        )
        suggestion = intl if phone.has_country_code else f"{national} or {intl}"
        severity = Severity.INFO
    else:
        return None
    return segment_hit(
        segment,
        phone.start,
        phone.end,
        message,
        suggestion=suggestion,
        evidence=ev,
        severity=severity,
    )


def _written_as(phone: Phone, national: str, intl: str) -> bool:
    """Whether the number is written in a standard form; how digits are grouped by
    spaces is the writer's choice ("030 1234 5678" is as good as "030 12345678")."""
    import phonenumbers

    shape = _shape(phone.raw)
    e164 = phonenumbers.format_number(phone.number, phonenumbers.PhoneNumberFormat.E164)
    # "212-555-0123" is the international form without its "+1".
    bare = intl.removeprefix(f"+{phone.number.country_code}")
    return shape in {_shape(f) for f in (national, intl, e164, bare)}


def _shape(written: str) -> str:
    return "".join(c for c in written if not c.isspace())


def _country(region: str | None) -> str:
    from babel import Locale

    territories: dict[str, Any] = Locale("en").territories
    return str(territories.get(region or "", region or "foreign"))


CHECK = Check(
    code="CL706",
    name="phone-format",
    category="format",
    severity=Severity.WARNING,
    options=options_schema(international={"type": "boolean", "default": False}),
    doc=RuleDoc(
        what=(
            "Checks phone numbers with libphonenumber (the phonenumbers package). "
            "Numbers are read in the market's region first, and a number valid there "
            "is the market's own.\n\n"
            "Warnings: a number that is only valid in another region and has no "
            "country code ('(212) 555-0123' in de-DE copy), and, on a page for readers "
            "in several countries, any number without its country code. A page is "
            "international when its front matter says `scope: international`, or for "
            "a whole project with the config option `options: {phone-format: "
            "{international: true}}`. Info: a valid number written neither the "
            "national nor the international way ('030/1234567', '+49 (0)30 1234567', "
            "'212.555.0123'); spaces between digit groups are the writer's choice.\n\n"
            "Not phone numbers: dates, prices and grouped numbers ('1.299.000'), year "
            "ranges, numbers glued to codes or labelled as IDs ('Order 4155552671', "
            "'SKU-0301234567'), and runs of bare digits unless a word such as 'Tel', "
            "'call', 'Telefon' or '電話' announces them. Links (tel: URLs) are not copy."
        ),
        why=(
            "A number the reader cannot dial is a dead end exactly where a customer "
            "wants to reach the company. A national number on a page read abroad lacks "
            "the country code the caller needs, and a number copied from the source "
            "market is a support line nobody in the target market can call."
        ),
        example="# market: de-DE\nFragen? Ruf uns an: (212) 555-0123.",
        good_example="# market: de-DE\nFragen? Ruf uns an: 030 12345678 (+49 30 12345678).",
        fix=(
            "Give the market's own number, or the foreign number in international "
            "format ('+1 212-555-0123'), as the suggestion shows."
        ),
        sources=(
            "ITU-T Recommendation E.123, Notation for national and international telephone numbers",
            "ITU-T Recommendation E.164, The international public telecommunication numbering plan",
            "Google libphonenumber (https://github.com/google/libphonenumber)",
        ),
    ),
    run=run,
)
