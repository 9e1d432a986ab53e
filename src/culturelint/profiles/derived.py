"""The derived layer: facts every market gets from field libraries instead of hand-typing.

Locale conventions come from CLDR through babel, public holidays from the `holidays`
package, Hofstede scores from the published dataset (`hofstede.py`), dated sensitive
periods from `calendars.py`. babel and holidays are imported inside the functions that
need them so that a lint run whose checks never ask for these facts never pays for them.
Results are cached per arguments: profiles ask for the same facts for every file.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from culturelint.profiles.hofstede import hofstede_for
from culturelint.profiles.model import Holiday, LocaleFacts, ProfileError
from culturelint.regex_cache import compile_cached

T = TypeVar("T")

if TYPE_CHECKING:
    from babel import Locale

    from culturelint.profiles.model import Profile, SensitiveDate

__all__ = [
    "currency_symbol_variants",
    "date_order",
    "hofstede_for",
    "holiday_categories",
    "holiday_country_supported",
    "hour_cycle",
    "locale_facts",
    "measurement_system",
    "public_holidays",
    "sensitive_dates",
    "split_tag",
]

_TAG = compile_cached(r"^([a-z]{2,3})(?:-([A-Z][a-z]{3}))?-([A-Z]{2}|[0-9]{3})$")
_QUOTED = compile_cached(r"'[^']*'")


def split_tag(tag: str) -> tuple[str, str | None, str] | None:
    """(language, script, territory) of a market tag such as "ja-JP" or "zh-Hant-TW"."""
    match = _TAG.match(tag)
    if not match:
        return None
    return match.group(1), match.group(2), match.group(3)


# -- locale formats (CLDR via babel) -------------------------------------------------------


def measurement_system(territory: str) -> str:
    """The measurement system a territory's copy should use.

    babel does not expose CLDR's supplemental `measurementData`, so its content is written
    out here: CLDR lists US customary for US, LR and MM, the mixed UK system for GB, and
    metric everywhere else (supplementalData.xml, <measurementData>).
    """
    territory = territory.upper()
    if territory in {"US", "LR", "MM"}:
        return "us"
    if territory == "GB":
        return "uk"
    return "metric"


def date_order(pattern: str) -> str:
    """ "DMY", "MDY" or "YMD" from a CLDR date pattern (quoted literals ignored)."""
    bare = _QUOTED.sub("", pattern)
    positions = {}
    for letter, symbols in (("D", "d"), ("M", "ML"), ("Y", "yYu")):
        found = [bare.find(s) for s in symbols if s in bare]
        if found:
            positions[letter] = min(found)
    if len(positions) < 3:
        return ""
    return "".join(sorted(positions, key=positions.__getitem__))


def hour_cycle(time_pattern: str) -> str:
    """ "h12" when the pattern uses a 12-hour field (h or K), else "h23".

    babel does not expose CLDR's `timeData` preferred hour cycle; the locale's own short
    time pattern is what copy is compared with, so it is the better witness anyway.
    """
    bare = _QUOTED.sub("", time_pattern)
    return "h12" if "h" in bare or "K" in bare else "h23"


def locale_facts(tag: str, formats_override: dict[str, Any] | None = None) -> LocaleFacts:
    """CLDR conventions of a market; a profile's curated `formats:` keys win."""
    override = formats_override or {}
    currencies = override.get("currencies")
    return _locale_facts(
        tag,
        override.get("measurement"),
        override.get("hour_cycle"),
        tuple(currencies) if currencies else None,
    )


@lru_cache(maxsize=256)
def _locale_facts(
    tag: str,
    measurement: str | None,
    cycle: str | None,
    currencies: tuple[str, ...] | None,
) -> LocaleFacts:
    from babel import numbers

    parts = split_tag(tag)
    if parts is None:
        raise ProfileError(f"'{tag}' is not a market tag such as 'ja-JP'")
    language, script, territory = parts
    locale, week_locale = _babel_locales(language, script, territory)
    if currencies is None:
        currencies = _territory_currencies(territory)
    time_short = locale.time_formats["short"].pattern
    date_short = locale.date_formats["short"].pattern
    order = date_order(date_short) or date_order(locale.date_formats["medium"].pattern)
    return LocaleFacts(
        locale=str(locale),
        currencies=currencies,
        currency_symbols={code: numbers.get_currency_symbol(code, locale) for code in currencies},
        # Symbols for Latin digits: the digits copy is written in almost everywhere, also
        # where CLDR's default numbering system is another one (ar-SA); see `numbering`.
        decimal=numbers.get_decimal_symbol(locale),
        group=numbers.get_group_symbol(locale),
        date_short=date_short,
        date_medium=locale.date_formats["medium"].pattern,
        date_long=locale.date_formats["long"].pattern,
        date_order=order or "YMD",
        time_short=time_short,
        hour_cycle=cycle or hour_cycle(time_short),
        measurement=measurement or measurement_system(territory),
        first_day=week_locale.first_week_day,
        weekend=(week_locale.weekend_start, week_locale.weekend_end),
        direction="rtl" if locale.character_order == "right-to-left" else "ltr",
        numbering=locale.default_numbering_system,
        currency_format=locale.currency_formats["standard"].pattern,
    )


