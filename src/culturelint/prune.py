"""Keeps `.culturelint_cache/` from growing without bound.

Three things in it outlive their use. A file's result is keyed by the day (calendar
checks depend on it), so every entry is dead the day after it was written, and a
repository linted daily in CI would otherwise gain a full set of entries a day. A
process killed outright (SIGKILL, a power cut) can leave the temporary file of an
atomic write behind. And an upgrade leaves the old version's folder, derived data
and all, unread for good.

So at the end of a run, once a day per version, the stale ones go: results written
more than two days ago, temporary files more than an hour old (a write takes
milliseconds), and the folders of versions that have not run for a week (each run
touches its version's `pruned` marker once a day, so a version still in use, say in a
pre-commit environment beside a newer install, keeps its folder). Anything that
cannot be removed, because another run got there first or the tree is read-only, is
left alone: pruning never fails a run.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import time
from pathlib import Path

from culturelint import __version__

MARKER = "pruned"
RESULT_AGE = 2 * 24 * 3600  # seconds: older than any key of today's date
TEMP_AGE = 3600
VERSION_AGE = 7 * 24 * 3600

# A result entry: <version>/<2 hex>/<sha256 hex>.json (see cache.Cache._path).
_RESULT_FOLDER = re.compile(r"[0-9a-f]{2}")
_RESULT_FILE = re.compile(r"[0-9a-f]{64}\.json")
_VERSION_FOLDER = re.compile(r"\d+\.\d+.*")


def prune(cache_root: Path) -> None:
    """Remove what is stale under `cache_root` (the `.culturelint_cache` folder),
    unless this version did so today already."""
    own = cache_root / __version__
    marker = own / MARKER
    today = dt.date.today().isoformat()
    try:
        if marker.read_text(encoding="utf-8") == today:
            return
    except (OSError, ValueError):
        pass
    if not own.is_dir():
        return  # nothing written yet (or a read-only tree that never had a cache)
    now = time.time()
    _prune_own(own, now)
    _prune_versions(cache_root, now)
    from culturelint.atomic import write_atomic

    try:
        write_atomic(marker, today)
    except OSError:
        pass


def _prune_own(own: Path, now: float) -> None:
    for folder, _dirs, files in os.walk(own):
        in_results = Path(folder).parent == own and _RESULT_FOLDER.fullmatch(Path(folder).name)
        for name in files:
            if name.endswith(".tmp"):
                limit = TEMP_AGE
            elif in_results and _RESULT_FILE.fullmatch(name):
                limit = RESULT_AGE
            else:
                continue
            _remove_if_older(Path(folder, name), now - limit)


def _prune_versions(cache_root: Path, now: float) -> None:
    try:
        folders = [p for p in cache_root.iterdir() if p.name != __version__ and p.is_dir()]
    except OSError:
        return
    for folder in folders:
        if not _VERSION_FOLDER.fullmatch(folder.name):
            continue  # not a version's folder: not culturelint's to remove
        marker = folder / MARKER
        last_used = _mtime(marker) if marker.exists() else _mtime(folder)
        if last_used is not None and last_used < now - VERSION_AGE:
            shutil.rmtree(folder, ignore_errors=True)


def _remove_if_older(path: Path, cutoff: float) -> None:
    modified = _mtime(path)
    if modified is not None and modified < cutoff:
        try:
            path.unlink()
        except OSError:
            pass  # removed by a concurrent run, or not ours to remove


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None
