"""A baseline: today's findings, recorded so a CI gate fails only on new ones.

Adopting a linter on a content repository with hundreds of existing findings should not
mean fixing them all first. The baseline file lists them; later runs drop findings the
baseline already knows and report the rest.

Matching is by fingerprint, not by line number: a fingerprint is a hash of the rule, the
file and the flagged text, so adding a paragraph above a finding does not make it "new",
while editing the flagged text does. The baseline is a multiset: if a file has the same
finding twice and the baseline recorded it once, one of the two is new.

Files are named relative to the baseline's own folder (format version 2), so the same
baseline matches whether culturelint runs from the repository root, from a subfolder,
or from a CI checkout at another absolute path. Version 1 files, which named files as
the run that wrote them reported them, are still read and matched that way.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from culturelint.atomic import write_atomic
from culturelint.finding import Finding
from culturelint.reporters.json import Items, chunks

FORMAT_VERSION = 2
# Version 1 named files as reported (relative to the working folder of the run).
READABLE_VERSIONS = (1, 2)
TOOL = "culturelint"


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names the file."""


class BaselineNotFoundError(BaselineError):
    """The baseline file does not exist (a caller may choose to create it)."""


@lru_cache(maxsize=4096)
def normalize_path(path: str) -> str:
    """The same file must match whether it was found as `./a.md`, `a.md` or `a\\b.md`.
    Remembered: every finding of a file asks for its file's name (a tenth of the time
    of a SARIF report, which fingerprints each finding)."""
    return str(PurePosixPath(path.replace("\\", "/")))


def relative_path(path: str, root: str) -> str:
    """`path` as a finding reports it (relative to the working folder, or absolute),
    named relative to the folder `root` (absolute, symbolic links resolved)."""
    real = os.path.realpath(path)
    try:
        return normalize_path(os.path.relpath(real, root))
    except ValueError:  # Windows: another drive, no relative path exists
        return normalize_path(real)


def fingerprint(finding: Finding, path: str | None = None) -> str:
    """A line-independent identity for a finding: rule, file and the flagged text.

    `path` names the file as the baseline does; by default, as the finding reports it.
    The flagged text is `Finding.snippet`; a finding about something missing has none,
    and its message stands in. Whitespace is collapsed so re-wrapping a paragraph does not
    turn its findings into new ones.
    """
    anchor = " ".join((finding.snippet or finding.message).split())
    name = normalize_path(finding.path if path is None else path)
    material = "\0".join((finding.rule, name, anchor))
    # surrogatepass: a file name that is not UTF-8 reaches here with lone surrogates.
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class BaselineEntry:
    path: str
    rule: str
    fingerprint: str
    # Line and message are for people reading the file; matching ignores them.
    line: int = 0
    message: str = ""

    @classmethod
    def from_finding(cls, finding: Finding, path: str | None = None) -> BaselineEntry:
        """The entry for `finding`, its file named `path` (default: as reported)."""
        name = normalize_path(finding.path if path is None else path)
        return cls(
            path=name,
            rule=finding.rule,
            fingerprint=fingerprint(finding, name),
            line=finding.line,
            message=finding.message,
        )

    def sort_key(self) -> tuple[str, str, int, str, str]:
        return (self.path, self.rule, self.line, self.fingerprint, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "rule": self.rule,
            "fingerprint": self.fingerprint,
            "line": self.line,
            "message": self.message,
        }


