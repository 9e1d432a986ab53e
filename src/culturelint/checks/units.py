"""CL704 measurement-units: imperial units in metric markets, metric units in US copy.

"5 miles" in German copy makes the reader convert; the market's measurement system
comes from CLDR's measurement data (metric, US or UK) through the profile. The UK
mixes systems by law and habit: miles, mph, pints, feet and inches, stones and pounds
are normal there, while fuel is sold in litres and weather is given in °C, so only
gallons and °F are reported for en-GB, as info. The United States uses metric units
beside its own in some places (sports, science, soda bottles), so metric in US copy is
info, and only for units the US does not use routinely.

A unit counts only right after a number ("5 miles", "5-mile", "5 mi", "10 lbs"), so
"in" the preposition, "ft" inside a word, "lb" in a code and "Fahrenheit 451" are not
units here. Words for units that are also currencies or everyday words ("pounds",
"Pfund", "libras", "livres", "pond", "ポンド") are left out: "5 pounds" may be money,
"ein Pfund" is 500 g, "5 livres" may be five books.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

from culturelint.checks._util import mask_non_copy, segment_hit
from culturelint.checks.formats import (
    WrittenNumber,
    best_reading,
    evidence,
    format_rounded,
    glued_before,
    labelled_as_code,
    read_number,
)
from culturelint.document import Document, Segment
from culturelint.finding import Evidence, Hit, Severity
from culturelint.profiles.model import LocaleFacts
from culturelint.regex_cache import compile_cached
from culturelint.registry import Check, CheckContext, RuleDoc

# (value, written for the UK) -> (converted value, unit symbol)
Conversion = Callable[[float, bool], tuple[float, str]]


class Unit(NamedTuple):
    """A unit, how copy writes it, and how to convert it for the other system."""

    name: str
    words: dict[str, tuple[str, ...]]  # language -> spelled out, matched in any case
    symbols: tuple[str, ...]  # abbreviations, matched exactly
    convert: Conversion


def _scale(factor: float, symbol: str, small: tuple[float, str] | None = None) -> Conversion:
    """A conversion by a factor, to a smaller unit when the result is below 1."""

    def convert(value: float, uk: bool) -> tuple[float, str]:
        result = value * factor
        if small is not None and abs(result) < 1:
            return value * small[0], small[1]
        return result, symbol

    return convert


def _gallon(value: float, uk: bool) -> tuple[float, str]:
    return value * (4.54609 if uk else 3.785411784), "l"


def _pint(value: float, uk: bool) -> tuple[float, str]:
    millilitres = value * (568.26125 if uk else 473.176473)
    return (millilitres / 1000, "l") if millilitres >= 1000 else (millilitres, "ml")


def _fahrenheit(value: float, uk: bool) -> tuple[float, str]:
    return (value - 32) * 5 / 9, "°C"


def _celsius(value: float, uk: bool) -> tuple[float, str]:
    return value * 9 / 5 + 32, "°F"


IMPERIAL = (
    Unit("miles per hour", {"en": ("miles per hour",)}, ("mph", "MPH"),
         _scale(1.609344, "km/h")),
    Unit("square feet", {"en": ("square feet", "square foot")},
         ("sq ft", "sq. ft.", "sq.ft.", "sqft"), _scale(0.09290304, "m²")),
    Unit("fluid ounces", {"en": ("fluid ounces", "fluid ounce")}, ("fl oz", "fl. oz."),
         _scale(29.5735295625, "ml")),
    Unit("degrees Fahrenheit",
         {"en": ("degrees Fahrenheit",), "de": ("Grad Fahrenheit",),
          "fr": ("degrés Fahrenheit",), "es": ("grados Fahrenheit",),
          "it": ("gradi Fahrenheit",), "pt": ("graus Fahrenheit",)},
         ("°F", "° F", "℉"), _fahrenheit),
    Unit("miles",
         {"en": ("miles", "mile"), "de": ("Meilen", "Meile"), "fr": ("milles", "miles"),
          "es": ("millas", "milla"), "it": ("miglia", "miglio"), "pt": ("milhas", "milha"),
          "nl": ("mijl",), "ja": ("マイル",), "zh": ("英里",), "ko": ("마일",)},
         ("mi",), _scale(1.609344, "km")),
    Unit("feet",
         {"en": ("feet", "foot"), "de": ("Fuß",), "fr": ("pieds", "pied"),
          "es": ("pies",), "it": ("piedi", "piede"), "pt": ("pés",), "nl": ("voet",),
          "ja": ("フィート",), "zh": ("英尺",), "ko": ("피트",)},
         ("ft",), _scale(0.3048, "m", (30.48, "cm"))),
    Unit("inches",
         {"en": ("inches", "inch"), "de": ("Zoll",), "fr": ("pouces", "pouce"),
          "es": ("pulgadas", "pulgada"), "it": ("pollici", "pollice"),
          "pt": ("polegadas", "polegada"), "nl": ("inch",), "ja": ("インチ",),
          "zh": ("英寸",), "ko": ("인치",)},
         ("in.", "″"), _scale(2.54, "cm")),
    Unit("yards",
         {"en": ("yards", "yard"), "es": ("yardas", "yarda"), "it": ("iarde",),
          "pt": ("jardas",), "ja": ("ヤード",)},
         ("yd", "yds"), _scale(0.9144, "m")),
    Unit("pounds", {"it": ("libbre", "libbra"), "zh": ("磅",)}, ("lbs", "lb"),
         _scale(0.45359237, "kg", (453.59237, "g"))),
    Unit("ounces",
         {"en": ("ounces", "ounce"), "de": ("Unzen", "Unze"), "fr": ("onces",),
          "es": ("onzas", "onza"), "it": ("oncia",), "pt": ("onças",), "ja": ("オンス",),
          "zh": ("盎司",), "ko": ("온스",)},
         ("oz",), _scale(28.349523125, "g")),
    Unit("gallons",
         {"en": ("gallons", "gallon"), "de": ("Gallonen", "Gallone"),
          "fr": ("gallons",), "es": ("galones", "galón"), "it": ("galloni", "gallone"),
          "pt": ("galões", "galão"), "ja": ("ガロン",), "zh": ("加仑",), "ko": ("갤런",)},
         ("gal",), _gallon),
    Unit("pints", {"en": ("pints", "pint"), "fr": ("pintes",), "es": ("pintas",)}, (),
         _pint),
    Unit("quarts", {"en": ("quarts", "quart")}, ("qt",), _scale(0.946352946, "l")),
    Unit("acres", {"en": ("acres", "acre")}, (), _scale(0.40468564224, "ha")),
)  # fmt: skip

# Metric units the United States does not use routinely; millimetres, millilitres,
# litres and grams are everyday there (tech specs, labels, soda bottles) and are left out.
METRIC = (
    Unit("kilometres per hour", {"en": ("kilometers per hour", "kilometres per hour")},
         ("km/h", "kph"), _scale(0.621371192, "mph")),
    Unit("square metres", {"en": ("square meters", "square metres")}, ("m²", "sqm"),
         _scale(10.7639104, "sq ft")),
    Unit("kilometres", {"en": ("kilometers", "kilometres", "kilometer", "kilometre")},
         ("km",), _scale(0.621371192, "mi")),
    Unit("kilograms", {"en": ("kilograms", "kilogrammes", "kilogram", "kilos")}, ("kg",),
         _scale(2.20462262, "lb")),
    Unit("centimetres", {"en": ("centimeters", "centimetres")}, ("cm",),
         _scale(0.393700787, "in")),
    Unit("metres", {"en": ("meters", "metres", "meter", "metre")}, (),
         _scale(3.2808399, "ft")),
    Unit("degrees Celsius", {"en": ("degrees Celsius",)}, ("°C", "° C", "℃"), _celsius),
)  # fmt: skip

# The imperial units the UK does not use for these purposes (see the module docstring).
_UK_REPORTED = {
    "gallons": "sells fuel and drinks in litres",
    "degrees Fahrenheit": "gives temperatures in °C",
}

_LATIN = "A-Za-z\u00c0-\u024f"
_NUM = r"\d+(?:[.,'’\u00a0\u202f]\d+)*"
_GAP = "[ \u00a0\u202f\u2009]"
# What joins a measurement to the same value in the other system.
_JOINER_AFTER = compile_cached(
    rf"{_GAP}*[(\[/≈~=（]{_GAP}*|{_GAP}*[,–-]?{_GAP}(?:or|oder|ou|o|of){_GAP}"
)
_JOINER_BEFORE = compile_cached(rf"{_GAP}*[(\[/≈~=（]{_GAP}*$")


class Measurement(NamedTuple):
    start: int
    end: int
    raw: str
    unit: Unit
    numbers: tuple[str, ...]  # one number, or the two ends of a range


class _Patterns(NamedTuple):
    measurement: re.Pattern[str]
    # What every measurement holds: the last digit of its number and the unit after
    # it. Starting with a digit, it lets the pattern engine skip straight to the digits
    # of a text; searched first, it rules out the texts that hold numbers but no
    # measurement without trying the whole pattern at each of their positions.
    quick: re.Pattern[str]
    units: dict[str, Unit]


@lru_cache(maxsize=64)
def _pattern(system: str, languages: tuple[str, ...]) -> _Patterns:
    """Spelled-out units of the market's languages and English, and every symbol: a
    word counts only in its language ("pies" is feet in Spanish and pies in English)."""
    units = IMPERIAL if system == "imperial" else METRIC
    langs = (*languages, "en")
    lookup = {w.casefold(): u for u in units for lang in langs for w in u.words.get(lang, ())}
    symbols = {sym: u for u in units for sym in u.symbols}
    words = sorted(lookup, key=len, reverse=True)
    alternatives = [f"(?i:{'|'.join(map(re.escape, words))})"]
    alternatives += [re.escape(sym) for sym in sorted(symbols, key=len, reverse=True)]
    unit = rf"(?:{_GAP}|-)?(?P<unit>{'|'.join(alternatives)})(?![{_LATIN}])"
    pattern = compile_cached(
        rf"(?:(?P<low>{_NUM}){_GAP}?[-–]{_GAP}?)?(?P<sign>[-−](?=\d))?(?P<num>{_NUM}){unit}"
    )
    quick = compile_cached(rf"\d{unit}")
    return _Patterns(pattern, quick, {**lookup, **symbols})


def find_measurements(
    text: str, system: str, languages: tuple[str, ...] = ()
) -> Iterator[Measurement]:
    """Numbers with a unit of `system` ("imperial" or "metric") after them."""
    pattern, quick, units = _pattern(system, languages)
    if quick.search(text) is None:
        return
    for match in pattern.finditer(text):
        if glued_before(text, match.start()) or labelled_as_code(text, match.start()):
            continue
        written = match.group("unit")
        unit = units.get(written) or units.get(written.casefold())
        if unit is None:
            continue
        numbers = tuple(n for n in (match.group("low"), match.group("num")) if n)
        if match.group("sign"):
            numbers = (f"-{numbers[-1]}",)
        yield Measurement(match.start(), match.end(), match.group(0), unit, numbers)


def _paired(text: str, found: Measurement, other: str, languages: tuple[str, ...]) -> bool:
    """Whether the copy gives the value in the other system right next to it:
    "5 miles (8 km)", "8 km / 5 miles", "8 km (5 miles)"."""
    after = _JOINER_AFTER.match(text, found.end)
    if after is not None:
        nxt = next(find_measurements(text[after.end() : after.end() + 40], other, languages), None)
        if nxt is not None and nxt.start == 0:
            return True
    before = _JOINER_BEFORE.search(text, max(0, found.start - 40), found.start)
    if before is not None:
        window = text[max(0, before.start() - 40) : before.start()]
        return any(m.end == len(window) for m in find_measurements(window, other, languages))
    return False


def run(doc: Document, ctx: CheckContext) -> Iterator[Hit]:
    facts = ctx.profile.locale
    system = facts.measurement
    flagged_system, other = ("metric", "imperial") if system == "us" else ("imperial", "metric")
    ev = evidence(ctx.profile, "measurement")
    languages = tuple(ctx.profile.languages)
    for segment in doc.segments:
        if not any(map(str.isdigit, segment.text)):
            continue
        text = mask_non_copy(segment.text)
        for found in find_measurements(text, flagged_system, languages):
            if system == "uk" and found.unit.name not in _UK_REPORTED:
                continue
            if _paired(text, found, other, languages):
                continue
            value = _converted(found, facts, system == "uk")
            if value is None:
                continue
            yield _hit(segment, found, value, facts, ctx.market, system, ev)


def _converted(found: Measurement, facts: LocaleFacts, uk: bool) -> str | None:
    """ "8 km" for "5 miles", in the market's number format."""
    values = []
    symbol = ""
    for raw in found.numbers:
        negative = raw.startswith("-")
        number = WrittenNumber(0, 0, raw.lstrip("-"), read_number(raw.lstrip("-")))
        reading = best_reading(number, facts.decimal)
        if reading is None:
            return None
        value = float(reading.value) * (-1 if negative else 1)
        converted, symbol = found.unit.convert(value, uk)
        if symbol.startswith("°"):
            converted = round(converted)  # nobody feels a tenth of a degree
        values.append(format_rounded(converted, facts.locale))
    space = "" if symbol.startswith("°") and facts.locale.startswith("en") else " "
    return "–".join(values) + space + symbol


