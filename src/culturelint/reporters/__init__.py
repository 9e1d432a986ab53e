"""Output formats: one `Report` in, its text out (as one string, or in pieces).

Every reporter gets the same `Report` so the formats cannot drift apart: the counts in
the text summary, the JSON summary and the SARIF invocation all come from the methods
below. Reporter modules are imported only when their format is asked for, so a run that
prints JSON never pays for rich.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from culturelint.finding import FileError, Finding, Severity
from culturelint.registry import Check

FORMATS = ("text", "json", "sarif", "github")

# Most severe first: the order summaries list them in.
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass
class Report:
    findings: list[Finding]  # already sorted by (path, line, column, rule)
    errors: list[FileError]
    files: int  # number of files checked
    version: str  # tool version
    rules: list[Check]  # the checks that were active (for SARIF rules metadata)

    def by_severity(self) -> dict[str, int]:
        """Counts for every severity, zeros included, so consumers need no default."""
        counts = Counter(finding.severity for finding in self.findings)
        return {severity.value: counts[severity] for severity in SEVERITY_ORDER}

    def by_market(self) -> dict[str, int]:
        """Counts per market tag, sorted by tag; findings without a market are not keyed."""
        counts = Counter(f.market for f in self.findings if f.market is not None)
        return {tag: counts[tag] for tag in sorted(counts)}

    def files_with_findings(self) -> int:
        return len({finding.path for finding in self.findings})

    def files_with_errors(self) -> int:
        """Copy files that could not be checked, or only in part."""
        return len({error.path for error in self.errors if not error.setup})

    def setup_errors(self) -> int:
        return sum(error.setup for error in self.errors)


def render(report: Report, fmt: str, *, color: bool = False, root: Path | None = None) -> str:
    """Render `report` in format `fmt`; `root` is what SARIF and GitHub paths are relative to."""
    return "".join(chunks(report, fmt, color=color, root=root))


def chunks(
    report: Report, fmt: str, *, color: bool = False, root: Path | None = None
) -> Iterator[str]:
    """`render`'s text in pieces, to be written in turn: the pieces are made as they are
    written, so a report's size does not add to a run's memory (a SARIF report of a
    large repository's findings is many times the size of the findings)."""
    if fmt == "text":
        from culturelint.reporters import text

        return text.chunks(report, color=color)
    if fmt == "json":
        from culturelint.reporters import json

        return json.chunks(json.to_object(report))
    if fmt == "sarif":
        from culturelint.reporters import sarif

        return sarif.chunks(report, root=root)
    if fmt == "github":
        from culturelint.reporters import github

        return github.chunks(report, root=root)
    raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")


def relative_posix(path: str, root: Path | None) -> str:
    """A finding's path as CI tools want it: forward slashes, relative to `root` when inside.

    Relative paths are taken to be relative to `root` already (the engine reports paths
    the way they were found from the working directory). An absolute path outside `root`
    stays absolute.
    """
    candidate = Path(path)
    if not candidate.is_absolute() and root is not None and ".." in candidate.parts:
        # "../other/a.md" is outside `root` (or back inside it by a detour): SARIF
        # viewers and GitHub would resolve it against the root, so it is made whole.
        candidate = Path(os.path.normpath(root.absolute() / candidate))
    if candidate.is_absolute() and root is not None:
        try:
            candidate = candidate.relative_to(root.absolute())
        except ValueError:
            pass
    posix = candidate.as_posix()
    if not candidate.is_absolute():
        # "./copy/a.md" and "copy/a.md" must be the same file to GitHub.
        posix = str(PurePosixPath(posix))
    return posix
