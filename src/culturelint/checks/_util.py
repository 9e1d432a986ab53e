"""Pieces the built-in checks share: hits on segments, masking what is not copy,
numbers as copy writes them, and the currency markers that make a number a price.

Nothing here imports babel at module level; the currency tables are built on first use
and cached for the process, because every file of a run asks for the same ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from culturelint.document import Segment
from culturelint.finding import Evidence, Hit, Severity

if TYPE_CHECKING:
    from babel import Locale

# -- hits ------------------------------------------------------------------------------


def segment_hit(
    segment: Segment,
    start: int,
    end: int,
    message: str,
    *,
    suggestion: str | None = None,
    evidence: Evidence | None = None,
    severity: Severity | None = None,
) -> Hit:
    """A hit on segment characters [start, end), located in the original file."""
    src_start, src_end = segment.span(start, end)
    return Hit(src_start, src_end, message, suggestion, evidence, severity)


def trimmed(text: str) -> tuple[int, int]:
    """(start, end) of `text` without surrounding white space (0, 0 when blank)."""
    stripped = text.strip()
    if not stripped:
        return 0, 0
    start = len(text) - len(text.lstrip())
    return start, start + len(stripped)


# A sentence ends at ".", "!" or "?" before a capital (so "e.g. in" and "No. 1" do not
# end one), or at an ideographic full stop.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(\u201c])|(?<=[。！？])")


def first_sentence(text: str) -> str:
    """The first sentence of a curated explanation, for a one-line message."""
    flat = " ".join(text.split())
    return _SENTENCE_END.split(flat, maxsplit=1)[0] if flat else flat


# -- what is not copy ----------------------------------------------------------------

# Things that sit inside copy but are not read as words: links, e-mail addresses and
# the placeholders of i18n formats ({name}, {{ name }}, { $count }, %s, %1$d, ${x}).
# A "%" right after a number is a percentage ("40% discount"), never a placeholder.
_NOT_COPY = re.compile(
    r"""
      (?:https?|ftp)://\S+
    | www\.\S+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
    | \$?\{[^{}]*\}
    | (?<!\d)%(?:\d+\$)?[-+0\#]*\d*(?:\.\d+)?[sdifuxXeEgGc@]
    """,
    re.VERBOSE,
)
_NOT_COPY_MARKS = ("://", "www.", "@", "{", "%")


@lru_cache(maxsize=4096)
def mask_non_copy(text: str) -> str:
    """`text` with links, addresses and placeholders blanked out, offsets unchanged.

    Nested ICU messages ("{n, plural, one {# item} other {# items}}") are blanked from
    the inside out, so the whole placeholder goes. Cached: some twenty rules ask this
    of every segment.
    """
    # Every alternative of the pattern needs one of these: most copy has none, and
    # looking for them is much cheaper than trying the pattern at every position.
    if not any(mark in text for mark in _NOT_COPY_MARKS):
        return text
    previous = None
    while previous != text:
        previous = text
        text = _NOT_COPY.sub(lambda m: " " * len(m.group(0)), text)
    return text


# -- scripts ---------------------------------------------------------------------------

# Unicode character-name prefixes and the script they stand for (first match wins).
_SCRIPT_PREFIXES = (
    ("CJK UNIFIED IDEOGRAPH", "Han"),
    ("CJK COMPATIBILITY IDEOGRAPH", "Han"),
    ("HIRAGANA", "Kana"),
    ("KATAKANA", "Kana"),
    ("HALFWIDTH KATAKANA", "Kana"),
    ("HANGUL", "Hangul"),
    ("HALFWIDTH HANGUL", "Hangul"),
    ("LATIN", "Latin"),
    ("FULLWIDTH LATIN", "Latin"),
    ("CYRILLIC", "Cyrillic"),
    ("GREEK", "Greek"),
    ("ARABIC", "Arabic"),
    ("HEBREW", "Hebrew"),
    ("THAI", "Thai"),
    ("DEVANAGARI", "Devanagari"),
    ("BENGALI", "Bengali"),
    ("GURMUKHI", "Gurmukhi"),
    ("GUJARATI", "Gujarati"),
    ("TAMIL", "Tamil"),
    ("TELUGU", "Telugu"),
    ("KANNADA", "Kannada"),
    ("MALAYALAM", "Malayalam"),
)


@lru_cache(maxsize=8192)
def script_of(char: str) -> str:
    """The script of one letter ("Latin", "Han", "Kana" ...), "Other" if not listed."""
    name = unicodedata.name(char, "")
    for prefix, script in _SCRIPT_PREFIXES:
        if name.startswith(prefix):
            return script
    return "Other"


def is_latin_letter(char: str) -> bool:
    return char.isalpha() and script_of(char) == "Latin"


# -- numbers ---------------------------------------------------------------------------

# A number as copy writes it: digits (any script's, so full-width "４" too), optional
# groups of exactly three digits, an optional decimal part. "1,994", "1.234,56",
# "14.99", "1 234" (with a no-break space). A plain space never groups, so two numbers
# separated by a space stay two numbers.
_NUMBER = re.compile(r"(?<!\d)\d+(?:[,.'’\u00a0\u202f]\d{3}(?!\d))*(?:[.,]\d+)?(?!\d)")
_GROUPED = re.compile(r"^\d+(?:[,.'’\u00a0\u202f]\d{3}(?!\d))*")


@dataclass(frozen=True)
class NumberToken:
    start: int
    end: int
    integer: str  # ASCII digits of the integer part, separators removed ("1994")
    fraction: str  # ASCII digits after the decimal separator, "" when none

    @property
    def is_integer(self) -> bool:
        return not self.fraction


def ascii_digits(text: str) -> str:
    """Digits of any script as ASCII digits ("４" -> "4"); other characters dropped."""
    return "".join(str(unicodedata.digit(c)) for c in text if c.isdigit())


def iter_numbers(text: str) -> Iterator[NumberToken]:
    """The numbers in `text`, each with its integer and decimal digits.

    A separator followed by exactly three digits groups thousands ("1,994", "1.234");
    followed by any other count of digits it is the decimal separator ("14,99", "4.5").
    This reads prices the same way in every locale without knowing the locale.
    """
    return iter(_numbers(text))


@lru_cache(maxsize=4096)
def _numbers(text: str) -> tuple[NumberToken, ...]:
    """Cached: the number, currency, date and unit rules all read the same segment."""
    found = []
    for match in _NUMBER.finditer(text):
        raw = match.group(0)
        grouped = _GROUPED.match(raw)
        integer_part = grouped.group(0) if grouped else raw
        fraction_part = raw[len(integer_part) :]
        found.append(
            NumberToken(
                start=match.start(),
                end=match.end(),
                integer=ascii_digits(integer_part),
                fraction=ascii_digits(fraction_part),
            )
        )
    return tuple(found)


# -- currencies --------------------------------------------------------------------------

# Locales whose CLDR currency symbols are collected besides the market's own: each adds
# symbols that English CLDR data does not have ("kr", "zł", "₺", "ر.س") or another
# currency for an ambiguous one ("$" is also AUD, CAD and MXN; "¥" is also CNY).
SYMBOL_LOCALES = (
    "en",
    "en_AU",
    "en_CA",
    "es_MX",
    "pt_BR",
    "zh",
    "ru",
    "sv",
    "nb",
    "da",
    "pl",
    "tr",
    "id",
    "ar_SA",
    "cs",
    "hu",
)

# CLDR symbols made of letters only are mostly abbreviations that are also words or
# initials ("L", "K", "Bs", "lei"); these few are written as symbols and are kept.
LETTER_SYMBOLS = frozenset({"kr", "zł", "Rp", "Kč", "Ft", "RM", "Rs"})

# Currency units that follow the amount in CJK and Korean copy, and the Chinese
# shorthand "RMB". CLDR lists some of them as names, not symbols.
UNIT_WORDS: dict[str, frozenset[str]] = {
    "円": frozenset({"JPY"}),
    "日元": frozenset({"JPY"}),
    "元": frozenset({"CNY", "TWD"}),
    "块": frozenset({"CNY"}),
    "人民币": frozenset({"CNY"}),
    "美元": frozenset({"USD"}),
    "欧元": frozenset({"EUR"}),
    "英镑": frozenset({"GBP"}),
    "港元": frozenset({"HKD"}),
    "港币": frozenset({"HKD"}),
    "ドル": frozenset({"USD"}),
    "ユーロ": frozenset({"EUR"}),
    "원": frozenset({"KRW"}),
    "RMB": frozenset({"CNY"}),
}

# ISO 4217 codes that are also common words or names in copy ("TOP 10", "TRY 30 days",
# "ALL 4 colours", "PHP 8", "AMD 7950X"): they count as currency codes only after an
# amount ("30 TRY").
WORD_CODES = frozenset(
    {"ALL", "AMD", "BAM", "BOB", "CUP", "GEL", "MAD", "MOP", "PEN", "PHP", "SOS", "TOP", "TRY"}
)

# Space allowed between a currency marker and its amount (space, no-break, narrow no-break,
# thin space).
_GAP_CHARS = " \u00a0\u202f\u2009"
_GAP = f"[{_GAP_CHARS}]?"
# A marker must not be glued to a Latin word before it ("XY$20" is a variable or an
# unknown prefix, not a price), and one that ends in a Latin letter must not run on
# into a word after it ("20 kreative" is not "20 kr").
_NO_LATIN_BEFORE = r"(?<![A-Za-z\u00c0-\u024f])"
_NO_LATIN_AFTER = r"(?![A-Za-z\u00c0-\u024f])"
_FULLWIDTH = str.maketrans({"$": "＄", "¥": "￥", "£": "￡", "₩": "￦"})
_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))


@lru_cache(maxsize=1)
def current_currency_codes() -> frozenset[str]:
    """ISO 4217 codes that are legal tender somewhere today (CLDR via babel),
    without the precious metals and testing codes."""
    from babel.core import get_global

    codes = {
        entry[0]
        for entries in get_global("territory_currencies").values()
        for entry in entries
        if entry[2] is None
    }
    keep_x = {"XAF", "XOF", "XPF", "XCD", "XCG"}
    return frozenset(c for c in codes if not c.startswith("X") or c in keep_x)


def _clean_symbol(symbol: str) -> str:
    return symbol.translate(_BIDI_MARKS).strip().rstrip(".")


@lru_cache(maxsize=64)
def currency_symbols(locale: str) -> dict[str, frozenset[str]]:
    """Currency symbol -> ISO codes it can stand for, from CLDR (babel).

    Collected from `SYMBOL_LOCALES` plus `locale` (the market's babel identifier), so
    the market's own spelling of its currency is always known. Each symbol is also
    listed in its compatibility form ("￥" -> "¥"). ISO codes themselves are not
    symbols here (see `current_currency_codes`).

    Reading twenty locales from CLDR costs a tenth of a second, a good part of a
    pre-commit run, so the table is kept with the derived data.
    """
    from importlib.metadata import version

    from culturelint.profiles import validcache

    def collect() -> dict[str, list[str]]:
        return {symbol: sorted(codes) for symbol, codes in _symbols_from_cldr(locale).items()}

    key = f"babel {version('babel')} {' '.join(SYMBOL_LOCALES)} {locale}"
    table = validcache.memo_json("cldr", key, collect)
    return {symbol: frozenset(codes) for symbol, codes in table.items()}


def _symbols_from_cldr(locale: str) -> dict[str, frozenset[str]]:
    from babel import Locale, UnknownLocaleError

    table = dict(_collect_symbols(Locale.parse(name) for name in SYMBOL_LOCALES))
    try:
        own = _collect_symbols([Locale.parse(locale)])
    except (UnknownLocaleError, ValueError, TypeError):
        own = {}
    for symbol, codes in own.items():
        table[symbol] = table.get(symbol, frozenset()) | codes
    return table


def _collect_symbols(locales: Iterable[Locale]) -> dict[str, frozenset[str]]:
    codes = current_currency_codes()
    table: dict[str, set[str]] = {}
    for loc in locales:
        for code, raw in loc.currency_symbols.items():
            symbol = _clean_symbol(raw)
            if code not in codes or not symbol or symbol in codes:
                continue
            if all(c.isalpha() for c in symbol) and symbol not in LETTER_SYMBOLS:
                continue
            table.setdefault(symbol, set()).add(code)
    # A symbol and its full-width or compatibility form ("￥" and "¥") stand for the
    # same currencies; CJK copy writes either.
    for symbol in list(table):
        for variant in (unicodedata.normalize("NFKC", symbol), symbol.translate(_FULLWIDTH)):
            if variant != symbol:
                merged = table[symbol] | table.get(variant, set())
                table[symbol] = table[variant] = merged
    return {symbol: frozenset(found) for symbol, found in table.items()}


@dataclass(frozen=True)
class Money:
    """An amount with the currency marker written next to it."""

    start: int  # the whole price, marker included
    end: int
    marker_start: int
    marker_end: int
    marker: str  # as written ("US$", "円", "EUR")
    codes: frozenset[str]  # currencies the marker can stand for
    amount: NumberToken


class MoneyFinder:
    """Finds amounts with a currency symbol, ISO code or CJK unit next to them."""

    def __init__(self, locale: str) -> None:
        symbols = currency_symbols(locale)
        self._found: dict[str, tuple[Money, ...]] = {}
        self._codes = current_currency_codes()
        self._before: dict[str, frozenset[str]] = {**symbols, "RMB": UNIT_WORDS["RMB"]}
        self._after: dict[str, frozenset[str]] = dict(symbols)
        for word, codes in UNIT_WORDS.items():
            self._after[word] = self._after.get(word, frozenset()) | codes
        # ISO codes are matched as any three capitals and looked up afterwards: one
        # alternative instead of two hundred keeps compiling the pattern cheap.
        code = _NO_LATIN_BEFORE + "[A-Z]{3}" + _NO_LATIN_AFTER
        self._before_re = re.compile(f"(?:{_alternation(self._before, 'before')}|{code}){_GAP}$")
        self._after_re = re.compile(f"{_GAP}(?:{_alternation(self._after, 'after')}|{code})")
        # Last characters a marker before an amount can end with: searching the
        # pattern backwards from each amount is the costly part, and most numbers
        # are not preceded by any of these.
        self._before_ends = frozenset(m[-1] for m in self._before if m) | frozenset(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        )

    def find(self, text: str) -> list[Money]:
        # Several rules look for prices in the same segment.
        cached = self._found.get(text)
        if cached is None:
            cached = tuple(m for n in iter_numbers(text) if (m := self.at(text, n)) is not None)
            if len(self._found) > 4096:
                self._found.clear()
            self._found[text] = cached
        return list(cached)

    def at(self, text: str, number: NumberToken) -> Money | None:
        """The price `number` is the amount of, if a currency marker touches it."""
        start = max(0, number.start - 16)
        before = None
        if self._marker_may_end(text, start, number.start):
            before = self._before_re.search(text, start, number.start)
        if before is not None:
            marker = before.group(0).rstrip(_GAP_CHARS)
            codes = self._codes_of(marker, self._before, after=False)
            if codes:
                return Money(
                    start=before.start(),
                    end=number.end,
                    marker_start=before.start(),
                    marker_end=before.start() + len(marker),
                    marker=marker,
                    codes=codes,
                    amount=number,
                )
        after = self._after_re.match(text, number.end)
        if after is not None:
            marker = after.group(0).lstrip(_GAP_CHARS)
            codes = self._codes_of(marker, self._after, after=True)
            if codes:
                return Money(
                    start=number.start,
                    end=after.end(),
                    marker_start=after.end() - len(marker),
                    marker_end=after.end(),
                    marker=marker,
                    codes=codes,
                    amount=number,
                )
        return None

    def _marker_may_end(self, text: str, start: int, end: int) -> bool:
        """Whether `_before_re` can match in text[start:end]: a marker, then maybe one
        gap, then the end ("$" also matches before a final newline)."""
        ends = self._before_ends
        stops = [end, end - 1] if end - 1 >= start and text[end - 1] == "\n" else [end]
        for stop in stops:
            if stop - 1 >= start and text[stop - 1] in ends:
                return True
            if stop - 2 >= start and text[stop - 1] in _GAP_CHARS and text[stop - 2] in ends:
                return True
        return False

    def _codes_of(
        self, marker: str, table: dict[str, frozenset[str]], *, after: bool
    ) -> frozenset[str]:
        if marker in table:
            return table[marker]
        if marker in self._codes and (after or marker not in WORD_CODES):
            return frozenset({marker})
        return frozenset()


def _alternation(markers: dict[str, frozenset[str]], side: str) -> str:
    """Markers longest first, fenced off from the Latin words around them."""
    parts = []
    for marker in sorted(markers, key=len, reverse=True):
        pattern = re.escape(marker)
        if side == "before":
            pattern = _NO_LATIN_BEFORE + pattern
        elif is_latin_letter(marker[-1]):
            pattern = pattern + _NO_LATIN_AFTER
        parts.append(pattern)
    return "|".join(parts)


@lru_cache(maxsize=64)
def money_finder(locale: str) -> MoneyFinder:
    """A shared finder per market locale (building one compiles a large pattern)."""
    return MoneyFinder(locale)
