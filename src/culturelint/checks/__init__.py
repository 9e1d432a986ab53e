"""The built-in Python checks, one module each; the registry loads this list."""

from culturelint.checks import colour, currency, language, numbers

BUILTIN_CHECKS = [language.CHECK, colour.CHECK, numbers.CHECK, currency.CHECK]

__all__ = ["BUILTIN_CHECKS"]
