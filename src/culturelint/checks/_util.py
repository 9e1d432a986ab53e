"""Pieces the built-in checks share: hits on segments, masking what is not copy,
numbers as copy writes them, and the currency markers that make a number a price.

Nothing here imports babel at module level; the currency tables are built on first use
and cached for the process, because every file of a run asks for the same ones.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from culturelint.chartable import CharacterTable
from culturelint.document import Segment
from culturelint.finding import Evidence, Hit, Severity
from culturelint.regex_cache import compile_cached

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
_SENTENCE_END = compile_cached(r"(?<=[.!?])\s+(?=[A-Z\"'(\u201c])|(?<=[。！？])")


def first_sentence(text: str) -> str:
    """The first sentence of a curated explanation, for a one-line message."""
    flat = " ".join(text.split())
    return _SENTENCE_END.split(flat, maxsplit=1)[0] if flat else flat


# -- what is not copy ----------------------------------------------------------------

# Things that sit inside copy but are not read as words: links, e-mail addresses and
# the placeholders of i18n formats ({name}, {{ name }}, { $count }, %s, %1$d, ${x}).
# A "%" right after a number is a percentage ("40% discount"), never a placeholder.
_NOT_COPY = compile_cached(
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


def script_counts(text: str) -> Counter[str]:
    """Letters per script, in the order the scripts first appear in `text`.

    Each letter is mapped to a mark of its script by `str.translate` and the marks are
    counted by Counter, both in C: language detection and the leftover check count the
    scripts of every segment."""
    if text.isascii():  # the common case, without a look at each letter
        letters = sum(map(str.isalpha, text))
        return Counter({"Latin": letters}) if letters else Counter()
    marks = Counter(text.translate(_SCRIPT_MARKS))
    return Counter({_SCRIPT_OF_MARK[mark]: n for mark, n in marks.items()})


_SCRIPT_OF_MARK = {
    chr(ord("A") + i): script
    for i, script in enumerate(dict.fromkeys([s for _, s in _SCRIPT_PREFIXES] + ["Other"]))
}
_MARK_OF_SCRIPT = {script: mark for mark, script in _SCRIPT_OF_MARK.items()}
_SCRIPT_MARKS = CharacterTable(lambda c: _MARK_OF_SCRIPT[script_of(c)] if c.isalpha() else "")


# -- numbers ---------------------------------------------------------------------------

# A number as copy writes it: digits (any script's, so full-width "４" too), optional
# groups of exactly three digits, an optional decimal part. "1,994", "1.234,56",
# "14.99", "1 234" (with a no-break space). A plain space never groups, so two numbers
# separated by a space stay two numbers. The first digit is one with no digit before it:
# "\d(?<!\d\d)" is "(?<!\d)\d" written so that `re` can skip ahead to digits, instead of
# trying the pattern at every character (twice as fast on copy).
_NUMBER = compile_cached(r"\d(?<!\d\d)\d*(?:[,.'’\u00a0\u202f]\d{3}(?!\d))*(?:[.,]\d+)?(?!\d)")
_GROUPED = compile_cached(r"^\d+(?:[,.'’\u00a0\u202f]\d{3}(?!\d))*")


class NumberToken(NamedTuple):
    start: int
    end: int
    integer: str  # ASCII digits of the integer part, separators removed ("1994")
    fraction: str  # ASCII digits after the decimal separator, "" when none

    @property
    def is_integer(self) -> bool:
        return not self.fraction


def ascii_digits(text: str) -> str:
    """Digits of any script as ASCII digits ("４" -> "4"); other characters dropped."""
    return text.translate(_ASCII_DIGITS)


_ASCII_DIGITS = CharacterTable(lambda c: str(unicodedata.digit(c)) if c.isdigit() else "")


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
    from culturelint.profiles import validcache

    def collect() -> dict[str, list[str]]:
        return {symbol: sorted(codes) for symbol, codes in _symbols_from_cldr(locale).items()}

    def read(table: Any) -> dict[str, frozenset[str]]:
        return {str(key): frozenset(validcache.strings(codes)) for key, codes in table.items()}

    key = f"{' '.join(SYMBOL_LOCALES)} {locale}"
    return validcache.memo_json("cldr", key, collect, read, packages=["babel"])


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


class Money(NamedTuple):
    """An amount with the currency marker written next to it."""

    start: int  # the whole price, marker included
    end: int
    marker_start: int
    marker_end: int
    marker: str  # as written ("US$", "円", "EUR")
    codes: frozenset[str]  # currencies the marker can stand for
    amount: NumberToken


class _Marker(NamedTuple):
    """A price around a number: its span, its marker's span and the currencies the
    marker can stand for."""

    start: int
    end: int
    marker_start: int
    marker_end: int
    codes: frozenset[str]


class MoneyFinder:
    """Finds amounts with a currency symbol, ISO code or CJK unit next to them.

    Markers are looked up by the characters next to the amount (a set of markers per
    length), not searched with one alternation of every symbol: compiling that took
    a tenth of a pre-commit run, and searching it around each number most of the
    rule's time. `marker_before` and `marker_after` say precisely what the patterns
    `before_pattern` and `after_pattern` (kept for the tests) would match.
    """

    def __init__(self, locale: str) -> None:
        symbols = currency_symbols(locale)
        self._found: dict[str, tuple[Money, ...]] = {}
        self._markers: dict[tuple[str, int, int], _Marker | None] = {}
        self._codes = current_currency_codes()
        self._before: dict[str, frozenset[str]] = {**symbols, "RMB": UNIT_WORDS["RMB"]}
        self._after: dict[str, frozenset[str]] = dict(symbols)
        for word, codes in UNIT_WORDS.items():
            self._after[word] = self._after.get(word, frozenset()) | codes
        # Alternatives in the order the patterns list them: longest first, then (in
        # dict order) as collected; the three-capital ISO code comes last.
        self._before_order = {m: i for i, m in enumerate(_longest_first(self._before)) if m}
        self._after_order = {m: i for i, m in enumerate(_longest_first(self._after)) if m}
        self._before_lengths = sorted({len(m) for m in self._before_order} | {3}, reverse=True)
        self._after_lengths = sorted({len(m) for m in self._after_order}, reverse=True)
        # Markers that end in a Latin letter must not run on into a word.
        self._after_fenced = frozenset(m for m in self._after_order if is_latin_letter(m[-1]))
        # The characters a marker can end with (before the amount) or start with (after
        # it), ISO codes' capitals included: next to most numbers is none of them, and
        # then no length needs to be tried.
        capitals = frozenset(string.ascii_uppercase)
        self._before_last = frozenset(m[-1] for m in self._before_order) | capitals
        self._after_first = frozenset(m[0] for m in self._after_order) | capitals

    def before_pattern(self) -> re.Pattern[str]:
        code = _NO_LATIN_BEFORE + "[A-Z]{3}" + _NO_LATIN_AFTER
        return compile_cached(f"(?:{_alternation(self._before, 'before')}|{code}){_GAP}$")

    def after_pattern(self) -> re.Pattern[str]:
        code = _NO_LATIN_BEFORE + "[A-Z]{3}" + _NO_LATIN_AFTER
        return compile_cached(f"{_GAP}(?:{_alternation(self._after, 'after')}|{code})")

    def find(self, text: str) -> list[Money]:
        # Several rules look for prices in the same segment.
        cached = self._found.get(text)
        if cached is None:
            cached = tuple(self._each(text))
            if len(self._found) > 4096:
                self._found.clear()
            self._found[text] = cached
        return list(cached)

    def _each(self, text: str) -> Iterator[Money]:
        """Each price in `text`. A symbol written after one amount is not also the
        symbol before the next: in "79,99 € 30 Tage" and "129,99 € 79,99 €" the first
        € is 79,99's and 129,99's, and 30 has none."""
        claimed = -1  # where the marker last taken after its amount ends
        for number in iter_numbers(text):
            money = self.at(text, number)
            if money is not None and money.marker_start < min(number.start, claimed):
                after = self._marker_after_of(text, number.start, number.end)
                money = self._money(text, number, after)
            if money is None:
                continue
            if money.marker_start >= number.end:
                claimed = money.marker_end
            yield money

    def at(self, text: str, number: NumberToken) -> Money | None:
        """The price `number` is the amount of, if a currency marker touches it."""
        key = (text, number.start, number.end)
        try:
            found = self._markers[key]
        except KeyError:
            # The currency, number and trust rules ask about the same numbers.
            found = self._marker_of(text, number.start, number.end)
            if len(self._markers) > 16384:
                self._markers.clear()
            self._markers[key] = found
        return self._money(text, number, found)

    @staticmethod
    def _money(text: str, number: NumberToken, found: _Marker | None) -> Money | None:
        if found is None:
            return None
        return Money(
            start=found.start,
            end=found.end,
            marker_start=found.marker_start,
            marker_end=found.marker_end,
            marker=text[found.marker_start : found.marker_end],
            codes=found.codes,
            amount=number,
        )

    def _marker_of(self, text: str, number_start: int, number_end: int) -> _Marker | None:
        before = self.marker_before(text, max(0, number_start - 16), number_start)
        if before is not None:
            start, end = before
            marker = text[start:end].rstrip(_GAP_CHARS)
            codes = self._codes_of(marker, self._before, after=False)
            if codes:
                return _Marker(start, number_end, start, start + len(marker), codes)
        return self._marker_after_of(text, number_start, number_end)

    def _marker_after_of(self, text: str, number_start: int, number_end: int) -> _Marker | None:
        after = self.marker_after(text, number_end)
        if after is not None:
            start, end = after
            marker = text[start:end].lstrip(_GAP_CHARS)
            codes = self._codes_of(marker, self._after, after=True)
            if codes:
                return _Marker(number_start, end, end - len(marker), end, codes)
        return None

    def marker_before(self, text: str, lo: int, hi: int) -> tuple[int, int] | None:
        """Span of a marker (and one gap) that ends text[lo:hi], as
        `before_pattern().search(text, lo, hi)` finds it: leftmost start first, then
        the first alternative; "$" also matches before a final newline."""
        ends = [hi]
        if hi - 1 >= lo and text[hi - 1] == "\n":
            ends.append(hi - 1)
        best: tuple[int, int, int] | None = None  # (start, alternative, end of match)
        for end in ends:
            stops = [(end, end)]
            if end - 1 >= lo and text[end - 1] in _GAP_CHARS:
                stops.append((end - 1, end))
            for stop, match_end in stops:
                if stop - 1 < lo or text[stop - 1] not in self._before_last:
                    continue
                for length in self._before_lengths:
                    start = stop - length
                    if start < lo:
                        continue
                    if start > 0 and _is_fence_letter(text[start - 1]):
                        continue
                    candidate = text[start:stop]
                    order = self._before_order.get(candidate)
                    if order is None and length == 3 and _is_code(candidate):
                        order = len(self._before_order)
                    if order is not None and (best is None or (start, order) < best[:2]):
                        best = (start, order, match_end)
        return (best[0], best[2]) if best is not None else None

    def marker_after(self, text: str, pos: int) -> tuple[int, int] | None:
        """Span of one gap and a marker right after `pos`, as
        `after_pattern().match(text, pos)` finds it: with the gap first, then
        without; the first alternative that fits."""
        starts = [pos + 1, pos] if pos < len(text) and text[pos] in _GAP_CHARS else [pos]
        for start in starts:
            if start >= len(text) or text[start] not in self._after_first:
                continue
            for length in self._after_lengths:
                candidate = text[start : start + length]
                if len(candidate) < length or candidate not in self._after_order:
                    continue
                after = start + length
                if candidate in self._after_fenced and after < len(text):
                    if _is_fence_letter(text[after]):
                        continue  # "20 kreative" is not "20 kr"
                return pos, after
            code = text[start : start + 3]
            if (
                _is_code(code)
                and not (start > 0 and _is_fence_letter(text[start - 1]))
                and not (start + 3 < len(text) and _is_fence_letter(text[start + 3]))
            ):
                return pos, start + 3
        return None

    def _codes_of(
        self, marker: str, table: dict[str, frozenset[str]], *, after: bool
    ) -> frozenset[str]:
        if marker in table:
            return table[marker]
        if marker in self._codes and (after or marker not in WORD_CODES):
            return frozenset({marker})
        return frozenset()


def _is_fence_letter(char: str) -> bool:
    """A letter of `_NO_LATIN_BEFORE` / `_NO_LATIN_AFTER`: [A-Za-z\u00c0-\u024f]."""
    return ("a" <= char <= "z") or ("A" <= char <= "Z") or ("\u00c0" <= char <= "\u024f")


def _is_code(text: str) -> bool:
    return len(text) == 3 and all("A" <= c <= "Z" for c in text)


def _longest_first(markers: dict[str, frozenset[str]]) -> list[str]:
    return sorted(markers, key=len, reverse=True)


def _alternation(markers: dict[str, frozenset[str]], side: str) -> str:
    """Markers longest first, fenced off from the Latin words around them."""
    parts = []
    for marker in _longest_first(markers):
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
