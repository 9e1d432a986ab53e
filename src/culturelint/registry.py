"""One registry of checks: built-in Python checks, plug-ins, and declarative YAML rules.

Every check, whatever its origin, is a `Check`: a code, a name, a category, a default
severity, which markets it applies to, its documentation, and a function that turns a
document into hits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from culturelint.finding import CATEGORIES, Hit, Severity

if TYPE_CHECKING:
    from culturelint.config import Config
    from culturelint.document import Document
    from culturelint.profiles.model import Profile

CODE_RE = re.compile(r"^[A-Z]{2,4}[0-9]{3,4}$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class RuleDoc:
    """What `culturelint explain` prints: ruff-style rule documentation."""

    what: str
    why: str
    example: str = ""
    good_example: str = ""
    fix: str = ""
    sources: tuple[str, ...] = ()


@dataclass
class CheckContext:
    """What a check may know besides the document."""

    market: str
    profile: Profile
    config: Config
    year: int


RunFn = Callable[["Document", CheckContext], Iterable[Hit]]

# A language or locale tag, as options give them ("en", "pt-BR", "zh_Hant").
LANGUAGE_TAG = "^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$"
# JSON Schema for a list of strings that may be given as one string.
STRINGS: dict[str, Any] = {
    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
}


def options_schema(**properties: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a rule's `options:` entry: these keys, none other. Options
    are checked against it when the config is loaded, so a typo or a wrong type is an
    error naming the key before any file is linted, not a surprise in one of them."""
    return {"type": "object", "additionalProperties": False, "properties": properties}


@dataclass
class Check:
    code: str
    name: str
    category: str
    severity: Severity
    doc: RuleDoc
    run: RunFn
    # None: every market. Otherwise a predicate on the profile (see selectors.py).
    applies: Callable[[Profile], bool] | None = None
    markets_label: str = "all"  # human-readable description of `applies`
    origin: str = "builtin"  # builtin, plugin:<dist>, rules:<path>
    meta: dict[str, Any] = field(default_factory=dict)
    # Called before any rule runs on a document: may queue the building of derived
    # data `run` will read (validcache.build_soon), which only a first run has to do.
    prepare: Callable[[CheckContext], None] | None = None
    # The JSON Schema of `options: {<code or name>: ...}` (see options_schema); None:
    # the rule takes no options, and giving it some is a configuration error.
    options: dict[str, Any] | None = None

    def applies_to(self, profile: Profile) -> bool:
        return self.applies is None or bool(self.applies(profile))


class RegistryError(ValueError):
    pass


class Registry:
    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}

    def add(self, check: Check) -> None:
        if not CODE_RE.match(check.code):
            raise RegistryError(f"{check.origin}: invalid rule code {check.code!r}")
        if not NAME_RE.match(check.name):
            raise RegistryError(f"{check.origin}: rule name {check.name!r} is not kebab-case")
        if check.category not in CATEGORIES:
            raise RegistryError(
                f"{check.origin}: {check.code} has unknown category {check.category!r}"
            )
        existing = self._checks.get(check.code)
        if existing is not None:
            raise RegistryError(
                f"rule code {check.code} is defined twice ({existing.origin}, {check.origin})"
            )
        self._checks[check.code] = check

    def get(self, code: str) -> Check | None:
        return self._checks.get(code.upper())

    def by_name(self, name: str) -> Check | None:
        for check in self._checks.values():
            if check.name == name:
                return check
        return None

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self._checks.values(), key=lambda c: c.code))

    def __len__(self) -> int:
        return len(self._checks)

    def codes(self) -> list[str]:
        return sorted(self._checks)
