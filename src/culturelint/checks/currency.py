"""CL701 foreign-currency: prices in a currency the market does not use.

"$14.99" in German copy is an unconverted price, or a price the reader cannot pay
in. The market's currencies come from CLDR (through the profile's locale facts); a
symbol counts only when it touches an amount, and only when none of the currencies it
can stand for is the market's: "$" is fine in es-MX (peso) and "¥" in zh-CN (yuan).
Where the symbol sits and how the amount is spaced is another rule's business.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from culturelint.checks._util import mask_non_copy, money_finder, segment_hit
from culturelint.document import Document
from culturelint.finding import Evidence, Hit, Severity
from culturelint.profiles.model import Profile
from culturelint.registry import Check, CheckContext, RuleDoc

CLDR_SOURCE = "Unicode CLDR territory currency data, via Babel"
EVIDENCE_KEY = "formats.currencies"

# The order in which a symbol's possible currencies are named: the most likely first.
_LIKELY_FIRST = ("USD", "EUR", "GBP", "JPY", "CNY")
_SHOWN = 4


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    facts = ctx.profile.locale
    market_codes = frozenset(facts.currencies)
    if not market_codes:
        return
    evidence = _evidence(ctx.profile)
    wanted = " or ".join(facts.currencies)
    for segment in doc.segments:
        if not any(map(str.isdigit, segment.text)):
            continue  # no amount: do not pay for the currency tables
        finder = money_finder(facts.locale)
        suggestion = _suggestion(facts.currencies[0], facts.locale, ctx.market)
        for money in finder.find(mask_non_copy(segment.text)):
            if money.codes & market_codes:
                continue
            label = f"'{money.marker}'"
            if money.codes != {money.marker}:
                label += f" ({describe(money.codes)})"
            yield segment_hit(
                segment,
                money.marker_start,
                money.marker_end,
                f"{label} is not a currency of {ctx.market}, whose prices are in {wanted}",
                suggestion=suggestion,
                evidence=evidence,
            )


def describe(codes: frozenset[str]) -> str:
    """Currency codes for a message, likely ones first, at most a few: USD/AUD/CAD/MXN."""
    ordered = [c for c in _LIKELY_FIRST if c in codes]
    ordered += sorted(codes - set(ordered))
    shown = "/".join(ordered[:_SHOWN])
    return shown + ("/..." if len(ordered) > _SHOWN else "")


@lru_cache(maxsize=64)
def _suggestion(code: str, locale: str, market: str) -> str:
    """How the market writes its currency, shown on a sample amount (never a
    conversion: exchange rates are not the linter's business)."""
    from babel.numbers import format_currency, get_currency_precision

    sample = 1234.56 if get_currency_precision(code) else 1234
    try:
        written = format_currency(sample, code, locale=locale)
    except (ValueError, LookupError):
        return f"Use {code}"
    written = written.replace("\u200f", "").replace("\u200e", "")
    return f"Use {code}, written like {written} in {market}"


def _evidence(profile: Profile) -> Evidence:
    formats = profile.section("formats")
    if formats.get("currencies"):
        return profile.evidence(EVIDENCE_KEY, formats)
    return Evidence(profile=profile.tag, key=EVIDENCE_KEY, source=CLDR_SOURCE)


CHECK = Check(
    code="CL701",
    name="foreign-currency",
    category="format",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags prices in a currency the market does not use. A currency symbol or "
            "ISO 4217 code next to an amount is reported when the currency is not one "
            "of the market's (its legal tender according to CLDR, or the profile's "
            "`formats.currencies`).\n\n"
            "Symbols are the ones CLDR knows for the market's locale and for a set of "
            "major locales ($, US$, €, £, ¥, ￥, ₩, ₹, ₽, ₺, ₪, R$, zł, kr, ฿, ₫, Rp, "
            "ر.س, د.إ ...), plus the CJK units 円 and 元 and the shorthand RMB. A "
            "symbol that several currencies share is reported only when none of them "
            'is the market\'s: "$" (USD, AUD, CAD, MXN ...) is fine in en-AU and '
            'es-MX, "¥" (JPY, CNY) in ja-JP and zh-CN, "kr" (SEK, NOK, DKK) in the '
            'Nordic markets. ISO codes count when they touch an amount ("USD 20", '
            '"20 USD"); codes that are also English words (TOP, TRY, ALL, CUP ...) '
            'only after it ("30 TRY", never "TOP 10").\n\n'
            'A symbol without an amount ("Preise in €"), a word that only starts like '
            'a code ("EURO 2024", "USB 3"), links and placeholders are ignored. '
            "Where the symbol goes and how the amount is spaced are not checked here. "
            "The finding points at the symbol or code."
        ),
        why=(
            "A price in a foreign currency is either an unconverted leftover from the "
            "source market or a price the reader has to convert, and the reader "
            "cannot tell which. Either way it costs trust at the moment of purchase, "
            "and in the EU, prices offered to consumers must be indicated clearly "
            "(Price Indication Directive 98/6/EC)."
        ),
        example="# market: de-DE\nJetzt nur $14.99 im Monat.",
        good_example="# market: de-DE\nJetzt nur 14,99 € im Monat.",
        fix=(
            "Give the price in the market's currency, written as the suggestion shows. "
            "The amount is never converted for you: set it by the market's pricing. "
            'If the copy is about a foreign price on purpose ("US customers pay $20"), '
            "suppress the finding on that line."
        ),
        sources=(
            "Unicode CLDR, supplemental currency data and currency symbols "
            "(https://cldr.unicode.org/), read through Babel",
            "ISO 4217 currency codes",
            "Directive 98/6/EC on consumer protection in the indication of the prices "
            "of products offered to consumers",
        ),
    ),
    run=run,
)