def _hit(
    segment: Segment,
    found: Measurement,
    converted: str,
    facts: LocaleFacts,
    market: str,
    system: str,
    ev: Evidence,
) -> Hit:
    raw = found.raw
    if system == "us":
        message = (
            f"'{raw}' is a metric unit ({found.unit.name}); {market} readers expect US "
            "customary units, at least beside it"
        )
        severity: Severity | None = Severity.INFO
    elif system == "uk":
        message = f"'{raw}': {market} {_UK_REPORTED[found.unit.name]}"
        severity = Severity.INFO
    else:
        message = (
            f"'{raw}' is an imperial unit ({found.unit.name}); {market} uses the metric system"
        )
        # Screens, wheels and pipes are measured in inches in metric markets too.
        severity = Severity.INFO if found.unit.name == "inches" else None
    return segment_hit(
        segment,
        found.start,
        found.end,
        message,
        suggestion=f"{raw} ≈ {converted}",
        evidence=ev,
        severity=severity,
    )


CHECK = Check(
    code="CL704",
    name="measurement-units",
    category="format",
    severity=Severity.WARNING,
    doc=RuleDoc(
        what=(
            "Flags measurements in units the market does not use, with the converted "
            "value as the suggestion ('5 miles ≈ 8 km'). The market's system is CLDR's "
            "measurement system (profile `formats.measurement`): metric, US or UK.\n\n"
            "Metric markets: miles, feet, inches, yards, pounds (lb), ounces, gallons, "
            "pints, quarts, acres, square feet, mph and °F are warnings, in English and "
            "in the market languages ('5 Meilen', '10 pieds', '3 pulgadas', '5マイル', "
            "'5英里'). Inches are info: screens, wheels and pipes are sold in inches in "
            "metric markets too. UK: miles, mph, pints, feet, stones and pounds are "
            "normal; gallons and °F are info (fuel is sold in litres, weather is given "
            "in °C). US: kilometres, kilograms, centimetres, metres, square metres, "
            "km/h and °C are info (millimetres, litres, millilitres and grams are "
            "everyday there and not reported).\n\n"
            "A unit counts only right after a number ('5 miles', '5-mile', '10 lbs', "
            "'70°F'). Not units: 'in' as a preposition (only 'in.', '″' and 'inch' "
            "count), 'ft' or 'lb' inside words and codes, 'Fahrenheit 451' (a title), "
            "'pounds', 'Pfund', 'libras', 'livres' and 'ポンド' (also currencies or "
            "everyday words). A measurement given in the other system right beside it "
            "('5 miles (8 km)', '8 km / 5 miles') passes."
        ),
        why=(
            "A reader who has to convert units is reading a translation, not copy "
            "written for them, and often gets the size, distance or temperature wrong. "
            "In the EU, units of measurement in trade must be the legal (SI) units; "
            "imperial units may appear only as supplementary indications."
        ),
        example="# market: de-DE\nNur 5 miles vom Zentrum, bei 70°F im Frühling.",
        good_example="# market: de-DE\nNur 8 km vom Zentrum, bei 21 °C im Frühling.",
        fix=(
            "Give the value in the market's units (the suggestion shows the converted "
            "value), or both: '8 km (5 miles)'."
        ),
        sources=(
            "Unicode CLDR supplemental measurement data (UTS #35, Part 6, Measurement System Data)",
            "Council Directive 80/181/EEC on units of measurement, as amended by "
            "Directive 2009/3/EC",
        ),
    ),
    run=run,
)
