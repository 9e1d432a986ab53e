"""Pieces the CL7xx format checks share: numbers as copy writes them, what only looks
like a number (versions, article numbers, IP addresses), and CLDR-formatted suggestions.

Every format rule has the same enemy: strings of digits and punctuation that are not
what the rule is about. "1.2.3" is a version, "AB-12.03" a part number, "192.168.0.1"
an address. The guards here are shared so that the rules agree on what they ignore.
babel is imported inside the functions that format suggestions.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from culturelint.finding import Evidence
from culturelint.profiles.model import Profile
from culturelint.regex_cache import compile_cached

CLDR_SOURCE = "Unicode CLDR locale data (number, date, time and currency formats), via Babel"

# Characters that tie a number to what is before it: a letter or digit ("v2", "A1"),
# or code punctuation ("SKU-12", "#12", "/12", "v.1"). CJK characters are not here:
# "价格1,299元" is a price.
_LATIN = "A-Za-z\u00c0-\u024f"
_GLUED_BEFORE = compile_cached(f"[{_LATIN}0-9_#@\\\\/:.,'’-]")

# Words right before a number that make it an identifier rather than a quantity, a
# date or a price: "Version 2.10.12", "Art.-Nr. 1.299", "Order 4155552671".
CODE_LABELS = frozenset(
    {
        "version", "versión", "versão", "ver", "v", "build", "release", "rev", "revision",
        "firmware", "model", "modell", "modèle", "modelo", "type", "typ", "sku", "artikel",
        "artikelnummer", "art.-nr", "nr", "nº", "n°", "número", "numéro", "item", "part",
        "serial", "seriennummer", "référence", "referenz", "id", "order", "bestellung",
        "bestellnummer", "auftrag", "pedido", "commande", "invoice", "rechnung", "factura",
        "facture", "ticket", "kundennummer", "code", "isbn", "ean", "upc", "iban", "bic",
        "plz", "zip", "版本", "型号", "型番", "注文番号", "订单号",
        # Company, tax and postal identifiers, which imprints and shop footers print
        # next to the phone number: "Steuernummer 12/345/67890", "CEP 01310-100". Not
        # the words for a tax itself ("VAT 20 %", "IVA 21 %": a rate), nor ones that
        # are words of a bundled language (EIN, German "ein"; NIP, BTW, INN).
        "steuernummer", "steuer-nr", "ust-idnr", "ust-id", "hrb", "hra", "registernummer",
        "handelsregisternummer", "abn", "acn", "siret", "siren", "rcs", "nif", "rfc",
        "cnpj", "cpf", "cep", "regon", "krs", "kvk", "ogrn", "postcode", "postleitzahl",
        "사업자등록번호", "사업자번호", "등록번호", "신고번호", "통신판매업신고번호", "우편번호",
        "法人番号", "登録番号", "郵便番号", "营业执照", "统一社会信用代码", "备案号", "邮编",
    }
)  # fmt: skip
# Abbreviations that are labels only with their dot: "No. 12" but "no 31/12" (Portuguese
# "on the"), "Art. 5" but "art 5".
DOTTED_LABELS = frozenset({"no", "art", "ref", "vers", "cp"})
_WORD_BEFORE = compile_cached(r"([^\W\d][\w.'’-]*?)(\.?)[:：]?[ \u00a0]{0,2}$")

# A number as copy writes it: digits with single separators between runs of digits.
# A plain space never joins two runs (two numbers separated by a space stay two).
_NUMBER = compile_cached(r"\d+(?:[.,'’\u00a0\u202f\u2009]\d+)*")
_SEPARATORS = compile_cached(r"([.,'’\u00a0\u202f\u2009])")
SPACES = " \u00a0\u202f\u2009"
_IPV4 = compile_cached(r"^\d{1,3}(?:\.\d{1,3}){3}$")


def glued_before(text: str, start: int) -> bool:
    """Whether the character before `start` ties the number to a code or another number."""
    return start > 0 and _GLUED_BEFORE.match(text, start - 1, start) is not None


def labelled_as_code(text: str, start: int) -> bool:
    """Whether the word right before `start` names an identifier ("Version", "Nr.")."""
    match = _WORD_BEFORE.search(text, word_before_from(text, start), start)
    if match is None:
        return False
    word = match.group(1).casefold().rstrip(".")
    return word in CODE_LABELS or (word in DOTTED_LABELS and bool(match.group(2)))


def word_before_from(text: str, start: int) -> int:
    """Where to start looking for the word before `start`: 24 characters back, or just
    after the last space before the word's tail, whichever is nearer.

    A match of _WORD_BEFORE runs through word characters up to a tail of at most five
    (dot, colon, two spaces, a line break before the end), so it cannot start at or
    before a space further back. Searching from there gives the same match as from 24
    characters back, without trying each position of the words in between.
    """
    lo = max(0, start - 24)
    return text.rfind(" ", lo, max(lo, start - 5)) + 1 or lo


def not_a_quantity(text: str, start: int) -> bool:
    """Both guards: a number glued to a code or labelled as one is left alone."""
    return glued_before(text, start) or labelled_as_code(text, start)


# -- reading numbers ---------------------------------------------------------------------


class Reading(NamedTuple):
    """One way of reading a written number: which separator groups and which is the
    decimal separator (None when absent). Spaces of any width read as " "."""

    integer: str
    fraction: str
    group: str | None
    decimal: str | None
    lakh: bool = False  # grouped in the Indian way: 12,34,567

    @property
    def value(self) -> Decimal:
        return Decimal(f"{self.integer}.{self.fraction or '0'}")


class WrittenNumber(NamedTuple):
    start: int
    end: int
    raw: str
    readings: tuple[Reading, ...]  # empty: not a number (a version, an IP, a date)


def iter_written_numbers(text: str) -> Iterator[WrittenNumber]:
    """Numbers in `text` that are not glued to a code, each with its possible readings.

    "1.299" has two readings (one thousand two hundred ninety-nine, or 1.299), "1,299.00"
    one, "1.2.3" none.
    """
    for match in _NUMBER.finditer(text):
        if glued_before(text, match.start()):
            continue
        raw = match.group(0)
        yield WrittenNumber(match.start(), match.end(), raw, read_number(raw))


def read_number(raw: str) -> tuple[Reading, ...]:
    """Every consistent reading of `raw`, the grouped one first when both fit."""
    if _IPV4.match(raw):
        return ()
    parts = _SEPARATORS.split(raw)
    runs, seps = parts[0::2], [_space(s) for s in parts[1::2]]
    if not seps:
        return (Reading(raw, "", None, None),)
    last = seps[-1]
    head_ok = 1 <= len(runs[0]) <= 3 and runs[0][0] != "0"  # "0.299" groups nothing
    if len(set(seps)) == 1:
        if len(seps) > 1:
            grouped = _grouped(runs, last)
            return (grouped,) if grouped and head_ok else ()
        readings = []
        if len(runs[1]) == 3 and head_ok:
            readings.append(Reading(runs[0] + runs[1], "", last, None))
        if last in ".,":
            readings.append(Reading(runs[0], runs[1], None, last))
        return tuple(readings)
    # Two kinds: the last separator is the decimal one and appears once.
    if last not in ".," or last in seps[:-1] or len(set(seps[:-1])) != 1 or not head_ok:
        return ()
    grouped = _grouped(runs[:-1], seps[0])
    if grouped is None:
        return ()
    return (Reading(grouped.integer, runs[-1], seps[0], last, grouped.lakh),)


def _grouped(runs: list[str], sep: str) -> Reading | None:
    tail = runs[1:]
    if all(len(r) == 3 for r in tail):
        return Reading("".join(runs), "", sep, None)
    lakh = len(tail) >= 2 and all(len(r) == 2 for r in tail[:-1]) and len(tail[-1]) == 3
    if lakh and sep == "," and len(runs[0]) <= 2:
        return Reading("".join(runs), "", sep, None, lakh=True)
    return None


def _space(sep: str) -> str:
    return " " if sep in SPACES else ("'" if sep == "’" else sep)


def market_group(group: str) -> str:
    """The market's group separator as `Reading.group` spells it."""
    return _space(group)


