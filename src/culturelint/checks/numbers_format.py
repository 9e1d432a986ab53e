"""CL703 number-separators: decimal and thousands separators of another market.

"1,299.00" is twelve hundred ninety-nine in New York and nonsense in Berlin, where it is
written 1.299,00. The market's separators come from CLDR. Most numbers in copy cannot
be judged: "1.000" is one thousand in de-DE and one in en-US, and nothing in the copy
says which the writer meant. The check therefore reports only numbers that can be read
one way: both separators present, a separator repeated (it must group), or a price
whose decimal part the currency rules out ("1,000 €" has no third decimal).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from culturelint.checks._util import NumberToken, mask_non_copy, money_finder, segment_hit
from culturelint.checks.formats import (
    Reading,
    WrittenNumber,
    evidence,
    format_number,
    iter_written_numbers,
    labelled_as_code,
    market_group,
    unit_after,
)
from culturelint.document import Document, Segment
from culturelint.finding import Evidence, Hit, Severity
from culturelint.profiles.model import LocaleFacts
from culturelint.registry import Check, CheckContext, RuleDoc

_LATIN_LETTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


class _Context(NamedTuple):
    """What is known about the number beyond its digits."""

    price_precision: int | None  # decimals of the market currency it is a price in
    measurement: bool


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    facts = ctx.profile.locale
    ev = evidence(ctx.profile, "decimal")
    market_codes = frozenset(facts.currencies)
    for segment in doc.segments:
        if not any(map(str.isdigit, segment.text)):
            continue
        text = mask_non_copy(segment.text)
        finder = money_finder(facts.locale)
        for number in iter_written_numbers(text):
            if not any(_problem(r, facts, ctx.market) for r in number.readings):
                continue  # "30", "14,99" in de-DE: fine however it is read
            if _tied_after(text, number.end):
                continue
            if labelled_as_code(text, number.start):
                continue
            money = finder.at(text, NumberToken(number.start, number.end, "", ""))
            if money is not None and not money.codes & market_codes:
                continue  # a foreign price: CL701 asks for the whole price to be redone
            precision = _precision(sorted(money.codes & market_codes)[0]) if money else None
            context = _Context(precision, unit_after(text, number.end))
            hit = _judge(number, context, facts, ctx.market, segment, ev)
            if hit is not None:
                yield hit


def _tied_after(text: str, end: int) -> bool:
    """A number running on into a word or a time ("1.5x", "10.30:00") is not judged;
    units are words too, so those are let through."""
    if end >= len(text):
        return False
    nxt = text[end]
    if nxt == ":" and text[end + 1 : end + 2].isdigit():
        return True
    return nxt in _LATIN_LETTER and not unit_after(text, end)


@lru_cache(maxsize=64)
def _precision(code: str) -> int:
    from babel.numbers import get_currency_precision

    return get_currency_precision(code)


@lru_cache(maxsize=64)
def _lakh(locale: str) -> bool:
    """Whether the market groups by lakh and crore (12,34,567) as CLDR says for hi-IN."""
    from babel import Locale

    return ",##,##0" in Locale.parse(locale).decimal_formats[None].pattern


def _problem(
    reading: Reading, facts: LocaleFacts, market: str
) -> tuple[str, Severity | None] | None:
    """What is wrong with one reading of a number in the market, whatever the number
    is (a price, a measurement): `_judge` weighs that context afterwards, and a number
    none of whose readings has a problem is never reported."""
    decimal, group = facts.decimal, market_group(facts.group)
    if reading.decimal is not None and reading.decimal != decimal:
        return f"uses '{reading.decimal}' as the decimal separator", None
    if reading.group is not None and reading.group == decimal:
        return f"groups digits with '{reading.group}', the decimal separator in {market}", None
    if reading.lakh and not _lakh(facts.locale):
        return "is grouped in lakhs and crores", Severity.INFO
    if _lakh(facts.locale) and reading.group == "," and len(reading.integer) > 5:
        if reading.lakh:
            return None
        return f"is grouped by thousands; {market} groups by lakh", Severity.INFO
    if reading.group not in (None, group, " "):
        return f"groups thousands with '{reading.group}'", Severity.INFO
    return None


def _judge(
    number: WrittenNumber,
    context: _Context,
    facts: LocaleFacts,
    market: str,
    segment: Segment,
    ev: Evidence,
) -> Hit | None:
    readings = number.readings
    if context.price_precision is not None:
        # A price has as many decimals as its currency: "1,000 €" groups.
        readings = (
            tuple(r for r in readings if len(r.fraction) in (0, context.price_precision))
            or readings
        )
    if len(readings) != 1:
        return None  # "1.000": one thousand or one; the copy does not say
    (reading,) = readings
    found = _problem(reading, facts, market)
    if found is None:
        return None
    problem, severity = found
    if reading.decimal is not None and reading.decimal != facts.decimal:
        if reading.group is None and context.price_precision is None:
            if not context.measurement:
                return None  # "4.5 stars" in German copy: a style choice, not an error
            severity = Severity.INFO
    written = format_number(reading.value, len(reading.fraction), facts.locale)
    shown_group = {" ": "a space", "\u00a0": "a space", "\u202f": "a space"}.get(
        facts.group, f"'{facts.group}'"
    )
    message = (
        f"'{number.raw}' {problem}; {market} writes {written} "
        f"(decimal '{facts.decimal}', thousands {shown_group})"
    )
    return segment_hit(
        segment,
        number.start,
        number.end,
        message,
        suggestion=written,
        evidence=ev,
        severity=severity,
    )


CHECK = Check(
    code="CL703",
    name="number-separators",
    category="format",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags numbers written with the decimal or thousands separator of another "
            "market: '1,299.00' in de-DE (1.299,00), '1.299,00' in en-US (1,299.00), "
            "'1,234,567' in de-DE, where the comma is the decimal separator. The "
            "market's separators come from CLDR.\n\n"
            "Only numbers that can be read one way are reported: with both separators, "
            "with a separator repeated (it can only group), or a price in the market's "
            "currency whose decimals the currency rules out ('1,000 €' in de-DE). "
            "'1.000' alone is one thousand in de-DE and one in en-US, so it is never "
            "reported. A decimal point in a single number ('3.5' in German copy) is "
            "reported as info only next to a unit ('3.5 kg'), and as a warning in a "
            "price ('14.99 €'); '4.5 stars' is left alone. Spaces of any width (space, "
            "no-break, narrow no-break) group thousands in every market, as ISO 80000 "
            "allows. Indian grouping (12,34,567) outside India, and thousands grouping "
            "of large numbers in hi-IN, are info.\n\n"
            "Not numbers here: versions ('1.2.3', 'v2.0'), IP addresses, dates, times, "
            "article and order numbers ('Art.-Nr. 1.299', 'SKU-1,299'), numbers glued "
            "to letters, and prices in a foreign currency (CL701 reports those)."
        ),
        why=(
            "A reader parses a number by their own convention: '1.299' euros can read "
            "as one euro and thirty cents, '1,299' dollars as a typo. In prices this "
            "is a trust and a legal problem (prices must be clear to the consumer)."
        ),
        example="# market: de-DE\nJetzt für 1,299.00 € statt 1,499.00 €.",
        good_example="# market: de-DE\nJetzt für 1.299,00 € statt 1.499,00 €.",
        fix="Write the number as the suggestion shows (CLDR's format for the market).",
        sources=(
            "Unicode CLDR number symbols and patterns "
            "(https://cldr.unicode.org/translation/number-currency-formats), via Babel",
            "ISO 80000-1:2009, 7.3.1 (digit grouping with spaces)",
        ),
    ),
    run=run,
)
