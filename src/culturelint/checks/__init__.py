"""The built-in Python checks, one module each; the registry loads this list."""

from culturelint.checks import (
    calendar,
    colour,
    currency,
    currency_placement,
    dates_format,
    gestures,
    language,
    language_law,
    leftovers,
    numbers,
    numbers_format,
    phones,
    taboos,
    times,
    trust,
    units,
)

BUILTIN_CHECKS = [
    language.CHECK,
    leftovers.CHECK,
    language_law.CHECK,
    gestures.CHECK,
    taboos.CHECK,
    colour.CHECK,
    numbers.CHECK,
    currency.CHECK,
    dates_format.CHECK,
    numbers_format.CHECK,
    units.CHECK,
    times.CHECK,
    phones.CHECK,
    currency_placement.CHECK,
    *trust.CHECKS,
    *calendar.CHECKS,
]

__all__ = ["BUILTIN_CHECKS"]
