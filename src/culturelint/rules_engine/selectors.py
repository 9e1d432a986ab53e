"""Which markets a declarative rule applies to.

A rule selects markets by list (`markets: [de-DE, ja]`) and/or by conditions on the
profile (`when: {hofstede: {uai: ">= 70"}, language: ja}`); everything given must
hold. Each part becomes a small predicate object (picklable, so checks can be sent
to worker processes) and a human label for `culturelint rules`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from culturelint.regex_cache import compile_cached

if TYPE_CHECKING:
    from culturelint.profiles.model import Profile

HOFSTEDE_DIMENSIONS = ("pdi", "idv", "mas", "uai", "lto", "ivr")
REGISTERS = ("formal", "informal", "brand-choice", "none")
WHEN_KEYS = ("hofstede", "language", "market", "curated", "register")

OPERATORS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
    "!=": operator.ne,
}
_CONDITION_RE = compile_cached(r"^\s*(>=|<=|==|!=|>|<)\s*(-?[0-9]+(?:\.[0-9]+)?)\s*$")
_TAG_RE = compile_cached(r"^(\*|[a-z]{2,3}|[a-z]{2,3}(-[A-Z][a-z]{3})?-([A-Z]{2}|[0-9]{3}))$")
_LANGUAGE_RE = compile_cached(r"^[a-z]{2,3}$")


class SelectorError(ValueError):
    """A selector that cannot be understood; `where` is its path inside the rule."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        super().__init__(message)


class Selector(NamedTuple):
    predicate: Callable[[Profile], bool] | None  # None: every market
    label: str


# -- predicates --------------------------------------------------------------------


class MarketIn(NamedTuple):
    """Market tags (case-insensitive) and bare languages matching every market of
    that language ("de" matches de-DE, de-AT, de-CH)."""

    tags: frozenset[str]
    languages: frozenset[str]

    def __call__(self, profile: Profile) -> bool:
        return profile.tag.casefold() in self.tags or profile.language in self.languages


class HofstedeCondition(NamedTuple):
    dimension: str
    op: str
    value: float

    def __call__(self, profile: Profile) -> bool:
        scores = profile.hofstede
        score = scores.get(self.dimension) if scores is not None else None
        if score is None:
            return False  # a market without that score never matches
        return OPERATORS[self.op](score, self.value)


class LanguageIn(NamedTuple):
    languages: frozenset[str]

    def __call__(self, profile: Profile) -> bool:
        return profile.language in self.languages


class CuratedIs(NamedTuple):
    value: bool

    def __call__(self, profile: Profile) -> bool:
        return bool(profile.curated) == self.value


class RegisterIn(NamedTuple):
    registers: frozenset[str]

    def __call__(self, profile: Profile) -> bool:
        return profile.section("formality").get("register") in self.registers


class AllOf(NamedTuple):
    parts: tuple[Callable[[Profile], bool], ...]

    def __call__(self, profile: Profile) -> bool:
        return all(part(profile) for part in self.parts)


# -- parsing -----------------------------------------------------------------------


def parse_condition(text: Any, where: str) -> tuple[str, float]:
    """ ">= 70" -> (">=", 70.0)."""
    match = _CONDITION_RE.match(text) if isinstance(text, str) else None
    if match is None:
        raise SelectorError(
            where,
            f'condition {text!r} must be an operator and a number, e.g. ">= 70"'
            f" (operators: {', '.join(OPERATORS)})",
        )
    return match.group(1), float(match.group(2))


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _as_list(value: Any, where: str) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
        raise SelectorError(where, "expected a string or a non-empty list of strings")
    return list(items)


def _markets(entries: Sequence[str], where: str) -> tuple[Callable[[Profile], bool] | None, str]:
    tags: set[str] = set()
    languages: set[str] = set()
    for i, entry in enumerate(entries):
        if not isinstance(entry, str) or not _TAG_RE.match(entry):
            raise SelectorError(
                f"{where}[{i}]",
                f"{entry!r} is not a market tag (de-DE), a language (de) or *",
            )
        if entry == "*":
            return None, "all"
        if "-" in entry:
            tags.add(entry.casefold())
        else:
            languages.add(entry)
    return MarketIn(frozenset(tags), frozenset(languages)), ", ".join(entries)


def _languages(value: Any, where: str) -> list[str]:
    langs = _as_list(value, where)
    for lang in langs:
        if not _LANGUAGE_RE.match(lang):
            raise SelectorError(where, f"{lang!r} is not a language code such as ja or de")
    return langs


def _when(when: Any, where: str) -> list[tuple[Callable[[Profile], bool] | None, str]]:
    if not isinstance(when, dict) or not when:
        raise SelectorError(where, "`when` must be a mapping with at least one condition")
    parts: list[tuple[Callable[[Profile], bool] | None, str]] = []
    for key, value in when.items():
        here = f"{where}.{key}"
        if key == "hofstede":
            if not isinstance(value, dict) or not value:
                raise SelectorError(here, 'expected a mapping such as {uai: ">= 70"}')
            for dim, cond in value.items():
                if dim not in HOFSTEDE_DIMENSIONS:
                    raise SelectorError(
                        f"{here}.{dim}",
                        f"unknown Hofstede dimension {dim!r}"
                        f" (known: {', '.join(HOFSTEDE_DIMENSIONS)})",
                    )
                op, number = parse_condition(cond, f"{here}.{dim}")
                parts.append((HofstedeCondition(dim, op, number), f"{dim} {op} {_number(number)}"))
        elif key == "language":
            langs = _languages(value, here)
            parts.append((LanguageIn(frozenset(langs)), f"language {', '.join(langs)}"))
        elif key == "market":
            parts.append(_markets(_as_list(value, here), here))
        elif key == "curated":
            if not isinstance(value, bool):
                raise SelectorError(here, "expected true or false")
            parts.append((CuratedIs(value), "curated" if value else "not curated"))
        elif key == "register":
            registers = _as_list(value, here)
            for reg in registers:
                if reg not in REGISTERS:
                    raise SelectorError(
                        here, f"unknown register {reg!r} (known: {', '.join(REGISTERS)})"
                    )
            parts.append((RegisterIn(frozenset(registers)), f"register {', '.join(registers)}"))
        else:
            raise SelectorError(here, f"unknown condition {key!r} (known: {', '.join(WHEN_KEYS)})")
    return parts


def build_selector(markets: Any = None, when: Any = None, where: str = "") -> Selector:
    """The predicate and label for a rule's `markets:` and `when:`.

    `where` prefixes error paths (e.g. "rules[3]"). Raises SelectorError.
    """
    prefix = f"{where}." if where else ""
    parts: list[tuple[Callable[[Profile], bool] | None, str]] = []
    if markets is not None:
        if not isinstance(markets, list) or not markets:
            raise SelectorError(f"{prefix}markets", "expected a non-empty list of market tags")
        parts.append(_markets(markets, f"{prefix}markets"))
    if when is not None:
        parts.extend(_when(when, f"{prefix}when"))
    return combine(parts)


def combine(parts: Iterable[tuple[Callable[[Profile], bool] | None, str]]) -> Selector:
    """AND the parts together; parts that select every market drop out."""
    predicates = [(p, label) for p, label in parts if p is not None]
    if not predicates:
        return Selector(None, "all")
    if len(predicates) == 1:
        return Selector(predicates[0][0], predicates[0][1])
    labels = [f"({label})" if ", " in label else label for _, label in predicates]
    return Selector(AllOf(tuple(p for p, _ in predicates)), " and ".join(labels))
