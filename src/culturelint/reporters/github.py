"""`--format github`: GitHub Actions workflow commands, shown as annotations on a PR.

    ::warning file=a.md,line=3,col=12,endLine=3,endColumn=17,title=CL201 colour-connotation::...

GitHub reads one command per line, so every value is escaped the way the Actions toolkit
does it: in the message `%`, CR and LF; in properties also `:` and `,`, which would
otherwise end the value.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from culturelint.finding import FileError, Finding, Severity
from culturelint.reporters import Report, relative_posix

COMMAND = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def chunks(report: Report, *, root: Path | None = None) -> Iterator[str]:
    """One command per line, written as they are made."""
    path, name = None, ""
    for finding in report.findings:
        if finding.path != path:  # findings come a file at a time
            path, name = finding.path, relative_posix(finding.path, root)
        yield finding_command(finding, root, name=name) + "\n"
    for error in report.errors:
        yield error_command(error, root) + "\n"


def finding_command(finding: Finding, root: Path | None = None, *, name: str = "") -> str:
    """The command for `finding`; `name` is its file's `relative_posix` path, when known."""
    properties: dict[str, str | int] = {
        "file": name or relative_posix(finding.path, root),
        "line": finding.line,
    }
    # GitHub only honours columns for a single-line annotation.
    single_line = finding.end_line == finding.line
    if single_line:
        properties["col"] = finding.column
    properties["endLine"] = finding.end_line
    if single_line:
        properties["endColumn"] = finding.end_column
    properties["title"] = f"{finding.rule} {finding.name}"
    message = finding.message
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    return _command(COMMAND[finding.severity], properties, message)


def error_command(error: FileError, root: Path | None = None) -> str:
    properties: dict[str, str | int] = {"file": relative_posix(error.path, root)}
    if error.line is not None:
        properties["line"] = error.line
    return _command("error", properties, error.message)


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: dict[str, str | int], message: str) -> str:
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {rendered}::{escape_data(message)}"