@dataclass
class Baseline:
    entries: list[BaselineEntry] = field(default_factory=list)
    # The folder entries name files relative to: the baseline file's own (absolute,
    # links resolved). None: files are named as findings report them (version 1).
    root: str | None = None
    _names: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def from_findings(cls, findings: Iterable[Finding], root: Path | None = None) -> Baseline:
        """A baseline of `findings`; `root` is the folder of the file it will be saved
        to, which its paths are then relative to."""
        baseline = cls(root=os.path.realpath(root) if root is not None else None)
        baseline.entries = sorted(
            (BaselineEntry.from_finding(f, baseline._name(f.path)) for f in findings),
            key=BaselineEntry.sort_key,
        )
        return baseline

    def _name(self, path: str) -> str:
        """How this baseline names the file a finding reports as `path`."""
        if self.root is None:
            return normalize_path(path)
        name = self._names.get(path)
        if name is None:
            name = self._names[path] = relative_path(path, self.root)
        return name

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise BaselineNotFoundError(f"{path}: baseline file not found") from None
        except UnicodeDecodeError:
            raise BaselineError(f"{path}: not a baseline file (not UTF-8 text)") from None
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror}") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BaselineError(
                f"{path}:{exc.lineno}:{exc.colno}: baseline is not valid JSON: {exc.msg}"
            ) from None
        version, entries = _parse(data, path)
        root = os.path.realpath(path.parent) if version >= 2 else None
        return cls(entries, root=root)

    def save(self, path: Path) -> None:
        """Write the baseline to `path`, which should be in the folder it was made for
        (`from_findings`'s root); without a root it is written as version 1."""
        entries = sorted(self.entries, key=BaselineEntry.sort_key)
        document = {
            "version": FORMAT_VERSION if self.root is not None else 1,
            "tool": TOOL,
            # Written as made, like the reports (see `reporters.json.Items`).
            "findings": Items(entry.to_dict() for entry in entries),
        }
        try:
            write_atomic(path, chunks(document))
        except OSError as exc:
            raise BaselineError(f"{path}: cannot write baseline: {exc.strerror}") from None

    def filter(self, findings: Iterable[Finding]) -> tuple[list[Finding], int]:
        """Split off what the baseline knows: (new findings, number matched).

        Each baseline entry absorbs at most one current finding.
        """
        remaining = Counter(entry.fingerprint for entry in self.entries)
        new: list[Finding] = []
        matched = 0
        for finding in findings:
            key = fingerprint(finding, self._name(finding.path))
            if remaining[key] > 0:
                remaining[key] -= 1
                matched += 1
            else:
                new.append(finding)
        return new, matched


def updated(
    path: Path, findings: Iterable[Finding], checked: Iterable[str], rules: Iterable[str]
) -> tuple[Baseline, int, str | None]:
    """The baseline `--update-baseline` writes to `path`: this run's findings, and the
    entries of the file already there that this run could not have found again.

    Those are the entries of files it did not check (a pre-commit hook passes only
    the files that changed, and a file that could not be read keeps its entries) and
    of rules it did not run (`--select`). An entry whose file is gone is dropped.
    `checked` names the files checked as findings report them; `rules` are codes.
    Returns the baseline, how many old entries it keeps, and a warning when the old
    file could not be read and is replaced. A version 1 file is replaced too: its
    fingerprints hold file names as its run reported them, which cannot be renamed.
    """
    fresh = Baseline.from_findings(findings, path.parent)
    try:
        old = Baseline.load(path)
    except BaselineNotFoundError:
        return fresh, 0, None
    except BaselineError as exc:
        return fresh, 0, f"{exc}; written afresh from this run's findings"
    if old.root is None:
        return fresh, 0, None
    names = {fresh._name(name) for name in checked}
    ran = set(rules)
    kept = [
        entry
        for entry in old.entries
        if not (entry.path in names and entry.rule in ran)
        and os.path.exists(os.path.join(old.root, entry.path))
    ]
    fresh.entries = sorted([*fresh.entries, *kept], key=BaselineEntry.sort_key)
    return fresh, len(kept), None


def _parse(data: object, path: Path) -> tuple[int, list[BaselineEntry]]:
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a culturelint baseline (no 'findings' list)")
    if data.get("tool", TOOL) != TOOL:
        raise BaselineError(f"{path}: baseline was written by {data['tool']!r}, not {TOOL}")
    version = data.get("version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        readable = " and ".join(str(v) for v in READABLE_VERSIONS)
        raise BaselineError(
            f"{path}: unsupported baseline version {version!r} "
            f"(this culturelint reads versions {readable})"
        )
    entries = [
        _parse_entry(item, f"{path}: findings[{i}]") for i, item in enumerate(data["findings"])
    ]
    return version, entries


def _parse_entry(item: object, where: str) -> BaselineEntry:
    if not isinstance(item, dict):
        raise BaselineError(f"{where}: expected an object")
    for key in ("path", "rule", "fingerprint"):
        if not isinstance(item.get(key), str) or not item[key]:
            raise BaselineError(f"{where}: missing or empty {key!r}")
    line = item.get("line", 0)
    message = item.get("message", "")
    if not isinstance(line, int) or isinstance(line, bool):
        raise BaselineError(f"{where}: 'line' must be an integer")
    if not isinstance(message, str):
        raise BaselineError(f"{where}: 'message' must be a string")
    return BaselineEntry(
        path=item["path"],
        rule=item["rule"],
        fingerprint=item["fingerprint"],
        line=line,
        message=message,
    )
