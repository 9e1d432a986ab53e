"""CL707 currency-placement: the market's currency symbol on the wrong side or unspaced.

Germany writes 10 €, the United States $10, the Netherlands € 10: the position of the
symbol and the space next to it are part of CLDR's currency pattern for the market.
Only the market's own currency is checked (CL701 reports foreign ones). ISO codes
("EUR 10", "10 EUR") and the CJK unit words after the amount (1,000円, 299元, 1,000원)
are how those languages write prices in words and are accepted wherever they stand.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from culturelint.checks._util import (
    UNIT_WORDS,
    Money,
    current_currency_codes,
    mask_non_copy,
    money_finder,
    segment_hit,
)
from culturelint.checks.formats import evidence, format_number
from culturelint.document import Document, Segment
from culturelint.finding import Evidence, Hit, Severity
from culturelint.profiles.model import LocaleFacts
from culturelint.registry import Check, CheckContext, RuleDoc

_BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))
_DIGITS = "#0,."
_SPACE_CHARS = " \u00a0\u202f\u2009"


class Placement(NamedTuple):
    """Where a CLDR currency pattern puts the symbol, and whether a space separates it."""

    before: bool
    spaced: bool


@lru_cache(maxsize=64)
def placement(pattern: str) -> Placement | None:
    """The symbol's side and spacing in a CLDR pattern ("#,##0.00 ¤" -> after, spaced)."""
    positive = pattern.split(";")[0].translate(_BIDI)
    symbol = positive.find("¤")
    digits = [i for i, c in enumerate(positive) if c in _DIGITS]
    if symbol < 0 or not digits:
        return None
    if symbol < digits[0]:
        between = positive[symbol + 1 : digits[0]]
        return Placement(before=True, spaced=any(c.isspace() for c in between))
    between = positive[digits[-1] + 1 : symbol]
    return Placement(before=False, spaced=any(c.isspace() for c in between))


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    facts = ctx.profile.locale
    market_codes = frozenset(facts.currencies)
    wanted = placement(facts.currency_format)
    if wanted is None or not market_codes:
        return
    ev = evidence(ctx.profile, "currency_format")
    for segment in doc.segments:
        if not any(map(str.isdigit, segment.text)):
            continue
        text = mask_non_copy(segment.text)
        for money in money_finder(facts.locale).find(text):
            if not money.codes & market_codes:
                continue  # a foreign currency: CL701
            if money.marker in UNIT_WORDS or money.marker in current_currency_codes():
                continue  # 1,000円 or EUR 10: accepted on either side
            hit = _judge(money, text, wanted, facts, ctx.market, segment, ev)
            if hit is not None:
                yield hit


def _judge(
    money: Money,
    text: str,
    wanted: Placement,
    facts: LocaleFacts,
    market: str,
    segment: Segment,
    ev: Evidence,
) -> Hit | None:
    before = money.marker_start < money.amount.start
    if before:
        gap = text[money.marker_end : money.amount.start]
    else:
        gap = text[money.amount.end : money.marker_start]
    spaced = any(c in _SPACE_CHARS for c in gap)
    written = _written(money, facts)
    shape = f"({facts.currency_format.split(';')[0].translate(_BIDI)})"
    raw = text[money.start : money.end]
    if before != wanted.before:
        side = "before" if wanted.before else "after"
        message = f"'{money.marker}' belongs {side} the amount in {market}: {written} {shape}"
        severity = None
    elif wanted.spaced and not spaced:
        message = (
            f"'{raw}' needs a space between amount and '{money.marker}' in {market}: {written}"
        )
        severity = Severity.INFO
    else:
        return None
    return segment_hit(
        segment,
        money.start,
        money.end,
        message,
        suggestion=written,
        evidence=ev,
        severity=severity,
    )


def _written(money: Money, facts: LocaleFacts) -> str:
    """The same amount and symbol as the market's pattern writes them."""
    amount = money.amount
    value = Decimal(f"{amount.integer}.{amount.fraction or '0'}")
    number = format_number(value, len(amount.fraction), facts.locale)
    positive = facts.currency_format.split(";")[0].translate(_BIDI)
    digits = [i for i, c in enumerate(positive) if c in _DIGITS]
    shaped = positive[: digits[0]] + number + positive[digits[-1] + 1 :]
    return shaped.replace("¤", money.marker).strip()


CHECK = Check(
    code="CL707",
    name="currency-placement",
    category="format",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Checks where the market's own currency symbol stands and whether it is "
            "spaced, against the market's CLDR currency pattern: de-DE and fr-FR write "
            "10 € ('#,##0.00 ¤'), en-US $10 ('¤#,##0.00'), nl-NL and pt-BR € 10 and "
            "R$ 10 ('¤ #,##0.00'), ja-JP ￥1,000 ('¤#,##0').\n\n"
            "A symbol on the wrong side ('€10' in de-DE, '10 $' in en-US) is a warning. "
            "A missing space where the pattern has one ('10€' in de-DE, 'R$10' in "
            "pt-BR) is info; any white space (space, no-break, narrow no-break) counts. "
            "ISO codes ('EUR 10', '10 EUR') and the unit words that follow the amount "
            "in Japanese, Chinese and Korean (1,000円, 299元, 1,000원) are accepted "
            "wherever they stand. Foreign currencies are CL701's business."
        ),
        why=(
            "A symbol on the wrong side is the most visible sign of an unlocalized "
            "price: readers notice it before they read the amount. It also invites "
            "misreading when two prices stand side by side ('€10 20 €')."
        ),
        example="# market: de-DE\nJetzt nur €10 im Monat.",
        good_example="# market: de-DE\nJetzt nur 10 € im Monat.",
        fix="Write the price as the suggestion shows (the market's CLDR currency pattern).",
        sources=(
            "Unicode CLDR currency formats "
            "(https://cldr.unicode.org/translation/number-currency-formats), via Babel",
        ),
    ),
    run=run,
)
