"""GitHub Actions workflow commands: one annotation per line, escaped as GitHub documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from culturelint.finding import FileError, Finding, Severity
from culturelint.reporters import Report, render
from culturelint.reporters.github import escape_data, escape_property


def make_finding(**overrides: object) -> Finding:
    values: dict[str, object] = {
        "path": "copy/ja-JP/launch.md",
        "line": 3,
        "column": 7,
        "end_line": 3,
        "end_column": 10,
        "rule": "CL201",
        "name": "colour-connotation",
        "category": "colour",
        "severity": Severity.WARNING,
        "market": "ja-JP",
        "message": "「日本語」 in white suggests mourning.",
        "suggestion": None,
        "evidence": None,
        "snippet": "日本語",
    }
    values.update(overrides)
    return Finding(**values)  # type: ignore[arg-type]


def render_github(
    findings: list[Finding], errors: list[FileError] | None = None, root: Path | None = None
) -> str:
    report = Report(findings=findings, errors=errors or [], files=3, version="0.1.0", rules=[])
    return render(report, "github", root=root)


def test_finding_becomes_one_annotation_line() -> None:
    assert render_github([make_finding()]) == (
        "::warning file=copy/ja-JP/launch.md,line=3,col=7,endLine=3,endColumn=10,"
        "title=CL201 colour-connotation::「日本語」 in white suggests mourning.\n"
    )


@pytest.mark.parametrize(
    ("severity", "command"),
    [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "notice")],
)
def test_severity_maps_to_command(severity: Severity, command: str) -> None:
    output = render_github([make_finding(severity=severity)])

    assert output.startswith(f"::{command} file=")


def test_path_with_spaces_commas_and_colons_is_escaped() -> None:
    output = render_github([make_finding(path="copy/pt-BR/landing page, v2: final.html")])

    assert output.startswith("::warning file=copy/pt-BR/landing page%2C v2%3A final.html,line=3,")


def test_suggestion_is_a_second_message_line() -> None:
    output = render_github([make_finding(message="👌 is rude.", suggestion="Use 👍 instead.")])

    assert output.endswith("::👌 is rude.%0ASuggestion: Use 👍 instead.\n")
    assert output.count("\n") == 1


def test_message_percent_and_newlines_are_escaped_but_not_colons_or_commas() -> None:
    output = render_github([make_finding(message="50% off:\r\nnow, today")])

    assert output.endswith("::50%25 off:%0D%0Anow, today\n")


def test_multi_line_finding_has_no_columns() -> None:
    output = render_github([make_finding(end_line=5, end_column=2)])

    assert "file=copy/ja-JP/launch.md,line=3,endLine=5,title=" in output
    assert "col=" not in output
    assert "endColumn=" not in output


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            FileError("copy/broken.po", "unterminated string", line=12),
            "::error file=copy/broken.po,line=12::unterminated string\n",
        ),
        (
            FileError("copy/no market, v2.md", "no market:\nadd one"),
            "::error file=copy/no market%2C v2.md::no market:%0Aadd one\n",
        ),
    ],
)
def test_file_errors_are_error_annotations(error: FileError, expected: str) -> None:
    assert render_github([], [error]) == expected


def test_findings_come_before_errors_one_per_line() -> None:
    findings = [make_finding(), make_finding(line=9, end_line=9, severity=Severity.INFO)]

    lines = render_github(findings, [FileError("a.md", "bad")]).splitlines()

    assert [line.split(" ", 1)[0] for line in lines] == ["::warning", "::notice", "::error"]


def test_nothing_to_report_prints_nothing() -> None:
    assert render_github([]) == ""


def test_absolute_path_is_made_relative_to_the_root(tmp_path: Path) -> None:
    finding = make_finding(path=str(tmp_path / "copy" / "a.md"))

    output = render_github([finding], root=tmp_path)

    assert output.startswith("::warning file=copy/a.md,line=3,")


@pytest.mark.parametrize(
    ("value", "data", "prop"),
    [
        ("plain text", "plain text", "plain text"),
        ("100%", "100%25", "100%25"),
        ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        # Already-escaped-looking text must round-trip, so % is escaped first.
        ("%0A", "%250A", "%250A"),
    ],
)
def test_escaping_rules(value: str, data: str, prop: str) -> None:
    assert escape_data(value) == data
    assert escape_property(value) == prop
