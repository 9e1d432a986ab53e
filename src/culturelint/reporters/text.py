"""`--format text`: findings grouped by file, for people, like ruff and ESLint print them.

    copy/ja-JP/launch.md
      3:12  warning  CL201  White is worn at funerals in Japan.  [colour-connotation]
                            help: use red or gold for a celebration
                            why: colours.white in the ja-JP profile (source)

The layout is built as lines of (text, style) spans, a file at a time; plain output
joins the text, coloured output hands the same spans to rich. So piped output never
contains an escape code and both outputs always line up the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from io import StringIO

from culturelint.finding import Evidence, FileError, Finding, Severity
from culturelint.reporters import Report

Span = tuple[str, str]  # text, rich style ("" for none)
Line = list[Span]

SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}
GAP = "  "
INDENT = "  "

# Copy comes from files we do not control: a stray escape sequence in a message must not
# reach the terminal. Newlines are handled by the layout; other controls are shown escaped.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def chunks(report: Report, *, color: bool = False) -> Iterator[str]:
    """The report's text a file at a time (then the errors, then the summary), so a
    run with a hundred thousand findings never holds their lines all at once."""
    if not color:
        for block in blocks(report):
            yield "".join("".join(text for text, _ in line) + "\n" for line in block)
        return
    yield from _to_ansi(blocks(report))


def blocks(report: Report) -> Iterator[list[Line]]:
    """The layout: a block of lines per file with findings, one for the errors, and
    the summary line last."""
    for path, findings in _group_by_path(report.findings).items():
        yield [[(_clean(path), "bold underline")], *_finding_lines(findings), []]
    if report.errors:
        yield [*(_error_line(error) for error in report.errors), []]
    yield [[(summary(report), _summary_style(report))]]


def summary(report: Report) -> str:
    """The last line: counts a reader can compare between runs at a glance."""
    unchecked = report.files_with_errors()
    tail = f"; {_plural(unchecked, 'file')} could not be checked" if unchecked else ""
    setup = report.setup_errors()
    tail += f"; {_plural(setup, 'setup error')}" if setup else ""
    if not report.findings:
        if tail:
            return f"No problems found in {_plural(report.files, 'file')}{tail}."
        return f"All checked: {_plural(report.files, 'file')}, no problems."
    counts = report.by_severity()
    detail = ", ".join(
        [
            _plural(counts["error"], "error"),
            _plural(counts["warning"], "warning"),
            f"{counts['info']} info",
        ]
    )
    where = f"{report.files_with_findings()} of {_plural(report.files, 'file')}"
    return f"Found {_plural(len(report.findings), 'problem')} ({detail}) in {where}{tail}."


def _group_by_path(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    # A dict rather than itertools.groupby: one header per file even if the caller's
    # list is not perfectly sorted.
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.path, []).append(finding)
    return groups


def _finding_lines(findings: list[Finding]) -> list[Line]:
    locations = [f"{f.line}:{f.column}" for f in findings]
    loc_width = max(len(loc) for loc in locations)
    sev_width = max(len(f.severity.value) for f in findings)
    code_width = max(len(f.rule) for f in findings)
    # help: and why: start where the message starts.
    hang = " " * (len(INDENT) + loc_width + sev_width + code_width + 3 * len(GAP))

    lines: list[Line] = []
    for finding, location in zip(findings, locations, strict=True):
        message = _clean(finding.message).split("\n")
        severity = finding.severity.value
        # Padding sits outside the styled text so colour covers only the words.
        row: Line = [
            (INDENT, ""),
            (location, "dim"),
            (_pad(location, loc_width), ""),
            (severity, SEVERITY_STYLE[finding.severity]),
            (_pad(severity, sev_width), ""),
            (finding.rule, "bold"),
            (_pad(finding.rule, code_width), ""),
            (message[0], ""),
        ]
        lines.append(row)
        lines.extend([(hang, ""), (part, "")] for part in message[1:])
        lines[-1].extend([(GAP, ""), (f"[{finding.name}]", "dim")])
        if finding.suggestion:
            lines.append([(hang, ""), ("help: ", "bold cyan"), (_one_line(finding.suggestion), "")])
        if finding.evidence is not None:
            lines.append([(hang, ""), ("why: ", "bold"), (_why(finding.evidence), "dim")])
    return lines


def _why(evidence: Evidence) -> str:
    text = f"{evidence.key} in the {evidence.profile} profile"
    if evidence.source:
        text += f" ({_one_line(evidence.source)})"
    return _one_line(text)


def _error_line(error: FileError) -> Line:
    where = error.path if error.line is None else f"{error.path}:{error.line}"
    return [
        (f"{_clean(where)}: ", "bold"),
        ("error: ", "bold red"),
        (_one_line(error.message), ""),
    ]


def _summary_style(report: Report) -> str:
    counts = report.by_severity()
    if report.errors or counts["error"]:
        return "bold red"
    if counts["warning"]:
        return "bold yellow"
    if counts["info"]:
        return "bold cyan"
    return "bold green"


def _pad(text: str, width: int) -> str:
    return " " * (width - len(text)) + GAP


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _one_line(text: str) -> str:
    return " ".join(_clean(text).split())


def _to_ansi(blocks: Iterable[list[Line]]) -> Iterator[str]:
    # rich is only needed for colour; importing it lazily keeps piped runs lean.
    from rich.console import Console
    from rich.text import Text

    buffer = StringIO()
    console = Console(
        file=buffer,
        force_terminal=True,
        no_color=False,
        color_system="standard",
        width=100_000,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=True,
    )
    for block in blocks:
        for line in block:
            console.print(Text.assemble(*line))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
