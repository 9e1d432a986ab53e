"""The one result type every check produces and every reporter consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

CATEGORIES = (
    "language",
    "colour",
    "number",
    "gesture",
    "taboo",
    "trust",
    "calendar",
    "tone",
    "claims",
    "format",
    "l10n",
)


class Severity(str, Enum):
    """Finding severity; the order matters for --fail-on."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where the knowledge behind a finding comes from, so a reviewer can check it."""

    profile: str
    key: str
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"profile": self.profile, "key": self.key, "source": self.source}


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports: a span of the original text (character offsets) and why.

    Checks speak in offsets into `Document.text`; the engine turns them into lines and
    columns, applies severity overrides and suppressions, and makes `Finding`s.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    evidence: Evidence | None = None
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: Severity
    market: str | None
    message: str
    suggestion: str | None = None
    evidence: Evidence | None = None
    # Text of the flagged span; used for baseline matching, not part of the JSON contract.
    snippet: str = field(default="", compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "market": self.market,
            "message": self.message,
            "suggestion": self.suggestion,
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be checked (or was only partly checked), and why.

    `setup` marks an error in what the run was set up with (a rule pack, a market
    folder, the baseline) rather than in a copy file: the summary counts those apart,
    so "files could not be checked" stays a count of copy files."""

    path: str
    message: str
    line: int | None = None
    setup: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "message": self.message}
        if self.line is not None:
            data["line"] = self.line
        return data
