"""Remembers which market profiles and rule files have passed their JSON Schema.

Validating is the dearest part of loading them: jsonschema alone takes about a tenth
of a second to import, which a pre-commit hook linting one file pays on every commit.
The verdict depends only on the file's text, the schema and the tool version, so a
file that passed once is recorded under a hash of those three and not validated again.

Only passes are recorded. A file with errors is validated every time, so its errors
are always reported in full, exactly as without this record. The record lives in the
result cache's folder and is off until the run names that folder (`configure`), so
`--no-cache` and library use neither read nor write it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from culturelint import __version__

_folder: Path | None = None


def configure(cache_root: Path | None) -> None:
    """Keep records under `cache_root` (the `.culturelint_cache` folder), or nowhere
    (None: validate every time)."""
    global _folder
    _folder = Path(cache_root) / __version__ / "valid" if cache_root is not None else None


def folder() -> Path | None:
    return _folder


def _record(kind: str, schema: bytes, text: str) -> Path | None:
    if _folder is None:
        return None
    h = hashlib.sha256()
    for part in (__version__.encode(), kind.encode(), schema, text.encode("utf-8", "surrogatepass")):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    key = h.hexdigest()
    return _folder / key[:2] / key


def known_valid(kind: str, schema: bytes, text: str) -> bool:
    """True when this very text passed this schema before."""
    record = _record(kind, schema, text)
    return record is not None and record.is_file()


def remember_valid(kind: str, schema: bytes, text: str) -> None:
    """Record a pass; a folder that cannot be written just means no record."""
    record = _record(kind, schema, text)
    if record is None or record.is_file():
        return
    from culturelint.atomic import write_atomic

    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        marker = record.parents[3] / ".gitignore"
        if not marker.exists():
            write_atomic(marker, "# Created by culturelint.\n*\n")
        write_atomic(record, b"")
    except OSError:
        pass