def _babel_locales(language: str, script: str | None, territory: str) -> tuple[Locale, Locale]:
    """The locale for formats and the locale for the territory's week.

    When CLDR has no locale for the exact language and territory ("fr-JP"), formats come
    from the language's own locale and the week from the territory's main locale, while
    currencies and measurement are looked up by territory anyway.
    """
    from babel import Locale, UnknownLocaleError

    exact = _parse_locale("_".join(p for p in (language, script, territory) if p))
    if exact is not None and exact.territory == territory:
        return exact, exact
    base = _parse_locale("_".join(p for p in (language, script) if p))
    if base is None:
        raise ProfileError(f"CLDR (babel) has no locale data for the language '{language}'")
    try:
        week = Locale.parse(f"und_{territory}")
    except (UnknownLocaleError, ValueError):
        week = base
    return base, week


def _parse_locale(identifier: str) -> Locale | None:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(identifier)
    except (UnknownLocaleError, ValueError):
        return None


def _territory_currencies(territory: str) -> tuple[str, ...]:
    from babel import numbers

    today = dt.date.today()
    codes = numbers.get_territory_currencies(territory, start_date=today, tender=True)
    if not codes:
        codes = numbers.get_territory_currencies(
            territory, start_date=today, tender=False, non_tender=True
        )
    return tuple(codes)


def currency_symbol_variants(facts: LocaleFacts, code: str) -> tuple[str, ...]:
    """The locale's symbol for a currency and its compatibility form, if different.

    babel 2.18 carries no CLDR narrow symbols; the compatibility (NFKC) form covers the
    case that matters in practice, the fullwidth "￥" of ja-JP printed as "¥".
    """
    symbol = facts.currency_symbols.get(code)
    if not symbol:
        return ()
    plain = unicodedata.normalize("NFKC", symbol)
    return (symbol,) if plain == symbol else (symbol, plain)


# -- public holidays (holidays package) ----------------------------------------------------


@lru_cache(maxsize=64)
def _holiday_class(country: str) -> type | None:
    import holidays

    try:
        return type(holidays.country_holidays(country))
    except NotImplementedError:
        return None


def holiday_country_supported(country: str) -> bool:
    return _holiday_class(country.upper()) is not None


def _memo_holidays(key: str, compute: Callable[[], Any], read: Callable[[Any], T]) -> T:
    """Holiday data kept with the derived data: importing the holidays package and
    computing a year costs more than a pre-commit run should, and the answer depends
    only on the package's version and the question."""
    from culturelint.profiles import validcache

    return validcache.memo_json("holidays", key, compute, read, packages=["holidays"])


@lru_cache(maxsize=64)
def holiday_categories(country: str) -> tuple[str, ...]:
    """Every holiday category the holidays package has for a country (empty if none)."""
    country = country.upper()

    def compute() -> list[str]:
        cls = _holiday_class(country)
        return sorted(cls.supported_categories) if cls is not None else []

    from culturelint.profiles.validcache import strings

    return tuple(_memo_holidays(f"categories {country}", compute, strings))


def public_holidays(country: str, year: int, categories: tuple[str, ...] = ()) -> list[Holiday]:
    """Holidays of a country in a year, English names where the package has them.

    An unsupported country yields no holidays rather than an error, and categories the
    country does not have are ignored (`culturelint validate` reports them).
    """
    return list(_public_holidays(country.upper(), year, tuple(categories)))


@lru_cache(maxsize=512)
def _public_holidays(country: str, year: int, categories: tuple[str, ...]) -> tuple[Holiday, ...]:
    def compute() -> list[list[str]]:
        found = _holidays_from_package(country, year, categories)
        return [[h.date.isoformat(), h.name, h.category] for h in found]

    def read(rows: Any) -> tuple[Holiday, ...]:
        return tuple(
            Holiday(dt.date.fromisoformat(day), _text(name), _text(cat)) for day, name, cat in rows
        )

    return _memo_holidays(" ".join([country, str(year), *categories]), compute, read)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _holidays_from_package(
    country: str, year: int, categories: tuple[str, ...]
) -> tuple[Holiday, ...]:
    import holidays

    cls = _holiday_class(country)
    if cls is None:
        return ()
    wanted = [c for c in categories if c in cls.supported_categories] or [cls.default_category]
    language = _english(tuple(cls.supported_languages))
    seen: set[tuple[dt.date, str]] = set()
    found: list[Holiday] = []
    for category in wanted:
        calendar = holidays.country_holidays(
            country, years=year, categories=(category,), language=language
        )
        for day, names in calendar.items():
            for name in names.split("; "):
                if (day, name) not in seen:
                    seen.add((day, name))
                    found.append(Holiday(day, name, category))
    return tuple(sorted(found, key=lambda h: (h.date, h.name)))


def _english(languages: tuple[str, ...]) -> str | None:
    if "en_US" in languages:
        return "en_US"
    return next((lang for lang in languages if lang.startswith("en")), None)


# -- sensitive periods ---------------------------------------------------------------------


def sensitive_dates(profile: Profile, year: int) -> list[SensitiveDate]:
    from culturelint.profiles import calendars

    return calendars.sensitive_dates(profile, year)
