"""What is installed: distribution versions and plug-in entry points, asked of
importlib.metadata only when the environment has changed.

importlib.metadata answers by scanning each folder of sys.path and parsing metadata
files, and importing it brings in email, zipfile and socket: together about a
fourteenth of a pre-commit run on one file, for answers that change only when a
distribution is installed, upgraded or removed. So the answers are kept with the
derived data (`validcache.memo_json`) under a fingerprint of the environment: the
name of every distribution's metadata folder on sys.path (for a wheel it carries
the version) and the modification times of that folder and of the files in it
that hold the answers (METADATA or PKG-INFO, entry_points.txt). Whatever changes
an answer changes the fingerprint; folder modification times of sys.path itself
are left out, since any file saved in the working folder (sys.path[0]) would
change them.

The result cache is keyed by `distributions` instead: names, versions and entry
points without times or paths, so a fresh install of the same versions (a CI runner
restoring the cache folder) finds the results stored before.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from typing import Any

_METADATA_SUFFIXES = (".dist-info", ".egg-info")
_ANSWER_FILES = ("METADATA", "PKG-INFO", "entry_points.txt")


@cache
def version(name: str) -> str | None:
    """The installed version of the distribution `name`, or None if it is not
    installed: part of the names of files derived from it, so an upgrade rebuilds
    them."""
    from culturelint.profiles import validcache

    return validcache.memo_json(
        "installed", f"{fingerprint()} version {name}", lambda: _asked_version(name), _version
    )


def entry_points(group: str) -> list[tuple[str, str]]:
    """The (name, value) of each entry point in `group`, in importlib.metadata's
    order. Not remembered in the process: registries are built once per process."""
    from culturelint.profiles import validcache

    return validcache.memo_json(
        "installed",
        f"{fingerprint()} entry points {group}",
        lambda: _asked_entry_points(group),
        _entry_points,
    )


def _version(found: Any) -> str | None:
    if found is not None and not isinstance(found, str):
        raise TypeError("not a version")
    return found


def _entry_points(found: Any) -> list[tuple[str, str]]:
    from culturelint.profiles.validcache import strings

    pairs = [tuple(strings(item)) for item in found]
    if any(len(pair) != 2 for pair in pairs):
        raise ValueError("not a name and a value")
    return pairs  # type: ignore[return-value]


def _asked_version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as metadata_version

    try:
        return metadata_version(name)
    except PackageNotFoundError:
        return None


def _asked_entry_points(group: str) -> list[list[str]]:
    from importlib.metadata import entry_points as metadata_entry_points

    return [[ep.name, ep.value] for ep in metadata_entry_points(group=group)]


@cache
def fingerprint() -> str:
    """A digest of the distributions on sys.path (see the module's docstring); about
    a millisecond for a virtual environment of a hundred distributions."""
    parts: list[str] = []
    for entry, folder, names in _metadata_folders():
        if names is None:
            parts.append(f"{entry}\0{_mtime(folder)}")  # a zip archive
            continue
        parts.append(entry)
        for name in names:
            parts.append(f"{name}\0{_mtime(os.path.join(folder, name))}")
            for file in _ANSWER_FILES:
                parts.append(f"{name}/{file}\0{_mtime(os.path.join(folder, name, file))}")
    return _digest(parts)


@cache
def distributions() -> str:
    """A digest of what is installed as the rules see it: each distribution's
    metadata folder by name (for a wheel, name and version), its version when the
    name lacks one, and its entry points, in sys.path order. Part of the result
    cache's key.

    Unlike `fingerprint`, no modification times and no folder paths: a CI runner that
    installs the same versions into a fresh environment and restores the cache folder
    must find the results it stored, and every fresh install stamps new times."""
    parts: list[str] = []
    for _entry, folder, names in _metadata_folders():
        if names is None:
            parts.append(f"zip\0{os.path.basename(folder)}")
            continue
        for name in names:
            parts.append(name)
            meta = os.path.join(folder, name)
            base = name.removesuffix(".dist-info").removesuffix(".egg-info")
            if "-" not in base:  # "acme_lint.egg-info": the version is inside
                parts.append(_read(os.path.join(meta, "PKG-INFO"), version_only=True))
            parts.append(_read(os.path.join(meta, "entry_points.txt")))
    return _digest(parts)


def _metadata_folders() -> list[tuple[str, str, list[str] | None]]:
    """(sys.path entry, folder, metadata folder names) for each readable entry; names
    are None for an entry that is a file (a zip archive)."""
    found: list[tuple[str, str, list[str] | None]] = []
    for entry in sys.path:
        folder = entry or os.curdir
        try:
            if not os.path.isdir(folder):
                os.stat(folder)
                found.append((entry, folder, None))
                continue
            with os.scandir(folder) as listing:
                names = sorted(e.name for e in listing if e.name.endswith(_METADATA_SUFFIXES))
        except OSError:
            continue
        found.append((entry, folder, names))
    return found


def _digest(parts: list[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _read(path: str, version_only: bool = False) -> str:
    """A small metadata file's text ("" when absent); with `version_only`, its
    Version line only (PKG-INFO also holds the long description)."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            if not version_only:
                return handle.read()
            for line in handle:
                if line.startswith("Version:"):
                    return line.strip()
                if not line.strip():
                    break  # the headers end at the first blank line
    except OSError:
        pass
    return ""


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None
