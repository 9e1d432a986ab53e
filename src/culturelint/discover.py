"""Which files a run lints: the paths given, directories recursed, .gitignore honoured.

Files named explicitly are linted even when a .gitignore would hide them (the user
asked for them), but config `exclude` patterns apply to every path, so a pre-commit hook
that passes every changed file still respects the project's excludes.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from culturelint.config import Config, pattern_matches

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        ".venv",
        "venv",
        "__pycache__",
        ".culturelint_cache",
        ".tox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
    }
)


class Target(NamedTuple):
    path: Path
    display: str  # as shown in findings: relative to the working directory when possible
    explicit: bool


class _Ignorer:
    """gitignore matching for a tree: one PathSpec per folder that has a .gitignore."""

    def __init__(self) -> None:
        self._specs: dict[Path, object | None] = {}

    def _spec(self, folder: Path):  # type: ignore[no-untyped-def]
        if folder not in self._specs:
            spec = None
            gi = folder / ".gitignore"
            if os.path.isfile(gi):  # False, not an error, in a folder we may not enter
                import pathspec

                try:
                    lines = gi.read_text(encoding="utf-8", errors="replace").splitlines()
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
                except (OSError, ValueError):
                    spec = None
            self._specs[folder] = spec
        return self._specs[folder]

    def ignored(self, path: Path, is_dir: bool, top: Path) -> bool:
        folders = [p for p in path.parents if p == top or top in p.parents]
        for folder in folders:
            spec = self._spec(folder)
            if spec is None:
                continue
            rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            if spec.match_file(rel):  # type: ignore[attr-defined]
                return True
        return False


def _excluded(path: Path, config: Config) -> bool:
    if not config.exclude:
        return False
    try:
        rel = _resolve(path).relative_to(config.root).as_posix()
    except ValueError:
        rel = path.as_posix()
    return any(pattern_matches(rel, pattern) for pattern in config.exclude)


def git_root(folder: Path) -> Path | None:
    """The enclosing repository, so .gitignore files above the linted folder count too."""
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate / ".git"):  # False in a folder we may not enter
            return candidate
    return None


def display_path(path: Path) -> str:
    try:
        # Links are not followed: a finding or error names the file as the user sees it.
        return Path(os.path.abspath(path)).relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def _resolve(path: Path) -> Path:
    """The absolute path with links followed as far as they go; never raises.

    `Path.resolve()` raises RuntimeError (Python < 3.13) or OSError on a symbolic
    link loop; `os.path.realpath` stops at the loop instead.
    """
    return Path(os.path.realpath(path))


def unreadable(path: Path) -> str | None:
    """Why a file cannot be linted before it is even opened, or None when it can be.

    A link that points in a circle or at nothing, or something that is not a regular
    file (a named pipe would block the run forever, /dev/zero would never end).
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop; not checked"
        if exc.errno == errno.ENOENT and path.is_symlink():
            return "broken symbolic link (its target does not exist); not checked"
        if exc.errno == errno.ENOENT:
            return "no such file or directory"
        return f"cannot read file ({exc.strerror or exc})"
    if stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a pipe, socket or device); not checked"
    return None


def discover(
    paths: list[str], config: Config, accepts: Callable[[str], bool]
) -> Iterator[Target | str]:
    """Yield targets in a stable order, or an error string for a path that does not
    exist or cannot be read: a folder the walk may not enter is said, never skipped.

    `accepts` says whether a file found in a folder is copy (a reader handles it); it
    sees the path, because .json counts only on a locale path (de/app.json, not
    package.json).
    """
    ignorer = _Ignorer()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        try:
            os.lstat(path)
        except OSError as exc:
            if exc.errno in (errno.ENOENT, errno.ENOTDIR):
                yield f"{raw}: no such file or directory"
            else:  # a folder on the way that may not be entered
                yield f"{display_path(path)}: cannot read ({exc.strerror or exc})"
            continue
        problem = unreadable(path)
        if problem is not None:
            yield f"{display_path(path)}: {problem}"
            continue
        if os.path.isdir(path):
            top = git_root(_resolve(path)) or _resolve(path)
            walk_errors: list[OSError] = []
            for dirpath, dirnames, filenames in os.walk(
                path, followlinks=False, onerror=walk_errors.append
            ):
                yield from _walk_problems(walk_errors)
                current = Path(dirpath)
                dirnames[:] = sorted(
                    d
                    for d in dirnames
                    if d not in SKIP_DIRS
                    and not _excluded(current / d, config)
                    and not ignorer.ignored(_resolve(current / d), True, top)
                )
                for name in sorted(filenames):
                    file = current / name
                    if not accepts(file.as_posix()):
                        continue
                    resolved = _resolve(file)
                    if resolved in seen or _excluded(file, config):
                        continue
                    if ignorer.ignored(resolved, False, top):
                        continue
                    seen.add(resolved)
                    problem = unreadable(file)
                    if problem is not None:
                        yield f"{display_path(file)}: {problem}"
                        continue
                    yield Target(file, display_path(file), explicit=False)
            yield from _walk_problems(walk_errors)
        else:
            resolved = _resolve(path)
            if resolved in seen or _excluded(path, config):
                continue
            seen.add(resolved)
            yield Target(path, display_path(path), explicit=True)


def _walk_problems(errors: list[OSError]) -> Iterator[str]:
    """The folders os.walk could not list since it was last asked, as error strings."""
    while errors:
        exc = errors.pop(0)
        where = display_path(Path(exc.filename)) if exc.filename else "?"
        yield f"{where}: cannot read folder ({exc.strerror or exc}); its files were not checked"
