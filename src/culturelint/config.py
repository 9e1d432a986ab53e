"""Project configuration: culturelint.yaml, .culturelint.yaml or [tool.culturelint]."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from culturelint.finding import Severity


@dataclass
class Config:
    path: Path | None = None  # file the config came from (None: defaults)
    root: Path = field(default_factory=Path.cwd)  # globs are relative to this
    markets: dict[str, str] = field(default_factory=dict)  # glob -> market tag
    default_market: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: str = "warning"
    exclude: list[str] = field(default_factory=list)
    market_paths: list[Path] = field(default_factory=list)
    rule_paths: list[Path] = field(default_factory=list)
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Options for individual checks, keyed by rule name or code.
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
