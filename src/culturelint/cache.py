"""A cache of per-file results in .culturelint_cache/, so unchanged files are not re-linted.

The key covers everything a result depends on: the file's bytes and name, the tool
version, the installed distributions (plug-ins, Babel, holidays), the effective
configuration and command-line selection, every market profile and rule file that
could be loaded, and today's date (calendar checks depend on it). A result that
depends on the run itself (a user pattern that timed out) is not stored.
Entries are written atomically, so concurrent runs and Ctrl-C never leave a torn entry;
an unreadable entry, or one that does not hold its own key, is treated as a miss and
rewritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from culturelint import __version__
from culturelint.config import Config
from culturelint.engine import FileResult
from culturelint.finding import Evidence, FileError, Finding, Severity

CACHE_DIR = ".culturelint_cache"


def settings_fingerprint(
    config: Config, extra: dict[str, Any], data_dirs: list[Path], files: Iterable[Path] = ()
) -> str:
    """`files` are other files the config names whose content results depend on (the
    project's glossaries).

    Paths inside the project are taken relative to its root, and the profile and rule
    folders by their contents, so a checkout elsewhere (a CI runner restoring the cache
    folder, a second clone) finds the same results. Glossaries stay absolute: a broken
    one is reported by its full path, and a result carrying that message must not be
    shown for another checkout.
    """
    from culturelint import installed

    root = config.root

    def portable(value: Any) -> str:
        if isinstance(value, Path):
            try:
                return "<root>/" + value.relative_to(root).as_posix()
            except ValueError:
                return value.as_posix()
        return str(value)

    h = hashlib.sha256()
    h.update(__version__.encode())
    # Every installed distribution and its version: a plug-in installed, upgraded or
    # removed changes the rules, and a Babel or holidays upgrade the data they read.
    h.update(installed.distributions().encode())
    h.update(dt.date.today().isoformat().encode())
    h.update(json.dumps(asdict(config), default=portable, sort_keys=True).encode())
    h.update(json.dumps(extra, default=portable, sort_keys=True).encode())
    for index, folder in enumerate(data_dirs):
        if not folder.is_dir():
            continue
        h.update(f"\0folder {index}\0".encode())
        for f in sorted(folder.rglob("*.y*ml")):
            try:
                h.update(f.relative_to(folder).as_posix().encode())
                h.update(b"\0")
                h.update(f.read_bytes())
            except OSError:
                continue
    for file in files:
        h.update(file.as_posix().encode())
        try:
            h.update(file.read_bytes())
        except OSError as exc:  # missing or unreadable: its own error, keyed apart
            h.update(f"\0{exc.errno}".encode())
    return h.hexdigest()


class Cache:
    def __init__(self, root: Path, fingerprint: str) -> None:
        self.folder = root / CACHE_DIR / __version__
        self.fingerprint = fingerprint
        self.enabled = True

    def _key(self, display: str, data: bytes) -> str:
        h = hashlib.sha256(self.fingerprint.encode())
        h.update(display.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def get(self, display: str, data: bytes) -> FileResult | None:
        if not self.enabled:
            return None
        key = self._key(display, data)
        path = self._path(key)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict) or raw.pop("key", None) != key:
                return None  # not this file's entry: a miss, overwritten below
            return _decode(raw)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            return None  # corrupt or foreign entry: a miss, overwritten below

    def put(self, display: str, data: bytes, result: FileResult) -> None:
        if not self.enabled:
            return
        from culturelint.atomic import write_atomic

        key = self._key(display, data)
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._ensure_gitignore()
            # ASCII escapes: a file name that is not UTF-8 holds lone surrogates,
            # which only an escape carries through a UTF-8 file. Not synced to disk
            # (see write_atomic): an entry lost or cut short by a crash of the machine
            # is a miss, and one that holds its own key can never be taken for
            # another file's.
            write_atomic(path, json.dumps({"key": key, **_encode(result)}), durable=False)
        except OSError:
            self.enabled = False  # read-only tree: lint without a cache

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def _ensure_gitignore(self) -> None:
        marker = self.folder.parent / ".gitignore"
        if not marker.exists():
            from culturelint.atomic import write_atomic

            write_atomic(marker, "# Created by culturelint.\n*\n")


def _encode(result: FileResult) -> dict[str, Any]:
    findings = []
    for f in result.findings:
        d = f.to_dict()
        d["snippet"] = f.snippet
        findings.append(d)
    return {"findings": findings, "errors": [e.to_dict() for e in result.errors]}


# The type of each field an entry holds; an entry that differs is treated as corrupt.
_FINDING_FIELDS: dict[str, type | tuple[type, ...]] = {
    "path": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "rule": str,
    "name": str,
    "category": str,
    "severity": str,
    "market": (str, type(None)),
    "message": str,
    "suggestion": (str, type(None)),
    "evidence": (dict, type(None)),
    "snippet": str,
}
_EVIDENCE_FIELDS: dict[str, type | tuple[type, ...]] = {
    "profile": str,
    "key": str,
    "source": (str, type(None)),
}
_ERROR_FIELDS: dict[str, type | tuple[type, ...]] = {
    "path": str,
    "message": str,
    "line": (int, type(None)),
}


def _checked(value: Any, fields: dict[str, type | tuple[type, ...]]) -> dict[str, Any]:
    """`value` if it is a mapping with exactly these fields of these types (a missing
    optional one counts as None); ValueError otherwise. Entries are plain JSON files a
    hand, a disk or another version may have changed: a wrong type must be a cache
    miss, not a crash in a reporter."""
    if not isinstance(value, dict) or not set(value) <= set(fields):
        raise ValueError("not a cache entry")
    for name, kind in fields.items():
        item = value.get(name)
        if isinstance(item, bool) or not isinstance(item, kind):
            raise ValueError(f"cache entry field {name!r} has the wrong type")
    return value


def _decode(raw: Any) -> FileResult:
    if not isinstance(raw, dict) or set(raw) != {"findings", "errors"}:
        raise ValueError("not a cache entry")
    if not isinstance(raw["findings"], list) or not isinstance(raw["errors"], list):
        raise ValueError("not a cache entry")
    findings = []
    for item in raw["findings"]:
        d = _checked(item, _FINDING_FIELDS)
        ev = d["evidence"]
        findings.append(
            Finding(
                path=d["path"],
                line=d["line"],
                column=d["column"],
                end_line=d["end_line"],
                end_column=d["end_column"],
                rule=d["rule"],
                name=d["name"],
                category=d["category"],
                severity=Severity(d["severity"]),
                market=d["market"],
                message=d["message"],
                suggestion=d["suggestion"],
                evidence=Evidence(**_checked(ev, _EVIDENCE_FIELDS)) if ev else None,
                snippet=d["snippet"],
            )
        )
    errors = []
    for item in raw["errors"]:
        e = _checked(item, _ERROR_FIELDS)
        errors.append(FileError(e["path"], e["message"], e.get("line")))
    return FileResult(findings=findings, errors=errors)
