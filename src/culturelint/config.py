"""Project configuration: culturelint.yaml, .culturelint.yaml or [tool.culturelint].

Found by walking up from the working directory, like ruff and ESLint do, so a run from
any sub-folder of a content repository uses the repository's settings.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from culturelint.finding import Severity

CONFIG_NAMES = ("culturelint.yaml", ".culturelint.yaml", "pyproject.toml")


def pattern_matches(rel: str, pattern: str) -> bool:
    """How every path pattern of the config (`markets`, `exclude`, `per_file_ignores`)
    matches a file, named by its path below the config's folder: as a glob (`*`
    crosses folders), or as a folder holding it (`legal`, `legal/`, `content/de/**`).
    One rule for all three, so a pattern that works in one works in the others."""
    from fnmatch import fnmatch

    folder = pattern.rstrip("/")
    return fnmatch(rel, folder) or fnmatch(rel, folder + "/*")


class ConfigError(Exception):
    """A configuration file that cannot be used; names the file and the key."""


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
    # Largest file linted, in bytes or as "8MiB"; None: the built-in limit.
    max_file_size: int | str | None = None

    def option(self, code: str, name: str, key: str, default: Any = None) -> Any:
        for k in (code, name):
            if k in self.options and key in self.options[k]:
                return self.options[k][key]
        return default


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above `start`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _has_tool_section(candidate):
                continue
            return candidate
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return "[tool.culturelint" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def load_config(path: Path | None) -> Config:
    """Load and validate a config file; None gives the defaults."""
    if path is None:
        return Config()
    raw = _read_raw(path)
    _validate(raw, path)
    root = path.parent.resolve()
    if raw.get("max_file_size") is not None:
        from culturelint.engine import SizeError, parse_size

        try:
            parse_size(raw["max_file_size"])
        except SizeError as exc:
            raise ConfigError(f"{path}: max_file_size: {exc}") from None
    return Config(
        path=path,
        root=root,
        markets=dict(raw.get("markets", {})),
        default_market=raw.get("default_market"),
        select=list(raw.get("select", [])),
        ignore=list(raw.get("ignore", [])),
        per_file_ignores={k: list(v) for k, v in raw.get("per_file_ignores", {}).items()},
        severity={k: Severity(v) for k, v in raw.get("severity", {}).items()},
        fail_on=raw.get("fail_on", "warning"),
        exclude=list(raw.get("exclude", [])),
        market_paths=[(root / p) for p in raw.get("market_paths", [])],
        rule_paths=[(root / p) for p in raw.get("rule_paths", [])],
        overrides=dict(raw.get("overrides", {})),
        options=dict(raw.get("options", {})),
        max_file_size=raw.get("max_file_size"),
    )


def _read_raw(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    if path.name == "pyproject.toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        raw = data.get("tool", {}).get("culturelint", {})
    else:
        from culturelint.profiles import yamlload

        try:
            raw = yamlload.safe_load(text)
        except yamlload.yaml_error() as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f":{mark.line + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise ConfigError(f"{path}{where}: invalid YAML: {problem}") from None
        if raw is None:
            raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping of keys to values")
    # A key with no value (`markets:` above commented examples) is a key not given.
    return {key: value for key, value in raw.items() if value is not None}


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads(
        resources.files("culturelint.schemas").joinpath("config.schema.json").read_text("utf-8")
    )
    return Draft202012Validator(schema)


def _validate(raw: dict[str, Any], path: Path) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(raw))
    if error is None:
        return
    where = ".".join(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties" and not error.absolute_path:
        unknown = sorted(set(raw) - set(error.schema.get("properties", {})))
        raise ConfigError(f"{path}: unknown key {', '.join(map(repr, unknown))}")
    raise ConfigError(f"{path}: {where or '(top level)'}: {error.message}")