def best_reading(number: WrittenNumber, decimal: str) -> Reading | None:
    """The reading the market's decimal separator makes likely, else the first."""
    for reading in number.readings:
        if reading.decimal in (None, decimal) and reading.group != decimal:
            return reading
    return number.readings[0] if number.readings else None


# -- formatting -------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _decimal_pattern(locale: str) -> str:
    from babel import Locale

    return Locale.parse(locale).decimal_formats[None].pattern.split(";")[0]


def format_number(value: Decimal | float, fraction_digits: int, locale: str) -> str:
    """`value` written the market's way (its grouping, e.g. lakh in hi-IN) with a fixed
    number of decimals."""
    from babel.numbers import format_decimal

    pattern = _decimal_pattern(locale).split(".")[0]
    if fraction_digits:
        pattern += "." + "0" * fraction_digits
    try:
        return format_decimal(value, format=pattern, locale=locale)
    except (ValueError, InvalidOperation):
        return str(value)


def format_rounded(value: float, locale: str) -> str:
    """A converted measurement: one decimal below 100, whole numbers above."""
    from babel.numbers import format_decimal

    rounded = round(value, 1) if abs(value) < 100 else round(value)
    pattern = _decimal_pattern(locale).split(".")[0] + ".#"
    return format_decimal(rounded, format=pattern, locale=locale)


def evidence(profile: Profile, key: str) -> Evidence:
    """Evidence for a format fact: the profile's own `formats:` entry when it sets the
    key (with its source), else CLDR."""
    formats = profile.section("formats")
    if key in formats and formats.get("source"):
        return profile.evidence(f"formats.{key}", formats)
    return Evidence(profile=profile.tag, key=f"formats.{key}", source=CLDR_SOURCE)


# Unit symbols right after a number that make it a measurement: "3.5 kg", "4,5 %".
_UNIT_AFTER = compile_cached(
    "[ \u00a0\u202f\u2009]?(?:km/h|km²|km|kg|cm|mm|ml|mg|m²|m³|m|g|l|L|kWh|kW|W|V|mAh|GB|MB|"
    "TB|KB|GHz|MHz|Hz|%|％|°C|°F|°|mi|ft|lbs|lb|oz|gal|mph|Zoll|inch|inches|in\\.|″|"
    "ℓ|ｍｌ|キロ|センチ|ミリ|グラム|リットル|公里|公斤|千克|厘米|毫米|克|升|毫升|米)"
    f"(?![{_LATIN}])"
)


def unit_after(text: str, end: int) -> bool:
    """Whether a unit symbol follows the number ending at `end`."""
    return _UNIT_AFTER.match(text, end) is not None
